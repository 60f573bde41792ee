// Desired users <-> comparable records, in Kimai's names and units (design §2).
import { createHash } from "node:crypto";
import type { Contract, DesiredUser } from "../../core/model.js";
import { address } from "../../core/address.js";
import { USER_KIND } from "../../core/kinds.js";
import type { AttrValue } from "../../core/plan.js";
import { attr, type DesiredRecord, type RemoteRecord } from "../../core/records.js";
import type { KimaiUser } from "./api.js";
import type { KimaiCapabilities } from "./versions.js";
import {
  DAY_PREFERENCES,
  PREFERENCES,
  PREFERENCE_FIELDS,
  normalizePreferenceName,
  preferenceCanon,
  preferenceDefault,
  preferenceHuman,
} from "./preferences.js";

/** Attributes that are fields of the user entity; every other attribute is a preference. */
export const USER_FIELDS = [
  "email",
  "alias",
  "title",
  "accountNumber",
  "color",
  "language",
  "locale",
  "timezone",
  "roles",
  "supervisor",
] as const;
const USER_FIELD_SET = new Set<string>(USER_FIELDS);

export function isUserField(key: string): boolean {
  return USER_FIELD_SET.has(key) || key === "enabled";
}

/** Kimai keeps at most this many characters and silently cuts the rest. */
export const TRUNCATED_AT: Readonly<Record<string, number>> = { alias: 60, title: 50, accountNumber: 30 };

function text(value: string): AttrValue {
  return attr(value, JSON.stringify(value), value);
}

function optionalText(value: string | null): AttrValue {
  return value === null || value === "" ? attr(null, "(unset)", "") : text(value);
}

function rolesAttr(roles: readonly string[]): AttrValue {
  const sorted = [...new Set(roles.filter((r) => r !== "ROLE_USER"))].sort();
  return attr(sorted, sorted.length ? sorted.join(", ") : "(none)", sorted.join(","));
}

function supervisorAttr(username: string | null): AttrValue {
  if (username === null) return attr(null, "(none)", "");
  const key = username.toLowerCase();
  return attr(username, username, key, [address("kimai", USER_KIND.kind, key)]);
}

export function preferenceAttr(name: string, value: string | null, currency?: string): AttrValue {
  return attr(value, preferenceHuman(name, value, currency), preferenceCanon(name, value));
}

/** The preferences a contract sets, by Kimai name. */
export function contractPreferences(contract: Contract): Record<string, string> {
  const prefs: Record<string, string> = { work_contract_type: contract.type };
  if (contract.type === "week") {
    if (contract.hoursPerWeek !== undefined) prefs.hours_per_week = String(contract.hoursPerWeek);
    if (contract.workDays) prefs.work_days_week = contract.workDays.join(",");
  } else if (contract.type === "month") {
    if (contract.hoursPerMonth !== undefined) prefs.hours_per_month = String(contract.hoursPerMonth);
    if (contract.workDays) prefs.work_days_month = contract.workDays.join(",");
  } else if (contract.type === "day" && contract.hours) {
    DAY_PREFERENCES.forEach((name, i) => {
      prefs[name] = String(contract.hours?.[(i + 1) as 1] ?? 0);
    });
  }
  if (contract.vacationDays !== undefined) prefs.holidays = String(contract.vacationDays);
  if (contract.publicHolidayGroup !== undefined)
    prefs.public_holiday_group = String(contract.publicHolidayGroup);
  if (contract.start !== undefined) prefs.work_start_day = contract.start;
  if (contract.end !== undefined) prefs.work_last_day = contract.end;
  return prefs;
}

/** Every preference the user declares, by Kimai name: contract, rates, then the raw escape hatch (which wins). */
export function declaredPreferences(user: DesiredUser): Record<string, string> {
  return Object.fromEntries(Object.entries(declaredPreferenceFields(user)).map(([n, p]) => [n, p.value]));
}

