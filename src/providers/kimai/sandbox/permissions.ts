// The default role → permission matrix (config/packages/kimai.yaml) and the voters built on it
// (src/Voter/UserVoter.php, TeamVoter.php, src/Security/RolePermissionManager.php).

import { ROLE_ADMIN, ROLE_SUPER_ADMIN, ROLE_TEAMLEAD, ROLE_USER } from "./constants.js";
import type { KimaiStore } from "./store.js";
import type { CustomerRecord, ProjectRecord, TeamRecord, UserRecord } from "./model.js";

const SETS: Record<string, string[]> = {
  ACTIVITIES: [
    "view_activity",
    "create_activity",
    "edit_activity",
    "budget_activity",
    "time_activity",
    "delete_activity",
    "permissions_activity",
  ],
  ACTIVITIES_TEAMLEAD: [
    "view_teamlead_activity",
    "create_activity",
    "edit_teamlead_activity",
    "budget_teamlead_activity",
    "time_teamlead_activity",
  ],
  PROJECTS: [
    "view_project",
    "create_project",
    "edit_project",
    "budget_project",
    "time_project",
    "delete_project",
    "permissions_project",
    "comments_project",
    "details_project",
  ],
  PROJECTS_TEAMLEAD: [
    "view_teamlead_project",
    "budget_teamlead_project",
    "time_teamlead_project",
    "comments_teamlead_project",
    "details_teamlead_project",
  ],
  CUSTOMERS: [
    "view_customer",
    "create_customer",
    "edit_customer",
    "budget_customer",
    "time_customer",
    "delete_customer",
    "permissions_customer",
    "comments_customer",
    "details_customer",
  ],
  CUSTOMERS_TEAMLEAD: [
    "view_teamlead_customer",
    "budget_teamlead_customer",
    "time_teamlead_customer",
    "comments_teamlead_customer",
    "details_teamlead_customer",
  ],
  INVOICE: ["view_invoice", "create_invoice"],
  INVOICE_ADMIN: ["manage_invoice_template"],
  TIMESHEET: [
    "view_own_timesheet",
    "start_own_timesheet",
    "stop_own_timesheet",
    "create_own_timesheet",
    "edit_own_timesheet",
    "export_own_timesheet",
    "delete_own_timesheet",
    "weekly_own_timesheet",
  ],
  TIMESHEET_OTHER: [
    "view_other_timesheet",
    "start_other_timesheet",
    "stop_other_timesheet",
    "create_other_timesheet",
    "edit_other_timesheet",
    "export_other_timesheet",
    "delete_other_timesheet",
  ],
  PROFILE: [
    "view_own_profile",
    "edit_own_profile",
    "password_own_profile",
    "preferences_own_profile",
    "api-token_own_profile",
  ],
  PROFILE_OTHER: [
    "view_other_profile",
    "edit_other_profile",
    "password_other_profile",
    "roles_other_profile",
    "preferences_other_profile",
    "api-token_other_profile",
    "teams_other_profile",
    "supervisor_other_profile",
  ],
  TAGS: ["view_tag", "manage_tag", "create_tag", "delete_tag"],
  USER: ["view_user", "create_user", "delete_user", "role_permissions"],
  RATE: ["view_rate_own_timesheet", "edit_rate_own_timesheet"],
  RATE_OTHER: ["view_rate_other_timesheet", "edit_rate_other_timesheet"],
  EXPORT: ["create_export", "edit_export_own_timesheet", "edit_export_other_timesheet"],
  BILLABLE: ["edit_billable_own_timesheet", "edit_billable_other_timesheet"],
  TEAMS: ["view_team", "create_team", "edit_team", "delete_team"],
  LOCKDOWN: ["lockdown_grace_timesheet", "lockdown_override_timesheet"],
  REPORTING: ["view_reporting", "view_other_reporting", "project_reporting", "customer_reporting"],
  EVERYONE: ["api_access", "hours_own_profile"],
};

