// JSON of customers and projects (src/Entity/Customer.php, Project.php and their JMS groups): the shape
// embedded in a team entity (no `teams`), the collection shape of GET /api/customers|projects (with
// `teams` in the "Customer"/"Project" group, budget fields behind BudgetExclusionStrategy) and the entity.

import type { CustomerRecord, ProjectRecord } from "./model.js";
import { colorSafe, storedColor, teamCollectionJson } from "./serialize.js";
import type { KimaiStore } from "./store.js";

export type AccessView = "embedded" | "collection" | "entity";

/** Which budget fields the caller may see (budget_* and time_* permissions); embedded views have none. */
export interface BudgetFields {
  money: boolean;
  time: boolean;
}

const NO_BUDGET: BudgetFields = { money: false, time: false };

const str = (value: string | null): string => (value === null ? "null" : JSON.stringify(value));

function teamsJson(teamIds: readonly number[], store: KimaiStore): string {
  const teams: string[] = [];
  for (const id of teamIds) {
    const team = store.teams.get(id);
    if (team !== undefined) teams.push(teamCollectionJson(team));
  }
  return `[${teams.join(",")}]`;
}

function budgetJson(budget: BudgetFields): string {
  let out = "";
  if (budget.money) out += `,"budget":0`;
  if (budget.time) out += `,"timeBudget":0`;
  if (budget.money || budget.time) out += `,"budgetType":null`;
  return out;
}

/** Customer_Entity fields the sandbox does not model: always null. */
const CUSTOMER_ENTITY_NULLS = [
  "vatId",
  "contact",
  "address",
  "email",
  "addressLine1",
  "addressLine2",
  "addressLine3",
  "postCode",
  "city",
  "invoiceEmail",
  "buyerReference",
]
  .map((key) => `,"${key}":null`)
  .join("");

export function customerJson(
  customer: CustomerRecord,
  store: KimaiStore,
  view: AccessView,
  budget: BudgetFields = NO_BUDGET,
): string {
  const c = customer;
  let out =
    `{"id":${c.id},"name":${str(c.name)},"number":${str(c.number)},"comment":${str(c.comment)},` +
    `"visible":${c.visible},"billable":${c.billable},"company":${str(c.company)},"country":${str(c.country)},` +
    `"language":${str(c.language)},"currency":${str(c.currency)},"phone":null,"fax":null,"mobile":null,` +
    `"homepage":null,"timezone":${str(c.timezone)},"metaFields":[]`;
  if (view !== "embedded") out += `,"teams":${teamsJson(c.teamIds, store)}`;
  if (view === "entity") out += CUSTOMER_ENTITY_NULLS;
  if (view !== "embedded") out += budgetJson(budget);
  return `${out},"color":${str(storedColor(c.color))},"color-safe":${str(colorSafe(c.color, c.name))}}`;
}

export function projectJson(
  project: ProjectRecord,
  store: KimaiStore,
  view: AccessView,
  budget: BudgetFields = NO_BUDGET,
): string {
  const p = project;
  const customer = store.customers.get(p.customerId);
  let out = `{"id":${p.id}`;
  if (view !== "embedded") out += `,"parentTitle":${str(customer?.name ?? null)}`;
  out +=
    `,"customer":${p.customerId},"name":${str(p.name)},"orderNumber":${str(p.orderNumber)},"orderDate":null,` +
    `"start":${str(p.start)},"end":${str(p.end)},"comment":${str(p.comment)},"visible":${p.visible},` +
    `"billable":${p.billable},"metaFields":[]`;
  if (view !== "embedded") out += `,"teams":${teamsJson(p.teamIds, store)}`;
  out += `,"globalActivities":${p.globalActivities},"number":${str(p.number)}`;
  if (view !== "embedded") out += budgetJson(budget);
  return `${out},"color":${str(storedColor(p.color))},"color-safe":${str(colorSafe(p.color, p.name))}}`;
}
