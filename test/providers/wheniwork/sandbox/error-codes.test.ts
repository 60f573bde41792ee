// Behaviour 18: every error is {error, code}; code is sometimes an integer, sometimes a string.
import { describe, expect, test } from "vitest";
import { EMPLOYEE_TOKEN, startTeam } from "./helpers.js";

describe("error bodies", () => {
  test("codes mix integers and strings", async () => {
    const s = await startTeam();
    const replies = [
      await s.api("GET", "/2/users", { token: "nope" }), // 401 "UNAUTHORIZED"
      await s.api("PUT", "/2/users/4", { token: EMPLOYEE_TOKEN, body: {} }), // 403 3005
      await s.api("PUT", "/2/users/4", { body: { role: 9 } }), // 400 2004
      await s.api("GET", "/2/users/999"), // 404 "USER_NOT_FOUND"
      await s.api("PUT", "/2/users/4", { body: "{not json" }), // 400 "INVALID_BODY"
    ];
    expect(replies.map((r) => [r.status, r.json.code])).toEqual([
      [401, "UNAUTHORIZED"],
      [403, 3005],
      [400, 2004],
      [404, "USER_NOT_FOUND"],
      [400, "INVALID_BODY"],
    ]);
    for (const r of replies) {
      expect(Object.keys(r.json)).toEqual(["error", "code"]);
      expect(typeof r.json.error).toBe("string");
    }
  });

  test("a body that is not JSON, or not an object, is a 400 INVALID_BODY", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users", { body: "{not json" });
    expect(r.json).toEqual({ error: "The request body is not valid JSON", code: "INVALID_BODY" });
    const list = await s.api("POST", "/2/users", { body: [{ email: "a@example.com" }] });
    expect(list.status).toBe(400);
    expect(list.json).toEqual({ error: "The request body must be a JSON object", code: "INVALID_BODY" });
  });
});
