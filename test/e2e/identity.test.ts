// One identity across systems: former emails and usernames (`previously`) find a person after a change; a
// look-alike is a warning naming both; a username change Kimai's API cannot make is a plan-time error.
import { afterEach, describe, expect, test } from "vitest";
import {
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
const dirs: string[] = [];
afterEach(async () => {
  await kimai?.close();
  await wiw?.close();
  kimai = wiw = undefined;
  await Promise.all(dirs.splice(0).map(removeProject));
});

const WIW_CONFIG =
  "targets:\n  wheniwork: { url: https://api.wheniwork.com }\npolicy:\n  unmanaged: deactivate\n";
const KIMAI_CONFIG =
  "targets:\n  kimai: { url: https://kimai.example.com }\npolicy:\n  unmanaged: report\n  protect: [admin]\n";

async function dir(files: Record<string, string>, config: string): Promise<string> {
  const d = await project(files, config);
  dirs.push(d);
  return d;
}

const wiwSeed = () =>
  ({
    accounts: [{ id: 1, name: "Demo Co" }],
    users: [
      { id: 1, account_id: 1, email: "admin@example.com", role: 1 },
      { id: 2, account_id: 1, email: "anna.schmidt@example.com", first_name: "Anna", last_name: "Schmidt" },
    ],
    tokens: { "identity-token": 1 },
  }) as never;

const ANNA_NEW = `username: anna
email: anna.keller@example.com
name: { first: Anna, last: Schmidt }
`;

describe("When I Work: an email change", () => {
  test("with previously: { email } it is an update of the same user, never a second one; then the plan is empty", async () => {
    wiw = await wiwSandbox(wiwSeed());
    const env = { ...wiw.env, WHENIWORK_TOKEN: "identity-token" };
    const d = await dir(
      { "users.d/anna.yaml": `${ANNA_NEW}previously: { email: anna.schmidt@example.com }\n` },
      WIW_CONFIG,
    );
    const plan = await run(["plan"], env, d);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("Plan: 1 to update.");
    expect(plan.stdout).toMatch(/email +anna\.schmidt@example\.com → anna\.keller@example\.com/);
    expect(plan.stdout).toContain("found by the former email anna.schmidt@example.com (previously)");
    expect((await run(["apply", "--yes"], env, d)).code).toBe(0);
    const users = (await wiw.state()).users.filter((u) => u.first_name === "Anna");
    expect(users.map((u) => [u.id, u.email, u.is_deleted])).toEqual([[2, "anna.keller@example.com", false]]);
    const again = await run(["plan", "--detailed-exitcode"], env, d);
    expect(again.code, again.stdout).toBe(0);
  });

  test("a list of former identities is accepted; a former email that is someone else's current one is theirs", async () => {
    wiw = await wiwSandbox(wiwSeed());
    const env = { ...wiw.env, WHENIWORK_TOKEN: "identity-token" };
    const d = await dir(
      {
        "users.d/anna.yaml": `${ANNA_NEW}previously:\n  - { email: old@example.com }\n  - { email: anna.schmidt@example.com }\n`,
        "users.d/ben.yaml":
          "username: ben\nemail: ben@example.com\nname: { first: Ben, last: B }\npreviously: { email: anna.keller@example.com }\n",
      },
      WIW_CONFIG,
    );
    const plan = await run(["plan"], env, d);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("Plan: 1 to create, 1 to update.");
    expect(plan.stdout).toMatch(/\+ ben/);
  });

  test("without previously, a same-name undeclared user is a warning naming both", async () => {
    wiw = await wiwSandbox(wiwSeed());
    const env = { ...wiw.env, WHENIWORK_TOKEN: "identity-token" };
    const d = await dir({ "users.d/anna.yaml": ANNA_NEW }, WIW_CONFIG);
    const plan = await run(["plan"], env, d);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      "anna (users.d/anna.yaml:1, anna.keller@example.com) is to be created, but undeclared When I Work user Anna Schmidt <anna.schmidt@example.com> has the same name: if it is the same person, add previously: { email: anna.schmidt@example.com } to the file (an update then, not a second user)",
    );
  });
});

describe("Kimai: a username change", () => {
  test("with previously: { username } is a plan-time error that says the API cannot and what to do", async () => {
    kimai = await sandbox(
      adminSeed({
        users: [
          seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] }),
          seedUser(2, "aschmidt", { email: "anna@example.com" }),
        ],
      }),
    );
    const d = await dir(
      {
        "users.d/anna.yaml": "username: anna\nemail: anna@example.com\npreviously: { username: aschmidt }\n",
      },
      KIMAI_CONFIG,
    );
    await kimai.clearRequests();
    const r = await run(["apply", "--yes"], kimai.env, d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `users.d/anna.yaml: anna was "aschmidt" in Kimai (previously), and Kimai's API cannot change a username: a super admin renames "aschmidt" to "anna" in Kimai's web UI (Users → aschmidt → Edit, double-click the username), or the file keeps username: aschmidt; then plan again`,
    );
    expect((await kimai.requests()).filter((q) => q.method !== "GET")).toEqual([]);
  });

  test("without previously, the email conflict explains the same", async () => {
    kimai = await sandbox(
      adminSeed({
        users: [
          seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] }),
          seedUser(2, "aschmidt", { email: "anna@example.com" }),
        ],
      }),
    );
    const d = await dir({ "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" }, KIMAI_CONFIG);
    const r = await run(["plan"], kimai.env, d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `email anna@example.com already belongs to Kimai user "aschmidt"; Kimai needs unique emails: change one of them. If "aschmidt" is this person under a former username, note that Kimai's API cannot change a username`,
    );
  });
});

test("validate checks previously: a wrong key is an error with file:line", async () => {
  const d = await dir(
    { "users.d/anna.yaml": "username: anna\nemail: anna@example.com\npreviously: { mail: a@example.com }\n" },
    WIW_CONFIG,
  );
  const r = await run(["validate"], {}, d);
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).toMatch(/users\.d\/anna\.yaml:3:\d+: .*mail/);
});
