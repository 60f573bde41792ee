// Behaviour 2: legacy POST /2/login with W-Key and {username|email, password}; GET /2/login.
import { describe, expect, test } from "vitest";
import { MULTI_TOKEN, startTeam } from "./helpers.js";

const erinUsers = (json: { users: Array<{ id: number; account_id: number }> }) =>
  json.users.map((u) => [u.id, u.account_id]);

describe("POST /2/login", () => {
  test("returns {login:{id,first_name,last_name,email,token}, users, accounts}; the token works", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/login", {
      token: null,
      headers: { "w-key": "dev-key" },
      body: { username: "erin@example.com", password: "erin-pass" },
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(["login", "users", "accounts"]);
    expect(r.json.login).toEqual({
      id: 4,
      first_name: "Erin",
      last_name: "Employee",
      email: "erin@example.com",
      token: expect.stringMatching(/^[0-9a-f]{48}$/),
    });
    expect(erinUsers(r.json)).toEqual([
      [4, 1],
      [21, 2],
    ]);
    expect(r.json.accounts).toEqual([
      { id: 1, name: "Demo Co" },
      { id: 2, name: "Other Co" },
    ]);
    // The node client's flow: pick the user of the wanted account and send it as W-UserId.
    const me = await s.api("GET", "/2/users/21", {
      token: r.json.login.token,
      headers: { "w-userid": "21" },
    });
    expect(me.status).toBe(200);
    expect(me.json.user.account_id).toBe(2);
  });

  test("email instead of username works too, case-insensitively", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/login", {
      token: null,
      headers: { "w-key": "k" },
      body: { email: "ERIN@example.com", password: "erin-pass" },
    });
    expect(r.status).toBe(200);
    expect(r.json.login.id).toBe(4);
  });

  test("without W-Key: 401, and no token is issued", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/login", {
      token: null,
      body: { username: "erin@example.com", password: "erin-pass" },
    });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: "Missing developer key: send the W-Key header", code: 1002 });
    expect(Object.keys((await s.control("GET", "state")).json.tokens)).toHaveLength(5);
  });

  test("a wrong password, an unknown login and a person without a password are all the same 401", async () => {
    const s = await startTeam();
    for (const body of [
      { username: "erin@example.com", password: "wrong" },
      { username: "nobody@example.com", password: "erin-pass" },
      { username: "ada@example.com", password: "" },
    ]) {
      const r = await s.api("POST", "/2/login", { token: null, headers: { "w-key": "k" }, body });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: "Invalid username or password", code: 1001 });
    }
  });

  test("the password never reaches the request log", async () => {
    const s = await startTeam();
    await s.api("POST", "/2/login", {
      token: null,
      headers: { "w-key": "k" },
      body: { username: "erin@example.com", password: "erin-pass" },
    });
    const log = (await s.control("GET", "requests")).text;
    expect(log).toContain("erin@example.com");
    expect(log).not.toContain("erin-pass");
  });
});

describe("GET /2/login", () => {
  test("lists the token's person, users and accounts without echoing the token", async () => {
    const s = await startTeam();
    const r = await s.api("GET", "/2/login", { token: MULTI_TOKEN });
    expect(r.status).toBe(200);
    expect(r.json.login).toEqual({
      id: 4,
      first_name: "Erin",
      last_name: "Employee",
      email: "erin@example.com",
    });
    expect(erinUsers(r.json)).toEqual([
      [4, 1],
      [21, 2],
    ]);
  });
});
