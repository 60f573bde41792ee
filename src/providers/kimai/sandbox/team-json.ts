// The team entity (TeamController::GROUPS_ENTITY): members with collection-shape users, and the granted
// customers and projects in their embedded shape (no `teams`: the "Customer"/"Project" groups are not set).

import { customerJson, projectJson } from "./access-json.js";
import type { TeamRecord } from "./model.js";
import { colorSafe, storedColor, userCollectionJson } from "./serialize.js";
import type { KimaiStore } from "./store.js";

const str = (value: string | null): string => (value === null ? "null" : JSON.stringify(value));

export function teamEntityJson(team: TeamRecord, store: KimaiStore): string {
  const members: string[] = [];
  for (const [userId, teamlead] of team.members) {
    const user = store.users.get(userId);
    if (user !== undefined)
      members.push(`{"user":${userCollectionJson(user, store.features)},"teamlead":${teamlead}}`);
  }
  const customers: string[] = [];
  for (const id of team.customerIds) {
    const customer = store.customers.get(id);
    if (customer !== undefined) customers.push(customerJson(customer, store, "embedded"));
  }
  const projects: string[] = [];
  for (const id of team.projectIds) {
    const project = store.projects.get(id);
    if (project !== undefined) projects.push(projectJson(project, store, "embedded"));
  }
  return (
    `{"id":${team.id},"name":${str(team.name)},"members":[${members.join(",")}],` +
    `"customers":[${customers.join(",")}],"projects":[${projects.join(",")}],"activities":[],` +
    `"color":${str(storedColor(team.color))},"color-safe":${str(colorSafe(team.color, team.name))}}`
  );
}
