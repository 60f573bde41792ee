// One person declared once, reconciled into Kimai and When I Work. Through the CLI, against both sandboxes.
import { afterEach, describe, expect, test } from "vitest";
import {
  BOTH_TARGETS_YAML,
  project,
  removeProject,
  run,
  sandbox,
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

const WIW_ONLY = `targets:\n  wheniwork: { url: https://api.wheniwork.com }\npolicy:\n  unmanaged: report\n`;

const ANNA = `username: anna
email: anna@example.com
name: { first: Anna, last: Schmidt }
rates: { hourly: 21.5 }
contract: { type: week, hoursPerWeek: 37h30m, workDays: mon-fri }
wheniwork:
  role: supervisor
  positions: [Barista, Cashier]
  locations: [Main Street]
  employment: hourly
  hoursMax: 40
  employeeCode: E-1
`;

function env() {
  return { ...kimai?.env, ...wiw?.env };
}

describe("both targets", () => {
  test("one person is created in both systems; weekly hours feed hours_preferred; then both plans are empty", async () => {
    kimai = await sandbox();
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, BOTH_TARGETS_YAML);
    const plan = await run(["plan", "--detailed-exitcode"], env(), dir);
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout).toContain("Kimai: Plan: 1 to create");
    expect(plan.stdout).toContain("When I Work: Plan: 1 to create");
    expect(plan.stdout).toMatch(/positions +Barista, Cashier/);
    expect(plan.stdout).toMatch(/contract \(weekly hours\) +37h30m/);

    const apply = await run(["apply", "--yes"], env(), dir);
    expect(apply.code, apply.stderr).toBe(0);
    const again = await run(["plan", "--detailed-exitcode"], env(), dir);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout.match(/No changes\./g)).toHaveLength(2);

    const state = await wiw.state();
    const anna = state.users.find((u) => u.email === "anna@example.com")!;
    const posIds = state.positions
      .filter((p) => ["Barista", "Cashier"].includes(p.name) && !p.is_deleted)
      .map((p) => p.id);
    expect(anna).toMatchObject({
      first_name: "Anna",
      last_name: "Schmidt",
      role: 5,
      hours_max: 40,
      hours_preferred: 37.5,
      hourly_rate: 21.5,
      employee_code: "E-1",
      employment_type: "hourly",
    });
    expect([...anna.positions].sort()).toEqual(posIds.sort());
    expect(state.invites).toEqual([]);
    expect((await kimai.state()).users.map((u) => u.username)).toContain("anna");
  });

  test("a failure in one target stops the apply for both (one plan, one decision); one exit code", async () => {
    kimai = await sandbox();
    wiw = await wiwSandbox();
    dir = await project(
      { "users.d/anna.yaml": ANNA.replace("[Barista, Cashier]", "[Baker]") },
      BOTH_TARGETS_YAML,
    );
    const apply = await run(["apply", "--yes"], env(), dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(
      'users.d/anna.yaml: When I Work has no position named "Baker"; known: Barista, Cashier, Manager',
    );
    expect(apply.stderr).toContain("rosterform apply --target kimai");
    expect((await kimai.state()).users.map((u) => u.username)).not.toContain("anna");
    expect((await wiw.state()).users.map((u) => u.email)).not.toContain("anna@example.com");
  });

  test("wheniwork: false opts a person out of When I Work only", async () => {
    kimai = await sandbox();
    wiw = await wiwSandbox();
    dir = await project(
      { "users.d/anna.yaml": "username: anna\nemail: anna@example.com\nwheniwork: false\n" },
      BOTH_TARGETS_YAML,
    );
    expect((await run(["apply", "--yes"], env(), dir)).code).toBe(0);
    expect((await wiw.state()).users.map((u) => u.email)).not.toContain("anna@example.com");
    expect((await kimai.state()).users.map((u) => u.username)).toContain("anna");
  });

  test("--target narrows the run to one system", async () => {
    kimai = await sandbox();
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, BOTH_TARGETS_YAML);
    const plan = await run(["plan", "--target", "wheniwork"], env(), dir);
    expect(plan.stdout).toContain("When I Work");
    expect(plan.stdout).not.toContain("Kimai");
  });
});

