// Kimai users -> user-file documents (the YAML format of users.d), only values that differ from the defaults.
import { formatDuration } from "../../core/units.js";
import type { DesiredUser, Weekday } from "../../core/model.js";
import type { ImportResult } from "../../core/provider.js";
import type { KimaiUser } from "./api.js";
import { desiredRecord, isUserField, remoteRecord } from "./mapping.js";
import { ownedUser } from "./ownership.js";
import { optedOut } from "./settings.js";
import type { KimaiCapabilities } from "./versions.js";
import {
  DAY_PREFERENCES,
  INTERNAL_PREFERENCES,
  PREFERENCES,
  PREFERENCE_FIELDS,
  parseDayList,
  preferenceCanon,
  preferenceDefault,
} from "./preferences.js";

export type UserDocument = Record<string, unknown>;

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** Preferences a user file expresses through contract or rates, not through `preferences:`. */
const MAPPED: ReadonlySet<string> = new Set(Object.keys(PREFERENCE_FIELDS));

/**
 * `defaults` is rosterform.yaml's defaults block: a field equal to it is left out, a field that differs is written,
 * so that the imported files mean exactly what the server holds.
 */
export function userDocument(user: KimaiUser, defaults: Readonly<Record<string, unknown>>): UserDocument {
  const doc: UserDocument = { username: user.username, email: user.email };
  const put = (field: string, value: unknown, kimaiDefault?: unknown) => {
    if (value === null || value === undefined || value === "") return;
    if (field in defaults ? defaults[field] === value : value === kimaiDefault) return;
    doc[field] = value;
  };
  put("alias", user.alias);
  put("title", user.title);
  put("accountNumber", user.accountNumber);
  put("color", user.color);
  put("language", user.language, "en");
  put("locale", user.locale, user.language);
  put("timezone", user.timezone);
  if (!user.enabled) doc.enabled = false;
  const roles = (user.roles ?? []).filter((r) => r !== "ROLE_USER").sort();
  if (roles.length > 0) doc.roles = roles;
  if (user.supervisor) doc.supervisor = user.supervisor.username;

  const stored = new Map((user.preferences ?? []).map((p) => [p.name, p.value]));
  const isSet = (name: string) => {
    const value = stored.get(name);
    return (
      value !== undefined && preferenceCanon(name, value) !== preferenceCanon(name, preferenceDefault(name))
    );
  };
  const num = (name: string) => Number(stored.get(name));

  const rates: Record<string, number> = {};
  if (isSet("hourly_rate") && Number.isFinite(num("hourly_rate"))) rates.hourly = num("hourly_rate");
  if (isSet("internal_rate") && Number.isFinite(num("internal_rate"))) rates.internal = num("internal_rate");
  if (Object.keys(rates).length > 0) doc.rates = rates;

  const contract = contractOf(stored, isSet);
  if (contract) doc.contract = contract;

  const preferences: Record<string, string> = {};
  for (const [name, value] of stored) {
    if (MAPPED.has(name) || INTERNAL_PREFERENCES.has(name) || name.startsWith("_") || value === null)
      continue;
    if (PREFERENCES[name] && !isSet(name)) continue;
    preferences[name] = value;
  }
  if (Object.keys(preferences).length > 0) doc.preferences = preferences;
  return doc;
}

function contractOf(
  stored: ReadonlyMap<string, string | null>,
  isSet: (name: string) => boolean,
): Record<string, unknown> | undefined {
  const type = stored.get("work_contract_type") ?? "none";
  const contract: Record<string, unknown> = { type };
  const seconds = (name: string) => formatDuration(Math.round(Number(stored.get(name))));
  if (type === "week") {
    if (isSet("hours_per_week")) contract.hoursPerWeek = seconds("hours_per_week");
    if (isSet("work_days_week"))
      contract.workDays = workDays(parseDayList(stored.get("work_days_week") ?? ""));
  } else if (type === "month") {
    if (isSet("hours_per_month")) contract.hoursPerMonth = seconds("hours_per_month");
    if (isSet("work_days_month"))
      contract.workDays = workDays(parseDayList(stored.get("work_days_month") ?? ""));
  } else if (type === "day") {
    const hours: Record<string, string> = {};
    DAY_PREFERENCES.forEach((name, i) => {
      if (isSet(name)) hours[DAY_NAMES[i]!] = seconds(name);
    });
    contract.hours = hours;
  }
  if (isSet("holidays")) contract.vacationDays = Number(stored.get("holidays"));
  if (isSet("public_holiday_group")) {
    const group = stored.get("public_holiday_group") ?? "";
    contract.publicHolidayGroup = /^\d+$/.test(group) ? Number(group) : group;
  }
  if (isSet("work_start_day")) contract.start = stored.get("work_start_day");
  if (isSet("work_last_day")) contract.end = stored.get("work_last_day");
  if (type === "none" && Object.keys(contract).length === 1) return undefined;
  return contract;
}

