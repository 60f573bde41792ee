// /__sandbox/ introspection: state, reset, request log; latency; the default seed.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { startKimaiSandbox } from "../../../../src/providers/kimai/sandbox/index.js";
import type { TestSandbox } from "./helpers.js";
import { SEED, asList, asRecord, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const control = (method: string, name: string, body?: unknown) =>
  sb.call(method, `/__sandbox/${name}`, { as: "nobody", ...(body !== undefined ? { body } : {}) });

describe("state and reset", () => {
  test("GET /__sandbox/state is the seed format with defaults filled in", async () => {
    const state = asRecord((await control("GET", "state")).json);
    expect(state["version"]).toBe("2.66.0");
    expect(state["workContractPlugin"]).toBe(false);
    const john = (state["users"] as Array<Record<string, unknown>>).find((u) => u["id"] === 4);
    expect(john).toEqual({
      id: 4,
      username: "john",
      email: "john@example.com",
      enabled: true,
      roles: [],
      alias: null,
      title: "Developer",
      accountNumber: null,
      language: "en",
      locale: "en",
      timezone: "UTC",
      color: null,
      avatar: null,
      supervisor: 3,
      systemAccount: false,
      preferences: [
        { name: "hourly_rate", value: "82" },
        { name: "work_monday", value: "28800" },
        { name: "__pw_reset__", value: "0" },
      ],
      apiPasswordHash: null,
    });
    expect(state["teams"]).toEqual([
      {
        id: 1,
        name: "Backend",
        color: null,
        members: [
          { user: 3, teamlead: true },
          { user: 4, teamlead: false },
        ],
        customers: [],
        projects: [],
      },
    ]);
    expect(state["customers"]).toEqual([]);
    expect(state["projects"]).toEqual([]);
    expect(asRecord(state["tokens"])["token-admin"]).toBe(1);
    expect(asRecord(state["tokens"])["token-expired"]).toEqual({
      user: 1,
      expiresAt: "2020-01-01T00:00:00.000Z",
    });
  });

  test("state round-trips through POST /__sandbox/reset", async () => {
    await sb.call("PATCH", "/api/users/4", { body: { title: "Changed" } });
    const before = (await control("GET", "state")).json;
    await sb.call("PATCH", "/api/users/4", { body: { title: "Changed again" } });
    expect((await control("POST", "reset", before)).json).toEqual({ ok: true });
    expect((await control("GET", "state")).json).toEqual(before);
    expect((await sb.call("GET", "/api/users/4")).status).toBe(200);
  });

  test("a bad seed is a 400 naming the path; the state is unchanged", async () => {
    const r = await control("POST", "reset", {
      users: [{ id: 1, username: "a", email: "a@example.com", roles: ["ROLE_USER"] }],
    });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error: "seed.users[0].roles[0]: ROLE_USER is implicit and never stored; remove it",
    });
    expect((await sb.call("GET", "/api/users/4")).status).toBe(200);
  });

  test("unknown control endpoints are 404, wrong methods 405", async () => {
    expect((await control("GET", "nope")).status).toBe(404);
    expect((await control("PUT", "state")).status).toBe(405);
  });
});

describe("request log", () => {
  test("records /api requests with status; passwords are redacted and credentials never logged", async () => {
    await sb.call("POST", "/api/users?x=1", {
      body: { username: "neo", email: "neo@example.com", plain_password: "hunter2hunter2" },
    });
    await sb.call("GET", "/api/ping", { as: "nobody" });
    await control("GET", "state");
    const log = (await control("GET", "requests")).json;
    expect(log).toEqual([
      {
        method: "POST",
        path: "/api/users",
        query: { x: "1" },
        body: { username: "neo", email: "neo@example.com", plain_password: "[redacted]" },
        status: 200,
      },
      { method: "GET", path: "/api/ping", query: {}, body: null, status: 401 },
    ]);
    const text = (await control("GET", "requests")).text;
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("token-admin");
  });

  test("DELETE /__sandbox/requests clears the log", async () => {
    await sb.call("GET", "/api/ping");
    expect((await control("DELETE", "requests")).status).toBe(204);
    expect((await control("GET", "requests")).json).toEqual([]);
  });

  test("a body that is not JSON is logged as text with password values masked", async () => {
    await sb.call("POST", "/api/users", { raw: '{"plainPassword": "hunter2hunter2", oops' });
    const entry = asList((await control("GET", "requests")).json)[0];
    expect(entry?.["body"]).toBe('{"plainPassword": "[redacted]", oops');
    expect(entry?.["status"]).toBe(400);
  });
});

describe("options", () => {
  test("latencyMs delays every /api response", async () => {
    const slow = await startTestSandbox({ latencyMs: 150 });
    try {
      const started = Date.now();
      expect((await slow.call("GET", "/api/ping")).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });

  test("without a seed: super-admin admin (id 1) and a random token", async () => {
    const bare = await startKimaiSandbox();
    try {
      expect(bare.token).toMatch(/^[0-9a-f]{48}$/);
      const me = await fetch(`${bare.url}/api/users/me`, {
        headers: { authorization: `Bearer ${bare.token}` },
      });
      const body = asRecord(await me.json());
      expect([body["id"], body["username"], body["roles"]]).toEqual([1, "admin", ["ROLE_SUPER_ADMIN"]]);
    } finally {
      await bare.close();
    }
  });

  test("an explicit token is granted to the seed's first super-admin", async () => {
    const custom = await startKimaiSandbox({ seed: SEED, token: "chosen-token" });
    try {
      expect(custom.token).toBe("chosen-token");
      const me = await fetch(`${custom.url}/api/users/me`, {
        headers: { authorization: "Bearer chosen-token" },
      });
      expect(asRecord(await me.json())["id"]).toBe(1);
    } finally {
      await custom.close();
    }
  });
});