const MAPS: Record<string, string[]> = {
  [ROLE_USER]: ["TIMESHEET", "PROFILE", "EVERYONE"],
  [ROLE_TEAMLEAD]: [
    "ACTIVITIES_TEAMLEAD",
    "PROJECTS_TEAMLEAD",
    "CUSTOMERS_TEAMLEAD",
    "TIMESHEET_OTHER",
    "INVOICE",
    "TIMESHEET",
    "PROFILE",
    "EXPORT",
    "BILLABLE",
    "TAGS",
    "REPORTING",
    "EVERYONE",
  ],
  [ROLE_ADMIN]: [
    "ACTIVITIES",
    "PROJECTS",
    "CUSTOMERS",
    "INVOICE",
    "INVOICE_ADMIN",
    "TIMESHEET",
    "TIMESHEET_OTHER",
    "PROFILE",
    "TEAMS",
    "RATE",
    "RATE_OTHER",
    "EXPORT",
    "BILLABLE",
    "TAGS",
    "LOCKDOWN",
    "REPORTING",
    "EVERYONE",
  ],
  [ROLE_SUPER_ADMIN]: [
    "ACTIVITIES",
    "PROJECTS",
    "CUSTOMERS",
    "INVOICE",
    "INVOICE_ADMIN",
    "TIMESHEET",
    "TIMESHEET_OTHER",
    "PROFILE",
    "PROFILE_OTHER",
    "USER",
    "TEAMS",
    "RATE",
    "RATE_OTHER",
    "EXPORT",
    "BILLABLE",
    "TAGS",
    "LOCKDOWN",
    "REPORTING",
    "EVERYONE",
  ],
};

const EXTRA: Record<string, string[]> = {
  [ROLE_USER]: ["view_team_member", "time_team_project", "create_tag", "view_reporting"],
  [ROLE_TEAMLEAD]: [
    "view_rate_own_timesheet",
    "view_rate_other_timesheet",
    "hourly-rate_own_profile",
    "view_team_member",
    "hours_other_profile",
  ],
  [ROLE_ADMIN]: [
    "hourly-rate_own_profile",
    "edit_exported_timesheet",
    "teams_own_profile",
    "view_team_member",
    "view_all_data",
    "contract_other_profile",
    "hours_other_profile",
    "create_export_template",
  ],
  [ROLE_SUPER_ADMIN]: [
    "hourly-rate_own_profile",
    "hourly-rate_other_profile",
    "roles_own_profile",
    "supervisor_own_profile",
    "system_information",
    "system_configuration",
    "plugins",
    "edit_exported_timesheet",
    "teams_own_profile",
    "view_team_member",
    "upload_invoice_template",
    "view_all_data",
    "contract_other_profile",
    "hours_other_profile",
    "create_export_template",
    "role_permissions",
    "view_user",
  ],
};

/** Role name → granted permissions. Custom roles (anything else) grant nothing. */
const MATRIX: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.keys(MAPS).map((role) => {
    const perms = new Set<string>(EXTRA[role] ?? []);
    for (const set of MAPS[role] ?? []) for (const perm of SETS[set] ?? []) perms.add(perm);
    return [role, perms];
  }),
);

/** User::getRoles(): the stored roles plus the implicit ROLE_USER. */
export function effectiveRoles(user: UserRecord): string[] {
  return [...user.roles, ROLE_USER];
}

export function hasPermission(user: UserRecord, permission: string): boolean {
  return effectiveRoles(user).some((role) => MATRIX.get(role)?.has(permission) === true);
}

export const isSuperAdmin = (user: UserRecord): boolean => user.roles.includes(ROLE_SUPER_ADMIN);
export const isAdmin = (user: UserRecord, explicit = true): boolean =>
  user.roles.includes(ROLE_ADMIN) || (!explicit && isSuperAdmin(user));
export const hasTeamleadRole = (user: UserRecord, explicit = true): boolean =>
  user.roles.includes(ROLE_TEAMLEAD) || (!explicit && isAdmin(user, false));
export const canSeeAllData = (user: UserRecord): boolean =>
  isSuperAdmin(user) || hasPermission(user, "view_all_data");

/** User::canAssignRole(): the role hierarchy used when granting roles. */
export function canAssignRole(caller: UserRecord, role: string): boolean {
  switch (role.toUpperCase()) {
    case ROLE_SUPER_ADMIN:
      return isSuperAdmin(caller);
    case ROLE_ADMIN:
      return isAdmin(caller, false);
    case ROLE_TEAMLEAD:
      return hasTeamleadRole(caller, false);
    default:
      return true;
  }
}

export class Access {
  constructor(private readonly store: KimaiStore) {}

  isTeamleadOf(user: UserRecord, team: TeamRecord): boolean {
    return team.members.get(user.id) === true;
  }

