// Seed customers and projects, and the teams' grants to them (read after users, before teams' grants).

import type { CustomerRecord, ProjectRecord, TeamRecord } from "./model.js";
import { Reader, SeedError, object } from "./seed-reader.js";
import type { KimaiSeedCustomer, KimaiSeedProject } from "./seed-types.js";
import type { KimaiStore } from "./store.js";

const CUSTOMER_FIELDS = ["id", "name", "number", "comment", "visible", "billable", "color", "company"];
const CUSTOMER_MORE = ["country", "currency", "language", "timezone"];
const PROJECT_FIELDS = ["id", "customer", "name", "number", "orderNumber", "comment", "visible", "billable"];
const PROJECT_MORE = ["color", "globalActivities", "start", "end"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readCustomers(list: unknown[], store: KimaiStore): void {
  list.forEach((item, i) => {
    const where = `seed.customers[${i}]`;
    const r = new Reader(object(item, where), where, [...CUSTOMER_FIELDS, ...CUSTOMER_MORE]);
    const id = r.id("id");
    if (store.customers.has(id)) throw new SeedError(`${where}.id: duplicate customer id ${id}`);
    const customer: CustomerRecord = {
      id,
      name: r.string("name"),
      number: r.nullableString("number"),
      comment: r.nullableString("comment"),
      visible: r.boolean("visible", true),
      billable: r.boolean("billable", true),
      color: r.nullableString("color"),
      company: r.nullableString("company"),
      country: r.optionalString("country") ?? "DE",
      currency: r.optionalString("currency") ?? "EUR",
      language: r.optionalString("language") ?? "en",
      timezone: r.optionalString("timezone") ?? "UTC",
      teamIds: [],
    };
    store.addCustomer(customer);
  });
}

function date(r: Reader, field: string, where: string): string | null {
  const value = r.nullableString(field);
  if (value !== null && !DATE.test(value))
    throw new SeedError(`${where}.${field}: must be YYYY-MM-DD or null`);
  return value;
}

export function readProjects(list: unknown[], store: KimaiStore): void {
  list.forEach((item, i) => {
    const where = `seed.projects[${i}]`;
    const r = new Reader(object(item, where), where, [...PROJECT_FIELDS, ...PROJECT_MORE]);
    const id = r.id("id");
    if (store.projects.has(id)) throw new SeedError(`${where}.id: duplicate project id ${id}`);
    const customerId = r.id("customer");
    if (!store.customers.has(customerId))
      throw new SeedError(`${where}.customer: no customer with id ${customerId}`);
    const project: ProjectRecord = {
      id,
      customerId,
      name: r.string("name"),
      number: r.nullableString("number"),
      orderNumber: r.nullableString("orderNumber"),
      comment: r.nullableString("comment"),
      visible: r.boolean("visible", true),
      billable: r.boolean("billable", true),
      color: r.nullableString("color"),
      globalActivities: r.boolean("globalActivities", true),
      start: date(r, "start", where),
      end: date(r, "end", where),
      teamIds: [],
    };
    store.addProject(project);
  });
}

/** A seeded team's `customers` / `projects`: lists of ids granted in that order. */
export function readGrants(r: Reader, where: string, team: TeamRecord, store: KimaiStore): void {
  for (const kind of ["customer", "project"] as const) {
    r.list(`${kind}s`).forEach((value, j) => {
      const at = `${where}.${kind}s[${j}]`;
      const known = kind === "customer" ? store.customers : store.projects;
      if (typeof value !== "number" || !known.has(value))
        throw new SeedError(`${at}: no ${kind} with id ${String(value)}`);
      const ids = kind === "customer" ? team.customerIds : team.projectIds;
      if (ids.includes(value)) throw new SeedError(`${at}: ${kind} ${value} is listed twice`);
      store.grant(team, kind, value);
    });
  }
}

export function exportCustomers(store: KimaiStore): KimaiSeedCustomer[] {
  return [...store.customers.values()].map(({ teamIds: _teams, ...customer }) => ({ ...customer }));
}

export function exportProjects(store: KimaiStore): KimaiSeedProject[] {
  return [...store.projects.values()].map(({ teamIds: _teams, customerId, ...project }) => ({
    ...project,
    customer: customerId,
  }));
}
