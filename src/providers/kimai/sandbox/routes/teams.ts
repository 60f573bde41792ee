// /api/teams routes (src/API/TeamController.php).

import type { SandboxResponse } from "../../../../sandbox/types.js";
import type { RouteDef, Scope } from "../context.js";
import { HttpError, JSON_HEADERS, json, kimaiError } from "../http-errors.js";
import type { TeamRecord } from "../model.js";
import { teamCollectionJson } from "../serialize.js";
import { teamEntityJson } from "../team-json.js";
import { submitTeamForm } from "../team-form.js";

const entity = (scope: Scope, team: TeamRecord): SandboxResponse =>
  json(200, teamEntityJson(team, scope.store));

function list(scope: Scope): SandboxResponse {
  scope.requirePermission("view_team");
  const teams = [...scope.store.teams.values()].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id,
  );
  return { status: 200, headers: { ...JSON_HEADERS }, body: `[${teams.map(teamCollectionJson).join(",")}]` };
}

function getOne(scope: Scope, [id]: number[]): SandboxResponse {
  const team = scope.team(id ?? 0);
  scope.requirePermission("view_team");
  return entity(scope, team);
}

function create(scope: Scope): SandboxResponse {
  scope.requirePermission("create_team");
  const outcome = submitTeamForm(scope.store, scope.access, scope.caller, null, scope.data);
  if (!outcome.ok) return outcome.response;
  const { draft } = outcome;
  const team = scope.store.createTeam(draft.name ?? "", draft.color);
  scope.store.replaceMembers(team, draft.members);
  return entity(scope, team);
}

function patch(scope: Scope, [id]: number[]): SandboxResponse {
  const team = scope.team(id ?? 0);
  scope.require(scope.access.teamVote("edit", team, scope.caller));
  // Before 2.63 the controller removed and flushed all members before the form ran: a members PATCH
  // that then failed validation answered 400 with the team left empty, and former members that are now
  // disabled were no longer valid choices.
  if (!scope.store.features.teamPatchKeepsMembers && hasMembersKey(scope))
    scope.store.replaceMembers(team, []);
  const outcome = submitTeamForm(scope.store, scope.access, scope.caller, team, scope.data);
  if (!outcome.ok) return outcome.response;
  const { draft } = outcome;
  if (draft.name !== null && draft.name !== team.name) scope.store.renameTeam(team, draft.name);
  team.color = draft.color;
  if (outcome.membersSubmitted) scope.store.replaceMembers(team, draft.members);
  return entity(scope, team);
}

function remove(scope: Scope, [id]: number[]): SandboxResponse {
  const team = scope.team(id ?? 0);
  scope.require(scope.access.teamVote("delete", team, scope.caller));
  scope.store.deleteTeam(team);
  return { status: 204 };
}

function addMember(scope: Scope, [id, userId]: number[]): SandboxResponse {
  const team = scope.team(id ?? 0);
  const user = scope.user(userId ?? 0);
  scope.require(scope.access.teamVote("edit", team, scope.caller));
  scope.require(scope.access.userVote("access_user", user, scope.caller));
  if (team.members.has(user.id)) throw new HttpError(400);
  scope.store.addMember(team, user.id, false);
  return entity(scope, team);
}

function removeMember(scope: Scope, [id, userId]: number[]): SandboxResponse {
  const team = scope.team(id ?? 0);
  const user = scope.user(userId ?? 0);
  scope.require(scope.access.teamVote("edit", team, scope.caller));
  if (!team.members.has(user.id)) throw new HttpError(400);
  if (team.members.get(user.id) === true) throw new HttpError(400);
  scope.store.removeMember(team, user.id);
  return entity(scope, team);
}

function hasMembersKey(scope: Scope): boolean {
  return !Array.isArray(scope.data) && Object.prototype.hasOwnProperty.call(scope.data, "members");
}

type Grantable = "customer" | "project";

/** POST/DELETE /api/teams/{id}/customers|projects/{id}: 400 when already granted / not granted. */
function access(kind: Grantable, grant: boolean) {
  return (scope: Scope, [id, subjectId]: number[]): SandboxResponse => {
    const team = scope.team(id ?? 0);
    const subject = kind === "customer" ? scope.customer(subjectId ?? 0) : scope.project(subjectId ?? 0);
    scope.require(scope.access.teamVote("edit", team, scope.caller));
    // `permissions` on the subject: since 2.63 for grants, 2.65 for revokes (9d5d03565, fd8989e90). With
    // Kimai's default role permissions every caller allowed to edit a team also has it.
    scope.require(
      "customerId" in subject
        ? scope.access.entityVote("permissions", "project", subject, scope.caller)
        : scope.access.entityVote("permissions", "customer", subject, scope.caller),
    );
    const has = (kind === "customer" ? team.customerIds : team.projectIds).includes(subject.id);
    if (has === grant) throw new HttpError(400);
    if (grant) scope.store.grant(team, kind, subject.id);
    else scope.store.revoke(team, kind, subject.id);
    return entity(scope, team);
  };
}

/** Activities are not modelled: every id is unknown. */
function unknownEntity(scope: Scope, [id]: number[]): SandboxResponse {
  scope.team(id ?? 0);
  return kimaiError(404);
}

export const teamRoutes: RouteDef[] = [
  { pattern: /^\/api\/teams$/, methods: { GET: list, POST: create } },
  { pattern: /^\/api\/teams\/(\d+)$/, methods: { GET: getOne, PATCH: patch, DELETE: remove } },
  { pattern: /^\/api\/teams\/(\d+)\/members\/(\d+)$/, methods: { POST: addMember, DELETE: removeMember } },
  {
    pattern: /^\/api\/teams\/(\d+)\/customers\/(\d+)$/,
    methods: { POST: access("customer", true), DELETE: access("customer", false) },
  },
  {
    pattern: /^\/api\/teams\/(\d+)\/projects\/(\d+)$/,
    methods: { POST: access("project", true), DELETE: access("project", false) },
  },
  {
    pattern: /^\/api\/teams\/(\d+)\/activities\/(\d+)$/,
    methods: { POST: unknownEntity, DELETE: unknownEntity },
  },
];
