// Fault injection over real HTTP: every action, plus after/times/method/path matching.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { asList, asRecord, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const addFaults = (rules: unknown) => sb.call("POST", "/__sandbox/faults", { as: "nobody", body: rules });
const newUser = { username: "neo", email: "neo@example.com", plainPassword: "password1", enabled: true };
const userIds = async () =>
  (
    asRecord((await sb.call("GET", "/__sandbox/state", { as: "nobody" })).json)["users"] as Array<{
      id: number;
    }>
  ).map((u) => u.id);

describe("fault actions", () => {
  test("status: answers the status with a Kimai error body once, then normal service resumes", async () => {
    expect((await addFaults([{ path: "^/api/ping$", action: { type: "status", status: 503 } }])).status).toBe(
      200,
    );
    const failed = await sb.call("GET", "/api/ping");
    expect(failed.status).toBe(503);
    expect(failed.json).toEqual({ code: 503, message: "Service Unavailable" });
    expect((await sb.call("GET", "/api/ping")).status).toBe(200);
  });

  test("status: custom body and headers (429 with Retry-After); the request is not performed", async () => {
    await addFaults([
      {
        method: "POST",
        path: "^/api/users$",
        action: { type: "status", status: 429, headers: { "Retry-After": "2" }, body: { slow: "down" } },
      },
    ]);
    const r = await sb.call("POST", "/api/users", { body: newUser });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("2");
    expect(r.json).toEqual({ slow: "down" });
    expect(await userIds()).not.toContain(7);
  });

  test("delay: waits, then handles normally", async () => {
    await addFaults([{ action: { type: "delay", ms: 200 } }]);
    const started = Date.now();
    const r = await sb.call("GET", "/api/ping");
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  test("reset: the connection is destroyed and nothing is done", async () => {
    await addFaults([{ method: "POST", action: { type: "reset" } }]);
    await expect(sb.call("POST", "/api/users", { body: newUser })).rejects.toThrow();
    expect(await userIds()).not.toContain(7);
  });

  test("hang: never answered, nothing done; close() still completes", async () => {
    await addFaults([{ method: "POST", action: { type: "hang" } }]);
    const hung = fetch(`${sb.url}/api/users`, {
      method: "POST",
      headers: { authorization: "Bearer token-admin", "content-type": "application/json" },
      body: JSON.stringify(newUser),
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    expect(await userIds()).not.toContain(7);
  });

  test("commitThenReset: the user is created but the client sees a dropped connection", async () => {
    await addFaults([{ method: "POST", path: "^/api/users$", action: { type: "commitThenReset" } }]);
    await expect(sb.call("POST", "/api/users", { body: newUser })).rejects.toThrow();
    expect(await userIds()).toContain(7);
    // A naive retry now fails on the duplicate instead of creating a second user.
    const retry = await sb.call("POST", "/api/users", { body: newUser });
    expect(retry.status).toBe(400);
    const log = asList((await sb.call("GET", "/__sandbox/requests", { as: "nobody" })).json);
    expect(log.filter((e) => e["method"] === "POST").map((e) => [e["status"], e["fault"] ?? null])).toEqual([
      [null, "commitThenReset"],
      [400, null],
    ]);
  });
});

describe("fault matching", () => {
  test("after skips the first N matches, times limits applications", async () => {
    await addFaults({
      rules: [{ path: "^/api/ping$", after: 1, times: 2, action: { type: "status", status: 500 } }],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await sb.call("GET", "/api/ping")).status);
    expect(statuses).toEqual([200, 500, 500, 200]);
  });

  test("times 0 applies forever, until DELETE /__sandbox/faults", async () => {
    await addFaults([{ method: "get", times: 0, action: { type: "status", status: 502 } }]);
    for (let i = 0; i < 3; i++) expect((await sb.call("GET", "/api/version")).status).toBe(502);
    expect((await sb.call("PATCH", "/api/users/4", { body: {} })).status).toBe(200);
    expect((await sb.call("DELETE", "/__sandbox/faults", { as: "nobody" })).status).toBe(204);
    expect((await sb.call("GET", "/api/version")).status).toBe(200);
  });

  test("GET /__sandbox/faults lists rules with their counters", async () => {
    await addFaults([{ path: "^/api/ping$", action: { type: "status", status: 500 } }]);
    await sb.call("GET", "/api/ping");
    const rules = (await sb.call("GET", "/__sandbox/faults", { as: "nobody" })).json;
    expect(rules).toEqual([
      {
        id: 1,
        method: null,
        path: "^/api/ping$",
        after: 0,
        times: 1,
        action: { type: "status", status: 500 },
        seen: 1,
        applied: 1,
      },
    ]);
  });

  test("invalid rules are a 400 naming the problem, and none of the batch is added", async () => {
    const r = await addFaults([{ action: { type: "reset" } }, { path: "(", action: { type: "reset" } }]);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: "rules[1].path: not a valid regular expression" });
    expect((await sb.call("GET", "/__sandbox/faults", { as: "nobody" })).json).toEqual([]);
    expect((await addFaults([{ action: { type: "explode" } }])).status).toBe(400);
  });
});
