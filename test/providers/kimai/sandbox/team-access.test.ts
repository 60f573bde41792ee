// Teams' access to customers and projects: the lists with `teams`, the grant/revoke endpoints of
// TeamController (400 rules, permission checks by release) and the pre-2.63 members PATCH.
import { afterEach, describe, expect, test } from "vitest";
import type { KimaiSeed } from "../../../../src/providers/kimai/sandbox/index.js";
import { storeFromSeed } from "../../../../src/providers/kimai/sandbox/seed.js";
import type { TestSandbox } from "./helpers.js";
import { SEED, asList, asRecord, keysOf, startTestSandbox } from "./helpers.js";

const ACCESS_SEED: KimaiSeed = {
  ...SEED,
  customers: [
    { id: 1, name: "Acme" },
    { id: 2, name: "Bolt" },
    { id: 3, name: "Hidden Corp", visible: false },
  ],
  projects: [
    { id: 1, customer: 1, name: "Website" },
    { id: 2, customer: 1, name: "Old site", end: "2020-12-31" },
    { id: 3, customer: 2, name: "App" },
  ],
  teams: [
    {
      id: 1,
      name: "Backend",
      members: [
        { user: 3, teamlead: true },
        { user: 4, teamlead: false },
      ],
      customers: [2],
    },
    { id: 2, name: "Sales", members: [{ user: 2, teamlead: true }], projects: [1] },
  ],
};

let sb: TestSandbox;
let running = false;
const start = async (version?: string) => {
  running = true;
  sb = await startTestSandbox({ seed: { ...ACCESS_SEED, ...(version === undefined ? {} : { version }) } });
};
afterEach(async () => {
  if (running) await sb.close();
  running = false;
});

const names = (list: unknown) => asList(list).map((item) => item["name"]);
const teamNames = (item: unknown) => names(asRecord(item)["teams"]);

describe("customers and projects with their teams", () => {
  test("GET /api/customers: visible ones by default, all with visible=3, each with its teams", async () => {
    await start();
    expect(names((await sb.call("GET", "/api/customers")).json)).toEqual(["Acme", "Bolt"]);
    const all = asList((await sb.call("GET", "/api/customers?visible=3")).json);
    expect(names(all)).toEqual(["Acme", "Bolt", "Hidden Corp"]);
    expect(all.map(teamNames)).toEqual([[], ["Backend"], []]);
    expect(keysOf(asList(all[1]?.["teams"])[0])).toEqual(["color", "color-safe", "id", "name"]);
    expect(keysOf(all[0])).toContain("budget");
    expect((await sb.call("GET", "/api/customers?visible=4")).status).toBe(400);
  });

  test("GET /api/projects: running ones unless ignoreDates=1, with the customer id and teams", async () => {
    await start();
    expect(names((await sb.call("GET", "/api/projects")).json)).toEqual(["App", "Website"]);
    const all = asList((await sb.call("GET", "/api/projects?visible=3&ignoreDates=1")).json);
    expect(names(all)).toEqual(["App", "Old site", "Website"]);
    expect(all.map((p) => [p["customer"], p["parentTitle"]])).toEqual([
      [2, "Bolt"],
      [1, "Acme"],
      [1, "Acme"],
    ]);
    expect(all.map(teamNames)).toEqual([[], [], ["Sales"]]);
    expect(names((await sb.call("GET", "/api/projects?customer=2&ignoreDates=1")).json)).toEqual(["App"]);
  });

  test("a user without view_all_data sees customers/projects with no team or one of their teams", async () => {
    await start();
    expect(names((await sb.call("GET", "/api/customers", { as: "john" })).json)).toEqual(["Acme", "Bolt"]);
    // Website belongs to Sales only: john (Backend) does not see it.
    expect(names((await sb.call("GET", "/api/projects?ignoreDates=1", { as: "john" })).json)).toEqual([
      "App",
      "Old site",
    ]);
  });

  test("entities: GET /api/customers/{id} and /api/projects/{id}", async () => {
    await start();
    const customer = asRecord((await sb.call("GET", "/api/customers/2")).json);
    expect(teamNames(customer)).toEqual(["Backend"]);
    expect(keysOf(customer)).toContain("vatId");
    expect(teamNames((await sb.call("GET", "/api/projects/1")).json)).toEqual(["Sales"]);
    expect((await sb.call("GET", "/api/customers/99")).status).toBe(404);
  });
});