  isTeamleadOfUser(caller: UserRecord, subject: UserRecord): boolean {
    for (const teamId of caller.teamIds) {
      const team = this.store.teams.get(teamId);
      if (team !== undefined && team.members.get(caller.id) === true && team.members.has(subject.id))
        return true;
    }
    return false;
  }

  /** RolePermissionManager::checkUserAccess(). */
  checkUserAccess(subject: UserRecord, caller: UserRecord, onlyEnabled = true): boolean {
    if (subject.id === caller.id) return true;
    if (isSuperAdmin(caller) || canSeeAllData(caller)) return true;
    if (onlyEnabled && !subject.enabled) return false;
    if (!caller.systemAccount && subject.systemAccount) return false;
    if (this.isTeamleadOfUser(caller, subject)) return true;
    if ((hasTeamleadRole(caller) || isAdmin(caller)) && subject.roles.length === 0)
      return subject.teamIds.length === 0;
    return false;
  }

  /** UserVoter: attribute on a subject user (null subject = a user being created). */
  userVote(attribute: string, subject: UserRecord | null, caller: UserRecord): boolean {
    if (attribute === "contract") return hasPermission(caller, "contract_other_profile");
    if (attribute === "access_user") return subject === null || this.checkUserAccess(subject, caller);
    const self = subject !== null && subject.id === caller.id;
    if (attribute === "supervisor" && self) return isSuperAdmin(caller);
    const features = this.store.features;
    if (attribute === "roles" && subject !== null && features.assignableRoles) {
      if (!effectiveRoles(subject).every((role) => canAssignRole(caller, role))) return false;
    }
    if (self) return hasPermission(caller, `${attribute}_own_profile`);
    if (!hasPermission(caller, `${attribute}_other_profile`)) return false;
    return subject === null || !features.teamScopedProfiles || this.checkUserAccess(subject, caller, false);
  }

  /** TeamVoter: edit/delete of a team. */
  teamVote(attribute: "edit" | "delete", team: TeamRecord, caller: UserRecord): boolean {
    if (!isAdmin(caller) && !isSuperAdmin(caller) && !this.isTeamleadOf(caller, team)) return false;
    return hasPermission(caller, `${attribute}_team`);
  }

  private inAnyTeam(user: UserRecord, teamIds: readonly number[], lead: boolean): boolean {
    return teamIds.some((id) => {
      const role = this.store.teams.get(id)?.members.get(user.id);
      return lead ? role === true : role !== undefined;
    });
  }

  /**
   * CustomerVoter / ProjectVoter: `<attr>_<kind>`, or `<attr>_teamlead_<kind>` / `<attr>_team_<kind>` through
   * a team of the subject (for a project also its customer's teams).
   */
  entityVote(attribute: string, kind: "customer", subject: CustomerRecord, caller: UserRecord): boolean;
  entityVote(attribute: string, kind: "project", subject: ProjectRecord, caller: UserRecord): boolean;
  entityVote(
    attribute: string,
    kind: "customer" | "project",
    subject: CustomerRecord | ProjectRecord,
    caller: UserRecord,
  ): boolean {
    if (hasPermission(caller, `${attribute}_${kind}`)) return true;
    if (attribute === "create" || attribute === "delete") return false;
    const lead = hasPermission(caller, `${attribute}_teamlead_${kind}`);
    const member = hasPermission(caller, `${attribute}_team_${kind}`);
    const teamIds = [...subject.teamIds];
    if ("customerId" in subject)
      teamIds.push(...(this.store.customers.get(subject.customerId)?.teamIds ?? []));
    return (
      (lead && this.inAnyTeam(caller, teamIds, true)) || (member && this.inAnyTeam(caller, teamIds, false))
    );
  }

  /** Repository permission criteria of the customer/project lists: no team, or one of the caller's teams. */
  seesCustomer(customer: CustomerRecord, caller: UserRecord): boolean {
    if (canSeeAllData(caller)) return true;
    return customer.teamIds.length === 0 || this.inAnyTeam(caller, customer.teamIds, false);
  }

  seesProject(project: ProjectRecord, caller: UserRecord): boolean {
    if (canSeeAllData(caller)) return true;
    const customer = this.store.customers.get(project.customerId);
    if (customer !== undefined && !this.seesCustomer(customer, caller)) return false;
    return project.teamIds.length === 0 || this.inAnyTeam(caller, project.teamIds, false);
  }
}
