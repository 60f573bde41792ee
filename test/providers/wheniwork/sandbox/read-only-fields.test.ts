// Behaviour 9: read-only fields are ignored on writes; updated_at changes on every write.
import { describe, expect, test } from "vitest";
import { EMPLOYEE_TOKEN, SUPERVISOR_TOKEN, startTeam } from "./helpers.js";

describe("read-only fields", () => {
  test("id, login_id, account_id, is_deleted, last_login, created_at, updated_at, activated are ignored", async () => {
    const s = await startTeam();
    const before = (await s.api("GET", "/2/users/7")).json.user;
    const r = await s.api("PUT", "/2/users/7", {
      body: {
        id: 999,
        login_id: 1,
        account_id: 2,
        is_deleted: true,
        last_login: "Mon, 05 Oct 2015 18:26:44 -0500",
        created_at: "Mon, 05 Oct 2015 18:26:44 -0500",
        updated_at: "Mon, 05 Oct 2015 18:26:44 -0500",
        activated: true,
        first_name: "Pen",
      },
    });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({
      id: 7,
      login_id: before.login_id,
      account_id: 1,
      is_deleted: false,
      last_login: null,
      created_at: before.created_at,
      activated: false,
      first_name: "Pen",
    });
    expect(r.json.user.updated_at).not.toBe("Mon, 05 Oct 2015 18:26:44 -0500");
    expect((await s.api("GET", "/2/users/999")).status).toBe(404);
  });

  test("read-only fields on a create are ignored too", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users", {
      body: { id: 1, account_id: 2, is_deleted: true, activated: false, email: "ro@example.com" },
    });
    expect(r.json.user).toMatchObject({ id: 22, account_id: 1, is_deleted: false, activated: true });
  });

  test("updated_at moves forward on every write, even within one second", async () => {
    const s = await startTeam();
    const stamps = [(await s.api("GET", "/2/users/4")).json.user.updated_at as string];
    for (let i = 0; i < 3; i++)
      stamps.push((await s.api("PUT", "/2/users/4", { body: {} })).json.user.updated_at);
    const times = stamps.map((t) => Date.parse(t));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] ?? Infinity);
    expect(stamps[0]).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} -0500$/);
  });

  test("only admins and managers may edit users", async () => {
    const s = await startTeam();
    for (const token of [SUPERVISOR_TOKEN, EMPLOYEE_TOKEN]) {
      expect((await s.api("PUT", "/2/users/4", { token, body: { first_name: "X" } })).status).toBe(403);
      expect((await s.api("POST", "/2/users", { token, body: { email: "x@example.com" } })).status).toBe(403);
    }
  });
});
