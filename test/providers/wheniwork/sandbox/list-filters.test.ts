// Behaviour 5: GET /2/users filters location_id, search, show/only_pending, ids; no pagination.
import { describe, expect, test } from "vitest";
import type { Harness } from "./helpers.js";
import { startTeam } from "./helpers.js";

async function listIds(s: Harness, query: string): Promise<number[]> {
  const r = await s.api("GET", `/2/users${query}`);
  expect(r.status).toBe(200);
  return (r.json.users as Array<{ id: number }>).map((u) => u.id);
}

describe("GET /2/users filters", () => {
  test("location_id takes a comma list; a user matches when any of its locations is listed", async () => {
    const s = await startTeam();
    expect(await listIds(s, "?location_id=1")).toEqual([4, 5]);
    expect(await listIds(s, "?location_id=2")).toEqual([3]);
    expect(await listIds(s, "?location_id=1,2")).toEqual([3, 4, 5]);
    expect(await listIds(s, "?location_id=99")).toEqual([]);
  });

  test("search matches first name, last name, full name or email, case-insensitively", async () => {
    const s = await startTeam();
    expect(await listIds(s, "?search=penny")).toEqual([7]);
    expect(await listIds(s, "?search=SUPERVISOR")).toEqual([3]);
    expect(await listIds(s, "?search=max%40example")).toEqual([2]);
    expect(await listIds(s, "?search=Ada%20Admin")).toEqual([1]);
    expect(await listIds(s, "?search=zzz")).toEqual([]);
  });

  test("pending users are listed by default; show_pending=false hides them, only_pending lists only them", async () => {
    const s = await startTeam();
    expect(await listIds(s, "")).toEqual([1, 2, 3, 4, 5, 7]);
    expect(await listIds(s, "?show_pending=false")).toEqual([1, 2, 3, 4, 5]);
    expect(await listIds(s, "?only_pending=true")).toEqual([7]);
  });

  test("ids restricts to those users of the account (deleted ones still need show_deleted)", async () => {
    const s = await startTeam();
    expect(await listIds(s, "?ids=7,1,6,20,999")).toEqual([7, 1]);
    expect(await listIds(s, "?ids=6&show_deleted=true")).toEqual([6]);
  });

  test("filters combine", async () => {
    const s = await startTeam();
    expect(await listIds(s, "?location_id=1&search=pia")).toEqual([5]);
    expect(await listIds(s, "?location_id=1&ids=4")).toEqual([4]);
  });

  test("no pagination: page and limit are ignored and every user comes back", async () => {
    const s = await startTeam();
    expect(await listIds(s, "?page=2&limit=1")).toEqual([1, 2, 3, 4, 5, 7]);
  });

  test("malformed filter values are a 400 (strict)", async () => {
    const s = await startTeam();
    const badBool = await s.api("GET", "/2/users?show_pending=maybe");
    expect(badBool.status).toBe(400);
    expect(badBool.json).toEqual({ error: "show_pending must be true or false", code: 2000 });
    const badIds = await s.api("GET", "/2/users?ids=1,x");
    expect(badIds.status).toBe(400);
    expect(badIds.json).toEqual({ error: "ids must be a comma-separated list of ids", code: 2000 });
  });
});
