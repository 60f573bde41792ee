// teams.d/: the team files, the person-file shorthand and the rules across both.
import { describe, expect, test } from "vitest";
import { load, problems, user } from "./project.js";

const team = (...lines: string[]): string => [...lines, ""].join("\n");
const people = {
  "users.d/anna.yaml": user("anna"),
  "users.d/paul.yaml": user("paul"),
  "users.d/lena.yaml": user("lena"),
};

describe("teams.d", () => {
  test("no teams.d/: teams are not managed (state.teams undefined)", async () => {
    const result = await load(people);
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.teams).toBeUndefined();
  });

  test("an empty teams.d/ manages teams: none declared", async () => {
    const result = await load({ ...people, "teams.d/README.md": "teams here\n" });
    expect(result.state?.teams).toEqual([]);
  });

  test("a team file with the shorthand of person files merged in", async () => {
    const result = await load({
      "users.d/anna.yaml": user("Anna", "leads: [Backend]"),
      "users.d/paul.yaml": user("paul", "teams: [backend, ops]"),
      "users.d/lena.yaml": user("lena"),
      "teams.d/backend.yaml": team(
        "# yaml-language-server: $schema=../schemas/team.schema.json",
        "name: Backend",
        'color: "#3366ff"',
        "members: [lena]",
        "access:",
        "  customers: [Acme]",
        '  projects: ["Acme / Website"]',
      ),
      "teams.d/ops.yaml": team("name: ops", "teamleads: [lena]", "members: [LENA]"),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.teams).toEqual([
      {
        name: "Backend",
        color: "#3366ff",
        members: ["lena", "Anna", "paul"],
        teamleads: ["Anna"],
        access: {
          customers: [{ name: "Acme", at: "teams.d/backend.yaml:6:15" }],
          projects: [{ name: "Acme / Website", at: "teams.d/backend.yaml:7:14" }],
        },
        source: { file: "teams.d/backend.yaml", line: 2, column: 1 },
      },
      {
        name: "ops",
        members: ["lena", "paul"],
        teamleads: ["lena"],
        source: { file: "teams.d/ops.yaml", line: 1, column: 1 },
      },
    ]);
  });

  test("a username that is nowhere: error at the entry, with a suggestion or the way out", async () => {
    expect(
      await problems({
        ...people,
        "teams.d/a.yaml": team("name: alpha", "teamleads: [anna]", "members: [anna, paull, zed]"),
      }),
    ).toEqual([
      'teams.d/a.yaml:3:17: "paull" is not a username in users.d/; did you mean "paul"?',
      'teams.d/a.yaml:3:24: "zed" is not a username in users.d/; write the username of someone declared there, or list a Kimai user managed elsewhere in policy.teams.serverUsers',
    ]);
  });

  test("policy.teams.serverUsers may be named without a users.d file", async () => {
    const result = await load({
      ...people,
      "rosterform.yaml":
        "targets:\n  kimai:\n    url: https://kimai.example.com\npolicy:\n  teams:\n    unmanaged: delete\n    serverUsers: [Admin]\n",
      "teams.d/a.yaml": team("name: alpha", "teamleads: [admin]", "members: [admin, anna]"),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.config.policy.teams).toEqual({ unmanaged: "delete", serverUsers: ["admin"] });
    expect(result.state?.teams?.[0]?.members).toEqual(["admin", "anna"]);
  });

  test("a team without a teamlead", async () => {
    expect(
      await problems({ ...people, "teams.d/a.yaml": team("name: alpha", "members: [anna, paul]") }),
    ).toEqual([
      'teams.d/a.yaml:1:7: team "alpha" has no teamlead, and Kimai refuses a team without one: list at least one member under teamleads (or write leads: [alpha] in a person\'s file)',
    ]);
  });

  test("a teamlead who is not a member", async () => {
    expect(
      await problems({
        ...people,
        "teams.d/a.yaml": team("name: alpha", "teamleads: [anna, paul]", "members: [anna]"),
      }),
    ).toEqual([
      'teams.d/a.yaml:2:19: teamlead "paul" is not in members; a teamlead is also a member: add paul to members',
    ]);
  });

  test("a teamlead who is a member through the person file's teams: is fine", async () => {
    const result = await load({
      ...people,
      "users.d/paul.yaml": user("paul", "teams: [alpha]"),
      "teams.d/a.yaml": team("name: alpha", "teamleads: [paul]"),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.teams?.[0]?.teamleads).toEqual(["paul"]);
  });

  test("team names are unique case-insensitively, each file naming the other", async () => {
    expect(
      await problems({
        ...people,
        "teams.d/a.yaml": team("name: Alpha", "teamleads: [anna]", "members: [anna]"),
        "teams.d/b.yaml": team("name: ALPHA", "teamleads: [paul]", "members: [paul]"),
      }),
    ).toEqual([
      'teams.d/a.yaml:1:7: team name "Alpha" is also declared in teams.d/b.yaml:1:7 (compared case-insensitively, as Kimai does); each team needs its own name',
      'teams.d/b.yaml:1:7: team name "ALPHA" is also declared in teams.d/a.yaml:1:7 (compared case-insensitively, as Kimai does); each team needs its own name',
    ]);
  });

  test('names of 2 to 100 characters, no < > " =', async () => {
    const codes = async (name: string) =>
      (
        await load({
          ...people,
          "teams.d/a.yaml": team(`name: ${JSON.stringify(name)}`, "teamleads: [anna]", "members: [anna]"),
        })
      ).diagnostics.map((d) => `${d.line}:${d.code}`);
    expect(await codes("a")).toEqual(["1:schema.length"]);
    expect(await codes("ab")).toEqual([]);
    expect(await codes("x".repeat(100))).toEqual([]);
    expect(await codes("x".repeat(101))).toEqual(["1:schema.length"]);
    expect(await codes("a<b")).toEqual(["1:schema.pattern"]);
    expect(await codes(" ab")).toEqual(["1:identifier.whitespace"]);
  });

  test("unknown fields, a missing name, a bad project reference: schema errors with positions", async () => {
    const lines = await problems({
      ...people,
      "teams.d/a.yaml": team(
        "teamleads: [anna]",
        "members: [anna]",
        "colour: red",
        "access:",
        "  projects: [Website]",
      ),
    });
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toMatch(/teams\.d\/a\.yaml:1:1: .*name/);
    expect(lines.join("\n")).toMatch(/teams\.d\/a\.yaml:3:1: .*colour.*color/);
    expect(lines.join("\n")).toMatch(/teams\.d\/a\.yaml:5:14: .*"Website"/);
  });

  test("a person file naming a team that is not declared", async () => {
    expect(
      await problems({
        ...people,
        "users.d/paul.yaml": user("paul", "teams: [alphaa]", "leads: [zeta]"),
        "teams.d/a.yaml": team("name: alpha", "teamleads: [anna]", "members: [anna]"),
      }),
    ).toEqual([
      'users.d/paul.yaml:3:9: team "alphaa" is not declared in teams.d/; did you mean "alpha"?',
      'users.d/paul.yaml:4:9: team "zeta" is not declared in teams.d/; create teams.d/zeta.yaml with name, teamleads and members, or remove it here',
    ]);
  });

  test("teams: in a person file without teams.d/ is an error", async () => {
    expect(await problems({ ...people, "users.d/paul.yaml": user("paul", "teams: [alpha]") })).toEqual([
      'users.d/paul.yaml:3:9: team "alpha" is not declared in teams.d/; create teams.d/alpha.yaml with name, teamleads and members, or remove it here',
    ]);
  });

  test("an off-boarded person in a team is a warning, and the plan can go on", async () => {
    const result = await load({
      ...people,
      "users.d/paul.yaml": user("paul", "enabled: false"),
      "users.d/lena.yaml": user("lena", "enabled: false", "teams: [alpha]"),
      "teams.d/a.yaml": team("name: alpha", "teamleads: [anna]", "members: [anna, paul]"),
    });
    expect(
      result.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line}:${d.column}: ${d.message}`),
    ).toEqual([
      'warning teams.d/a.yaml:3:17: paul is off-boarded (enabled: false in users.d/paul.yaml) but still is in team "alpha"; remove them from the team',
      'warning users.d/lena.yaml:4:9: lena is off-boarded (enabled: false in users.d/lena.yaml) but still is in team "alpha"; remove them from the team',
    ]);
    expect(result.state?.teams?.[0]?.members).toEqual(["anna", "paul", "lena"]);
  });

  test("a team file that cannot be parsed: the shorthand naming it is not reported again", async () => {
    expect(
      await codes2({
        ...people,
        "users.d/paul.yaml": user("paul", "teams: [alpha]"),
        "teams.d/alpha.yaml": "name: [unclosed\n",
      }),
    ).not.toContain("team.unknown");
  });
});

async function codes2(files: Record<string, string>): Promise<string[]> {
  return (await load(files)).diagnostics.map((d) => d.code);
}
