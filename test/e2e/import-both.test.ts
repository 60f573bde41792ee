// Both systems imported into one repository, in either order: the second import adds to the first's files (byte
// for byte otherwise), marks people it does not have, writes files for its own; the plan after is empty.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, test } from "vitest";
import type { WhenIWorkSeed } from "../../src/providers/wheniwork/sandbox/index.js";
import {
  BOTH_TARGETS_YAML,
  adminSeed,
  project,
  removeProject,
  run,
  sandbox,
  seedUser,
  wiwSandbox,
  type Sandbox,
  type WiwSandbox,
} from "./harness.js";

let kimai: Sandbox | undefined;
let wiw: WiwSandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await kimai?.close();
  await wiw?.close();
  if (dir) await removeProject(dir);
  kimai = wiw = dir = undefined;
});

const env = () => ({ ...kimai?.env, ...wiw?.env });

/** anna and dora in both, ben only in Kimai, erik only in When I Work, fay has left (off-boarded in both). */
const KIMAI = adminSeed({
  users: [
    seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] }),
    seedUser(2, "anna", {
      alias: "Anna Schmidt",
      title: "Barista lead",
      preferences: [
        { name: "work_contract_type", value: "week" },
        { name: "hours_per_week", value: "135000" },
        { name: "work_days_week", value: "1,2,3,4,5" },
        { name: "hourly_rate", value: "21.5" },
        { name: "internal_rate", value: "40" },
      ],
    }),
    seedUser(3, "ben", {
      alias: "Ben Berg",
      preferences: [
        { name: "work_contract_type", value: "day" },
        { name: "work_monday", value: "28800" },
      ],
    }),
    seedUser(4, "dora", {
      preferences: [
        { name: "work_contract_type", value: "week" },
        { name: "hours_per_week", value: "72000" },
        { name: "hourly_rate", value: "30" },
      ],
    }),
    seedUser(5, "fay", { alias: "Fay Frost", enabled: false }),
  ],
});

function wiwSeed(token: string): WhenIWorkSeed {
  return {
    accounts: [{ id: 1, name: "Demo Co" }],
    persons: [
      { id: 1, email: "admin@example.com", first_name: "Demo", last_name: "Admin", password: "sandbox" },
    ],
    users: [
      { id: 1, account_id: 1, login_id: 1, role: 1 },
      {
        id: 2,
        account_id: 1,
        email: "anna@example.com",
        first_name: "Anna",
        last_name: "Schmidt",
        role: 5,
        positions: [1, 4],
        locations: [1],
        hourly_rate: 21.5,
        hours_preferred: 37.5,
        employee_code: "E-1",
      },
      {
        id: 3,
        account_id: 1,
        email: "dora@example.com",
        first_name: "Dora",
        last_name: "Lee",
        positions: [2],
        hourly_rate: 15,
        position_rates: { "2": 2.5 },
      },
      {
        id: 4,
        account_id: 1,
        email: "erik@example.com",
        first_name: "Erik",
        last_name: "Eng",
        hours_max: 20,
        hours_preferred: 12,
      },
      {
        id: 5,
        account_id: 1,
        email: "fay@example.com",
        first_name: "Fay",
        last_name: "Frost",
        is_deleted: true,
      },
    ],
    positions: [
      { id: 1, account_id: 1, name: "Barista" },
      { id: 2, account_id: 1, name: "Cashier" },
      { id: 4, account_id: 1, name: "Old Position", is_deleted: true },
    ],
    locations: [{ id: 1, account_id: 1, name: "Main Street" }],
    tokens: { [token]: 1 },
  };
}

async function start(): Promise<void> {
  kimai = await sandbox(KIMAI);
  wiw = await wiwSandbox(wiwSeed("e2e-wiw-token-0123456789"));
  dir = await project({}, BOTH_TARGETS_YAML);
}

/** `now` is `before` with whole lines inserted: every byte that was there is there, in order. */
function onlyLinesAdded(before: string, now: string): boolean {
  const old = before.split("\n");
  let i = 0;
  for (const line of now.split("\n")) if (i < old.length && line === old[i]) i++;
  return i === old.length && now.endsWith("\n") === before.endsWith("\n");
}

async function read(file: string): Promise<string> {
  return readFile(join(dir!, "users.d", file), "utf8");
}

async function importTarget(target: string): Promise<{ stdout: string; stderr: string }> {
  const r = await run(["import", "--target", target], env(), dir!);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
}

async function expectEmptyPlan(): Promise<void> {
  const validate = await run(["validate"], {}, dir!);
  expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  const plan = await run(["plan", "--detailed-exitcode"], env(), dir!);
  expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  expect(plan.stdout.match(/No changes\./g)).toHaveLength(2);
}

