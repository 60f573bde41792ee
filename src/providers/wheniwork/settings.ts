// The `wheniwork:` block of a user file (and of rosterform.yaml's defaults): its model type and how it is read
// beyond the JSON Schema (durations and dates in human units). Names here are rosterform's, not the API's.
import type { FileReport } from "../../config/file-report.js";
import type { PathSegment } from "../../config/source-tree.js";
import { isRecord } from "../../config/source-tree.js";
import { readServerUrl } from "../../config/target-rules.js";
import { HOUR, WEEK_SECONDS, readDate, readDuration } from "../../config/value-rules.js";

export type WhenIWorkRole = "admin" | "manager" | "supervisor" | "employee";
export type WhenIWorkEmployment = "hourly" | "hourly_exempt" | "salaried" | "salaried_exempt" | "shareholder";

export interface WhenIWorkSettings {
  /** Overrides the file's `name` in When I Work. */
  name?: { first: string; last: string };
  role?: WhenIWorkRole;
  positions?: string[];
  locations?: string[];
  employment?: WhenIWorkEmployment;
  /** hours per week (float hours, When I Work's unit) */
  hoursMax?: number;
  /** hours per week; defaults to the contract's weekly hours when absent */
  hoursPreferred?: number;
  employeeCode?: string;
  phone?: string;
  /** Manager notes (supervisors and above see them). */
  notes?: string;
  /** Hidden from the scheduler. */
  hidden?: boolean;
  /** Included in payroll. */
  payroll?: boolean;
  /** Hides email and phone from co-workers. */
  private?: boolean;
  /** May edit their own timesheet. */
  trusted?: boolean;
  /** YYYY-MM-DD */
  startDate?: string;
  /** Base hourly rate (money) in When I Work when it differs from rates.hourly. */
  hourlyRate?: number;
  /** Position name → extra hourly rate on top of rates.hourly (money, the account's currency). */
  positionRates?: Record<string, number>;
}

/** targets.wheniwork in rosterform.yaml. */
export interface WhenIWorkTargetConfig {
  url?: string;
  invite: boolean;
  /** Printed after amounts (When I Work stores none), e.g. EUR. */
  currency?: string;
  /** What archiving a user does to their future shifts: open (become open shifts, the API default) or delete. */
  futureShifts: "open" | "delete";
}

export function readWhenIWorkTarget(
  raw: Record<string, unknown>,
  path: readonly PathSegment[],
  report: FileReport,
): WhenIWorkTargetConfig {
  const wheniwork: WhenIWorkTargetConfig = {
    invite: raw.invite === true,
    futureShifts: isRecord(raw.archive) && raw.archive.futureShifts === "delete" ? "delete" : "open",
  };
  if (typeof raw.currency === "string") wheniwork.currency = raw.currency;
  const url = readServerUrl(raw.url, [...path, "url"], report, "WHENIWORK_TOKEN");
  if (url !== undefined) wheniwork.url = url;
  return wheniwork;
}

/** A person's `wheniwork:` block as read (absent or opted out: no settings). */
export function settingsOf(user: { targets?: Record<string, unknown> }): WhenIWorkSettings {
  const block = user.targets?.wheniwork;
  return block === false || block === undefined ? {} : (block as WhenIWorkSettings);
}

/** `wheniwork: false`: this person is kept out of When I Work. */
export function optedOut(user: { targets?: Record<string, unknown> }): boolean {
  return user.targets?.wheniwork === false;
}

const FLAGS = ["hidden", "payroll", "private", "trusted"] as const;
const TEXTS = ["employeeCode", "phone", "notes"] as const;

export function readWhenIWorkSettings(
  raw: Record<string, unknown>,
  path: readonly PathSegment[],
  report: FileReport,
): WhenIWorkSettings {
  const out: WhenIWorkSettings = {};
  if (isRecord(raw.name) && typeof raw.name.first === "string" && typeof raw.name.last === "string") {
    out.name = { first: raw.name.first, last: raw.name.last };
  }
  if (typeof raw.role === "string") out.role = raw.role as WhenIWorkRole;
  if (typeof raw.employment === "string") out.employment = raw.employment as WhenIWorkEmployment;
  for (const field of TEXTS) {
    const value = raw[field];
    if (typeof value === "string") out[field] = value;
  }
  for (const field of FLAGS) {
    const value = raw[field];
    if (typeof value === "boolean") out[field] = value;
  }
  for (const field of ["positions", "locations"] as const) {
    const value = raw[field];
    if (Array.isArray(value))
      out[field] = [...new Set(value.filter((v): v is string => typeof v === "string"))];
  }
  for (const field of ["hoursMax", "hoursPreferred"] as const) {
    if (raw[field] === undefined) continue;
    const seconds = readDuration(raw[field], [...path, field], report, {
      seconds: WEEK_SECONDS,
      what: "a week",
    });
    if (seconds !== undefined) out[field] = seconds / HOUR;
  }
  if (raw.startDate !== undefined) {
    const date = readDate(raw.startDate, [...path, "startDate"], report);
    if (date !== undefined) out.startDate = date;
  }
  if (typeof raw.hourlyRate === "number" && Number.isFinite(raw.hourlyRate)) out.hourlyRate = raw.hourlyRate;
  if (isRecord(raw.positionRates)) {
    const rates: Record<string, number> = {};
    for (const [name, rate] of Object.entries(raw.positionRates)) {
      if (typeof rate === "number" && Number.isFinite(rate) && rate >= 0) rates[name] = rate;
    }
    out.positionRates = rates;
  }
  return out;
}
