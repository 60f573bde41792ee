// Behaviour 7: DELETE is a soft delete that keeps the id; PUT or POST with reactivate:true undoes it.
import { describe, expect, test } from "vitest";
import { EMPLOYEE_TOKEN, SUPERVISOR_TOKEN, startTeam } from "./helpers.js";

describe("soft delete and reactivate", () => {
  test("DELETE sets is_deleted, keeps the id and the data; the user leaves the default list", async () => {
    const s = await startTeam();
    const before = (await s.api("GET", "/2/users/4")).json.user;
    expect((await s.api("DELETE", "/2/users/4")).json).toEqual({ success: true });
    const after = (await s.api("GET", "/2/users/4")).json.user;
    expect(after).toMatchObject({ id: 4, is_deleted: true, is_active: false, email: before.email });
    expect(after.deleted_at).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} -0500$/);
    expect(after.positions).toEqual(before.positions);
    const list = (await s.api("GET", "/2/users")).json.users.map((u: { id: number }) => u.id);
    expect(list).not.toContain(4);
    const state = (await s.control("GET", "state")).json;
    expect(state.users.find((u: { id: number }) => u.id === 4).is_deleted).toBe(true);
  });

  test("PUT with reactivate:true restores the user under the same id", async () => {
    const s = await startTeam();
    await s.api("DELETE", "/2/users/4");
    const r = await s.api("PUT", "/2/users/4", { body: { reactivate: true } });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ id: 4, is_deleted: false, deleted_at: null });
    expect((await s.api("GET", "/2/users")).json.users.map((u: { id: number }) => u.id)).toContain(4);
  });

  test("POST with the email of a deleted user and reactivate:true restores that user", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users", {
      body: { email: "DEL@example.com", reactivate: true, first_name: "Dora" },
    });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({
      id: 6,
      is_deleted: false,
      first_name: "Dora",
      email: "del@example.com",
    });
  });

  test("POST with the email of a deleted user without reactivate is refused", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users", { body: { email: "del@example.com" } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error: "The email del@example.com belongs to deleted user 6; send reactivate: true to restore it",
      code: 2003,
    });
  });

  test("PUT without reactivate leaves a deleted user deleted", async () => {
    const s = await startTeam();
    const r = await s.api("PUT", "/2/users/6", { body: { notes: "still gone" } });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ is_deleted: true, notes: "still gone" });
  });

  test("deleting a deleted user is a 404; deleting yourself is a 400", async () => {
    const s = await startTeam();
    const again = await s.api("DELETE", "/2/users/6");
    expect(again.status).toBe(404);
    expect(again.json).toEqual({ error: "User not found: 6", code: "USER_NOT_FOUND" });
    const self = await s.api("DELETE", "/2/users/1");
    expect(self.status).toBe(400);
    expect(self.json).toEqual({ error: "You cannot delete your own user", code: 2010 });
  });

  test("only admins and managers may delete", async () => {
    const s = await startTeam();
    for (const token of [SUPERVISOR_TOKEN, EMPLOYEE_TOKEN]) {
      const r = await s.api("DELETE", "/2/users/4", { token });
      expect(r.status).toBe(403);
      expect(r.json).toEqual({ error: "You do not have permission to do this.", code: 3005 });
    }
    expect((await s.api("GET", "/2/users/4")).json.user.is_deleted).toBe(false);
  });
});
