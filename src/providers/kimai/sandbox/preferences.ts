// The user preference catalogue and PrepareUserEvent: which preferences a user has in memory during a
// request, which are enabled, and which the API shows (src/EventSubscriber/UserPreferenceSubscriber.php,
// WorkContractPreferenceSubscriber.php, User::getVisiblePreferences()).

import { DEFAULT_LANGUAGE, DEFAULT_SKIN, SERVER_TIMEZONE } from "./constants.js";
import type { UserRecord } from "./model.js";
import type { Access } from "./permissions.js";
import type { KimaiFeatures } from "./versions.js";

/**
 * How a user's preferences are prepared for this response:
 * - stored: not prepared at all (list items, other users on PATCH): exactly the stored rows, all enabled;
 * - booting: PrepareUserEvent(booting) (GET one, /me, the caller on every request): core defaults added;
 * - full: PrepareUserEvent(booting=false) (preferences PATCH): core + work-contract defaults added;
 * - created: UserCreateEvent: stored rows, work-contract ones enabled only with the contract permission.
 */
export type PrepareMode = "stored" | "booting" | "full" | "created";

export interface PreparedPreference {
  name: string;
  value: string | null;
  enabled: boolean;
}

const RATE_NAMES = new Set(["hourly_rate", "internal_rate"]);
/** Yes/no preferences: UserPreference::setValue stores them as "0"/"1". */
export const YES_NO_NAMES: ReadonlySet<string> = new Set([
  "update_browser_title",
  "daily_stats",
  "export_decimal",
]);

const CORE_DEFAULTS: ReadonlyArray<readonly [string, string | null]> = [
  ["hourly_rate", "0"],
  ["internal_rate", null],
  ["timezone", SERVER_TIMEZONE],
  ["language", DEFAULT_LANGUAGE],
  ["locale", DEFAULT_LANGUAGE],
  ["first_weekday", "monday"],
  ["skin", DEFAULT_SKIN],
  ["update_browser_title", "1"],
  ["calendar_initial_view", "month"],
  ["login_initial_view", "timesheet"],
  ["favorite_routes", ""],
  // `false` assigned to the ?string value property becomes "".
  ["daily_stats", ""],
  ["export_decimal", ""],
];

export const WORK_CONTRACT_DEFAULTS: ReadonlyArray<readonly [string, string | null]> = [
  ["work_contract_type", "none"],
  ["work_monday", "0"],
  ["work_tuesday", "0"],
  ["work_wednesday", "0"],
  ["work_thursday", "0"],
  ["work_friday", "0"],
  ["work_saturday", "0"],
  ["work_sunday", "0"],
  ["public_holiday_group", null],
  ["holidays", "0"],
  ["work_start_day", null],
  ["work_last_day", null],
];

/** Names only the Working contract plugin registers (defaults are the sandbox's choice). */
export const PLUGIN_DEFAULTS: ReadonlyArray<readonly [string, string | null]> = [
  ["hours_per_week", "0"],
  ["hours_per_month", "0"],
  ["work_days_week", null],
  ["work_days_month", null],
];

/** Hidden from the API's preferences list (besides "_" names and disabled ones). */
const HIDDEN = new Set([
  "timezone",
  "locale",
  "language",
  "skin",
  "calendar_initial_view",
  "login_initial_view",
  "update_browser_title",
  "daily_stats",
  "export_decimal",
]);

/** UserPreference::matches(): "." and "-" count as "_". */
export function normalizePreferenceName(name: string): string {
  return name.replace(/[.-]/g, "_");
}

/**
 * The contract rows Kimai adds in memory (and stores on create). Before 2.61 core adds none: the 12 rows
 * exist only on users whose contract was saved in the UI (seed `contractSaved`).
 */
export function contractDefaults(
  workContractPlugin: boolean,
  features: KimaiFeatures,
): ReadonlyArray<readonly [string, string | null]> {
  const core = features.contractOnEveryUser ? WORK_CONTRACT_DEFAULTS : [];
  return workContractPlugin ? [...core, ...PLUGIN_DEFAULTS] : core;
}

export interface PrepareContext {
  access: Access;
  caller: UserRecord;
  workContractPlugin: boolean;
  features: KimaiFeatures;
}

/** The user's in-memory preference rows for a mode, in Kimai's order (stored rows first, then added defaults). */
export function preparePreferences(
  user: UserRecord,
  mode: PrepareMode,
  ctx: PrepareContext,
): PreparedPreference[] {
  const rows = new Map<string, PreparedPreference>();
  for (const [name, value] of user.preferences) rows.set(name, { name, value, enabled: true });
  if (mode === "stored") return [...rows.values()];

  const contract = contractDefaults(ctx.workContractPlugin, ctx.features);
  if (mode === "full" || mode === "created") {
    // Since 2.63 the rows are disabled without the contract permission; before, always enabled.
    const canEditContract =
      !ctx.features.contractPermission || ctx.access.userVote("contract", user, ctx.caller);
    for (const [name, value] of contract) {
      const row = rows.get(name) ?? { name, value, enabled: true };
      row.enabled = canEditContract;
      rows.set(name, row);
    }
  }
  if (mode === "booting" || mode === "full") {
    const rateEnabled = ctx.access.userVote("hourly-rate", user, ctx.caller);
    for (const [name, value] of CORE_DEFAULTS) {
      const row = rows.get(name) ?? { name, value, enabled: true };
      row.enabled = RATE_NAMES.has(name) ? rateEnabled : true;
      rows.set(name, row);
    }
  }
  return [...rows.values()];
}

/** User::getVisiblePreferences(); "_" names are hidden since 2.45. */
export function isVisiblePreference(pref: PreparedPreference, features: KimaiFeatures): boolean {
  return pref.enabled && !(features.emailInJson && pref.name.startsWith("_")) && !HIDDEN.has(pref.name);
}

/** UserPreference::setValue(): yes/no rows become "0"/"1"; other scalars are kept; arrays are ignored. */
export function coercePreferenceValue(name: string, value: unknown, previous: string | null): string | null {
  if (YES_NO_NAMES.has(name)) return value === null || value === "" || typeof value === "object" ? "0" : "1";
  if (value === null) return null;
  if (typeof value === "string") return value;
  return previous;
}
