// Apply, then plan again: the plan is empty. Through the CLI, against the Kimai sandbox over HTTP.
import { afterEach, describe, expect, test } from "vitest";
import { adminSeed, project, removeProject, run, sandbox, seedUser, type Sandbox } from "./harness.js";

const ANNA = `username: anna.schmidt
email: anna.schmidt@example.com
name: { first: Anna, last: Schmidt }
title: Backend Engineer
accountNumber: "E-1042"
roles: [ROLE_TEAMLEAD]
language: de
supervisor: max.mustermann
rates: { hourly: 85, internal: 60 }
contract:
  type: week
  hoursPerWeek: 40h
  workDays: mon-fri
  vacationDays: 30
  start: 2025-01-01
`;
const MAX = `username: max.mustermann
email: max@example.com
name: { first: Max, last: Mustermann }
contract: { type: month, hoursPerMonth: 160h, workDays: [mon, tue, wed, thu] }
`;
const DORA = `username: dora
email: dora@example.com
supervisor: anna.schmidt
contract:
  type: day
  hours: { mon: 8h, tue: 8h, wed: 4h30m }
`;
const EMIL = `username: emil
email: emil@example.com
contract: { type: none, vacationDays: 25 }
`;

let sb: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = undefined;
  dir = undefined;
});

describe("apply then plan is empty", () => {
  test("fresh server: every contract type and a supervisor chain are created in order", async () => {
    sb = await sandbox();
    dir = await project({
      "users.d/anna.schmidt.yaml": ANNA,
      "users.d/max.mustermann.yaml": MAX,
      "users.d/dora.yaml": DORA,
      "users.d/emil.yaml": EMIL,
    });
    const plan = await run(["plan", "--detailed-exitcode"], sb.env, dir);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain("+ anna.schmidt");
    expect(plan.stdout).toMatch(/\n {8}hoursPerWeek +40h\n/);
    expect(plan.stdout).toContain("Plan: 4 to create.");

    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toContain("Apply complete: 4 created.");

    const again = await run(["plan", "--detailed-exitcode"], sb.env, dir);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain("No changes.");

    const state = await sb.state();
    const byName = new Map(state.users.map((u) => [u.username, u]));
    const anna = byName.get("anna.schmidt")!;
    expect(anna.enabled).toBe(true);
    expect(anna.alias).toBe("Anna Schmidt");
    expect(anna.roles).toEqual(["ROLE_TEAMLEAD"]);
    expect(anna.supervisor).toBe(byName.get("max.mustermann")!.id);
    const prefs = Object.fromEntries(anna.preferences.map((p) => [p.name, p.value]));
    expect(prefs).toMatchObject({
      work_contract_type: "week",
      hours_per_week: "144000",
      work_days_week: "1,2,3,4,5",
      hourly_rate: "85",
      internal_rate: "60",
      holidays: "30",
      work_start_day: "2025-01-01",
    });
    const dora = Object.fromEntries(byName.get("dora")!.preferences.map((p) => [p.name, p.value]));
    expect(dora).toMatchObject({ work_contract_type: "day", work_monday: "28800", work_wednesday: "16200" });
    expect(byName.get("dora")!.supervisor).toBe(anna.id);
  });

  test("drifted users get only the changed fields, one request of each kind per user", async () => {
    sb = await sandbox(
      adminSeed({
        users: [
          ...adminSeed().users,
          seedUser(2, "max.mustermann", {
            email: "MAX@example.com",
            alias: "Max Mustermann",
            title: "Old title",
            preferences: [
              { name: "work_contract_type", value: "month" },
              { name: "hours_per_month", value: "576000" },
              { name: "work_days_month", value: "4,3,2,1" },
            ],
          }),
        ],
      }),
    );
    dir = await project({ "users.d/max.mustermann.yaml": `${MAX}title: New title\n` });
    await sb.clearRequests();
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout).toContain('title  "Old title" → "New title"');
    expect(plan.stdout).not.toContain("email");
    expect(plan.stdout).toContain("Plan: 1 to update.");
    await sb.clearRequests();
    expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
    const writes = (await sb.requests()).filter((r) => r.method !== "GET");
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(["PATCH /api/users/2"]);
    expect(writes[0]!.body).toEqual({ title: "New title" });
    expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
  });

  test("a disabled user on the server is reactivated, not created twice", async () => {
    sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(7, "emil", { enabled: false })] }));
    dir = await project({ "users.d/emil.yaml": EMIL });
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout).toContain("~ emil (reactivate)");
    expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
    const state = await sb.state();
    expect(state.users.filter((u) => u.username === "emil")).toHaveLength(1);
    expect(state.users.find((u) => u.username === "emil")!.enabled).toBe(true);
    expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
  });

  test("off-boarding deactivates, and nothing is deleted", async () => {
    sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(7, "emil")] }));
    dir = await project({ "users.d/emil.yaml": `${EMIL}enabled: false\n` });
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout).toContain("- emil (deactivate)");
    expect(plan.stdout).toContain("Plan: 1 to deactivate.");
    expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
    expect((await sb.state()).users.find((u) => u.username === "emil")!.enabled).toBe(false);
    expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
  });

  test("effective-dated contracts: each --at date applies its contract and then plans empty", async () => {
    sb = await sandbox();
    dir = await project({
      "users.d/emil.yaml": `username: emil
email: emil@example.com
contracts:
  - from: 2025-01-01
    type: week
    hoursPerWeek: 40h
    workDays: mon-fri
  - from: 2027-01-01
    type: day
    hours: { mon: 6h, tue: 6h }
`,
    });
    const first = await run(["plan", "--at", "2026-06-01"], sb.env, dir);
    expect(first.stdout).toContain("2027-01-01  emil");
    expect((await run(["apply", "--yes", "--at", "2026-06-01"], sb.env, dir)).code).toBe(0);
    expect((await run(["plan", "--at", "2026-06-01"], sb.env, dir)).stdout).toContain("No changes.");
    const later = await run(["plan", "--at", "2027-01-01"], sb.env, dir);
    expect(later.stdout).toContain('contract:\n        type       "week" → "day"');
    expect((await run(["apply", "--yes", "--at", "2027-01-01"], sb.env, dir)).code).toBe(0);
    expect((await run(["plan", "--at", "2027-01-01"], sb.env, dir)).stdout).toContain("No changes.");
  });
});

