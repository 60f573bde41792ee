// The programmatic API: defaults without a seed, token/accountId/userId, the token option, latency.
import { describe, expect, test } from "vitest";
import { start, teamSeed } from "./helpers.js";

describe("startWhenIWorkSandbox", () => {
  test("without a seed: account 1 Demo Co, admin user 1 with a random token", async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.token).toMatch(/^[0-9a-f]{48}$/);
    expect([s.accountId, s.userId]).toEqual([1, 1]);
    const me = await s.api("GET", "/2/users/1");
    expect(me.json.user).toMatchObject({ id: 1, account_id: 1, role: 1, email: "admin@example.com" });
    const state = (await s.control("GET", "state")).json;
    expect(state.accounts).toEqual([{ id: 1, name: "Demo Co" }]);
    expect(state.tokens).toEqual({ [s.token]: 1 });
    const other = await start();
    expect(other.token).not.toBe(s.token);
  });

  test("the token option replaces the random token, or is granted to the seed's first admin", async () => {
    const plain = await start({ token: "my-token" });
    expect(plain.token).toBe("my-token");
    expect((await plain.api("GET", "/2/users/1")).status).toBe(200);
    const seeded = await start({ seed: teamSeed(), token: "extra-token" });
    expect([seeded.token, seeded.userId, seeded.accountId]).toEqual(["extra-token", 1, 1]);
    expect((await seeded.api("GET", "/2/users?show_deleted=true")).status).toBe(200);
  });

  test("with a seed and no token option: the seed's first token and its user", async () => {
    const seed = teamSeed();
    seed.tokens = { "multi-first": 4, "admin-second": 1 };
    const s = await start({ seed });
    expect([s.token, s.userId, s.accountId]).toEqual(["multi-first", 4, 1]);
  });

  test("latencyMs delays API answers", async () => {
    const s = await start({ latencyMs: 150 });
    const started = Date.now();
    await s.api("GET", "/2/positions");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