/** Each declared preference with the YAML field that declares it (`contract.vacationDays`, `preferences.x`). */
function declaredPreferenceFields(user: DesiredUser): Record<string, { value: string; field: string }> {
  const prefs: Record<string, { value: string; field: string }> = {};
  const set = (name: string, value: string, field = PREFERENCE_FIELDS[name] ?? name) =>
    (prefs[name] = { value, field });
  for (const [name, value] of Object.entries(user.contract ? contractPreferences(user.contract) : {}))
    set(name, value);
  if (user.rates?.hourly !== undefined) set("hourly_rate", String(user.rates.hourly));
  if (user.rates?.internal !== undefined) set("internal_rate", String(user.rates.internal));
  for (const [name, value] of Object.entries(user.preferences ?? {}))
    set(normalizePreferenceName(name), value, `preferences.${name}`);
  return prefs;
}

/** `currency`: targets.kimai.currency, printed after amounts (Kimai keeps rates without one). */
export function desiredRecord(user: DesiredUser, currency?: string): DesiredRecord {
  const attrs: Record<string, AttrValue> = { email: attr(user.email, user.email, user.email.toLowerCase()) };
  if (user.alias !== undefined) attrs.alias = text(user.alias);
  if (user.title !== undefined) attrs.title = text(user.title);
  if (user.accountNumber !== undefined) attrs.accountNumber = text(user.accountNumber);
  if (user.color !== undefined) attrs.color = text(user.color);
  if (user.language !== undefined) attrs.language = text(user.language);
  if (user.locale !== undefined) attrs.locale = text(user.locale);
  if (user.timezone !== undefined) attrs.timezone = text(user.timezone);
  if (user.roles !== undefined) attrs.roles = rolesAttr(user.roles);
  if (user.supervisor !== undefined) attrs.supervisor = supervisorAttr(user.supervisor);
  const fields: Record<string, string> = {};
  for (const [name, { value, field }] of Object.entries(declaredPreferenceFields(user))) {
    attrs[name] = preferenceAttr(name, value, currency);
    if (field !== name) fields[name] = field;
  }
  return {
    kind: USER_KIND.kind,
    key: user.username.toLowerCase(),
    name: user.username,
    enabled: user.enabled,
    attrs,
    fields,
    ...(user.contract?.template !== undefined ? { contract: user.contract.template } : {}),
    source: user.source.file,
  };
}

export function remoteRecord(
  user: KimaiUser,
  capabilities?: KimaiCapabilities,
  currency?: string,
): RemoteRecord {
  const attrs: Record<string, AttrValue> = {
    email: attr(user.email, user.email, user.email.toLowerCase()),
    alias: optionalText(user.alias),
    title: optionalText(user.title),
    accountNumber: optionalText(user.accountNumber),
    color: optionalText(user.color),
    language: optionalText(user.language),
    locale: optionalText(user.locale),
    timezone: optionalText(user.timezone),
    roles: rolesAttr(user.roles ?? []),
    supervisor: supervisorAttr(user.supervisor ? user.supervisor.username : null),
  };
  // Kimai 2.45 sends a generated display colour: unknown, so never compared.
  if (capabilities && !capabilities.readsColor) delete attrs.color;
  for (const name of Object.keys(PREFERENCES))
    attrs[name] = preferenceAttr(name, preferenceDefault(name), currency);
  for (const p of user.preferences ?? []) attrs[p.name] = preferenceAttr(p.name, p.value, currency);
  return {
    kind: USER_KIND.kind,
    key: user.username.toLowerCase(),
    name: user.username,
    id: user.id,
    enabled: user.enabled,
    attrs,
    fingerprint: fingerprint(user),
    ...(user.systemAccount ? { system: true } : {}),
  };
}

/** Hash of everything rosterform compares: a saved plan is stale when it differs at apply time. */
export function fingerprint(user: KimaiUser): string {
  const prefs = [...(user.preferences ?? [])]
    .map((p) => [p.name, p.value] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const state = [
    user.id,
    user.username,
    user.enabled,
    user.email,
    user.alias,
    user.title,
    user.accountNumber,
    user.color,
    user.language,
    user.locale,
    user.timezone,
    [...(user.roles ?? [])].sort(),
    user.supervisor ? user.supervisor.id : null,
    prefs,
  ];
  return createHash("sha256").update(JSON.stringify(state)).digest("hex").slice(0, 16);
}
