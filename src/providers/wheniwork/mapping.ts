// Desired users <-> comparable records, in When I Work's names and units (float hours, ids for positions).
import { createHash } from "node:crypto";
import type { DesiredUser, WhenIWorkSettings } from "../../core/model.js";
import type { AttrValue } from "../../core/plan.js";
import { attr, type DesiredRecord, type RemoteRecord } from "../../core/records.js";
import { ROLE_CODES, ROLE_NAMES, type WiwNamed, type WiwUser } from "./api.js";

/** Catalogue lookups: id -> name for display, name -> live ids for resolution. */
export interface Catalog {
  positions: WiwNamed[];
  locations: WiwNamed[];
}

/** When I Work keeps hours as floats; compare to the hundredth of an hour. */
export function hoursAttr(hours: number): AttrValue {
  const rounded = Math.round(hours * 100) / 100;
  return attr(rounded, `${rounded}h`, String(rounded));
}

function text(value: string): AttrValue {
  return attr(value, JSON.stringify(value), value);
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

export function settingsOf(user: DesiredUser): WhenIWorkSettings {
  return user.wheniwork === false || user.wheniwork === undefined ? {} : user.wheniwork;
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

export function desiredRecord(user: DesiredUser, catalog: Catalog, errors: string[]): DesiredRecord {
  const where = user.source.file;
  const s = settingsOf(user);
  const attrs: Record<string, AttrValue> = { email: attr(user.email, user.email, user.email.toLowerCase()) };
  if (user.name) {
    attrs.first_name = text(user.name.first);
    attrs.last_name = text(user.name.last);
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
  if (user.rates?.hourly !== undefined) attrs.hourly_rate = hoursAttr(user.rates.hourly);
  return {
    key: user.username.toLowerCase(),
    name: user.username,
    enabled: user.enabled,
    attrs,
    source: where,
  };
}

export function nameMap(items: readonly WiwNamed[]): Map<number, string> {
  return new Map(items.map((i) => [i.id, i.is_deleted ? `${i.name} (deleted)` : i.name]));
}

export function remoteRecord(user: WiwUser, key: string, name: string, catalog: Catalog): RemoteRecord {
  const attrs: Record<string, AttrValue> = {
    email: user.email ? attr(user.email, user.email, user.email.toLowerCase()) : attr(null, "(hidden)", ""),
    first_name: text(user.first_name),
    last_name: text(user.last_name),
    employee_code: text(user.employee_code),
    role: roleAttr(user.role),
    employment_type: text(user.employment_type ?? ""),
    positions: idsAttr(user.positions, nameMap(catalog.positions)),
    locations: idsAttr(user.locations, nameMap(catalog.locations)),
    hours_max: hoursAttr(user.hours_max),
    hours_preferred: hoursAttr(user.hours_preferred),
    hourly_rate: hoursAttr(user.hourly_rate),
  };
  return {
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
