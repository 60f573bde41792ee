// Behaviour 17: 404 {error,code} for unknown user ids on GET, PUT and DELETE.
import { describe, expect, test } from "vitest";
import { MULTI_TOKEN, startTeam } from "./helpers.js";

describe("unknown user ids", () => {
  test("GET, PUT and DELETE of an unknown id are 404 {error,code}", async () => {
    const s = await startTeam();
    for (const method of ["GET", "PUT", "DELETE"]) {
      const r = await s.api(method, "/2/users/999", method === "PUT" ? { body: { first_name: "X" } } : {});
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ error: "User not found: 999", code: "USER_NOT_FOUND" });
    }
  });

  test("a non-numeric id and a user of another account are not found either", async () => {
    const s = await startTeam();
    expect((await s.api("GET", "/2/users/abc")).json).toEqual({
      error: "User not found: abc",
      code: "USER_NOT_FOUND",
    });
    const r = await s.api("PUT", "/2/users/4", {
      token: MULTI_TOKEN,
      headers: { "w-userid": "21" },
      body: { first_name: "X" },
    });
    expect(r.status).toBe(404);
    expect((await s.api("GET", "/2/users/4")).json.user.first_name).toBe("Erin");
  });
});