/** `mon-fri` for a run of days, else a list. */
function workDays(days: readonly Weekday[]): string | string[] {
  const names = days.map((d) => DAY_NAMES[d - 1]!);
  const contiguous = days.length >= 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  return contiguous ? `${names[0]}-${names[names.length - 1]}` : names;
}

/** Fields of a user file whose keys import adds one by one (a file's rates.hourly stays, rates.internal is added). */
const MERGED_BY_KEY: ReadonlySet<string> = new Set(["rates", "preferences"]);

/**
 * Import into users.d as it is, matched as the plan matches (by username): Kimai users nobody declares become new
 * files; a declared person gains the fields Kimai has and the file does not say; a person Kimai does not have (or
 * has disabled while the file has them enabled) gets `kimai: false`.
 */
export function importUsers(
  users: readonly KimaiUser[],
  defaults: Readonly<Record<string, unknown>>,
  declared: readonly DesiredUser[],
  capabilities: KimaiCapabilities,
  currency?: string,
): ImportResult {
  const result: ImportResult = { added: [], merged: [], absent: [], warnings: [] };
  const byKey = new Map(users.map((u) => [u.username.toLowerCase(), u]));
  const declaredKeys = new Set(declared.map((p) => p.username.toLowerCase()));
  const byEmail = new Map(declared.map((p) => [p.email.toLowerCase(), p]));
  for (const person of declared) {
    const where = `${person.source.file}:${person.source.line}`;
    const user = byKey.get(person.username.toLowerCase());
    if (optedOut(person)) {
      if (user?.enabled) {
        result.warnings.push(
          `${where}: ${person.username} has kimai: false but is an enabled Kimai user: left as it is (the plan reports it)`,
        );
      }
      continue;
    }
    if (!user) {
      result.absent.push({ person, why: "not in Kimai" });
      continue;
    }
    if (!user.enabled && person.enabled) {
      result.absent.push({ person, why: "disabled in Kimai" });
      continue;
    }
    if (!person.enabled && user.enabled) {
      result.warnings.push(
        `${where}: ${person.username} is off-boarded (enabled: false) but enabled in Kimai: the next plan disables them there`,
      );
    }
    const fields = additions(person, user, defaults, capabilities, currency);
    // rates.hourly is Kimai's billing rate: a file's other value (another system's wage) moves to that system.
    const rate = (fields.rates as { hourly?: number } | undefined)?.hourly;
    const replace =
      rate !== undefined && person.rates?.hourly !== undefined && person.rates.hourly !== rate
        ? { rates: { hourly: rate } }
        : undefined;
    if (Object.keys(fields).length > 0)
      result.merged.push({ person, fields, ...(replace ? { replace } : {}) });
  }
  for (const user of users) {
    if (declaredKeys.has(user.username.toLowerCase())) continue;
    const sameEmail = byEmail.get(user.email.toLowerCase());
    if (sameEmail) {
      result.warnings.push(
        `${sameEmail.source.file}: Kimai user "${user.username}" has the email of ${sameEmail.username}, but Kimai matches people by username and its API cannot rename one: not imported; write username: ${user.username} in that file and import again`,
      );
      continue;
    }
    result.added.push({ username: user.username, document: userDocument(user, defaults) });
  }
  return result;
}

/** The top-level fields of the Kimai user's document the person does not declare, or declares otherwise. */
function additions(
  person: DesiredUser,
  user: KimaiUser,
  defaults: Readonly<Record<string, unknown>>,
  capabilities: KimaiCapabilities,
  currency?: string,
): Record<string, unknown> {
  const desired = desiredRecord(ownedUser(person), currency);
  const remote = remoteRecord(user, capabilities, currency);
  const top = (key: string) =>
    (isUserField(key)
      ? key
      : (desired.fields?.[key] ?? PREFERENCE_FIELDS[key] ?? `preferences.${key}`)
    ).split(".")[0]!;
  const declared = new Set<string>();
  const differing = new Set<string>();
  for (const [key, value] of Object.entries(desired.attrs)) {
    declared.add(top(key));
    if (remote.attrs[key] !== undefined && remote.attrs[key].canon !== value.canon) differing.add(top(key));
  }
  const doc = userDocument(user, defaults);
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(doc)) {
    if (field === "username" || field === "email" || field === "enabled") continue;
    if ((person.ignore as readonly string[] | undefined)?.includes(field)) continue;
    if (!declared.has(field) || differing.has(field) || MERGED_BY_KEY.has(field)) fields[field] = value;
  }
  // An alias Kimai keeps empty while the file's name would set one.
  if (differing.has("alias") && fields.alias === undefined) fields.alias = user.alias ?? "";
  return fields;
}