describe("request counts", () => {
  test("a plan sends the preflight and exactly one list request, whatever the number of users", async () => {
    const users = Array.from({ length: 50 }, (_, i) => seedUser(i + 2, `user${i}`));
    sb = await sandbox(adminSeed({ users: [...adminSeed().users, ...users] }));
    const files = Object.fromEntries(
      users.map((u) => [
        `users.d/${u.username}.yaml`,
        `username: ${u.username}\nemail: ${u.email}\ntitle: T\n`,
      ]),
    );
    dir = await project(files);
    await sb.clearRequests();
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout).toContain("Plan: 50 to update.");
    const requests = (await sb.requests()).map((r) => `${r.method} ${r.path}`);
    expect(requests).toEqual(["GET /api/version", "GET /api/users/me", "GET /api/plugins", "GET /api/users"]);
  });

  test("an apply sends at most one user request and one preferences request per changed user", async () => {
    sb = await sandbox();
    dir = await project({
      "users.d/anna.schmidt.yaml": ANNA,
      "users.d/max.mustermann.yaml": MAX,
      "users.d/dora.yaml": DORA,
    });
    await sb.clearRequests();
    expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
    const writes = (await sb.requests())
      .filter((r) => r.method !== "GET")
      .map((r) => `${r.method} ${r.path}`);
    expect(writes.filter((w) => w === "POST /api/users")).toHaveLength(3);
    expect(writes.filter((w) => w.endsWith("/preferences"))).toHaveLength(3);
    expect(writes).toHaveLength(6);
  });
});

describe("confirmation", () => {
  test("apply without a plan file needs --yes when nobody can answer, and sends nothing", async () => {
    sb = await sandbox();
    dir = await project({ "users.d/emil.yaml": EMIL });
    await sb.clearRequests();
    const apply = await run(["apply"], sb.env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("apply needs --yes when it cannot ask (no terminal)");
    expect((await sb.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });

  test("apply --format json reports every result and prints no plan text", async () => {
    sb = await sandbox();
    dir = await project({ "users.d/emil.yaml": EMIL });
    const apply = await run(["apply", "--yes", "--format", "json"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    const out = JSON.parse(apply.stdout) as {
      formatVersion: number;
      targets: { results: { user: string; status: string; kind: string }[] }[];
    };
    expect(out.formatVersion).toBe(2);
    expect(out.targets[0]!.results).toEqual([
      { address: "kimai/user/emil", action: "create", kind: "user", user: "emil", status: "applied" },
    ]);
  });
});