describe("When I Work", () => {
  test("a plan reads one users list, one positions list and one locations list", async () => {
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, WIW_ONLY);
    await wiw.clearRequests();
    expect((await run(["plan"], env(), dir)).code).toBe(0);
    const requests = (await wiw.requests()).map((r) => `${r.method} ${r.path}`).sort();
    expect(requests).toEqual(["GET /2/locations", "GET /2/positions", "GET /2/users"]);
  });

  test("a position renamed in When I Work surfaces as a plan-time error, and nothing is sent", async () => {
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, WIW_ONLY);
    expect((await run(["apply", "--yes"], env(), dir)).code).toBe(0);
    // someone renames the position in When I Work
    const state = await wiw.state();
    const renamed = {
      ...state,
      positions: state.positions.map((p) => (p.name === "Barista" ? { ...p, name: "Coffee Artist" } : p)),
    };
    await fetch(`${wiw.url}/__sandbox/reset`, { method: "POST", body: JSON.stringify(renamed) });
    await wiw.clearRequests();
    const plan = await run(["apply", "--yes"], env(), dir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('When I Work has no position named "Barista"');
    expect((await wiw.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });

  test("enabled: false archives; enabled: true reactivates the archived user instead of creating another", async () => {
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, WIW_ONLY);
    expect((await run(["apply", "--yes"], env(), dir)).code).toBe(0);
    await removeProject(dir);
    dir = await project({ "users.d/anna.yaml": `${ANNA}enabled: false\n` }, WIW_ONLY);
    const off = await run(["apply", "--yes"], env(), dir);
    expect(off.stdout).toContain("- anna (deactivate)");
    expect((await wiw.state()).users.find((u) => u.email === "anna@example.com")!.is_deleted).toBe(true);
    expect((await run(["plan"], env(), dir)).stdout).toContain("No changes.");
    await removeProject(dir);
    dir = await project({ "users.d/anna.yaml": ANNA }, WIW_ONLY);
    const back = await run(["apply", "--yes"], env(), dir);
    expect(back.stdout).toContain("~ anna (reactivate)");
    const annas = (await wiw.state()).users.filter((u) => u.email === "anna@example.com");
    expect(annas).toHaveLength(1);
    expect(annas[0]!.is_deleted).toBe(false);
    expect((await run(["plan"], env(), dir)).stdout).toContain("No changes.");
  });

  test("an archive whose answer is lost is checked, not repeated into a 404", async () => {
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, WIW_ONLY);
    expect((await run(["apply", "--yes"], env(), dir)).code).toBe(0);
    await removeProject(dir);
    dir = await project({ "users.d/anna.yaml": `${ANNA}enabled: false\n` }, WIW_ONLY);
    await wiw.faults([
      { method: "DELETE", path: "^/2/users/\\d+$", times: 1, action: { type: "commitThenReset" } },
    ]);
    await wiw.clearRequests();
    const off = await run(["apply", "--yes"], env(), dir);
    expect(off.code, off.stderr).toBe(0);
    expect((await wiw.requests()).filter((r) => r.method === "DELETE")).toHaveLength(1);
    expect((await wiw.state()).users.find((u) => u.email === "anna@example.com")!.is_deleted).toBe(true);
    expect((await run(["plan"], env(), dir)).stdout).toContain("No changes.");
  });

  test("invitations only when targets.wheniwork.invite is true", async () => {
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, `targets:\n  wheniwork: { invite: true }\n`);
    expect((await run(["apply", "--yes"], env(), dir)).code).toBe(0);
    expect((await wiw.state()).invites).toHaveLength(1);
  });

  test("429 with the rate-limit header, dropped connections and lost create answers converge without duplicates", async () => {
    wiw = await wiwSandbox();
    const files = Object.fromEntries(
      ["aa", "bb", "cc"].map((n) => [
        `users.d/${n}.yaml`,
        `username: ${n}\nemail: ${n}@example.com\nname: { first: ${n}, last: X }\nwheniwork: { positions: [Cashier] }\n`,
      ]),
    );
    dir = await project(files, WIW_ONLY);
    await wiw.faults([
      { method: "POST", path: "^/2/users$", times: 2, action: { type: "commitThenReset" } },
      { method: "GET", path: "^/2/users$", times: 1, action: { type: "reset" } },
      {
        method: "POST",
        path: "^/2/users$",
        times: 1,
        action: {
          type: "status",
          status: 429,
          body: { error: "Too many requests", code: 429 },
          headers: { "W-Limit-Remaining": "0" },
        },
      },
    ]);
    const apply = await run(["apply", "--yes"], env(), dir);
    expect(apply.code, apply.stderr).toBe(0);
    const emails = (await wiw.state()).users.map((u) => u.email).filter((e) => e !== undefined);
    expect(emails.length).toBe(new Set(emails).size);
    expect(emails.filter((e) => /^(aa|bb|cc)@/.test(e))).toHaveLength(3);
    expect((await run(["plan"], env(), dir)).stdout).toContain("No changes.");
  });

  test("import --target wheniwork round-trips", async () => {
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, WIW_ONLY);
    expect((await run(["apply", "--yes"], env(), dir)).code).toBe(0);
    const other = await project({}, WIW_ONLY);
    try {
      const imported = await run(["import", "--target", "wheniwork"], env(), other);
      expect(imported.code, imported.stderr).toBe(0);
      const validate = await run(["validate"], {}, other);
      expect(validate.code, validate.stderr).toBe(0);
      const plan = await run(["plan", "--detailed-exitcode"], env(), other);
      expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    } finally {
      await removeProject(other);
    }
  });
});
