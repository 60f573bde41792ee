// The provider-independent harness: fault rule matching, request log, control endpoints, HEAD and close(),
// checked with a trivial handler so no provider is involved.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FaultInjector } from "../../src/sandbox/faults.js";
import { redact } from "../../src/sandbox/request-log.js";
import { startSandboxServer } from "../../src/sandbox/server.js";
import type { RunningSandbox } from "../../src/sandbox/server.js";

describe("FaultInjector", () => {
  test("rules are tried in order; the first that fires wins and later rules do not see the request", () => {
    const faults = new FaultInjector();
    faults.add([
      { path: "^/a$", times: 1, action: { type: "reset" } },
      { path: "^/a", times: 0, action: { type: "hang" } },
    ]);
    expect(faults.take("GET", "/a")?.type).toBe("reset");
    expect(faults.take("GET", "/a")?.type).toBe("hang");
    expect(faults.take("GET", "/b")).toBeUndefined();
    expect(faults.list().map((r) => [r.seen, r.applied])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  test("method is case-insensitive; after counts only matching requests", () => {
    const faults = new FaultInjector();
    faults.add({ rules: [{ method: "post", after: 2, action: { type: "delay", ms: 5 } }] });
    expect(faults.take("GET", "/x")).toBeUndefined();
    expect(faults.take("POST", "/x")).toBeUndefined();
    expect(faults.take("POST", "/x")).toBeUndefined();
    expect(faults.take("POST", "/x")).toEqual({ type: "delay", ms: 5 });
    expect(faults.take("POST", "/x")).toBeUndefined();
  });

  test.each([
    [{}, "body: must be a list of rules"],
    [
      [{ action: { type: "status", status: 99 } }],
      "rules[0].action.status: must be an HTTP status code (100-599)",
    ],
    [[{ action: { type: "delay" } }], "rules[0].action.ms: required"],
    [[{ times: -1, action: { type: "reset" } }], "rules[0].times: must be a non-negative integer"],
    [[{ action: { type: "reset" }, extra: 1 }], "rules[0].extra: unknown field"],
  ])("rejects %j", (body, message) => {
    expect(() => new FaultInjector().add(body)).toThrow(message);
  });
});

describe("redact", () => {
  test("masks password and token fields at any depth, keeps the rest", () => {
    expect(redact({ a: 1, plain_password: "x", nested: [{ plainApiToken: "y", name: "n" }] })).toEqual({
      a: 1,
      plain_password: "[redacted]",
      nested: [{ plainApiToken: "[redacted]", name: "n" }],
    });
  });
});

describe("startSandboxServer", () => {
  let server: RunningSandbox;
  let calls = 0;
  let state: unknown = { n: 0 };

  beforeEach(async () => {
    calls = 0;
    server = await startSandboxServer({
      handler: async (request) => {
        calls += 1;
        return { status: 200, headers: { "content-type": "text/plain" }, body: ["chunk-", request.method] };
      },
      hooks: {
        exportState: () => state,
        resetState: (seed) => {
          if (seed === null) throw new Error("seed.users: must be a list");
          state = seed;
        },
      },
    });
  });
  afterEach(() => server.close());

  test("listens on 127.0.0.1 with a free port and streams iterable bodies", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${server.url}/anything`);
    expect(await r.text()).toBe("chunk-GET");
  });

  test("HEAD is handled as GET without a body", async () => {
    const r = await fetch(`${server.url}/x`, { method: "HEAD" });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("");
    expect(calls).toBe(1);
  });

  test("control endpoints call the provider hooks; bad seeds are a 400 with the message", async () => {
    expect(await (await fetch(`${server.url}/__sandbox/state`)).json()).toEqual({ n: 0 });
    const ok = await fetch(`${server.url}/__sandbox/reset`, {
      method: "POST",
      body: JSON.stringify({ n: 1 }),
    });
    expect(await ok.json()).toEqual({ ok: true });
    expect(await (await fetch(`${server.url}/__sandbox/state`)).json()).toEqual({ n: 1 });
    const bad = await fetch(`${server.url}/__sandbox/reset`, { method: "POST", body: "null" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "seed.users: must be a list" });
    const notJson = await fetch(`${server.url}/__sandbox/reset`, { method: "POST", body: "{" });
    expect(await notJson.json()).toEqual({ error: "body is not valid JSON" });
  });

  test("control requests are not logged and not subject to faults", async () => {
    await fetch(`${server.url}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify([{ times: 0, action: { type: "status", status: 500 } }]),
    });
    expect((await fetch(`${server.url}/__sandbox/state`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/x`)).status).toBe(500);
    expect(calls).toBe(0);
    expect(await (await fetch(`${server.url}/__sandbox/requests`)).json()).toEqual([
      { method: "GET", path: "/api/x", query: {}, body: null, status: 500, fault: "status" },
    ]);
  });

  test("close() ends hung and keep-alive connections", async () => {
    server.faults.add([{ action: { type: "hang" } }]);
    const hung = fetch(`${server.url}/slow`).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    expect(await hung).toBeInstanceOf(Error);
    server = await startSandboxServer({
      handler: async () => ({ status: 204 }),
      hooks: { exportState: () => null, resetState: () => {} },
    });
  });
});
