// When I Work users -> user-file documents (users.d YAML), with a `wheniwork:` block of names, not ids, and
// durations written like every other duration (38h30m).
import { formatHours } from "../../core/units.js";
import { ROLE_NAMES, type WiwUser } from "./api.js";
import type { Catalog } from "./mapping.js";

const EMPLOYMENT = new Set(["hourly", "hourly_exempt", "salaried", "salaried_exempt", "shareholder"]);

/** The `wheniwork:` block for a server user: every field it has set (flags only when on). */
export function wheniworkBlock(user: WiwUser, catalog: Catalog): Record<string, unknown> {
  const block: Record<string, unknown> = {};
  const role = ROLE_NAMES[user.role];
  if (role && role !== "lead") block.role = role;
  const live = (id: number, items: Catalog["positions"]) =>
    items.find((i) => i.id === id && !i.is_deleted)?.name;
  const names = (ids: number[], items: Catalog["positions"]) =>
    ids.map((id) => live(id, items)).filter((n): n is string => !!n);
  if (user.positions.length) block.positions = names(user.positions, catalog.positions);
  if (user.locations.length) block.locations = names(user.locations, catalog.locations);
  if (user.employment_type && EMPLOYMENT.has(user.employment_type)) block.employment = user.employment_type;
  if (user.hours_max) block.hoursMax = formatHours(user.hours_max);
  block.hoursPreferred = formatHours(user.hours_preferred);
  if (user.employee_code) block.employeeCode = user.employee_code;
  if (user.phone_number) block.phone = user.phone_number;
  if (user.notes) block.notes = user.notes;
  if (user.is_hidden) block.hidden = true;
  if (user.is_payroll) block.payroll = true;
  if (user.is_private) block.private = true;
  if (user.is_trusted) block.trusted = true;
  if (user.start_date) block.startDate = user.start_date;
  const rates: Record<string, number> = {};
  for (const [id, rate] of Object.entries(user.position_rates)) {
    const name = live(Number(id), catalog.positions);
    if (name !== undefined) rates[name] = rate;
  }
  if (Object.keys(rates).length > 0) block.positionRates = rates;
  return block;
}

export function userDocument(user: WiwUser, catalog: Catalog, username: string): Record<string, unknown> {
  const doc: Record<string, unknown> = { username, email: user.email };
  if (user.first_name || user.last_name) doc.name = { first: user.first_name, last: user.last_name };
  if (user.is_deleted) doc.enabled = false;
  if (user.hourly_rate) doc.rates = { hourly: user.hourly_rate };
  doc.wheniwork = wheniworkBlock(user, catalog);
  return doc;
}
