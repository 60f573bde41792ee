// Kimai users -> user-file documents (the YAML format of users.d), only values that differ from the defaults.
import { formatDuration } from "../../core/units.js";
import type { Weekday } from "../../core/model.js";
import type { KimaiUser } from "./api.js";
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
