// The shared fault actions (status, delay, reset, hang, commitThenReset), once each, on the When I Work sandbox.
import { describe, expect, test } from "vitest";
import type { Harness } from "./helpers.js";
import { ADMIN_TOKEN, startTeam } from "./helpers.js";

const newUser = { email: "fault@example.com", first_name: "Fay" };
const userEmails = async (s: Harness): Promise<string[]> =>
  (await s.control("GET", "state")).json.users.map((u: { email: string }) => u.email);

describe("faults", () => {
  test("status: the status with a When I Work-shaped body; the request is not performed", async () => {
    const s = await startTeam();
    expect(
      (
        await s.control("POST", "faults", [
          { method: "POST", path: "^/2/users$", action: { type: "status", status: 503 } },
        ])
      ).status,
    ).toBe(200);
    const r = await s.api("POST", "/2/users", { body: newUser });
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ error: "Sandbox fault (HTTP 503)", code: 503 });
    expect(await userEmails(s)).not.toContain("fault@example.com");
    expect((await s.api("POST", "/2/users", { body: newUser })).status).toBe(200);
  });

  test("delay: waits, then answers normally", async () => {
    const s = await startTeam();
    await s.control("POST", "faults", [{ action: { type: "delay", ms: 200 } }]);
    const started = Date.now();
    expect((await s.api("GET", "/2/users/1")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  test("reset: the connection drops and nothing is done", async () => {
    const s = await startTeam();
    await s.control("POST", "faults", [{ method: "POST", action: { type: "reset" } }]);
    await expect(s.api("POST", "/2/users", { body: newUser })).rejects.toThrow();
    expect(await userEmails(s)).not.toContain("fault@example.com");
  });

  test("hang: never answered, nothing done", async () => {
    const s = await startTeam();
    await s.control("POST", "faults", [{ method: "DELETE", action: { type: "hang" } }]);
    const hung = fetch(`${s.url}/2/users/4`, {
      method: "DELETE",
      headers: { "w-token": ADMIN_TOKEN },
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    expect((await s.api("GET", "/2/users/4")).json.user.is_deleted).toBe(false);
  });

  test("commitThenReset: the user is created, the client sees a dropped connection; a blind retry is a 400", async () => {
    const s = await startTeam();
    await s.control("POST", "faults", [
      { method: "POST", path: "^/2/users$", action: { type: "commitThenReset" } },
    ]);
    await expect(s.api("POST", "/2/users", { body: newUser })).rejects.toThrow();
    expect(await userEmails(s)).toContain("fault@example.com");
    const retry = await s.api("POST", "/2/users", { body: newUser });
    expect(retry.status).toBe(400);
    expect(retry.json.code).toBe(2003);
    const log = (await s.control("GET", "requests")).json as Array<{
      method: string;
      status: number | null;
      fault?: string;
    }>;
    expect(log.filter((e) => e.method === "POST").map((e) => [e.status, e.fault ?? null])).toEqual([
      [null, "commitThenReset"],
      [400, null],
    ]);
  });
});
