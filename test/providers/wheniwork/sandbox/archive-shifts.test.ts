// DELETE /2/users/{id} and the user's future shifts: open shifts by default, deleted with the flag
// (delete_shifts in the old docs, deleted_shifts in the current ones). Past shifts stay.
import { describe, expect, test } from "vitest";
import { start, teamSeed, ADMIN_TOKEN } from "./helpers.js";

const FUTURE = "2999-01-01T09:00:00.000Z";
const PAST = "2001-01-01T09:00:00.000Z";

async function withShifts() {
  const seed = teamSeed();
  seed.shifts = [
    { id: 1, account_id: 1, user_id: 4, start_time: FUTURE },
    { id: 2, account_id: 1, user_id: 4, start_time: PAST },
    { id: 3, account_id: 1, user_id: 2, start_time: FUTURE },
    { id: 4, account_id: 1, user_id: 0, start_time: FUTURE },
  ];
  return start({ seed, token: ADMIN_TOKEN });
}

const shiftsOf = async (s: Awaited<ReturnType<typeof withShifts>>) =>
  (await s.control("GET", "state")).json.shifts as { id: number; user_id: number }[];

describe("archiving a user and their shifts", () => {
  test("without the flag, future shifts become open shifts (user 0); past ones keep the user", async () => {
    const s = await withShifts();
    expect((await s.api("DELETE", "/2/users/4")).json).toEqual({ success: true });
    expect(await shiftsOf(s)).toEqual([
      { id: 1, account_id: 1, user_id: 0, start_time: FUTURE },
      { id: 2, account_id: 1, user_id: 4, start_time: PAST },
      { id: 3, account_id: 1, user_id: 2, start_time: FUTURE },
      { id: 4, account_id: 1, user_id: 0, start_time: FUTURE },
    ]);
  });

  for (const flag of ["delete_shifts", "deleted_shifts"]) {
    test(`${flag}=true deletes the future shifts`, async () => {
      const s = await withShifts();
      expect((await s.api("DELETE", `/2/users/4?${flag}=true`)).status).toBe(200);
      expect((await shiftsOf(s)).map((x) => x.id)).toEqual([2, 3, 4]);
    });
  }

  test("a malformed flag is a 400 and nothing changes", async () => {
    const s = await withShifts();
    const r = await s.api("DELETE", "/2/users/4?delete_shifts=maybe");
    expect(r.status).toBe(400);
    expect((await s.api("GET", "/2/users/4")).json.user.is_deleted).toBe(false);
    expect((await shiftsOf(s)).find((x) => x.id === 1)?.user_id).toBe(4);
  });

  test("seed shifts are checked", async () => {
    const s = await withShifts();
    const r = await s.control("POST", "reset", {
      ...teamSeed(),
      shifts: [{ id: 1, account_id: 1, user_id: 20, start_time: FUTURE }],
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain("seed.shifts[0].user_id");
  });
});
