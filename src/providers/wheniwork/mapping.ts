// Desired users <-> comparable records, in When I Work's names and units (float hours, ids for positions).
import { createHash } from "node:crypto";
import type { DesiredUser } from "../../core/model.js";
import { USER_KIND } from "../../core/kinds.js";
import type { AttrValue } from "../../core/plan.js";
import { attr, type DesiredRecord, type RemoteRecord } from "../../core/records.js";
import { formatHours, formatMoney } from "../../core/units.js";
import { ROLE_CODES, ROLE_NAMES, type WiwNamed, type WiwUser } from "./api.js";
import { settingsOf } from "./settings.js";

/** Catalogue lookups: id -> name for display, name -> live ids for resolution. */
export interface Catalog {
  positions: WiwNamed[];
  locations: WiwNamed[];
}

/** When I Work keeps hours as floats; compare to the hundredth of an hour, show like every duration. */
export function hoursAttr(hours: number): AttrValue {
  const rounded = Math.round(hours * 100) / 100;
  return attr(rounded, formatHours(rounded), String(rounded));
}

/** Money (hourly_rate): floats compared to a hundredth of a cent, printed as money. */
export function moneyAttr(amount: number, currency?: string): AttrValue {
  const rounded = Math.round(amount * 10_000) / 10_000;
  return attr(rounded, formatMoney(rounded, currency), String(rounded));
}

function text(value: string): AttrValue {
  return attr(value, JSON.stringify(value), value);
}

function flagAttr(value: boolean): AttrValue {
  return attr(value, value ? "yes" : "no", String(value));
}

/** Phone numbers compare by their digits: When I Work may keep only the digits of what was sent. */
export function phoneAttr(value: string): AttrValue {
  return attr(value, value === "" ? "(none)" : JSON.stringify(value), value.replace(/\D/g, ""));
}

function dateAttr(value: string): AttrValue {
  return value === "" ? attr(null, "(none)", "") : attr(value, value, value);
}

/** position_rates: {"<position id>": rate}, compared by id and rounded rate, shown by name. */
function ratesAttr(
  rates: Readonly<Record<number, number>>,
  names: ReadonlyMap<number, string>,
  currency?: string,
): AttrValue {
  const entries = Object.entries(rates)
    .map(([id, rate]) => [Number(id), Math.round(rate * 10_000) / 10_000] as const)
    .sort((a, b) => a[0] - b[0]);
  const raw = Object.fromEntries(entries.map(([id, rate]) => [String(id), rate]));
  const human =
    entries.map(([id, rate]) => `${names.get(id) ?? `#${id}`} +${formatMoney(rate, currency)}`).join(", ") ||
    "(none)";
  return attr(raw, human, entries.map(([id, rate]) => `${id}=${rate}`).join(","));
}

function idsAttr(ids: readonly number[], names: ReadonlyMap<number, string>): AttrValue {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const human = sorted.map((id) => names.get(id) ?? `#${id}`).join(", ") || "(none)";
  return attr(sorted, human, sorted.join(","));
}

function roleAttr(code: number): AttrValue {
  return attr(code, ROLE_NAMES[code] ?? `role ${code}`, String(code));
}

/** Weekly hours a contract implies: week = hoursPerWeek, day = the sum of the days; month/none imply none. */
export function weeklyHours(user: DesiredUser): number | undefined {
  const c = user.contract;
  if (!c) return undefined;
  if (c.type === "week" && c.hoursPerWeek !== undefined) return c.hoursPerWeek / 3600;
  if (c.type === "day" && c.hours) return Object.values(c.hours).reduce((a, b) => a + b, 0) / 3600;
  return undefined;
}

/** Names -> ids among live (not deleted) entries; errors for unknown or ambiguous names. */
export function resolveNames(
  names: readonly string[],
  catalog: readonly WiwNamed[],
  what: "position" | "location",
  where: string,
  errors: string[],
): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const matches = catalog.filter((c) => !c.is_deleted && c.name === name);
    if (matches.length === 1) {
      ids.push(matches[0]!.id);
    } else if (matches.length === 0) {
      const known = [...new Set(catalog.filter((c) => !c.is_deleted).map((c) => c.name))].sort();
      errors.push(
        `${where}: When I Work has no ${what} named "${name}"; known: ${known.join(", ") || "none"}`,
      );
    } else {
      errors.push(
        `${where}: ${matches.length} When I Work ${what}s are named "${name}" (ids ${matches.map((m) => m.id).join(", ")}); rename one in When I Work so the name is unique`,
      );
    }
  }
  return ids;
}

