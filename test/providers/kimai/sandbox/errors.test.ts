// Contract behaviours 4–5: generic error bodies, 404 before 403, 405 on known paths.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

describe("4. errors carry only the reason phrase", () => {
  test("an unknown preference is a plain 404, never the real message", async () => {
    const r = await sb.call("PATCH", "/api/users/4/preferences", { body: [{ name: "nope", value: "1" }] });
    expect(r.status).toBe(404);
    expect(r.text).toBe('{"code":404,"message":"Not Found"}');
  });

  test("a missing permission is a plain 403", async () => {
    const r = await sb.call("GET", "/api/users", { as: "john" });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ code: 403, message: "Forbidden" });
  });

  test("an unknown route is a plain 404", async () => {
    const r = await sb.call("GET", "/api/nothing-here");
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ code: 404, message: "Not Found" });
  });
});

describe("5. 404 before 403, 405 for a wrong method", () => {
  test("a plain user gets 404 for an unknown id but 403 for an existing one", async () => {
    expect((await sb.call("GET", "/api/users/99", { as: "john" })).json).toEqual({
      code: 404,
      message: "Not Found",
    });
    expect((await sb.call("GET", "/api/users/1", { as: "john" })).json).toEqual({
      code: 403,
      message: "Forbidden",
    });
    expect((await sb.call("PATCH", "/api/users/99", { as: "john", body: {} })).status).toBe(404);
    expect((await sb.call("GET", "/api/teams/99", { as: "john" })).status).toBe(404);
    expect((await sb.call("GET", "/api/teams/1", { as: "john" })).status).toBe(403);
  });

  test("DELETE /api/users/1 is 405 JSON", async () => {
    const r = await sb.call("DELETE", "/api/users/1");
    expect(r.status).toBe(405);
    expect(r.json).toEqual({ code: 405, message: "Method Not Allowed" });
    expect(r.headers.get("allow")).toBe("GET, PATCH");
  });

  test("routing and body decoding run before authentication (Symfony listener order)", async () => {
    expect((await sb.call("GET", "/api/nothing", { as: "nobody" })).status).toBe(404);
    expect((await sb.call("DELETE", "/api/users/1", { as: "nobody" })).status).toBe(405);
    const malformed = await sb.call("PATCH", "/api/users/1", { as: "nobody", raw: "{oops" });
    expect(malformed.json).toEqual({ code: 400, message: "Bad Request" });
    expect((await sb.call("PATCH", "/api/users/1", { as: "nobody", raw: "{}" })).status).toBe(401);
  });
});
