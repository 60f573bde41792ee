// Seed validation: clear errors naming the offending path; defaults; persons shared across accounts.
import { describe, expect, test } from "vitest";
import { SeedError, startWhenIWorkSandbox } from "../../../../src/providers/wheniwork/sandbox/index.js";
import type { WhenIWorkSeed } from "../../../../src/providers/wheniwork/sandbox/index.js";
import { start } from "./helpers.js";

const base = (): WhenIWorkSeed => ({
  accounts: [{ id: 1, name: "A" }],
  users: [{ id: 1, account_id: 1, email: "a@example.com", role: 1 }],
  positions: [{ id: 1, account_id: 1, name: "Barista" }],
  tokens: { tok: 1 },
});

const cases: Array<[string, (seed: WhenIWorkSeed) => unknown, string]> = [
  ["unknown top-level field", (s) => ({ ...s, extra: 1 }), "seed.extra: unknown field"],
  [
    "user without email or login_id",
    (s) => ({ ...s, users: [{ id: 1, account_id: 1 }] }),
    "seed.users[0].email: required when login_id is not given",
  ],
  [
    "duplicate user id",
    (s) => ({ ...s, users: [...(s.users ?? []), { id: 1, account_id: 1, email: "b@example.com" }] }),
    "seed.users[1].id: duplicate user id 1",
  ],
  [
    "role 4",
    (s) => ({ ...s, users: [{ id: 1, account_id: 1, email: "a@example.com", role: 4 }] }),
    "seed.users[0].role: must be one of 1, 2, 3, 5",
  ],
  [
    "unknown position",
    (s) => ({ ...s, users: [{ id: 1, account_id: 1, email: "a@example.com", positions: [7] }] }),
    "seed.users[0].positions[0]: no position 7 in account 1",
  ],
  [
    "same email twice in an account",
    (s) => ({ ...s, users: [...(s.users ?? []), { id: 2, account_id: 1, email: "A@example.com" }] }),
    'seed.users[1].email: "a@example.com" already belongs to user 1 of account 1',
  ],
  [
    "contradicting employment",
    (s) => ({
      ...s,
      users: [{ id: 1, account_id: 1, email: "a@example.com", employment_type: "hourly", type: 2 }],
    }),
    'seed.users[0]: type 2 contradicts employment_type "hourly" (which means type 1)',
  ],
  [
    "token of an unknown person",
    (s) => ({ ...s, tokens: { tok: 9 } }),
    'seed.tokens["tok"]: must be the id of a seeded person',
  ],
  [
    "bad datetime",
    (s) => ({ ...s, users: [{ id: 1, account_id: 1, email: "a@example.com", created_at: "yesterday" }] }),
    "seed.users[0].created_at: must be a date-time",
  ],
  [
    "float id",
    (s) => ({ ...s, accounts: [{ id: 1.5, name: "A" }] }),
    "seed.accounts[0].id: must be a positive integer",
  ],
];

describe("seed validation", () => {
  test.each(cases)("%s", async (_name, mutate, message) => {
    await expect(startWhenIWorkSandbox({ seed: mutate(base()) as WhenIWorkSeed })).rejects.toThrow(SeedError);
    await expect(startWhenIWorkSandbox({ seed: mutate(base()) as WhenIWorkSeed })).rejects.toThrow(message);
  });

  test("a seed with only deleted users cannot own the sandbox token", async () => {
    const seed = base();
    seed.users = [{ id: 1, account_id: 1, email: "a@example.com", is_deleted: true }];
    seed.tokens = {};
    await expect(startWhenIWorkSandbox({ seed })).rejects.toThrow(
      "seed.users: needs at least one user who is not deleted, to own the sandbox token",
    );
  });

  test("users sharing a login_id are one person in several accounts; passwords are stored hashed", async () => {
    const s = await start({
      seed: {
        accounts: [
          { id: 1, name: "A" },
          { id: 2, name: "B" },
        ],
        persons: [{ id: 9, email: "p@example.com", first_name: "Pat", last_name: "Two", password: "pw" }],
        users: [
          { id: 1, account_id: 1, login_id: 9, role: 1 },
          { id: 2, account_id: 2, login_id: 9, email: "P@example.com", first_name: "Patricia" },
        ],
        tokens: { tok: 9 },
      },
      token: "tok",
    });
    expect([s.userId, s.accountId]).toEqual([1, 1]);
    const state = (await s.control("GET", "state")).json;
    expect(state.persons[0].password_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(state)).not.toContain('"pw"');
    expect(state.users.map((u: { first_name: string; email: string }) => [u.first_name, u.email])).toEqual([
      ["Pat", "p@example.com"],
      ["Patricia", "p@example.com"],
    ]);
  });
});
