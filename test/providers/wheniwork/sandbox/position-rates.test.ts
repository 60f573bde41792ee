// position_rates (current docs): a map of position id → extra rate, replaced whole; PHP's empty map is [].
import { describe, expect, test } from "vitest";
import { startTeam } from "./helpers.js";

describe("position_rates", () => {
  test("an empty map is answered as []; a map round-trips with string keys and exact numbers", async () => {
    const s = await startTeam();
    expect((await s.api("GET", "/2/users/4")).json.user.position_rates).toEqual([]);
    const r = await s.api("PUT", "/2/users/4", { body: { position_rates: { "1": 2.5, "2": 0.1 } } });
    expect(r.status).toBe(200);
    expect(r.json.user.position_rates).toEqual({ "1": 2.5, "2": 0.1 });
    const state = (await s.control("GET", "state")).json;
    expect(state.users.find((u: { id: number }) => u.id === 4).position_rates).toEqual({
      "1": 2.5,
      "2": 0.1,
    });
  });

  test("a write replaces the whole map; [] and null clear it; other fields leave it alone", async () => {
    const s = await startTeam();
    await s.api("PUT", "/2/users/4", { body: { position_rates: { "1": 2, "2": 3 } } });
    expect(
      (await s.api("PUT", "/2/users/4", { body: { position_rates: { "2": 4 } } })).json.user.position_rates,
    ).toEqual({ "2": 4 });
    expect((await s.api("PUT", "/2/users/4", { body: { notes: "x" } })).json.user.position_rates).toEqual({
      "2": 4,
    });
    expect(
      (await s.api("PUT", "/2/users/4", { body: { position_rates: [] } })).json.user.position_rates,
    ).toEqual([]);
    await s.api("PUT", "/2/users/4", { body: { position_rates: { "1": 1 } } });
    expect(
      (await s.api("PUT", "/2/users/4", { body: { position_rates: null } })).json.user.position_rates,
    ).toEqual([]);
  });

  test("unknown, deleted or other-account positions and bad rates are a 400; nothing is stored", async () => {
    const s = await startTeam();
    for (const [rates, code] of [
      [{ "99": 1 }, 2007],
      [{ "3": 1 }, 2007],
      [{ "10": 1 }, 2007],
      [{ abc: 1 }, 2006],
      [{ "1": -1 }, 2006],
      [{ "1": "2" }, 2006],
      [[1, 2], 2006],
    ] as const) {
      const r = await s.api("PUT", "/2/users/4", { body: { position_rates: rates } });
      expect(r.status, JSON.stringify(rates)).toBe(400);
      expect(r.json.code).toBe(code);
    }
    expect((await s.api("GET", "/2/users/4")).json.user.position_rates).toEqual([]);
  });

  test("set on create; seeds take the same map; hidden like hourly_rate from employees", async () => {
    const s = await startTeam();
    const r = await s.api("POST", "/2/users", {
      body: { email: "new@example.com", first_name: "N", last_name: "U", position_rates: { "2": 1.25 } },
    });
    expect(r.json.user.position_rates).toEqual({ "2": 1.25 });
    const state = (await s.control("GET", "state")).json;
    expect((await s.control("POST", "reset", state)).status).toBe(200);
    expect((await s.api("GET", `/2/users/${r.json.user.id}`)).json.user.position_rates).toEqual({
      "2": 1.25,
    });
    const bad = await s.control("POST", "reset", {
      ...state,
      users: [{ ...state.users[0], position_rates: { "99": 1 } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("seed.users[0].position_rates.99");
  });
});
