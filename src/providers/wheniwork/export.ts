// When I Work users -> user-file documents (users.d YAML), with a `wheniwork:` block of names, not ids.
import { ROLE_NAMES, type WiwUser } from "./api.js";
import type { Catalog } from "./mapping.js";

const EMPLOYMENT = new Set(["hourly", "hourly_exempt", "salaried", "salaried_exempt"]);

export function userDocument(user: WiwUser, catalog: Catalog, username: string): Record<string, unknown> {
  const doc: Record<string, unknown> = { username, email: user.email };
  if (user.first_name || user.last_name) doc.name = { first: user.first_name, last: user.last_name };
  if (user.is_deleted) doc.enabled = false;
  if (user.hourly_rate) doc.rates = { hourly: user.hourly_rate };
  const block: Record<string, unknown> = {};
  const role = ROLE_NAMES[user.role];
  if (role && role !== "lead") block.role = role;
  const names = (ids: number[], items: Catalog["positions"]) =>
    ids.map((id) => items.find((i) => i.id === id && !i.is_deleted)?.name).filter((n): n is string => !!n);
  if (user.positions.length) block.positions = names(user.positions, catalog.positions);
  if (user.locations.length) block.locations = names(user.locations, catalog.locations);
  if (user.employment_type && EMPLOYMENT.has(user.employment_type)) block.employment = user.employment_type;
  if (user.hours_max) block.hoursMax = user.hours_max;
  block.hoursPreferred = user.hours_preferred;
  if (user.employee_code) block.employeeCode = user.employee_code;
  doc.wheniwork = block;
  return doc;
}