describe("team grants", () => {
  test("grant and revoke a customer: 200 with the team, 400 when already granted / not granted", async () => {
    await start();
    const granted = await sb.call("POST", "/api/teams/1/customers/1");
    expect(granted.status).toBe(200);
    const team = asRecord(granted.json);
    expect(names(team["customers"])).toEqual(["Bolt", "Acme"]);
    // Embedded in the team, customers carry no `teams`.
    expect(keysOf(asList(team["customers"])[0])).not.toContain("teams");
    expect((await sb.call("POST", "/api/teams/1/customers/1")).json).toEqual({
      code: 400,
      message: "Bad Request",
    });
    expect(teamNames((await sb.call("GET", "/api/customers/1")).json)).toEqual(["Backend"]);
    expect((await sb.call("DELETE", "/api/teams/1/customers/1")).status).toBe(200);
    expect((await sb.call("DELETE", "/api/teams/1/customers/1")).status).toBe(400);
    expect(teamNames((await sb.call("GET", "/api/customers/1")).json)).toEqual([]);
    expect((await sb.call("POST", "/api/teams/1/customers/99")).status).toBe(404);
    expect((await sb.call("POST", "/api/teams/9/customers/1")).status).toBe(404);
  });

  test("grant and revoke a project; the team entity embeds projects with their customer id", async () => {
    await start();
    const granted = asRecord((await sb.call("POST", "/api/teams/1/projects/3")).json);
    expect(asList(granted["projects"]).map((p) => [p["name"], p["customer"]])).toEqual([["App", 2]]);
    expect((await sb.call("POST", "/api/teams/1/projects/3")).status).toBe(400);
    expect((await sb.call("DELETE", "/api/teams/2/projects/1")).status).toBe(200);
    expect((await sb.call("DELETE", "/api/teams/2/projects/1")).status).toBe(400);
    expect(teamNames((await sb.call("GET", "/api/projects/1")).json)).toEqual([]);
  });

  test("deleting a team removes it from its customers and projects", async () => {
    await start();
    expect((await sb.call("DELETE", "/api/teams/1")).status).toBe(204);
    expect(teamNames((await sb.call("GET", "/api/customers/2")).json)).toEqual([]);
  });

  test("only callers who may edit the team (admins) grant: a teamlead or a member gets 403", async () => {
    await start();
    expect((await sb.call("POST", "/api/teams/1/customers/1", { as: "tony" })).status).toBe(403);
    expect((await sb.call("POST", "/api/teams/1/customers/1", { as: "john" })).status).toBe(403);
    expect((await sb.call("POST", "/api/teams/1/customers/1", { as: "anna" })).status).toBe(200);
  });
});

describe("members PATCH by release", () => {
  const invalid = { members: [{ user: 99, teamlead: true }] };
  const memberIds = async () =>
    asList(asRecord((await sb.call("GET", "/api/teams/1")).json)["members"]).map(
      (m) => asRecord(m["user"])["id"],
    );

  test("2.66: a rejected members PATCH keeps the members", async () => {
    await start("2.66.0");
    expect((await sb.call("PATCH", "/api/teams/1", { body: invalid })).status).toBe(400);
    expect(await memberIds()).toEqual([3, 4]);
  });

  test("2.62: a rejected members PATCH answers 400 and leaves the team without members", async () => {
    await start("2.62.0");
    expect((await sb.call("PATCH", "/api/teams/1", { body: invalid })).status).toBe(400);
    expect(await memberIds()).toEqual([]);
    expect(asRecord((await sb.call("GET", "/api/users/4")).json)["teams"]).toEqual([]);
  });

  test("2.62: a name-only PATCH keeps the members", async () => {
    await start("2.62.0");
    expect((await sb.call("PATCH", "/api/teams/1", { body: { name: "Backend2" } })).status).toBe(200);
    expect(await memberIds()).toEqual([3, 4]);
  });
});

describe("seed", () => {
  test("customers, projects and grants round-trip through the state export", async () => {
    await start();
    const state = asRecord((await sb.call("GET", "/__sandbox/state")).json);
    expect(asList(state["teams"]).map((t) => [t["customers"], t["projects"]])).toEqual([
      [[2], []],
      [[], [1]],
    ]);
    expect(asList(state["projects"])[1]).toMatchObject({ id: 2, customer: 1, end: "2020-12-31" });
    expect(() => storeFromSeed(state)).not.toThrow();
  });

  test("unknown ids are seed errors naming the path", () => {
    expect(() => storeFromSeed({ ...ACCESS_SEED, projects: [{ id: 1, customer: 9, name: "X" }] })).toThrow(
      "seed.projects[0].customer: no customer with id 9",
    );
    const teams = [{ id: 1, name: "T", members: [{ user: 1, teamlead: true }], customers: [7] }];
    expect(() => storeFromSeed({ ...ACCESS_SEED, teams })).toThrow(
      "seed.teams[0].customers[0]: no customer with id 7",
    );
  });
});
