// Behaviour 11 (role, employment_type/type) plus the other strict write checks: email, duplicates, types.
import { describe, expect, test } from "vitest";
import { MULTI_TOKEN, startTeam } from "./helpers.js";

describe("role", () => {
  test("only 1, 2, 3 and 5 are accepted", async () => {
    const s = await startTeam();
    for (const role of [0, 4, 6, "1", 2.5]) {
      const r = await s.api("PUT", "/2/users/4", { body: { role } });
      expect(r.status).toBe(400);
      expect(r.json).toEqual({
        error: "role must be one of 1, 2, 3, 5 (1 admin, 2 manager, 3 employee, 5 supervisor)",
        code: 2004,
      });
    }
    expect((await s.api("PUT", "/2/users/4", { body: { role: 5 } })).json.user.role).toBe(5);
    expect((await s.api("POST", "/2/users", { body: { email: "r@example.com" } })).json.user.role).toBe(3);
  });
});

describe("employment_type and type", () => {
  test("employment_type sets the matching type bits", async () => {
    const s = await startTeam();
    const expected: Array<[string, number]> = [
      ["hourly", 1],
      ["hourly_exempt", 5],
      ["salaried", 2],
      ["salaried_exempt", 6],
      ["shareholder", 6],
    ];
    for (const [employment_type, type] of expected) {
      const r = await s.api("PUT", "/2/users/4", { body: { employment_type } });
      expect(r.json.user).toMatchObject({ employment_type, type });
    }
  });

  test("type alone sets the matching employment_type; 6 keeps a shareholder a shareholder", async () => {
    const s = await startTeam();
    expect((await s.api("PUT", "/2/users/4", { body: { type: 5 } })).json.user).toMatchObject({
      employment_type: "hourly_exempt",
      type: 5,
    });
    await s.api("PUT", "/2/users/4", { body: { employment_type: "shareholder" } });
    expect((await s.api("PUT", "/2/users/4", { body: { type: 6 } })).json.user.employment_type).toBe(
      "shareholder",
    );
  });

  test("contradicting or unknown values are a 400", async () => {
    const s = await startTeam();
    const both = await s.api("PUT", "/2/users/4", { body: { employment_type: "hourly", type: 2 } });
    expect(both.status).toBe(400);
    expect(both.json).toEqual({
      error: 'type 2 contradicts employment_type "hourly" (which means type 1)',
      code: 2005,
    });
    const unknown = await s.api("PUT", "/2/users/4", { body: { employment_type: "contractor" } });
    expect(unknown.json).toEqual({
      error: "employment_type must be one of hourly, hourly_exempt, salaried, salaried_exempt, shareholder",
      code: 2005,
    });
    expect((await s.api("PUT", "/2/users/4", { body: { type: 3 } })).status).toBe(400);
  });
});

describe("other write checks", () => {
  test("a create needs a valid email", async () => {
    const s = await startTeam();
    const missing = await s.api("POST", "/2/users", { body: { first_name: "No" } });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ error: "email is required to create a user", code: 2001 });
    const bad = await s.api("POST", "/2/users", { body: { email: "not-an-email" } });
    expect(bad.json).toEqual({ error: "email must be a valid email address", code: 2002 });
  });

  test("duplicate email within an account is a 400 (case-insensitive), in another account it is fine", async () => {
    const s = await startTeam();
    const dup = await s.api("POST", "/2/users", { body: { email: "MAX@example.com" } });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({
      error: "A user with the email MAX@example.com already exists in this account (user 2)",
      code: 2003,
    });
    const taken = await s.api("PUT", "/2/users/4", { body: { email: "max@example.com" } });
    expect(taken.json).toEqual({ error: "The email max@example.com is already in use", code: 2003 });
    const elsewhere = await s.api("POST", "/2/users", {
      token: MULTI_TOKEN,
      headers: { "w-userid": "21" },
      body: { email: "max@example.com" },
    });
    expect(elsewhere.status).toBe(200);
  });

  test("employee_code is a string (a number is refused)", async () => {
    const s = await startTeam();
    expect(
      (await s.api("PUT", "/2/users/4", { body: { employee_code: "0042" } })).json.user.employee_code,
    ).toBe("0042");
    const r = await s.api("PUT", "/2/users/4", { body: { employee_code: 42 } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: "employee_code must be a string", code: 2006 });
  });

  test("wrongly typed values are refused and nothing changes", async () => {
    const s = await startTeam();
    const before = (await s.api("GET", "/2/users/4")).json.user;
    for (const body of [
      { hours_max: "40" },
      { hours_max: -1 },
      { is_hidden: "yes" },
      { start_date: "2025-02-30" },
      { positions: "1" },
      { first_name: "Ok", is_private: 2 },
    ]) {
      expect((await s.api("PUT", "/2/users/4", { body })).status).toBe(400);
    }
    expect((await s.api("GET", "/2/users/4")).json.user).toEqual(before);
  });
});
