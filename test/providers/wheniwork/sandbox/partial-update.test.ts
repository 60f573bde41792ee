// Behaviour 8: PUT is a partial merge; fields left out are kept, arrays sent replace the stored ones.
import { describe, expect, test } from "vitest";
import { MULTI_TOKEN, startTeam } from "./helpers.js";

describe("PUT /2/users/{id}", () => {
  test("fields left out are kept", async () => {
    const s = await startTeam();
    await s.api("PUT", "/2/users/4", { body: { employee_code: "E-1", hours_max: 40, notes: "n" } });
    const before = (await s.api("GET", "/2/users/4")).json.user;
    const r = await s.api("PUT", "/2/users/4", { body: { first_name: "Erika" } });
    expect(r.status).toBe(200);
    const { first_name, updated_at, ...rest } = r.json.user;
    const { first_name: oldFirst, updated_at: _oldUpdated, ...oldRest } = before;
    expect([oldFirst, first_name]).toEqual(["Erin", "Erika"]);
    expect(updated_at).toEqual(expect.any(String));
    expect(rest).toEqual(oldRest);
  });

  test("arrays are replaced whole, not merged", async () => {
    const s = await startTeam();
    const r = await s.api("PUT", "/2/users/4", { body: { positions: [2] } });
    expect(r.json.user.positions).toEqual([2]);
    expect(r.json.user.locations).toEqual([1]);
    const cleared = await s.api("PUT", "/2/users/4", { body: { locations: [] } });
    expect(cleared.json.user).toMatchObject({ positions: [2], locations: [] });
  });

  test("email belongs to the person: changing it changes it in every account", async () => {
    const s = await startTeam();
    const r = await s.api("PUT", "/2/users/4", { body: { email: "erin.new@example.com" } });
    expect(r.json.user.email).toBe("erin.new@example.com");
    const other = await s.api("GET", "/2/users/21", { token: MULTI_TOKEN, headers: { "w-userid": "21" } });
    expect(other.json.user.email).toBe("erin.new@example.com");
  });
});
