// When I Work: no invented names, `wheniwork: false` on someone who is there, connection messages that name
// the real problem. Through the CLI against the sandbox.
import { afterEach, describe, expect, test } from "vitest";
import { project, removeProject, run, wiwSandbox, type WiwSandbox } from "./harness.js";

let wiw: WiwSandbox | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await wiw?.close();
  wiw = undefined;
  await Promise.all(dirs.splice(0).map(removeProject));
});

const CONFIG = (unmanaged = "report") =>
  `targets:\n  wheniwork: { url: https://api.wheniwork.com }\npolicy:\n  unmanaged: ${unmanaged}\n`;

async function dir(files: Record<string, string>, config = CONFIG()): Promise<string> {
  const d = await project(files, config);
  dirs.push(d);
  return d;
}

describe("no invented names", () => {
  test("a person to be created without a name is a plan-time error with file:line; nothing is sent", async () => {
    wiw = await wiwSandbox();
    const d = await dir({ "users.d/nona.yaml": "username: nona\nemail: nona@example.com\n" });
    await wiw.clearRequests();
    const r = await run(["apply", "--yes"], wiw.env, d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "users.d/nona.yaml:1: nona would be created in When I Work, which needs a first and last name; add name: { first: …, last: … } (or wheniwork.name), or wheniwork: false to keep them out",
    );
    expect((await wiw.requests()).filter((q) => q.method !== "GET")).toEqual([]);
  });

  test("wheniwork.name gives the name; a person already there needs none", async () => {
    wiw = await wiwSandbox();
    const d = await dir({
      "users.d/nona.yaml":
        "username: nona\nemail: nona@example.com\nwheniwork:\n  name: { first: Nona, last: Nobody }\n",
      "users.d/admin.yaml": "username: admin\nemail: admin@example.com\n",
    });
    const plan = await run(["plan"], wiw.env, d);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/wheniwork.name.first +"Nona"/);
    expect((await run(["apply", "--yes"], wiw.env, d)).code).toBe(0);
    const nona = (await wiw.state()).users.find((u) => u.email === "nona@example.com");
    expect(nona).toMatchObject({ first_name: "Nona", last_name: "Nobody" });
    expect((await run(["plan", "--detailed-exitcode"], wiw.env, d)).code).toBe(0);
  });
});

describe("wheniwork: false on someone who is in When I Work", () => {
  const seed = {
    accounts: [{ id: 1, name: "Demo Co" }],
    users: [
      { id: 1, account_id: 1, email: "admin@example.com", role: 1 },
      { id: 2, account_id: 1, email: "anna@example.com", first_name: "Anna", last_name: "Schmidt" },
    ],
    tokens: { "optout-token": 1 },
  };
  const ANNA = "username: anna\nemail: anna@example.com\nwheniwork: false\n";

  test("is reported, and left alone under unmanaged: report", async () => {
    wiw = await wiwSandbox(seed as never);
    const d = await dir({ "users.d/anna.yaml": ANNA });
    const env = { ...wiw.env, WHENIWORK_TOKEN: "optout-token" };
    const plan = await run(["plan", "--detailed-exitcode"], env, d);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      "anna has wheniwork: false (users.d/anna.yaml:1) but is in When I Work as Anna Schmidt <anna@example.com>: archived under policy.unmanaged: deactivate, otherwise left as it is",
    );
  });

  test("is archived under unmanaged: deactivate (limits and protect apply); then the plan is empty", async () => {
    wiw = await wiwSandbox(seed as never);
    const env = { ...wiw.env, WHENIWORK_TOKEN: "optout-token" };
    const limited = await dir(
      { "users.d/anna.yaml": ANNA },
      `${CONFIG("deactivate")}  limits: { deactivate: 0 }\n`,
    );
    const refused = await run(["apply", "--yes"], env, limited);
    expect(refused.code).toBe(3);
    const protectedDir = await dir(
      { "users.d/anna.yaml": ANNA },
      `${CONFIG("deactivate")}  protect: [anna]\n`,
    );
    expect((await run(["plan", "--detailed-exitcode"], env, protectedDir)).code).toBe(0);

    const d = await dir({ "users.d/anna.yaml": ANNA }, CONFIG("deactivate"));
    const plan = await run(["plan"], env, d);
    expect(plan.stdout).toMatch(/- Anna Schmidt <anna@example\.com> \(deactivate\)/);
    expect((await run(["apply", "--yes"], env, d)).code).toBe(0);
    expect((await wiw.state()).users.find((u) => u.email === "anna@example.com")?.is_deleted).toBe(true);
    const again = await run(["plan", "--detailed-exitcode"], env, d);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).not.toContain("wheniwork: false");
  });
});

describe("connection messages", () => {
  test("a WHENIWORK_USER_ID that is not one of the login's users is named as that, with the ones it has", async () => {
    wiw = await wiwSandbox();
    const d = await dir({});
    const r = await run(["plan"], { ...wiw.env, WHENIWORK_USER_ID: "99" }, d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "WHENIWORK_USER_ID 99 is not one of this login's users (401); the token is fine. Its users: 1 (account 1). Set WHENIWORK_USER_ID to the one of the account to manage",
    );
    const token = await run(["plan"], { ...wiw.env, WHENIWORK_USER_ID: "1", WHENIWORK_TOKEN: "nope" }, d);
    expect(token.stderr).toContain("rejected the token (401)");
  });

  test("a WHENIWORK_URL ending in /2 gets the hint to drop it; nothing is sent", async () => {
    wiw = await wiwSandbox();
    const d = await dir({});
    await wiw.clearRequests();
    for (const suffix of ["/2", "/2/"]) {
      const r = await run(["plan"], { ...wiw.env, WHENIWORK_URL: `${wiw.url}${suffix}` }, d);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `WHENIWORK_URL ends in /2: rosterform adds /2/ to every request itself; drop it and write ${wiw.url}`,
      );
    }
    expect(await wiw.requests()).toEqual([]);
  });
});
