// Side effects in the plan (invitations, future shifts, rates) and the archive flag as sent; apply paced by
// W-Limit-Remaining instead of running into 429s.
import { afterEach, describe, expect, test } from "vitest";
import { WhenIWorkProvider } from "../../src/providers/wheniwork/provider.js";
import { startWhenIWorkSandbox, type WhenIWorkSandbox } from "../../src/providers/wheniwork/sandbox/index.js";
import { project, removeProject, run, wiwSandbox, type WiwSandbox } from "./harness.js";

let wiw: WiwSandbox | undefined;
let raw: WhenIWorkSandbox | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await wiw?.close();
  await raw?.close();
  wiw = raw = undefined;
  await Promise.all(dirs.splice(0).map(removeProject));
});

const CONFIG = (wheniwork = "", unmanaged = "report") =>
  `targets:\n  wheniwork:\n    url: https://api.wheniwork.com\n${wheniwork}policy:\n  unmanaged: ${unmanaged}\n`;

async function dir(files: Record<string, string>, config: string): Promise<string> {
  const d = await project(files, config);
  dirs.push(d);
  return d;
}

const FUTURE = "2999-01-01T09:00:00.000Z";
const seed = () =>
  ({
    accounts: [{ id: 1, name: "Demo Co" }],
    users: [
      { id: 1, account_id: 1, email: "admin@example.com", role: 1 },
      {
        id: 2,
        account_id: 1,
        email: "anna@example.com",
        first_name: "Anna",
        last_name: "Schmidt",
        hourly_rate: 20,
        activated: false,
        last_login: "2026-11-30T08:00:00Z",
      },
    ],
    shifts: [{ id: 1, account_id: 1, user_id: 2, start_time: FUTURE }],
    tokens: { "effects-token": 1 },
  }) as never;

const ANNA = "username: anna\nemail: anna@example.com\nname: { first: Anna, last: Schmidt }\n";

describe("side effects in the plan", () => {
  test("a create says whether an invitation is sent", async () => {
    wiw = await wiwSandbox();
    const ben = "username: ben\nemail: ben@example.com\nname: { first: Ben, last: B }\n";
    const quiet = await run(["plan"], wiw.env, await dir({ "users.d/ben.yaml": ben }, CONFIG()));
    expect(quiet.stdout).toContain(
      "↳ no invitation is sent (targets.wheniwork.invite: false): they cannot log in until invited from When I Work",
    );
    const d = await dir({ "users.d/ben.yaml": ben }, CONFIG("    invite: true\n"));
    const loud = await run(["plan"], wiw.env, d);
    expect(loud.stdout).toContain("↳ sends an invitation email/SMS (targets.wheniwork.invite: true)");
    expect((await run(["apply", "--yes"], wiw.env, d)).code).toBe(0);
    expect((await wiw.state()).invites).toHaveLength(1);
  });

  test("a rate change applies from the next shift; a pending invitation is noted", async () => {
    wiw = await wiwSandbox(seed());
    const env = { ...wiw.env, WHENIWORK_TOKEN: "effects-token" };
    const d = await dir(
      { "users.d/anna.yaml": `${ANNA}rates: { hourly: 22.5 }\n` },
      CONFIG("    currency: EUR\n"),
    );
    const plan = await run(["plan"], env, d);
    expect(plan.stdout).toMatch(/rates.hourly +20 EUR → 22\.5 EUR/);
    expect(plan.stdout).toContain("↳ the new rate applies from the next shift");
    expect(plan.stdout).toContain("↳ their invitation is still pending (not activated in When I Work)");
    const md = await run(["plan", "--format", "markdown"], env, d);
    expect(md.stdout).toContain("- ↳ the new rate applies from the next shift");
  });

  test("archiving: future shifts become open shifts by default, sent as delete_shifts=false", async () => {
    wiw = await wiwSandbox(seed());
    const env = { ...wiw.env, WHENIWORK_TOKEN: "effects-token" };
    const d = await dir({ "users.d/anna.yaml": `${ANNA}enabled: false\n` }, CONFIG());
    const plan = await run(["plan"], env, d);
    expect(plan.stdout).toContain(
      "↳ their future shifts become open shifts (targets.wheniwork.archive.futureShifts: open)",
    );
    expect(plan.stdout).toMatch(/↳ last logged in /);
    await wiw.clearRequests();
    expect((await run(["apply", "--yes"], env, d)).code).toBe(0);
    const del = (await wiw.requests()).find((r) => r.method === "DELETE");
    expect(del?.query).toMatchObject({ delete_shifts: "false" });
    const state = (await wiw.state()) as unknown as { shifts: { user_id: number }[] };
    expect(state.shifts).toEqual([{ id: 1, account_id: 1, user_id: 0, start_time: FUTURE }]);
    expect((await run(["plan", "--detailed-exitcode"], env, d)).code).toBe(0);
  });

  test("archive.futureShifts: delete deletes them, also for unmanaged users under deactivate", async () => {
    wiw = await wiwSandbox(seed());
    const env = { ...wiw.env, WHENIWORK_TOKEN: "effects-token" };
    const d = await dir({}, CONFIG("    archive: { futureShifts: delete }\n", "deactivate"));
    const plan = await run(["plan"], env, d);
    expect(plan.stdout).toContain(
      "↳ their future shifts are deleted (targets.wheniwork.archive.futureShifts: delete)",
    );
    expect((await run(["apply", "--yes", "--force"], env, d)).code).toBe(0);
    const state = (await wiw.state()) as unknown as { shifts: unknown[] };
    expect(state.shifts).toEqual([]);
  });

  test("validate refuses an unknown futureShifts value with file:line", async () => {
    const d = await dir({}, CONFIG("    archive: { futureShifts: keep }\n"));
    const r = await run(["validate"], {}, d);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/rosterform\.yaml:4:\d+: .*futureShifts/);
  });
});

describe("pacing by W-Limit-Remaining", () => {
  test("many requests against a small limit wait for the next window instead of getting 429s", async () => {
    raw = await startWhenIWorkSandbox({ rateLimitPerMinute: 8, rateWindowMs: 1_000 });
    const provider = new WhenIWorkProvider({
      url: raw.url,
      token: raw.token,
      invite: false,
      futureShifts: "open",
      connections: 2,
      rateWindowMs: 1_000,
      retry: { retries: 0 },
    });
    try {
      for (let i = 0; i < 10; i++) await provider.client.getUser(1);
      await Promise.all(Array.from({ length: 6 }, () => provider.client.getUser(1)));
      expect(provider.client.pacer.waits.count).toBeGreaterThan(0);
    } finally {
      await provider.close();
    }
    const log = (await (await fetch(`${raw.url}/__sandbox/requests`)).json()) as
      { status: number }[] | { requests: { status: number }[] };
    const requests = Array.isArray(log) ? log : log.requests;
    expect(requests.length).toBe(16);
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
  }, 20_000);
});
