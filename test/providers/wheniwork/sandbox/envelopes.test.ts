// Behaviour 4: {users:[…]} for lists, {user:{…}} for reads and writes, {success:true} for delete; extra keys.
import { describe, expect, test } from "vitest";
import { startTeam } from "./helpers.js";

describe("response envelopes", () => {
  test("list: {users:[…]} plus the account's active locations and positions (include_objects)", async () => {
    const s = await startTeam();
    const r = await s.api("GET", "/2/users");
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(["users", "locations", "positions"]);
    expect(r.json.users).toHaveLength(6);
    expect(r.json.positions.map((p: { name: string }) => p.name)).toEqual(["Barista", "Cashier"]);
    const bare = await s.api("GET", "/2/users?include_objects=false");
    expect(Object.keys(bare.json)).toEqual(["users"]);
  });

  test("single read and writes: {user:{…}} with extra keys clients must ignore", async () => {
    const s = await startTeam();
    const read = await s.api("GET", "/2/users/4");
    expect(Object.keys(read.json)).toEqual(["user"]);
    expect(read.json.user).toMatchObject({
      id: 4,
      is_active: true,
      uuid: "00000000-0000-4000-8000-000000000004",
    });
    const created = await s.api("POST", "/2/users", { body: { email: "n@example.com" } });
    expect(created.status).toBe(200);
    expect(Object.keys(created.json)).toEqual(["user"]);
    const updated = await s.api("PUT", "/2/users/4", { body: { notes: "x" } });
    expect(Object.keys(updated.json)).toEqual(["user"]);
  });

  test("delete: exactly {success:true}", async () => {
    const s = await startTeam();
    const r = await s.api("DELETE", "/2/users/4");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ success: true });
  });

  test("unknown keys in a request body are tolerated", async () => {
    const s = await startTeam();
    const r = await s.api("PUT", "/2/users/4", {
      body: { first_name: "Erika", alert_settings: {}, avatar: null },
    });
    expect(r.status).toBe(200);
    expect(r.json.user.first_name).toBe("Erika");
    expect(r.json.user).not.toHaveProperty("alert_settings");
  });
});
