// Rules across teams.d/ and users.d/: unique team names, known usernames, at least one teamlead, a teamlead
// is a member, person-file shorthand (teams:, leads:) merged in, off-boarded people in teams.
import type { DesiredTeam, NamedAt, TeamPolicy } from "../core/model.js";
import { quoted } from "../printable.js";
import { isEnabled, type Unreadable } from "./cross-file-rules.js";
import type { FileReport } from "./file-report.js";
import { identityKey } from "./identifier-rules.js";
import type { PathSegment } from "./source-tree.js";
import { didYouMean } from "./suggest.js";
import type { TeamDraft } from "./team-rules.js";
import type { UserDraft } from "./user-rules.js";

export const TEAMS_DIR = "teams.d";

function where(report: FileReport, path: readonly PathSegment[]): string {
  const { line, column } = report.pos(path);
  return line > 0 ? `${report.file}:${line}:${column}` : report.file;
}

interface Membership {
  username: string;
  lead: boolean;
  /** Where it is declared: the team file's entry or the person file's teams:/leads: entry. */
  report: FileReport;
  path: PathSegment[];
  user?: UserDraft;
}

/**
 * Checks every team against the others and against users.d/; returns the desired teams (undefined entries
 * dropped). `unreadableTeams` are names of team files that could not be read: shorthand naming them is not
 * reported again.
 */
export function checkTeams(
  teams: readonly TeamDraft[],
  users: readonly UserDraft[],
  policy: TeamPolicy | undefined,
  defaults: { enabled?: boolean },
  unreadable: Unreadable,
  unreadableTeams: ReadonlySet<string>,
): DesiredTeam[] {
  const byName = new Map<string, TeamDraft>();
  for (const team of teams) {
    if (team.name === undefined) continue;
    const key = identityKey(team.name);
    const first = byName.get(key);
    if (first === undefined) {
      byName.set(key, team);
      continue;
    }
    for (const [self, other] of [
      [team, first],
      [first, team],
    ] as const) {
      self.report.error(
        ["name"],
        "team.duplicate-name",
        `team name ${quoted(self.name ?? "")} is also declared in ${where(other.report, ["name"])} (compared case-insensitively, as Kimai does); each team needs its own name`,
      );
    }
  }

  const usersByName = new Map<string, UserDraft>();
  for (const user of users) {
    if (user.username === undefined) continue;
    const key = identityKey(user.username);
    if (!usersByName.has(key)) usersByName.set(key, user);
  }
  const serverUsers = new Set(policy?.serverUsers ?? []);
  let names: string[] | undefined;
  const usernames = (): string[] =>
    (names ??= users.flatMap((u) => (u.username === undefined ? [] : [u.username])));

  const memberships = new Map<TeamDraft, Membership[]>();
  const add = (team: TeamDraft, m: Membership) => {
    const list = memberships.get(team) ?? [];
    const same = list.find((x) => identityKey(x.username) === identityKey(m.username));
    if (same) same.lead ||= m.lead;
    else list.push(m);
    memberships.set(team, list);
  };

  /** The username as spelt where it is declared; undefined (and reported) when nobody by that name is known. */
  const resolve = (name: string, report: FileReport, path: PathSegment[]): Membership | undefined => {
    const user = usersByName.get(identityKey(name));
    if (user?.username !== undefined) return { username: user.username, lead: false, report, path, user };
    if (serverUsers.has(name.toLowerCase())) return { username: name, lead: false, report, path };
    if (unreadable.usernames.has(name.toLowerCase())) return undefined;
    report.error(
      path,
      "team.unknown-user",
      `${quoted(name)} is not a username in users.d/` +
        (didYouMean(name, usernames()) ||
          "; write the username of someone declared there, or list a Kimai user managed elsewhere in policy.teams.serverUsers"),
    );
    return undefined;
  };

  for (const team of teams) {
    for (const entry of team.members) {
      const m = resolve(entry.name, team.report, ["members", entry.index]);
      if (m) add(team, m);
    }
  }

  let teamNames: string[] | undefined;
  const declaredTeams = (): string[] =>
    (teamNames ??= teams.flatMap((t) => (t.name === undefined ? [] : [t.name])));
  for (const user of users) {
    if (user.username === undefined) continue;
    for (const field of ["teams", "leads"] as const) {
      for (const entry of user[field] ?? []) {
        const path: PathSegment[] = [field, entry.index];
        const team = byName.get(identityKey(entry.name));
        if (!team) {
          if (unreadableTeams.has(identityKey(entry.name))) continue;
          user.report.error(
            path,
            "team.unknown",
            `team ${quoted(entry.name)} is not declared in ${TEAMS_DIR}/` +
              (didYouMean(entry.name, declaredTeams()) ||
                `; create ${TEAMS_DIR}/${entry.name}.yaml with name, teamleads and members, or remove it here`),
          );
          continue;
        }
        add(team, { username: user.username, lead: field === "leads", report: user.report, path, user });
      }
    }
  }

  // Teamleads last: a person file's teams: makes someone a member as much as the team file's members.
  for (const team of teams) {
    const members = new Set((memberships.get(team) ?? []).map((m) => identityKey(m.username)));
    for (const entry of team.teamleads) {
      const path: PathSegment[] = ["teamleads", entry.index];
      const m = resolve(entry.name, team.report, path);
      if (!m) continue;
      if (!members.has(identityKey(m.username))) {
        team.report.error(
          path,
          "team.lead-not-member",
          `teamlead ${quoted(entry.name)} is not in members; a teamlead is also a member: add ${entry.name} to members`,
        );
        continue;
      }
      add(team, { ...m, lead: true });
    }
  }

  const desired: DesiredTeam[] = [];
  for (const team of teams) {
    if (team.name === undefined || byName.get(identityKey(team.name)) !== team) continue;
    const list = memberships.get(team) ?? [];
    if (!list.some((m) => m.lead)) {
      team.report.error(
        team.teamleads.length > 0 ? ["teamleads"] : ["name"],
        "team.no-teamlead",
        `team ${quoted(team.name)} has no teamlead, and Kimai refuses a team without one: list at least one member under teamleads (or write leads: [${team.name}] in a person's file)`,
      );
    }
    for (const m of list) {
      if (!m.user || isEnabled(m.user, defaults)) continue;
      m.report.warning(
        m.path,
        "team.disabled-member",
        `${m.username} is off-boarded (enabled: false in ${m.user.report.file}) but still ${m.lead ? "leads" : "is in"} team ${quoted(team.name)}; remove them from the team`,
      );
    }
    const out: DesiredTeam = {
      name: team.name,
      members: list.map((m) => m.username),
      teamleads: list.filter((m) => m.lead).map((m) => m.username),
      source: { file: team.report.file, ...team.report.rootKeyPos("name") },
    };
    if (team.color !== undefined) out.color = team.color;
    const access: NonNullable<DesiredTeam["access"]> = {};
    for (const field of ["customers", "projects"] as const) {
      const entries = team.access[field];
      if (entries === undefined) continue;
      access[field] = entries.map((e): NamedAt => ({
        name: e.name,
        at: where(team.report, ["access", field, e.index]),
      }));
    }
    if (access.customers || access.projects) out.access = access;
    desired.push(out);
  }
  return desired;
}
