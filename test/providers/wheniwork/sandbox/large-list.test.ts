// Benchmark scale: 100,000 users listed in one GET /2/users?show_deleted=true (streamed, no pagination).
import { describe, expect, test } from "vitest";
import type { WhenIWorkSeedUser } from "../../../../src/providers/wheniwork/sandbox/index.js";
import { start } from "./helpers.js";

const COUNT = 100_000;

describe("large lists", () => {
  test("100,000 users come back in one answer, quickly", async () => {
    const users: WhenIWorkSeedUser[] = [];
    for (let id = 1; id <= COUNT; id++) {
      users.push({
        id,
        account_id: 1,
        email: `user${id}@example.com`,
        first_name: "First",
        last_name: `Last${id}`,
        role: id === 1 ? 1 : 3,
        positions: [1],
        locations: [id % 2 === 0 ? 1 : 2],
        hours_max: 40,
        is_deleted: id % 10 === 0,
      });
    }
    const seeding = Date.now();
    const s = await start({
      seed: {
        accounts: [{ id: 1, name: "Big Co" }],
        users,
        positions: [{ id: 1, account_id: 1, name: "Barista" }],
        locations: [
          { id: 1, account_id: 1, name: "Main Street" },
          { id: 2, account_id: 1, name: "Harbour" },
        ],
        tokens: { big: 1 },
      },
    });
    const seeded = Date.now() - seeding;

    const listing = Date.now();
    const all = await s.api("GET", "/2/users?show_deleted=true");
    const listed = Date.now() - listing;
    expect(all.status).toBe(200);
    expect(all.json.users).toHaveLength(COUNT);
    expect(all.json.users[COUNT - 1]).toMatchObject({ id: COUNT, is_deleted: true });
    expect(all.headers.get("transfer-encoding")).toBe("chunked");

    const active = await s.api("GET", "/2/users?location_id=1");
    expect(active.json.users).toHaveLength(COUNT / 2 - COUNT / 10);

    // Generous bounds for slow CI machines; locally each takes well under a second or two.
    expect(seeded).toBeLessThan(10_000);
    expect(listed).toBeLessThan(10_000);
  }, 60_000);
});
