// The plan names fields as the YAML does (the system's names stay in `key`), and shows a scheduled contract
// switch only on targets where it changes something.
import { describe, expect, test } from "vitest";
import { buildTargetPlan } from "../../src/core/build-plan.js";
import { diffRecords } from "../../src/core/diff.js";
import { USER_KIND } from "../../src/core/kinds.js";
import type { DesiredUser } from "../../src/core/model.js";
import type { PlanPolicy } from "../../src/core/plan.js";
import { desiredRecord as kimaiRecord } from "../../src/providers/kimai/mapping.js";
import { desiredRecord as wiwRecord } from "../../src/providers/wheniwork/mapping.js";

const policy: PlanPolicy = { unmanaged: "ignore", protect: [], limits: {} };

const anna: DesiredUser = {
  username: "anna",
  email: "anna@example.com",
  name: { first: "Anna", last: "Schmidt" },
  enabled: true,
  contract: {
    type: "week",
    template: "full-time-40h",
    hoursPerWeek: 144_000,
    workDays: [1, 2, 3, 4, 5],
    vacationDays: 30,
  },
  nextContract: {
    from: "2027-01-01",
    contract: { type: "week", hoursPerWeek: 108_000, workDays: [1, 2, 3, 4] },
  },
  rates: { hourly: 85 },
  preferences: { first_weekday: "sunday" },
  source: { file: "users.d/anna.yaml", line: 1, column: 1 },
};

describe("YAML names in the plan", () => {
  test("Kimai: contract fields by their YAML names, with the template; rates and raw preferences too", () => {
    const { changes } = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [kimaiRecord(anna)],
      remote: [],
      policy,
    });
    const named = Object.fromEntries(changes[0]!.attrs.map((a) => [a.key, a.field ?? a.key]));
    expect(named).toMatchObject({
      email: "email",
      work_contract_type: "contract.type",
      hours_per_week: "contract.hoursPerWeek",
      work_days_week: "contract.workDays",
      holidays: "contract.vacationDays",
      hourly_rate: "rates.hourly",
      first_weekday: "preferences.first_weekday",
      enabled: "enabled",
    });
    expect(changes[0]!.contract).toBe("full-time-40h");
  });

  test("no template named when no contract field changes", () => {
    const record = kimaiRecord(anna);
    const remote = {
      ...record,
      id: 1,
      fingerprint: "x",
      attrs: {
        ...record.attrs,
        email: { raw: "old@example.com", human: "old@example.com", canon: "old@example.com" },
      },
    };
    const { changes } = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [record],
      remote: [remote],
      policy,
    });
    expect(changes[0]!.attrs.map((a) => a.key)).toEqual(["email"]);
    expect(changes[0]!.contract).toBeUndefined();
  });

  test("When I Work: the wheniwork block's names; the name from `name:`", () => {
    const record = wiwRecord(
      { ...anna, targets: { ...anna.targets, wheniwork: { hoursMax: 40, positions: [] } } },
      { positions: [], locations: [] },
      [],
    );
    expect(record.fields).toMatchObject({
      first_name: "name.first",
      hours_max: "wheniwork.hoursMax",
      hours_preferred: "contract (weekly hours)",
      hourly_rate: "rates.hourly",
    });
  });
});

describe("scheduled contract switches", () => {
  const plan = (switched: (u: DesiredUser) => ReturnType<typeof kimaiRecord> | undefined, users = [anna]) =>
    buildTargetPlan({
      target: "wheniwork",
      endpoint: "http://x",
      kinds: [USER_KIND],
      users,
      mapping: { records: users.map((u) => kimaiRecord(u)), errors: [], notes: [], switched },
      snapshot: { records: [], notes: [] },
      policy,
    });

  test("shown where the switch changes the person's record", () => {
    const next = (u: DesiredUser) => kimaiRecord({ ...u, contract: u.nextContract!.contract });
    expect(plan(next).scheduled.map((s) => s.key)).toEqual(["anna"]);
  });

  test("not shown where it changes nothing, nor for a person the target does not map", () => {
    expect(plan((u) => kimaiRecord(u)).scheduled).toEqual([]);
    const wiw = (u: DesiredUser) =>
      wiwRecord({ ...u, contract: u.nextContract!.contract }, { positions: [], locations: [] }, []);
    const declared = { ...anna, targets: { ...anna.targets, wheniwork: { hoursPreferred: 20 } } };
    expect(
      buildTargetPlan({
        target: "wheniwork",
        endpoint: "http://x",
        kinds: [USER_KIND],
        users: [declared],
        mapping: {
          records: [wiwRecord(declared, { positions: [], locations: [] }, [])],
          errors: [],
          notes: [],
          switched: wiw,
        },
        snapshot: { records: [], notes: [] },
        policy,
      }).scheduled,
    ).toEqual([]);
    expect(
      buildTargetPlan({
        target: "wheniwork",
        endpoint: "http://x",
        kinds: [USER_KIND],
        users: [anna],
        mapping: { records: [], errors: [], notes: [] },
        snapshot: { records: [], notes: [] },
        policy,
      }).scheduled,
    ).toEqual([]);
  });
});
