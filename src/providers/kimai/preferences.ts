// Kimai's preference catalogue (kimai-api.md §7): defaults and how each value compares and reads.
import { formatDuration, formatMoney, formatWorkDays } from "../../core/units.js";
import type { Weekday } from "../../core/model.js";

export type PreferenceKind = "seconds" | "money" | "number" | "days" | "date" | "text";

export interface PreferenceSpec {
  kind: PreferenceKind;
  /** The value Kimai assumes when the preference is not stored. */
  default: string | null;
  /** Exists only with the Working contract plugin (404 on a core-only server). */
  plugin?: boolean;
}

export const DAY_PREFERENCES = [
  "work_monday",
  "work_tuesday",
  "work_wednesday",
  "work_thursday",
  "work_friday",
  "work_saturday",
  "work_sunday",
] as const;

export const PREFERENCES: Readonly<Record<string, PreferenceSpec>> = {
  hourly_rate: { kind: "money", default: "0" },
  internal_rate: { kind: "money", default: null },
  first_weekday: { kind: "text", default: "monday" },
  favorite_routes: { kind: "text", default: "" },
  work_contract_type: { kind: "text", default: "none" },
  ...Object.fromEntries(DAY_PREFERENCES.map((d) => [d, { kind: "seconds", default: "0" } as PreferenceSpec])),
  holidays: { kind: "number", default: "0" },
  public_holiday_group: { kind: "text", default: null },
  work_start_day: { kind: "date", default: null },
  work_last_day: { kind: "date", default: null },
  hours_per_week: { kind: "seconds", default: "0", plugin: true },
  hours_per_month: { kind: "seconds", default: "0", plugin: true },
  work_days_week: { kind: "days", default: "", plugin: true },
  work_days_month: { kind: "days", default: "", plugin: true },
};

const DAY_FIELDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * Preferences a user file sets through `contract` or `rates`, by the YAML field that sets them (what a plan shows
 * people; `preferences.<name>` sets any other).
 */
export const PREFERENCE_FIELDS: Readonly<Record<string, string>> = {
  hourly_rate: "rates.hourly",
  internal_rate: "rates.internal",
  work_contract_type: "contract.type",
  hours_per_week: "contract.hoursPerWeek",
  hours_per_month: "contract.hoursPerMonth",
  work_days_week: "contract.workDays",
  work_days_month: "contract.workDays",
  ...Object.fromEntries(DAY_PREFERENCES.map((d, i) => [d, `contract.hours.${DAY_FIELDS[i]!}`])),
  holidays: "contract.vacationDays",
  public_holiday_group: "contract.publicHolidayGroup",
  work_start_day: "contract.start",
  work_last_day: "contract.end",
};

/** The 12 core work-contract preferences (WorkContractPreferenceSubscriber, Kimai 2.61+ on every user). */
export const CONTRACT_PREFERENCES: ReadonlySet<string> = new Set([
  "work_contract_type",
  ...DAY_PREFERENCES,
  "holidays",
  "public_holiday_group",
  "work_start_day",
  "work_last_day",
]);

/**
 * Core preferences every user has but the API never lists (User::getVisiblePreferences() skips them);
 * language, locale and timezone are user fields instead.
 */
export const HIDDEN_PREFERENCES: ReadonlySet<string> = new Set([
  "skin",
  "calendar_initial_view",
  "login_initial_view",
  "update_browser_title",
  "daily_stats",
  "export_decimal",
]);

/** Preferences Kimai keeps for itself: never exported by import, never declared. LDAP stores `ldap_dn`. */
export const INTERNAL_PREFERENCES: ReadonlySet<string> = new Set(["ldap_dn"]);

/** Contract types that need the Working contract plugin. */
export const PLUGIN_CONTRACT_TYPES = new Set(["week", "month"]);

/** The bundle name /api/plugins reports for the Working contract plugin. */
export const WORK_CONTRACT_BUNDLE = "WorkContractBundle";

/** Kimai normalises `.` and `-` in preference names to `_`. */
export function normalizePreferenceName(name: string): string {
  return name.replace(/[.-]/g, "_");
}

function specOf(name: string): PreferenceSpec {
  return PREFERENCES[name] ?? { kind: "text", default: null };
}

export function preferenceDefault(name: string): string | null {
  return specOf(name).default;
}

/** Equal canon = Kimai holds the same value: numbers numerically, day lists as sets, unset = "". */
export function preferenceCanon(name: string, value: string | null): string {
  if (value === null || value === "") return "";
  const kind = specOf(name).kind;
  if (kind === "seconds" || kind === "number" || kind === "money") {
    const n = Number(value);
    return Number.isFinite(n) ? String(n) : value;
  }
  if (kind === "days") return parseDayList(value).join(",");
  return value;
}

/** How a value reads in a plan: durations like every duration, money as money (with the target's currency). */
export function preferenceHuman(name: string, value: string | null, currency?: string): string {
  if (value === null || value === "") return "(unset)";
  const kind = specOf(name).kind;
  if (kind === "money") {
    const n = Number(value);
    return Number.isFinite(n) ? formatMoney(n, currency) : JSON.stringify(value);
  }
  if (kind === "seconds") {
    const n = Number(value);
    return Number.isFinite(n) && n >= 0 && Number.isInteger(n) ? formatDuration(n) : JSON.stringify(value);
  }
  if (kind === "days") return formatWorkDays(parseDayList(value));
  if (kind === "text") return JSON.stringify(value);
  return value;
}

export function parseDayList(value: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of value.split(",")) {
    const n = Number(part.trim());
    if (Number.isInteger(n) && n >= 1 && n <= 7) days.add(n as Weekday);
  }
  return [...days].sort((a, b) => a - b);
}
