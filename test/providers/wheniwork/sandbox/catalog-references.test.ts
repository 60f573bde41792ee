// Behaviour 12: unknown (or deleted, or other-account) position/location ids on a user are a 400.
import { describe, expect, test } from "vitest";
import { startTeam } from "./helpers.js";

describe("position and location ids on a user", () => {
  test("an unknown position id is a 400 and nothing changes", async () => {
    const s = await startTeam();
    const r = await s.api("PUT", "/2/users/4", { body: { positions: [1, 99], first_name: "Changed" } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: "Position 99 does not exist in this account", code: 2007 });
    expect((await s.api("GET", "/2/users/4")).json.user).toMatchObject({
      positions: [1],
      first_name: "Erin",
    });
  });

  test("an unknown location id is a 400, on create too (no user is created)", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users", { body: { email: "loc@example.com", locations: [99] } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: "Location 99 does not exist in this account", code: 2008 });
    expect((await s.api("GET", "/2/users?search=loc%40")).json.users).toEqual([]);
  });

  test("deleted entries and entries of another account count as unknown", async () => {
    const s = await startTeam();
    expect((await s.api("PUT", "/2/users/4", { body: { positions: [3] } })).json).toEqual({
      error: "Position 3 does not exist in this account",
      code: 2007,
    });
    expect((await s.api("PUT", "/2/users/4", { body: { positions: [10] } })).status).toBe(400);
    expect((await s.api("PUT", "/2/users/4", { body: { locations: [3] } })).status).toBe(400);
  });

  test("known ids are stored once each, in the order sent", async () => {
    const s = await startTeam();
    const r = await s.api("PUT", "/2/users/4", { body: { positions: [2, 1, 2], locations: [2, 1] } });
    expect(r.json.user).toMatchObject({ positions: [2, 1], locations: [2, 1] });
  });
});
