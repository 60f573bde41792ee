// Behaviour 1: /2/ routes; W-Token or Authorization: Bearer; 401 {error,code} when missing or invalid.
import { describe, expect, test } from "vitest";
import { ADMIN_TOKEN, startTeam } from "./helpers.js";

describe("authentication", () => {
  test("W-Token and Authorization: Bearer both authenticate", async () => {
    const s = await startTeam();
    const viaWToken = await s.api("GET", "/2/users/1");
    const viaBearer = await s.api("GET", "/2/users/1", { bearer: true });
    expect(viaWToken.status).toBe(200);
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.json.user.id).toBe(1);
    const lowerScheme = await s.api("GET", "/2/users/1", {
      token: null,
      headers: { authorization: `bearer ${ADMIN_TOKEN}` },
    });
    expect(lowerScheme.status).toBe(200);
  });

  test("no token: 401 with a JSON {error, code}", async () => {
    const s = await startTeam();
    const r = await s.api("GET", "/2/users", { token: null });
    expect(r.status).toBe(401);
    expect(r.headers.get("content-type")).toBe("application/json");
    expect(r.json).toEqual({
      error: "Missing token: send W-Token or Authorization: Bearer",
      code: "UNAUTHORIZED",
    });
  });

  test("unknown token (either header): 401", async () => {
    const s = await startTeam();
    for (const bearer of [false, true]) {
      const r = await s.api("GET", "/2/users", { token: "not-a-token", bearer });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: "Invalid or expired token", code: "UNAUTHORIZED" });
    }
  });

  test("a token in the query string is not accepted (it would end up in logs)", async () => {
    const s = await startTeam();
    const r = await s.api("GET", `/2/users?token=${ADMIN_TOKEN}&W-Token=${ADMIN_TOKEN}`, { token: null });
    expect(r.status).toBe(401);
  });

  test("routes live under /2/: anything else is a 404, a wrong method a 405 with Allow", async () => {
    const s = await startTeam();
    const outside = await s.api("GET", "/users");
    expect(outside.status).toBe(404);
    expect(outside.json).toEqual({ error: "No route for GET /users", code: "NOT_FOUND" });
    expect((await s.api("GET", "/3/users")).status).toBe(404);
    const wrong = await s.api("PATCH", "/2/users/1", { body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, PUT, DELETE");
    expect(wrong.json).toEqual({ error: "PATCH is not allowed on /2/users/1", code: "METHOD_NOT_ALLOWED" });
  });
});