/** The name When I Work gets: `wheniwork.name`, else the file's `name`; undefined when neither is given. */
export function wiwName(user: DesiredUser): { first: string; last: string } | undefined {
  return settingsOf(user).name ?? user.name;
}

/** The YAML field (of the `wheniwork:` block, mostly) that sets each When I Work attribute. */
const YAML_FIELDS: Readonly<Record<string, string>> = {
  first_name: "wheniwork.name.first",
  last_name: "wheniwork.name.last",
  employee_code: "wheniwork.employeeCode",
  role: "wheniwork.role",
  employment_type: "wheniwork.employment",
  positions: "wheniwork.positions",
  locations: "wheniwork.locations",
  hours_max: "wheniwork.hoursMax",
  hours_preferred: "wheniwork.hoursPreferred",
  hourly_rate: "rates.hourly",
  position_rates: "wheniwork.positionRates",
  phone_number: "wheniwork.phone",
  notes: "wheniwork.notes",
  is_hidden: "wheniwork.hidden",
  is_payroll: "wheniwork.payroll",
  is_private: "wheniwork.private",
  is_trusted: "wheniwork.trusted",
  start_date: "wheniwork.startDate",
};

export function desiredRecord(
  user: DesiredUser,
  catalog: Catalog,
  errors: string[],
  currency?: string,
): DesiredRecord {
  const where = user.source.file;
  const s = settingsOf(user);
  const attrs: Record<string, AttrValue> = { email: attr(user.email, user.email, user.email.toLowerCase()) };
  const name = wiwName(user);
  if (name) {
    attrs.first_name = text(name.first);
    attrs.last_name = text(name.last);
  }
  if (s.employeeCode !== undefined) attrs.employee_code = text(s.employeeCode);
  if (s.role !== undefined) attrs.role = roleAttr(ROLE_CODES[s.role]);
  if (s.employment !== undefined) attrs.employment_type = text(s.employment);
  if (s.positions !== undefined) {
    const ids = resolveNames(s.positions, catalog.positions, "position", where, errors);
    attrs.positions = idsAttr(ids, nameMap(catalog.positions));
  }
  if (s.locations !== undefined) {
    const ids = resolveNames(s.locations, catalog.locations, "location", where, errors);
    attrs.locations = idsAttr(ids, nameMap(catalog.locations));
  }
  if (s.hoursMax !== undefined) attrs.hours_max = hoursAttr(s.hoursMax);
  const preferred = s.hoursPreferred ?? weeklyHours(user);
  if (preferred !== undefined) attrs.hours_preferred = hoursAttr(preferred);
  const hourly = s.hourlyRate ?? user.rates?.hourly;
  if (hourly !== undefined) attrs.hourly_rate = moneyAttr(hourly, currency);
  if (s.positionRates !== undefined) {
    const names = Object.keys(s.positionRates);
    const ids = resolveNames(names, catalog.positions, "position", `${where}: positionRates`, errors);
    if (ids.length === names.length) {
      const rates: Record<number, number> = {};
      names.forEach((n, i) => (rates[ids[i]!] = s.positionRates![n]!));
      attrs.position_rates = ratesAttr(rates, nameMap(catalog.positions), currency);
    }
  }
  if (s.phone !== undefined) attrs.phone_number = phoneAttr(s.phone);
  if (s.notes !== undefined) attrs.notes = text(s.notes);
  if (s.hidden !== undefined) attrs.is_hidden = flagAttr(s.hidden);
  if (s.payroll !== undefined) attrs.is_payroll = flagAttr(s.payroll);
  if (s.private !== undefined) attrs.is_private = flagAttr(s.private);
  if (s.trusted !== undefined) attrs.is_trusted = flagAttr(s.trusted);
  if (s.startDate !== undefined) attrs.start_date = dateAttr(s.startDate);
  const fields: Record<string, string> = { ...YAML_FIELDS };
  if (!s.name) Object.assign(fields, { first_name: "name.first", last_name: "name.last" });
  if (s.hoursPreferred === undefined) fields.hours_preferred = "contract (weekly hours)";
  if (s.hourlyRate !== undefined) fields.hourly_rate = "wheniwork.hourlyRate";
  return {
    kind: USER_KIND.kind,
    key: user.username.toLowerCase(),
    name: user.username,
    enabled: user.enabled,
    attrs,
    fields,
    source: where,
  };
}

