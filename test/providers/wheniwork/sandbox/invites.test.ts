// Behaviour 10: invite defaults to true on create (recorded in state), invite:false suppresses it;
// POST /2/users/invite answers {count,email,sms,success}.
import { describe, expect, test } from "vitest";
import type { Harness } from "./helpers.js";
import { SUPERVISOR_TOKEN, startTeam } from "./helpers.js";

const invites = async (s: Harness): Promise<Array<{ user_id: number; at: string; message?: string }>> =>
  (await s.control("GET", "state")).json.invites;

describe("invitations", () => {
  test("a create sends an invite unless invite:false", async () => {
    const s = await startTeam();
    const invited = (await s.api("POST", "/2/users", { body: { email: "a@example.com" } })).json.user.id;
    const quiet = (await s.api("POST", "/2/users", { body: { email: "b@example.com", invite: false } })).json
      .user.id;
    const list = await invites(s);
    expect(list).toEqual([{ user_id: invited, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }]);
    expect(list.map((i) => i.user_id)).not.toContain(quiet);
  });

  test("POST /2/users/invite with ids answers {count,email,sms,success} and records each invite", async () => {
    const s = await startTeam();
    await s.api("PUT", "/2/users/5", { body: { phone_number: "5551234" } });
    const r = await s.api("POST", "/2/users/invite", { body: { ids: [4, 5], message: "Welcome" } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ count: 2, email: 2, sms: 1, success: true });
    expect((await invites(s)).map((i) => [i.user_id, i.message])).toEqual([
      [4, "Welcome"],
      [5, "Welcome"],
    ]);
  });

  test("send_all invites every active user who never logged in", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users/invite", { body: { send_all: true } });
    expect(r.json).toEqual({ count: 6, email: 6, sms: 0, success: true });
    expect((await invites(s)).map((i) => i.user_id)).toEqual([1, 2, 3, 4, 5, 7]);
  });

  test("one unknown or deleted id rejects the whole request; nothing is recorded", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users/invite", { body: { ids: [4, 6] } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: "Cannot invite 6: no such active user in this account", code: 2009 });
    const none = await s.api("POST", "/2/users/invite", { body: {} });
    expect(none.status).toBe(400);
    expect(none.json).toEqual({ error: "Send ids (a list of user ids) or send_all: true", code: 2009 });
    expect(await invites(s)).toEqual([]);
  });

  test("POST /2/users/invite/{id} invites one user; supervisors may not invite", async () => {
    const s = await startTeam();
    expect((await s.api("POST", "/2/users/invite/4")).json).toEqual({
      count: 1,
      email: 1,
      sms: 0,
      success: true,
    });
    expect((await s.api("POST", "/2/users/invite/999")).status).toBe(404);
    expect(
      (await s.api("POST", "/2/users/invite", { token: SUPERVISOR_TOKEN, body: { ids: [4] } })).status,
    ).toBe(403);
    expect((await invites(s)).map((i) => i.user_id)).toEqual([4]);
  });
});
