// The version matrix: plan/apply/plan-empty against each supported Kimai step, refusals below the oldest.
import { afterEach, describe, expect, test } from "vitest";
import {
  adminSeed,
  project,
  removeProject,
  run,
  sandbox,
  seedUser,
  type Sandbox,
  type StateUser,
} from "./harness.js";

let sb: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = dir = undefined;
});

const BOSS = "username: boss\nemail: boss@example.com\nroles: [ROLE_TEAMLEAD]\nrates: { hourly: 90 }\n";
const WORKER = (contract: boolean) =>
  `username: worker
email: worker@example.com
title: Engineer
supervisor: boss
rates: { hourly: 70, internal: 50 }
${contract ? "contract: { type: day, hours: { mon: 8h, tue: 8h }, vacationDays: 25 }\n" : ""}`;
/** An existing user whose contract was saved in Kimai's UI: settable before 2.61 too. */
const CARL = "username: carl\nemail: carl@example.com\ncontract: { type: day, hours: { fri: 6h } }\n";

function seedFor(version: string) {
  const carl = { ...seedUser(2, "carl"), contractSaved: true } as StateUser;
  return adminSeed({ version, workContractPlugin: false, users: [...adminSeed().users, carl] });
}

async function mutations(s: Sandbox) {
  return (await s.requests()).filter((r) => r.method !== "GET");
}

describe.each(["2.45.0", "2.46.0", "2.53.0", "2.58.0", "2.60.0", "2.61.0", "2.63.0", "2.66.0"])(
  "Kimai %s",
  (version) => {
    const contracts = version >= "2.61.0";
    test("plan, apply, then the plan is empty", async () => {
      sb = await sandbox(seedFor(version));
      dir = await project({
        "users.d/boss.yaml": BOSS,
        "users.d/worker.yaml": WORKER(contracts),
        "users.d/carl.yaml": CARL,
      });
      const plan = await run(["plan", "--detailed-exitcode"], sb.env, dir);
      expect(plan.stderr).toBe("");
      expect(plan.code, plan.stdout).toBe(2);
      expect(plan.stdout).toContain("Plan: 2 to create, 1 to update.");
      const apply = await run(["apply", "--yes"], sb.env, dir);
      expect(apply.code, apply.stderr + apply.stdout).toBe(0);
      const again = await run(["plan", "--detailed-exitcode"], sb.env, dir);
      expect(again.code, again.stdout).toBe(0);
      const state = await sb.state();
      const carl = state.users.find((u) => u.username === "carl")!;
      expect(carl.preferences).toContainEqual({ name: "work_friday", value: "21600" });
      const worker = state.users.find((u) => u.username === "worker")!;
      expect(worker.preferences).toContainEqual({ name: "hourly_rate", value: "70" });
      if (contracts) expect(worker.preferences).toContainEqual({ name: "work_monday", value: "28800" });
    });
  },
);

describe("refused before any write", () => {
  test("Kimai 2.44 (no email/systemAccount in the user JSON): needs 2.45", async () => {
    sb = await sandbox(seedFor("2.44.0"));
    dir = await project({ "users.d/boss.yaml": BOSS });
    const r = await run(["apply", "--yes"], sb.env, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: Kimai: ${sb.url}: rosterform needs Kimai 2.45 for reading users' email and system-account flag; this server is 2.44.0: upgrade Kimai; nothing was sent\n`,
    );
    expect(await mutations(sb)).toEqual([]);
  });

  test("Kimai 2.13 (no API tokens): says Kimai is too old, not that the token was rejected", async () => {
    sb = await sandbox(seedFor("2.13.0"));
    dir = await project({ "users.d/boss.yaml": BOSS });
    const r = await run(["plan"], sb.env, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "Kimai older than 2.14 has no API tokens, and rosterform needs Kimai 2.45 or newer",
    );
    expect(r.stderr).not.toContain("rejected the token");
  });

  test("Kimai 2.60: a new user with a contract is a plan-time error; the user is not created", async () => {
    sb = await sandbox(seedFor("2.60.0"));
    dir = await project({ "users.d/boss.yaml": BOSS, "users.d/worker.yaml": WORKER(true) });
    const r = await run(["apply", "--yes"], sb.env, dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      "users.d/worker.yaml: rosterform needs Kimai 2.61 for setting work-contract preferences (work_contract_type, work_monday, work_tuesday, holidays) of a user whose contract was never saved in Kimai (every user created through the API); this server is 2.60.0",
    );
    expect(await mutations(sb)).toEqual([]);
  });

  test("Kimai 2.60: an existing user whose contract was never saved is told to save it once", async () => {
    const seed = seedFor("2.60.0");
    seed.users.push(seedUser(3, "dave"));
    sb = await sandbox(seed);
    dir = await project({
      "users.d/dave.yaml":
        "username: dave\nemail: dave@example.com\ncontract: { type: day, hours: { mon: 1h } }\n",
    });
    const r = await run(["plan"], sb.env, dir);
    expect(r.stderr).toContain(
      "save dave's contract once in Kimai (Users → dave → Contract), then plan again",
    );
  });

  test("Kimai 2.45: a declared color is refused (2.45 reports a generated colour); import writes none", async () => {
    sb = await sandbox(seedFor("2.45.0"));
    dir = await project({ "users.d/boss.yaml": BOSS + "color: '#3F51B5'\n" });
    const r = await run(["plan"], sb.env, dir);
    expect(r.stderr).toContain("rosterform needs Kimai 2.46 for color");
    await removeProject(dir);
    dir = await project({});
    const imported = await run(["import", "--target", "kimai"], sb.env, dir);
    expect(imported.code, imported.stderr).toBe(0);
    const again = await run(["plan", "--detailed-exitcode"], sb.env, dir);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });
});