export function nameMap(items: readonly WiwNamed[]): Map<number, string> {
  return new Map(items.map((i) => [i.id, i.is_deleted ? `${i.name} (deleted)` : i.name]));
}

/**
 * The ids of live catalogue entries: a deleted position (or one the list does not show) cannot be declared, so it
 * is not compared; it stays with the user until their positions change.
 */
function live(ids: readonly number[], catalog: readonly WiwNamed[]): number[] {
  const known = new Set(catalog.filter((c) => !c.is_deleted).map((c) => c.id));
  return ids.filter((id) => known.has(id));
}

function liveRates(
  rates: Readonly<Record<number, number>>,
  catalog: readonly WiwNamed[],
): Record<number, number> {
  const ids = new Set(live(Object.keys(rates).map(Number), catalog));
  return Object.fromEntries(Object.entries(rates).filter(([id]) => ids.has(Number(id))));
}

export function remoteRecord(
  user: WiwUser,
  key: string,
  name: string,
  catalog: Catalog,
  currency?: string,
): RemoteRecord {
  const attrs: Record<string, AttrValue> = {
    email: user.email ? attr(user.email, user.email, user.email.toLowerCase()) : attr(null, "(hidden)", ""),
    first_name: text(user.first_name),
    last_name: text(user.last_name),
    employee_code: text(user.employee_code),
    role: roleAttr(user.role),
    employment_type: text(user.employment_type ?? ""),
    positions: idsAttr(live(user.positions, catalog.positions), nameMap(catalog.positions)),
    locations: idsAttr(live(user.locations, catalog.locations), nameMap(catalog.locations)),
    hours_max: hoursAttr(user.hours_max),
    hours_preferred: hoursAttr(user.hours_preferred),
    hourly_rate: moneyAttr(user.hourly_rate, currency),
    position_rates: ratesAttr(
      liveRates(user.position_rates, catalog.positions),
      nameMap(catalog.positions),
      currency,
    ),
    phone_number: phoneAttr(user.phone_number),
    notes: text(user.notes),
    is_hidden: flagAttr(user.is_hidden),
    is_payroll: flagAttr(user.is_payroll),
    is_private: flagAttr(user.is_private),
    is_trusted: flagAttr(user.is_trusted),
    start_date: dateAttr(user.start_date),
  };
  return {
    kind: USER_KIND.kind,
    key,
    name,
    id: user.id,
    enabled: !user.is_deleted,
    attrs,
    fingerprint: fingerprint(user),
    // Account admins run the account: never archived just for being undeclared.
    ...(user.role === ROLE_CODES.admin ? { system: true } : {}),
  };
}

export function fingerprint(user: WiwUser): string {
  const state = [
    user.id,
    user.email ?? null,
    user.first_name,
    user.last_name,
    user.employee_code,
    user.role,
    [...user.positions].sort((a, b) => a - b),
    [...user.locations].sort((a, b) => a - b),
    user.hours_max,
    user.hours_preferred,
    user.hourly_rate,
    user.employment_type ?? null,
    Object.entries(user.position_rates).sort(([a], [b]) => Number(a) - Number(b)),
    user.phone_number,
    user.notes,
    user.is_hidden,
    user.is_payroll,
    user.is_private,
    user.is_trusted,
    user.start_date,
    user.is_deleted,
  ];
  return createHash("sha256").update(JSON.stringify(state)).digest("hex").slice(0, 16);
}

/** The record key of a server user nobody declared. */
export function unmatchedKey(user: WiwUser): string {
  return user.email ? user.email.toLowerCase() : `wheniwork-user-${user.id}`;
}

export function displayName(user: WiwUser): string {
  const full = `${user.first_name} ${user.last_name}`.trim();
  return user.email ? (full ? `${full} <${user.email}>` : user.email) : full || `user #${user.id}`;
}
