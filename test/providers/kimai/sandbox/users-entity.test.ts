// Contract behaviours 8 (single entity), 9 (roles) and 11 (visible preferences).
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { ENTITY_KEYS, asRecord, keysOf, prefs, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

describe("8. single entities add roles, teams, memberships, supervisor and preferences", () => {
  test("GET one, /me, POST and PATCH all answer the entity shape", async () => {
    expect(keysOf((await sb.call("GET", "/api/users/4")).json)).toEqual(ENTITY_KEYS);
    expect(keysOf((await sb.call("GET", "/api/users/me")).json)).toEqual(ENTITY_KEYS);
    expect(keysOf((await sb.call("PATCH", "/api/users/4", { body: { title: "x" } })).json)).toEqual(
      ENTITY_KEYS,
    );
    const created = await sb.call("POST", "/api/users", {
      body: { username: "new", email: "new@example.com", plainPassword: "password1" },
    });
    expect(keysOf(created.json)).toEqual(ENTITY_KEYS);
  });

  test("supervisor is a nested full entity; null when unset", async () => {
    const john = asRecord((await sb.call("GET", "/api/users/4")).json);
    const tony = asRecord(john["supervisor"]);
    expect(keysOf(tony)).toEqual(ENTITY_KEYS);
    expect(tony["id"]).toBe(3);
    expect(tony["supervisor"]).toBeNull();
  });
});

describe("9. roles never contain ROLE_USER", () => {
  test("a plain user has roles []", async () => {
    expect(asRecord((await sb.call("GET", "/api/users/4")).json)["roles"]).toEqual([]);
  });

  test('submitting ["ROLE_USER"] is a validation error on roles', async () => {
    const r = await sb.call("PATCH", "/api/users/4", { body: { roles: ["ROLE_USER"] } });
    expect(r.status).toBe(400);
    const children = asRecord(asRecord(asRecord(r.json)["errors"])["children"]);
    expect(children["roles"]).toEqual({ errors: ["The selected choice is invalid."] });
  });
});

describe("11. visible preferences", () => {
  test("GET one adds core defaults in memory, hides internal and '_' names, shows stored ones", async () => {
    const john = (await sb.call("GET", "/api/users/4")).json;
    expect(prefs(john)).toEqual({
      hourly_rate: "82",
      work_monday: "28800",
      internal_rate: null,
      first_weekday: "monday",
      favorite_routes: "",
    });
  });

  test("the list view shows only stored preferences", async () => {
    const list = (await sb.call("GET", "/api/users?full=true")).json as unknown[];
    const john = list.find((u) => asRecord(u)["id"] === 4);
    expect(prefs(john)).toEqual({ hourly_rate: "82", work_monday: "28800" });
  });

  test("rates are hidden without the hourly-rate permission on the target", async () => {
    const own = await sb.call("GET", "/api/users/me", { as: "john" });
    expect(Object.keys(prefs(own.json))).toEqual(["work_monday", "first_weekday", "favorite_routes"]);
    const lead = await sb.call("GET", "/api/users/me", { as: "tony" });
    expect(Object.keys(prefs(lead.json))).toContain("hourly_rate");
  });
});
