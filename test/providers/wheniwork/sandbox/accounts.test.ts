// Behaviour 3: W-UserId picks the account of a person with users in several; everything is per account.
import { describe, expect, test } from "vitest";
import { ADMIN_TOKEN, MULTI_TOKEN, startTeam } from "./helpers.js";

const ids = (list: Array<{ id: number }>) => list.map((x) => x.id);

describe("W-UserId and account scoping", () => {
  test("the same token sees account 1 or account 2 depending on W-UserId", async () => {
    const s = await startTeam();
    const as4 = { token: MULTI_TOKEN, headers: { "w-userid": "4" } };
    const as21 = { token: MULTI_TOKEN, headers: { "w-userid": "21" } };
    expect(ids((await s.api("GET", "/2/users", as4)).json.users)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(ids((await s.api("GET", "/2/users", as21)).json.users)).toEqual([20, 21]);
    expect(ids((await s.api("GET", "/2/positions", as4)).json.positions)).toEqual([1, 2]);
    expect(ids((await s.api("GET", "/2/positions", as21)).json.positions)).toEqual([10]);
    expect(ids((await s.api("GET", "/2/locations", as21)).json.locations)).toEqual([10]);
    // A user of the other account does not exist from here.
    expect((await s.api("GET", "/2/users/1", as21)).status).toBe(404);
  });

  test("a person with users in several accounts must send W-UserId (strict)", async () => {
    const s = await startTeam();
    const r = await s.api("GET", "/2/users", { token: MULTI_TOKEN });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error: "This login has users in 2 accounts; send W-UserId with one of: 4, 21",
      code: "USER_ID_REQUIRED",
    });
  });

  test("a W-UserId that is not one of the person's users is a 401", async () => {
    const s = await startTeam();
    const r = await s.api("GET", "/2/users", { token: MULTI_TOKEN, headers: { "w-userid": "20" } });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({
      error: "W-UserId 20 is not one of this login's active users",
      code: "INVALID_USER_ID",
    });
    // A single-account login may send its own W-UserId.
    expect(
      (await s.api("GET", "/2/users", { token: ADMIN_TOKEN, headers: { "w-userid": "1" } })).status,
    ).toBe(200);
  });

  test("writes go to the chosen account and may only use its positions", async () => {
    const s = await startTeam();
    const as21 = { token: MULTI_TOKEN, headers: { "w-userid": "21" } }; // a manager in account 2
    const wrong = await s.api("POST", "/2/users", {
      ...as21,
      body: { email: "new@example.com", positions: [1] },
    });
    expect(wrong.status).toBe(400);
    const r = await s.api("POST", "/2/users", {
      ...as21,
      body: { email: "new@example.com", positions: [10] },
    });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ account_id: 2, positions: [10] });
    expect(ids((await s.api("GET", "/2/users", as21)).json.users)).toEqual([20, 21, r.json.user.id]);
    expect(ids((await s.api("GET", "/2/users")).json.users)).not.toContain(r.json.user.id);
  });

  test("the same email in another account is the same person (login_id)", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users", {
      token: MULTI_TOKEN,
      headers: { "w-userid": "21" },
      body: { email: "ADA@example.com", first_name: "Ada" },
    });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ login_id: 1, account_id: 2, email: "ada@example.com" });
  });
});
