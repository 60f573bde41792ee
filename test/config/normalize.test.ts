// Normalisation into the model's DesiredState.
import { describe, expect, test } from "vitest";
import type { DesiredUser } from "../../src/core/model.js";
import { CONFIG, load, user } from "./project.js";

async function only(files: Record<string, string>, at = "2026-06-01"): Promise<DesiredUser> {
  const result = await load(files, at);
  expect(result.diagnostics).toEqual([]);
  const first = result.state?.users[0];
  if (!first) throw new Error("no user");
  return first;
}

const templates = {
  "contracts.d/full-time-40h.yaml":
    "name: full-time-40h\ntype: week\nhoursPerWeek: 40h\nworkDays: mon-fri\nvacationDays: 30\n",
  "contracts.d/part.yaml":
    "name: part-time-20h\ntype: week\nhoursPerWeek: 20\nworkDays: [wed, mon, tue, mon]\n",
};

describe("normalisation", () => {
  test("a minimal user: enabled by default, nothing else declared", async () => {
    expect(await only({ "users.d/anna.yaml": user("anna") })).toEqual({
      username: "anna",
      email: "anna@example.com",
      enabled: true,
      source: { file: "users.d/anna.yaml", line: 1, column: 1 },
    });
  });

  test("alias is explicit, else First Last", async () => {
    expect(
      (await only({ "users.d/anna.yaml": user("anna", "name: { first: Anna, last: Schmidt }") })).alias,
    ).toBe("Anna Schmidt");
    expect(
      (
        await only({
          "users.d/anna.yaml": user("anna", "name: { first: Anna, last: Schmidt }", "alias: A. S."),
        })
      ).alias,
    ).toBe("A. S.");
  });

  test("roles upper-case, sorted, unique, without ROLE_USER", async () => {
    const result = await load({
      "users.d/anna.yaml": user("anna", "roles: [role_teamlead, ROLE_ADMIN, ROLE_USER, ROLE_TEAMLEAD]"),
    });
    expect(result.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(result.state?.users[0]?.roles).toEqual(["ROLE_ADMIN", "ROLE_TEAMLEAD"]);
  });

  test("preferences become strings", async () => {
    const anna = await only({
      "users.d/anna.yaml": user("anna", "preferences: { a: true, b: false, c: 7.5, d: 0, e: sunday }"),
    });
    expect(anna.preferences).toEqual({ a: "1", b: "0", c: "7.5", d: "0", e: "sunday" });
  });

  test("templates resolve with their name; durations in seconds; days sorted unique", async () => {
    const anna = await only({ ...templates, "users.d/anna.yaml": user("anna", "contract: part-time-20h") });
    expect(anna.contract).toEqual({
      type: "week",
      template: "part-time-20h",
      hoursPerWeek: 72000,
      workDays: [1, 2, 3],
    });
  });

  test("inline contracts of every type", async () => {
    expect(
      (
        await only({
          "users.d/ab.yaml": user("ab", "contract: { type: month, hoursPerMonth: 160h, workDays: mon-thu }"),
        })
      ).contract,
    ).toEqual({
      type: "month",
      hoursPerMonth: 576000,
      workDays: [1, 2, 3, 4],
    });
    expect(
      (
        await only({
          "users.d/ab.yaml": user("ab", "contract: { type: day, hours: { mon: 8h, fri: 4h30m } }"),
        })
      ).contract,
    ).toEqual({
      type: "day",
      hours: { 1: 28800, 2: 0, 3: 0, 4: 0, 5: 16200, 6: 0, 7: 0 },
    });
    expect(
      (
        await only({
          "users.d/ab.yaml": user(
            "ab",
            "contract: { type: none, vacationDays: 27.5, publicHolidayGroup: 2, start: 2025-01-01, end: 2027-12-31 }",
          ),
        })
      ).contract,
    ).toEqual({
      type: "none",
      vacationDays: 27.5,
      publicHolidayGroup: 2,
      start: "2025-01-01",
      end: "2027-12-31",
    });
  });

  test("the contract in force at --at, and the next scheduled one", async () => {
    const files = {
      ...templates,
      "users.d/anna.yaml": user(
        "anna",
        "contracts:",
        "  - { from: 2025-01-01, use: part-time-20h }",
        "  - { from: 2026-01-01, use: full-time-40h }",
        "  - from: 2027-01-01",
        "    type: day",
        "    hours: { mon: 8h }",
      ),
    };
    const before = await only(files, "2024-12-31");
    expect(before.contract).toBeUndefined();
    expect(before.nextContract?.from).toBe("2025-01-01");
    expect(before.nextContract?.contract.template).toBe("part-time-20h");

    const onTheDay = await only(files, "2026-01-01");
    expect(onTheDay.contract?.template).toBe("full-time-40h");
    expect(onTheDay.nextContract).toEqual({
      from: "2027-01-01",
      contract: { type: "day", hours: { 1: 28800, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 } },
    });

    const later = await only(files, "2030-01-01");
    expect(later.contract?.type).toBe("day");
    expect(later.nextContract).toBeUndefined();
  });

  test("defaults merge under every user; the user's own value wins; maps merge key-wise", async () => {
    const config = [
      CONFIG,
      "defaults:",
      "  language: de",
      "  timezone: Europe/Berlin",
      "  roles: [ROLE_TEAMLEAD]",
      "  rates: { hourly: 50, internal: 40 }",
      "  preferences: { first_weekday: monday, daily_stats: true }",
      "  wheniwork: { role: employee, locations: [Main Street] }",
      "  contract: full-time-40h",
      "",
    ].join("\n");
    const result = await load({
      ...templates,
      "rosterform.yaml": config,
      "users.d/anna.yaml": user(
        "anna",
        "language: fr",
        "rates: { hourly: 80 }",
        "preferences: { first_weekday: sunday }",
        "wheniwork: { positions: [Barista] }",
      ),
      "users.d/bob.yaml": user("bob", "roles: []", "wheniwork: false", "contract: part-time-20h"),
    });
    expect(result.diagnostics).toEqual([]);
    const [anna, bob] = result.state?.users ?? [];
    expect(anna).toMatchObject({
      language: "fr",
      timezone: "Europe/Berlin",
      roles: ["ROLE_TEAMLEAD"],
      rates: { hourly: 80, internal: 40 },
      preferences: { first_weekday: "sunday", daily_stats: "1" },
      targets: { wheniwork: { role: "employee", locations: ["Main Street"], positions: ["Barista"] } },
      contract: { template: "full-time-40h" },
    });
    expect(bob).toMatchObject({
      roles: [],
      targets: { wheniwork: false },
      contract: { template: "part-time-20h" },
    });
  });

  test("enabled: false from the file; wheniwork hours in float hours", async () => {
    const paul = await only({
      "users.d/paul.yaml": user(
        "paul",
        "enabled: false",
        "wheniwork: { hoursMax: 37h30m, hoursPreferred: 20 }",
      ),
    });
    expect(paul.enabled).toBe(false);
    expect(paul.targets?.wheniwork).toEqual({ hoursMax: 37.5, hoursPreferred: 20 });
  });
});

describe("rosterform.yaml", () => {
  test("documented defaults", async () => {
    const result = await load({
      "rosterform.yaml": "targets:\n  kimai: {}\n  wheniwork: {}\n",
      "users.d/anna.yaml": user("anna"),
    });
    expect(result.state?.config).toEqual({
      targets: { kimai: { workContractPlugin: "auto" }, wheniwork: { invite: false, futureShifts: "open" } },
      policy: { unmanaged: "report", protect: [], limits: {} },
    });
  });

  test("everything given; limits as counts and percentages; protected users may be absent", async () => {
    const config = [
      "targets:",
      "  kimai: { url: https://kimai.example.com, workContractPlugin: false }",
      "  wheniwork: { url: http://127.0.0.1:8080, invite: true }",
      "policy:",
      "  unmanaged: deactivate",
      "  protect: [admin, nobody]",
      "  limits: { create: 5, update: 12.5%, deactivate: 0 }",
      "",
    ].join("\n");
    const result = await load({ "rosterform.yaml": config, "users.d/anna.yaml": user("anna") });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.config).toEqual({
      targets: {
        kimai: { url: "https://kimai.example.com", workContractPlugin: false },
        wheniwork: { url: "http://127.0.0.1:8080", invite: true, futureShifts: "open" },
      },
      policy: {
        unmanaged: "deactivate",
        protect: ["admin", "nobody"],
        limits: { user: { create: { count: 5 }, update: { percent: 12.5 }, deactivate: { count: 0 } } },
      },
    });
  });

  test("limits per resource kind; the flat form is the user kind's; both for one action is an error", async () => {
    const config = (limits: string) =>
      ["targets:", "  kimai: {}", "policy:", `  limits: ${limits}`, ""].join("\n");
    const nested = await load({
      "rosterform.yaml": config("{ user: { deactivate: 10%, delete: 2 }, create: 3 }"),
      "users.d/anna.yaml": user("anna"),
    });
    expect(nested.diagnostics).toEqual([]);
    expect(nested.state?.config.policy.limits).toEqual({
      user: { deactivate: { percent: 10 }, delete: { count: 2 }, create: { count: 3 } },
    });
    const both = await load({
      "rosterform.yaml": config("{ user: { deactivate: 1, delete: ten }, deactivate: 2 }"),
      "users.d/anna.yaml": user("anna"),
    });
    expect(both.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`)).toEqual([
      '4:44 limit.invalid: limits.user.delete "ten" is not a limit; write a number of users (5) or a percentage ("10%")',
      "4:63 limit.duplicate: limits.deactivate is also given as limits.user.deactivate; keep one (limits.user.deactivate)",
    ]);
  });

  test("problems in rosterform.yaml", async () => {
    const config = [
      "targets:",
      "  kimai:",
      "    url: http://kimai.example.com",
      "    workContractPlugin: yes",
      "policy:",
      "  unmanaged: delete",
      "  limits: { deactivate: ten, create: 150%, update: -1 }",
      "defaults:",
      "  username: x",
      "  contract: nope",
      "",
    ].join("\n");
    const result = await load({ "rosterform.yaml": config, "users.d/anna.yaml": user("anna") });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`)).toEqual([
      "3:10 target.insecure-url: url http://kimai.example.com uses plain http; write https://kimai.example.com (http is allowed only to localhost)",
      '4:25 schema.enum: kimai.workContractPlugin "yes" is not allowed; write one of: auto, true, false',
      '6:14 schema.enum: policy.unmanaged "delete" is not allowed; write one of: ignore, report, deactivate',
      '7:25 limit.invalid: limits.deactivate "ten" is not a limit; write a number of users (5) or a percentage ("10%")',
      '7:38 limit.invalid: limits.create 150% is more than 100%; write a number of users (5) or a percentage ("10%")',
      '7:52 value.negative: limits.update must not be negative (found -1); write a number of users (5) or a percentage ("10%")',
      '9:3 schema.unknown-field: unknown field "username"; allowed here: title, accountNumber, color, enabled, roles, language, locale, timezone, rates, contract, contracts, preferences, wheniwork',
      '10:13 contract.unknown-template: unknown contract template "nope"; contracts.d/ has no templates: create contracts.d/nope.yaml or write the contract inline',
    ]);
  });

  test("targets must name at least one system", async () => {
    const result = await load({ "rosterform.yaml": "targets: {}\n", "users.d/anna.yaml": user("anna") });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "1:10 targets is empty; add kimai: { url: https://kimai.example.com } and/or wheniwork: {}",
    ]);
  });
});
