// Behaviour 6: deleted users hidden by default; show_deleted/only_deleted need supervisor or above (403).
import { describe, expect, test } from "vitest";
import { EMPLOYEE_TOKEN, MANAGER_TOKEN, SUPERVISOR_TOKEN, startTeam } from "./helpers.js";

const ids = (json: { users: Array<{ id: number }> }) => json.users.map((u) => u.id);

describe("deleted users", () => {
  test("hidden by default, added by show_deleted=true, alone with only_deleted=true", async () => {
    const s = await startTeam();
    expect(ids((await s.api("GET", "/2/users")).json)).not.toContain(6);
    expect(ids((await s.api("GET", "/2/users?show_deleted=true")).json)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const only = await s.api("GET", "/2/users?only_deleted=true");
    expect(ids(only.json)).toEqual([6]);
    expect(only.json.users[0]).toMatchObject({ id: 6, is_deleted: true, is_active: false });
  });

  test("managers and supervisors may list deleted users", async () => {
    const s = await startTeam();
    for (const token of [MANAGER_TOKEN, SUPERVISOR_TOKEN]) {
      const r = await s.api("GET", "/2/users?show_deleted=true", { token });
      expect(r.status).toBe(200);
      expect(ids(r.json)).toContain(6);
    }
  });

  test("an employee asking for deleted users gets 403", async () => {
    const s = await startTeam();
    for (const query of ["?show_deleted=true", "?only_deleted=true"]) {
      const r = await s.api("GET", `/2/users${query}`, { token: EMPLOYEE_TOKEN });
      expect(r.status).toBe(403);
      expect(r.json).toEqual({ error: "You do not have permission to do this.", code: 3005 });
    }
    // show_deleted=false is not a request for deleted users.
    expect((await s.api("GET", "/2/users?show_deleted=false", { token: EMPLOYEE_TOKEN })).status).toBe(200);
  });
});
