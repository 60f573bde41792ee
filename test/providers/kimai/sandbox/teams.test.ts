// Contract behaviour 23: teams.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { COLLECTION_KEYS, asList, asRecord, keysOf, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const members = (team: unknown) =>
  asList(asRecord(team)["members"]).map((m) => [asRecord(m["user"])["id"], m["teamlead"]]);

describe("23. teams", () => {
  test("list and entity shapes", async () => {
    expect((await sb.call("GET", "/api/teams")).json).toEqual([
      { id: 1, name: "Backend", color: null, "color-safe": "#FFC107" },
    ]);
    const team = asRecord((await sb.call("GET", "/api/teams/1")).json);
    expect(keysOf(team)).toEqual([
      "activities",
      "color",
      "color-safe",
      "customers",
      "id",
      "members",
      "name",
      "projects",
    ]);
    expect(keysOf(asList(team["members"])[0]?.["user"])).toEqual(COLLECTION_KEYS);
    expect(members(team)).toEqual([
      [3, true],
      [4, false],
    ]);
  });

  test("create answers 200; a team needs at least one teamlead", async () => {
    const ok = await sb.call("POST", "/api/teams", {
      body: { name: "Ops", members: [{ user: 2, teamlead: true }] },
    });
    expect(ok.status).toBe(200);
    expect(members(ok.json)).toEqual([[2, true]]);
    const noLead = await sb.call("POST", "/api/teams", {
      body: { name: "Ops2", members: [{ user: 2, teamlead: false }] },
    });
    expect(noLead.status).toBe(400);
    const children = asRecord(asRecord(asRecord(noLead.json)["errors"])["children"]);
    expect(children["members"]).toEqual({
      errors: ["At least one team leader must be assigned to the team."],
      children: [{ children: { user: {}, teamlead: {} } }],
    });
  });

  test("validation: blank/duplicate name, unknown member user", async () => {
    const r = await sb.call("POST", "/api/teams", {
      body: { name: "", members: [{ user: 9999, teamlead: 1 }] },
    });
    expect(r.status).toBe(400);
    const children = asRecord(asRecord(asRecord(r.json)["errors"])["children"]);
    expect(children["name"]).toEqual({ errors: ["This value should not be blank."] });
    expect(asRecord(children["members"])["children"]).toEqual([
      { children: { user: { errors: ["The selected choice is invalid."] }, teamlead: {} } },
    ]);
    const dup = await sb.call("POST", "/api/teams", {
      body: { name: "backend", members: [{ user: 1, teamlead: true }] },
    });
    expect(asRecord(asRecord(asRecord(dup.json)["errors"])["children"])["name"]).toEqual({
      errors: ["This value is already used."],
    });
  });

  test("PATCH members replaces all members", async () => {
    const r = await sb.call("PATCH", "/api/teams/1", {
      body: {
        members: [
          { user: 2, teamlead: true },
          { user: 4, teamlead: false },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(members(r.json)).toEqual([
      [2, true],
      [4, false],
    ]);
    const tony = asRecord((await sb.call("GET", "/api/users/3")).json);
    expect(tony["teams"]).toEqual([]);
  });

  test("adding an existing member is a 400; adding a new one is 200", async () => {
    expect((await sb.call("POST", "/api/teams/1/members/4")).json).toEqual({
      code: 400,
      message: "Bad Request",
    });
    const added = await sb.call("POST", "/api/teams/1/members/2");
    expect(added.status).toBe(200);
    expect(members(added.json)).toEqual([
      [3, true],
      [4, false],
      [2, false],
    ]);
  });

  test("removing a teamlead or a non-member is a 400; removing a member is 200", async () => {
    expect((await sb.call("DELETE", "/api/teams/1/members/3")).json).toEqual({
      code: 400,
      message: "Bad Request",
    });
    expect((await sb.call("DELETE", "/api/teams/1/members/2")).json).toEqual({
      code: 400,
      message: "Bad Request",
    });
    const removed = await sb.call("DELETE", "/api/teams/1/members/4");
    expect(removed.status).toBe(200);
    expect(members(removed.json)).toEqual([[3, true]]);
  });

  test("DELETE answers 204 with no body", async () => {
    const r = await sb.call("DELETE", "/api/teams/1");
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expect((await sb.call("GET", "/api/teams/1")).status).toBe(404);
    expect(asRecord((await sb.call("GET", "/api/users/4")).json)["teams"]).toEqual([]);
  });
});
