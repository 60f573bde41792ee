// Contract behaviours 1–3: authentication failures, case-sensitive Bearer, legacy X-AUTH headers.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

describe("1. auth failures", () => {
  test("no credentials: 401 JSON Unauthorized", async () => {
    const r = await sb.call("GET", "/api/users", { as: "nobody" });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 401, message: "Unauthorized" });
  });

  test("unknown Bearer token: 401, empty body, WWW-Authenticate invalid_token", async () => {
    const r = await sb.call("GET", "/api/ping", { as: "nobody", headers: { authorization: "Bearer nope" } });
    expect(r.status).toBe(401);
    expect(r.text).toBe("");
    expect(r.headers.get("www-authenticate")).toBe(
      'Bearer error="invalid_token",error_description="Invalid credentials."',
    );
  });

  test("expired Bearer token: 401 with an empty body", async () => {
    const r = await sb.call("GET", "/api/ping", {
      as: "nobody",
      headers: { authorization: "Bearer token-expired" },
    });
    expect(r.status).toBe(401);
    expect(r.text).toBe("");
    expect(r.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  test("disabled user's Bearer token: 401 with an empty body", async () => {
    const r = await sb.call("GET", "/api/ping", { as: "dora" });
    expect(r.status).toBe(401);
    expect(r.text).toBe("");
    expect(r.headers.get("www-authenticate")).toBe(
      'Bearer error="invalid_token",error_description="Account is disabled."',
    );
  });

  test("wrong X-AUTH credentials: 403 {message} without code", async () => {
    const r = await sb.call("GET", "/api/ping", {
      as: "nobody",
      headers: { "x-auth-user": "admin", "x-auth-token": "wrong" },
    });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ message: "Invalid credentials" });
  });

  test("the configured token works", async () => {
    const r = await sb.call("GET", "/api/ping");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ message: "pong" });
  });
});

describe("2. Bearer is case-sensitive", () => {
  test('"bearer <valid token>" is unauthenticated: 401 JSON', async () => {
    const r = await sb.call("GET", "/api/ping", {
      as: "nobody",
      headers: { authorization: "bearer token-admin" },
    });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 401, message: "Unauthorized" });
  });
});

describe("3. legacy X-AUTH headers", () => {
  const legacy = (user: string, token: string) => ({ "x-auth-user": user, "x-auth-token": token });

  test("username or email with the API password authenticate", async () => {
    for (const user of ["admin", "admin@example.com"]) {
      const r = await sb.call("GET", "/api/users/me", {
        as: "nobody",
        headers: legacy(user, "legacy-secret"),
      });
      expect(r.status).toBe(200);
      expect((r.json as { id: number }).id).toBe(1);
    }
  });

  test("after 5 failures per minute, failures answer 400; valid credentials still pass", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await sb.call("GET", "/api/ping", { as: "nobody", headers: legacy("admin", `bad${i}`) })).status,
      );
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 400, 400]);
    const again = await sb.call("GET", "/api/ping", { as: "nobody", headers: legacy("ghost", "x") });
    expect(again.json).toEqual({ code: 400, message: "Bad Request" });
    const ok = await sb.call("GET", "/api/ping", { as: "nobody", headers: legacy("admin", "legacy-secret") });
    expect(ok.status).toBe(200);
  });

  test("a user without an API password, or a disabled one, gets 403", async () => {
    expect((await sb.call("GET", "/api/ping", { as: "nobody", headers: legacy("anna", "x") })).status).toBe(
      403,
    );
    expect((await sb.call("GET", "/api/ping", { as: "nobody", headers: legacy("dora", "x") })).status).toBe(
      403,
    );
  });

  test("the configurable delay imitates Kimai's sleep", async () => {
    const slow = await startTestSandbox({ legacyAuthDelayMs: [150, 150] });
    try {
      const started = Date.now();
      const r = await slow.call("GET", "/api/ping", {
        as: "nobody",
        headers: legacy("admin", "legacy-secret"),
      });
      expect(r.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });
});
