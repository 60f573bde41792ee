// Checks for single values written with units (durations, work days, dates), shared by users, templates
// and rosterform.yaml. Each returns the normalised value, or undefined after reporting why not.
import type { Weekday } from "../core/model.js";
import { formatDuration, isRealDate, parseDuration, parseWorkDays } from "../core/units.js";
import type { FileReport } from "./file-report.js";
import { fieldLabel } from "./schema-diagnostics.js";
import type { PathSegment } from "./source-tree.js";

export const HOUR = 3600;
export const DAY_SECONDS = 24 * HOUR;
export const WEEK_SECONDS = 7 * DAY_SECONDS;
/** 31 days of 24 hours. */
export const MONTH_SECONDS = 31 * DAY_SECONDS;

export function readDuration(
  value: unknown,
  path: readonly PathSegment[],
  report: FileReport,
  max?: { seconds: number; what: string },
): number | undefined {
  const label = fieldLabel(path);
  if (typeof value !== "string" && typeof value !== "number") {
    report.error(
      path,
      "duration.invalid",
      value === null
        ? `${label} has no value; write a duration such as 40h, 37h30m or a number of hours`
        : `${label} must be a duration such as 40h, 37h30m or a number of hours`,
    );
    return undefined;
  }
  const parsed = parseDuration(value);
  if ("error" in parsed) {
    const negative = typeof value === "number" ? value < 0 : value.trim().startsWith("-");
    report.error(path, negative ? "value.negative" : "duration.invalid", `${label} ${parsed.error}`);
    return undefined;
  }
  if (max && parsed.seconds > max.seconds) {
    report.error(
      path,
      "duration.too-large",
      `${label} ${formatDuration(parsed.seconds)} is more than ${max.what} has (${formatDuration(max.seconds)})`,
    );
    return undefined;
  }
  return parsed.seconds;
}

export function readWorkDays(
  value: unknown,
  path: readonly PathSegment[],
  report: FileReport,
): Weekday[] | undefined {
  const label = fieldLabel(path);
  const usable =
    typeof value === "string" ||
    (Array.isArray(value) && value.every((v): v is string => typeof v === "string"));
  if (!usable) {
    report.error(
      path,
      "workdays.invalid",
      `${label} must be days such as mon-fri, "mon,wed,fri" or [mon, wed, fri]`,
    );
    return undefined;
  }
  const parsed = parseWorkDays(value);
  if ("error" in parsed) {
    report.error(path, "workdays.invalid", `${label}: ${parsed.error}`);
    return undefined;
  }
  return parsed.days;
}

export function readDate(
  value: unknown,
  path: readonly PathSegment[],
  report: FileReport,
): string | undefined {
  const label = fieldLabel(path);
  if (typeof value !== "string") {
    report.error(path, "date.invalid", `${label} must be a date written YYYY-MM-DD, e.g. 2025-01-01`);
    return undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    report.error(
      path,
      "date.invalid",
      `${label} ${JSON.stringify(value)} is not a date; write YYYY-MM-DD, e.g. 2025-01-01`,
    );
    return undefined;
  }
  if (!isRealDate(value)) {
    report.error(
      path,
      "date.invalid",
      `${label} ${value} does not exist in the calendar; check the month and day`,
    );
    return undefined;
  }
  return value;
}
