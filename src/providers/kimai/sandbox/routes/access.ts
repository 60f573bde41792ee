// GET /api/customers and /api/projects (src/API/CustomerController.php, ProjectController.php): unpaged
// lists with strict query parameters and the repositories' team criteria, and the entities. Only what team
// access needs; writes to customers and projects are not modelled.

import type { SandboxResponse } from "../../../../sandbox/types.js";
import type { BudgetFields } from "../access-json.js";
import { customerJson, projectJson } from "../access-json.js";
import type { RouteDef, Scope } from "../context.js";
import { HttpError, json } from "../http-errors.js";
import type { CustomerRecord, ProjectRecord } from "../model.js";
import { hasPermission } from "../permissions.js";

/** FOSRest strict QueryParams: a value failing its requirement is a 400; "" means unset. */
function param(scope: Scope, name: string, pattern: RegExp): string | null {
  const query = scope.request.query;
  if (query.has(`${name}[]`)) throw new HttpError(400);
  const values = query.getAll(name);
  const value = values[values.length - 1];
  if (value === undefined || value === "") return null;
  if (!pattern.test(value)) throw new HttpError(400);
  return value;
}

const VISIBLE = /^[123]$/;
const ORDER = /^(ASC|DESC)$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/;

function budget(scope: Scope, kind: "customer" | "project"): BudgetFields {
  return {
    money: hasPermission(scope.caller, `budget_${kind}`),
    time: hasPermission(scope.caller, `time_${kind}`),
  };
}

function matchesTerm(term: string | null, ...fields: Array<string | null>): boolean {
  if (term === null) return true;
  const needle = term.toLowerCase();
  return fields.some((field) => field !== null && field.toLowerCase().includes(needle));
}

function visibleFilter(visible: string | null, shown: boolean): boolean {
  if (visible === "3") return true;
  return visible === "2" ? !shown : shown;
}

function sortBy<T extends { id: number }>(
  items: T[],
  key: (item: T) => string | number,
  order: string | null,
) {
  items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const cmp = ka === kb ? a.id - b.id : ka < kb ? -1 : 1;
    return order === "DESC" ? -cmp : cmp;
  });
  return items;
}

function listJson<T>(items: T[], render: (item: T) => string): SandboxResponse {
  return json(200, `[${items.map(render).join(",")}]`);
}

function listCustomers(scope: Scope): SandboxResponse {
  const visible = param(scope, "visible", VISIBLE);
  const order = param(scope, "order", ORDER);
  const orderBy = param(scope, "orderBy", /^(id|name)$/);
  param(scope, "full", /^[01]$/);
  const term = scope.request.query.get("term") || null;
  const items = [...scope.store.customers.values()].filter(
    (c) =>
      scope.access.seesCustomer(c, scope.caller) &&
      visibleFilter(visible, c.visible) &&
      matchesTerm(term, c.name, c.number, c.comment, c.company),
  );
  const key = orderBy === "id" ? (c: CustomerRecord) => c.id : (c: CustomerRecord) => c.name.toLowerCase();
  const fields = budget(scope, "customer");
  return listJson(sortBy(items, key, order), (c) => customerJson(c, scope.store, "collection", fields));
}

function projectDates(scope: Scope): { start: string | null; end: string | null } | null {
  if (param(scope, "ignoreDates", /^1$/) !== null) return null;
  const start = param(scope, "start", DATE)?.slice(0, 10) ?? null;
  const end = param(scope, "end", DATE)?.slice(0, 10) ?? null;
  if (start !== null || end !== null) return { start, end };
  const today = new Date().toISOString().slice(0, 10);
  return { start: today, end: today };
}

function listProjects(scope: Scope): SandboxResponse {
  const customerIds = scope.request.query.getAll("customers[]");
  const one = param(scope, "customer", /^\d+$/);
  if (one !== null) customerIds.push(one);
  if (customerIds.some((id) => !/^\d+$/.test(id))) throw new HttpError(400);
  for (const id of new Set(customerIds)) {
    const customer = scope.store.customers.get(Number(id));
    if (customer !== undefined && !scope.access.seesCustomer(customer, scope.caller))
      throw new HttpError(403);
  }
  const visible = param(scope, "visible", VISIBLE);
  const globalActivities = param(scope, "globalActivities", /^[01]$/);
  const order = param(scope, "order", ORDER);
  const orderBy = param(scope, "orderBy", /^(id|name|customer)$/);
  const dates = projectDates(scope);
  const term = scope.request.query.get("term") || null;
  const store = scope.store;
  const items = [...store.projects.values()].filter((p) => {
    const customer = store.customers.get(p.customerId);
    if (customerIds.length > 0 && !customerIds.includes(String(p.customerId))) return false;
    if (!scope.access.seesProject(p, scope.caller)) return false;
    if (!visibleFilter(visible, p.visible && customer?.visible !== false)) return false;
    if (globalActivities !== null && p.globalActivities !== (globalActivities === "1")) return false;
    if (dates?.start != null && p.start !== null && p.start > dates.start) return false;
    if (dates?.end != null && p.end !== null && p.end < dates.end) return false;
    return matchesTerm(term, p.name, p.number, p.orderNumber, p.comment);
  });
  const key =
    orderBy === "id"
      ? (p: ProjectRecord) => p.id
      : orderBy === "customer"
        ? (p: ProjectRecord) => (store.customers.get(p.customerId)?.name ?? "").toLowerCase()
        : (p: ProjectRecord) => p.name.toLowerCase();
  const fields = budget(scope, "project");
  return listJson(sortBy(items, key, order), (p) => projectJson(p, store, "collection", fields));
}

function getCustomer(scope: Scope, [id]: number[]): SandboxResponse {
  const customer = scope.customer(id ?? 0);
  scope.require(scope.access.entityVote("view", "customer", customer, scope.caller));
  return json(200, customerJson(customer, scope.store, "entity", budget(scope, "customer")));
}

function getProject(scope: Scope, [id]: number[]): SandboxResponse {
  const project = scope.project(id ?? 0);
  scope.require(scope.access.entityVote("view", "project", project, scope.caller));
  return json(200, projectJson(project, scope.store, "entity", budget(scope, "project")));
}

export const accessRoutes: RouteDef[] = [
  { pattern: /^\/api\/customers$/, methods: { GET: listCustomers } },
  { pattern: /^\/api\/customers\/(\d+)$/, methods: { GET: getCustomer } },
  { pattern: /^\/api\/projects$/, methods: { GET: listProjects } },
  { pattern: /^\/api\/projects\/(\d+)$/, methods: { GET: getProject } },
];
