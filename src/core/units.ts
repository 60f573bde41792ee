// Human units shared by config loading and rendering: durations (whole seconds), weekdays (1 = Monday) and dates.
import type { Weekday } from "./model.js";

export type DurationResult = { seconds: number } | { error: string };
export type WorkDaysResult = { days: Weekday[] } | { error: string };

const DURATION_HINT = "write 40h, 37h30m or a number of hours";
const HOURS_ONLY = /^\d+(?:\.\d+)?$/;
// "7h30m", "450m", "144000s", "1h 30m", "7.5h": each unit at most once, in h-m-s order.
const UNITS = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/i;
const CLOCK = /^(\d+):([0-5]\d)$/;

/** A bare number (or numeric string) is hours; strings may carry units h, m, s. Rounded to whole seconds. */
export function parseDuration(value: string | number): DurationResult {
  if (typeof value === "number") return hoursToSeconds(value, String(value));
  const text = value.trim();
  const shown = JSON.stringify(value);
  if (text.startsWith("-"))
    return { error: `${shown} is negative; a duration is 0 or more (${DURATION_HINT})` };
  if (HOURS_ONLY.test(text)) return hoursToSeconds(Number(text), shown);
  const clock = CLOCK.exec(text);
  if (clock) return checked(Number(clock[1]) * 3600 + Number(clock[2]) * 60, shown);
  const units = UNITS.exec(text);
  if (text === "" || !units || (units[1] === undefined && units[2] === undefined && units[3] === undefined)) {
    return { error: `${shown} is not a duration; ${DURATION_HINT}` };
  }
  const [h, m, s] = [units[1], units[2], units[3]].map((part) => (part === undefined ? 0 : Number(part)));
  return checked((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0), shown);
}

function hoursToSeconds(hours: number, shown: string): DurationResult {
  if (!Number.isFinite(hours)) return { error: `${shown} is not a duration; ${DURATION_HINT}` };
  if (hours < 0) return { error: `${shown} is negative; a duration is 0 or more (${DURATION_HINT})` };
  return checked(hours * 3600, shown);
}

function checked(seconds: number, shown: string): DurationResult {
  const rounded = Math.round(seconds);
  if (!Number.isSafeInteger(rounded)) return { error: `${shown} is too large to be a duration` };
  return { seconds: rounded };
}

/** Canonical form: 40h, 37h30m, 45m, 7h30m15s, 0h. parseDuration(formatDuration(s)) === s for whole s >= 0. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  let rest = Math.round(Math.abs(seconds));
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  let out = "";
  if (h > 0) out += `${h}h`;
  if (m > 0) out += `${m}m`;
  if (s > 0) out += `${s}s`;
  return sign + (out === "" ? "0h" : out);
}

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const FULL_DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DAYS_HINT = "write mon, tue, wed, thu, fri, sat or sun, a range like mon-fri, or a list";

/** The weekday for "mon", "Monday", "thurs"…, or undefined. */
export function parseWeekday(token: string): Weekday | undefined {
  const t = token.trim().toLowerCase();
  if (t.length < 3) return undefined;
  // A prefix of a full name of at least three letters is unambiguous: "tues", "thur", "wednes".
  const index = FULL_DAY_NAMES.findIndex((full) => full.startsWith(t));
  return index < 0 ? undefined : ((index + 1) as Weekday);
}

/** "mon-fri", "mon,wed,fri", "Mon–Wed, Fri", ["mon", "tue"], "none" → sorted unique weekdays. */
export function parseWorkDays(value: string | string[]): WorkDaysResult {
  const tokens = typeof value === "string" ? value.split(",") : value;
  if (typeof value === "string" && value.trim().toLowerCase() === "none") return { days: [] };
  if (typeof value === "string" && value.trim() === "") {
    return { error: `no work days given; ${DAYS_HINT}, or none` };
  }
  const days = new Set<Weekday>();
  for (const raw of tokens) {
    if (typeof raw !== "string") return { error: `${JSON.stringify(raw)} is not a day; ${DAYS_HINT}` };
    const token = raw.trim();
    const range = /^([^-–\s]+)\s*[-–]\s*([^-–\s]+)$/.exec(token);
    if (range) {
      const from = parseWeekday(range[1] ?? "");
      const to = parseWeekday(range[2] ?? "");
      if (from === undefined || to === undefined) {
        return { error: `${JSON.stringify(token)} is not a range of days; ${DAYS_HINT}` };
      }
      if (from > to) {
        return { error: `${JSON.stringify(token)} runs backwards; ranges go Monday to Sunday, e.g. mon-fri` };
      }
      for (let d = from; d <= to; d++) days.add(d as Weekday);
      continue;
    }
    const day = parseWeekday(token);
    if (day === undefined) return { error: `${JSON.stringify(token)} is not a day; ${DAYS_HINT}` };
    days.add(day);
  }
  return { days: [...days].sort((a, b) => a - b) };
}

/** "Mon–Fri" for runs of three or more days, else "Mon, Wed, Fri"; no days = "none". */
export function formatWorkDays(days: readonly Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 0) return "none";
  const label = (d: Weekday): string => {
    const name = DAY_NAMES[d - 1] ?? String(d);
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const first = sorted[i] as Weekday;
    const last = sorted[j] as Weekday;
    if (j - i >= 2) {
      parts.push(`${label(first)}–${label(last)}`);
    } else {
      for (let k = i; k <= j; k++) parts.push(label(sorted[k] as Weekday));
    }
    i = j + 1;
  }
  return parts.join(", ");
}

/** True for an ISO YYYY-MM-DD date that exists (2024-02-29 yes, 2025-02-30 no). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Float hours (When I Work's unit) in the same form as every other duration: 38.5 → 38h30m. */
export function formatHours(hours: number): string {
  return formatDuration(hours * 3600);
}

/** Money as money, never as hours: 85, 85.5, or `85 EUR` with the currency a target declares. */
export function formatMoney(amount: number, currency?: string): string {
  const shown = String(Math.round(amount * 10_000) / 10_000);
  return currency ? `${shown} ${currency}` : shown;
}