describe("import of both systems into one repository", () => {
  test("Kimai first, then When I Work: blocks added byte for byte, opt-outs both ways, plan empty", async () => {
    await start();
    await importTarget("kimai");
    const before = new Map<string, string>();
    for (const f of await readdir(join(dir!, "users.d"))) before.set(f, await read(f));
    expect([...before.keys()].sort()).toEqual([
      "admin.yaml",
      "anna.yaml",
      "ben.yaml",
      "dora.yaml",
      "fay.yaml",
    ]);

    const second = await importTarget("wheniwork");
    expect(second.stdout).toContain("Wrote 1 user file(s)");
    expect(second.stdout).toContain("Marked 1 existing file(s) wheniwork: false (ben)");
    expect((await readdir(join(dir!, "users.d"))).sort()).toEqual([
      "admin.yaml",
      "anna.yaml",
      "ben.yaml",
      "dora.yaml",
      "erik.yaml",
      "fay.yaml",
    ]);
    // Everything the first import wrote is still there, byte for byte; only lines are added at the end.
    for (const [file, text] of before) expect((await read(file)).startsWith(text), file).toBe(true);
    const anna = parse(await read("anna.yaml"));
    expect(anna.rates).toEqual({ hourly: 21.5, internal: 40 });
    // The deleted position is not written (and not compared): Barista only.
    expect(anna.wheniwork).toEqual({
      role: "supervisor",
      positions: ["Barista"],
      locations: ["Main Street"],
      employment: "hourly",
      employeeCode: "E-1",
      name: { first: "Anna", last: "Schmidt" },
    });
    // dora: Kimai bills 30 and plans 20h a week; When I Work pays 15 and has no preferred hours.
    expect(parse(await read("dora.yaml")).wheniwork).toMatchObject({
      positions: ["Cashier"],
      positionRates: { Cashier: 2.5 },
      name: { first: "Dora", last: "Lee" },
      hourlyRate: 15,
      hoursPreferred: "0h",
    });
    expect(await read("ben.yaml")).toMatch(/\nwheniwork: false # not in When I Work\n$/);
    expect(parse(await read("fay.yaml"))).toMatchObject({
      enabled: false,
      wheniwork: { name: { first: "Fay" } },
    });
    const erik = parse(await read("erik.yaml"));
    expect(erik).toMatchObject({
      username: "erik",
      kimai: false,
      wheniwork: { hoursMax: "20h", hoursPreferred: "12h" },
    });
    await expectEmptyPlan();
  });

  test("When I Work first, then Kimai: Kimai's fields added, its own people new files, plan empty", async () => {
    await start();
    await importTarget("wheniwork");
    const before = new Map<string, string>();
    for (const f of await readdir(join(dir!, "users.d"))) before.set(f, await read(f));
    expect([...before.keys()].sort()).toEqual([
      "admin.yaml",
      "anna.yaml",
      "dora.yaml",
      "erik.yaml",
      "fay.yaml",
    ]);
    // Unset preferred hours are not written.
    expect(before.get("admin.yaml")).not.toContain("hoursPreferred");

    const second = await importTarget("kimai");
    expect(second.stdout).toContain("Wrote 1 user file(s)");
    expect(second.stdout).toContain("Marked 1 existing file(s) kimai: false (erik)");
    for (const [file, text] of before) {
      const now = await read(file);
      // dora's rates.hourly becomes Kimai's (its billing rate); When I Work's moves to wheniwork.hourlyRate.
      const was = file === "dora.yaml" ? text.replace("hourly: 15", "hourly: 30") : text;
      expect(onlyLinesAdded(was, now), `${file}:\n${now}`).toBe(true);
    }
    const anna = parse(await read("anna.yaml"));
    expect(anna).toMatchObject({
      title: "Barista lead",
      rates: { hourly: 21.5, internal: 40 },
      contract: { type: "week", hoursPerWeek: "37h30m", workDays: "mon-fri" },
    });
    expect(anna.wheniwork.hoursPreferred).toBe("37h30m");
    expect(parse(await read("dora.yaml"))).toMatchObject({
      rates: { hourly: 30 },
      contract: { type: "week", hoursPerWeek: "20h" },
      wheniwork: { hourlyRate: 15, hoursPreferred: "0h" },
    });
    const ben = parse(await read("ben.yaml"));
    expect(ben).toMatchObject({ username: "ben", alias: "Ben Berg", wheniwork: false });
    expect(await read("erik.yaml")).toMatch(/\nkimai: false # not in Kimai\n$/);
    await expectEmptyPlan();
  });

  test("what one file cannot say for both is reported: archived in When I Work, enabled in Kimai", async () => {
    const users = [
      ...KIMAI.users.filter((u) => u.username !== "fay"),
      seedUser(5, "fay", { alias: "Fay Frost" }),
    ];
    kimai = await sandbox({ ...KIMAI, users });
    wiw = await wiwSandbox(wiwSeed("e2e-wiw-token-0123456789"));
    dir = await project({}, BOTH_TARGETS_YAML);
    // Kimai first: fay is in Kimai and has left When I Work, so she is kept out of it.
    await importTarget("kimai");
    await importTarget("wheniwork");
    expect(await read("fay.yaml")).toMatch(
      /\nwheniwork: false # archived in When I Work \(Fay Frost <fay@example.com>\)\n$/,
    );
    await expectEmptyPlan();
    await removeProject(dir);
    // When I Work first: fay.yaml says enabled: false, which Kimai cannot take: reported, the file kept.
    dir = await project({}, BOTH_TARGETS_YAML);
    await importTarget("wheniwork");
    const fay = await read("fay.yaml");
    const second = await importTarget("kimai");
    expect(second.stderr).toContain(
      "users.d/fay.yaml:2: fay is off-boarded (enabled: false) but enabled in Kimai: the next plan disables them there",
    );
    expect(await read("fay.yaml")).toBe(fay);
  });
});
