// /__sandbox/ state, requests (never the token) and reset on the When I Work sandbox.
import { describe, expect, test } from "vitest";
import { ADMIN_TOKEN, start, startTeam } from "./helpers.js";

describe("/__sandbox/", () => {
  test("requests: method, path, query, body and status; never the token (W-Token or Bearer)", async () => {
    const s = await startTeam();
    await s.api("GET", "/2/users?search=erin");
    await s.api("PUT", "/2/users/4", { body: { first_name: "Erika" }, bearer: true });
    const r = await s.control("GET", "requests");
    expect(r.json).toEqual([
      { method: "GET", path: "/2/users", query: { search: "erin" }, body: null, status: 200 },
      { method: "PUT", path: "/2/users/4", query: {}, body: { first_name: "Erika" }, status: 200 },
    ]);
    expect(r.text).not.toContain(ADMIN_TOKEN);
    expect((await s.control("DELETE", "requests")).status).toBe(204);
    expect((await s.control("GET", "requests")).json).toEqual([]);
  });

  test("state: the seed shape with defaults filled in", async () => {
    const s = await start({
      token: "t-1",
      seed: {
        accounts: [{ id: 1, name: "Demo Co" }],
        users: [{ id: 1, account_id: 1, email: "a@example.com", role: 1 }],
        positions: [{ id: 1, account_id: 1, name: "Barista" }],
        tokens: { "t-1": 1 },
      },
    });
    const state = (await s.control("GET", "state")).json;
    expect(Object.keys(state)).toEqual([
      "accounts",
      "persons",
      "users",
      "positions",
      "locations",
      "tokens",
      "invites",
      "shifts",
    ]);
    expect(state.persons).toEqual([
      { id: 1, email: "a@example.com", first_name: "", last_name: "", password_hash: null },
    ]);
    expect(state.users[0]).toEqual({
      id: 1,
      account_id: 1,
      login_id: 1,
      email: "a@example.com",
      first_name: "",
      middle_name: "",
      last_name: "",
      phone_number: "",
      role: 1,
      employee_code: "",
      positions: [],
      locations: [],
      hours_max: 0,
      hours_preferred: 0,
      hourly_rate: 0,
      position_rates: {},
      employment_type: "hourly",
      type: 1,
      is_deleted: false,
      is_private: false,
      is_trusted: 0,
      is_hidden: false,
      is_payroll: false,
      activated: true,
      notes: "",
      start_date: null,
      created_at: expect.stringMatching(/ -0500$/),
      updated_at: expect.stringMatching(/ -0500$/),
      deleted_at: null,
      last_login: null,
    });
    expect(state.positions).toEqual([{ id: 1, account_id: 1, name: "Barista", is_deleted: false }]);
    expect(state.tokens).toEqual({ "t-1": 1 });
    expect(state.invites).toEqual([]);
    expect(state.shifts).toEqual([]);
  });

  test("reset with a seed replaces the state; the exported state is itself a valid seed", async () => {
    const s = await startTeam();
    await s.api("PUT", "/2/users/4", { body: { hours_max: 12.5, positions: [2] } });
    await s.api("POST", "/2/users", { body: { email: "new@example.com" } });
    const exported = (await s.control("GET", "state")).json;
    expect((await s.control("POST", "reset", exported)).json).toEqual({ ok: true });
    expect((await s.control("GET", "state")).json).toEqual(exported);
  });

  test("reset without a body goes back to the initial state, with the same token", async () => {
    const s = await start();
    await s.api("POST", "/2/users", { body: { email: "x@example.com" } });
    expect((await s.control("POST", "reset")).status).toBe(200);
    const state = (await s.control("GET", "state")).json;
    expect(state.users).toHaveLength(1);
    expect((await s.api("GET", "/2/users")).status).toBe(200);
  });

  test("reset with a bad seed is a 400 naming the problem, and the state is kept", async () => {
    const s = await startTeam();
    const r = await s.control("POST", "reset", {
      accounts: [{ id: 1, name: "A" }],
      users: [{ id: 1, account_id: 2, email: "a@example.com" }],
    });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: "seed.users[0].account_id: no account with id 2" });
    expect((await s.api("GET", "/2/users/4")).status).toBe(200);
  });
});
