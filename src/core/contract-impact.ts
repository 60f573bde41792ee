// Pure: what a contract change does to the past. Kimai keeps one contract per person and computes the expected
// hours of every day that is not locked (approved) from the contract as it is *now*, between the contract's start
// and end days and up to today. So changing a contract rewrites the expected hours, and with them the overtime
// balance, of every unlocked past day. This module computes that figure, month by month, from the old and the
// new contract, before anyone applies the change.
//
// What it leaves out: public holidays of a holiday group (the API does not expose them), and days whose working
// time was approved (locked): the API does not expose those either, so `lockedThrough` is what the admin declares.
import type { Contract, Weekday } from "./model.js";

export interface MonthImpact {
  /** YYYY-MM */
  month: string;
  /** Expected seconds in that month (up to the last day counted) under the contract the server has. */
  before: number;
  /** The same under the new contract. */
  after: number;
}

export interface VacationImpact {
  year: number;
  before: number;
  after: number;
  /** after - before, in days; Kimai's entitlement is yearly, so it changes for the whole year. */
  delta: number;
}

export interface ContractImpact {
  /** YYYY-MM-DD: the first day Kimai recalculates. */
  from: string;
  /** YYYY-MM-DD: the last day counted (the apply date). */
  to: string;
  /** Every month from `from` to `to`. */
  months: MonthImpact[];
  /** Totals over `months`, in seconds. */
  before: number;
  after: number;
  /** after - before: the expected hours Kimai adds (negative: removes); the overtime balance moves by -delta. */
  delta: number;
  /**
   * true when neither contract has a start date and nothing is declared locked: Kimai then recalculates every
   * earlier year too; the figure covers the year of the apply date only.
   */
  openStart: boolean;
  /** Set when the yearly vacation entitlement changes. */
  vacation?: VacationImpact;
}

export interface ImpactInput {
  /** The contract the server holds now (undefined: none, which Kimai treats as type none). */
  before: Contract | undefined;
  after: Contract;
  /** YYYY-MM-DD: the day the change is applied; Kimai counts expected hours up to and including it. */
  until: string;
  /** YYYY-MM: the last month locked in Kimai (approved working times); later months are recalculated. */
  lockedThrough?: string;
}

const DAY_MS = 86_400_000;

/** The impact of replacing `before` by `after` on `until`, or undefined when no past day changes. */
export function contractImpact(input: ImpactInput): ContractImpact | undefined {
  const { before, after, until } = input;
  const vacation = vacationImpact(before, after, until);
  const lockStart = input.lockedThrough ? firstDayAfterMonth(input.lockedThrough) : undefined;
  const starts = [before?.start, after.start].filter((s): s is string => s !== undefined);
  // Days before both contracts' start count under neither, so they cannot change.
  const contractStart = starts.length === 2 ? min(starts[0]!, starts[1]!) : undefined;
  const openStart = starts.length < 2 && lockStart === undefined;
  const base = contractStart ?? lockStart ?? `${until.slice(0, 4)}-01-01`;
  const from = lockStart !== undefined && lockStart > base ? lockStart : base;

  const months: MonthImpact[] = [];
  let changed = false;
  if (from <= until) {
    for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${until}T00:00:00Z`); t <= end;) {
      const month = new Date(t).toISOString().slice(0, 7);
      const row: MonthImpact = { month, before: 0, after: 0 };
      for (; t <= end && new Date(t).toISOString().slice(0, 7) === month; t += DAY_MS) {
        const day = new Date(t).toISOString().slice(0, 10);
        const b = expectedOn(before, day);
        const a = expectedOn(after, day);
        row.before += b;
        row.after += a;
        if (a !== b) changed = true;
      }
      months.push(row);
    }
  }
  if (!changed && !vacation) return undefined;
  const totalBefore = months.reduce((s, m) => s + m.before, 0);
  const totalAfter = months.reduce((s, m) => s + m.after, 0);
  return {
    from,
    to: until,
    months: changed ? months : [],
    before: changed ? totalBefore : 0,
    after: changed ? totalAfter : 0,
    delta: changed ? totalAfter - totalBefore : 0,
    openStart: changed && openStart,
    ...(vacation ? { vacation } : {}),
  };
}

/** Expected seconds on one day (YYYY-MM-DD) under a contract, as Kimai computes them (no public holidays). */
export function expectedOn(contract: Contract | undefined, day: string): number {
  if (!contract) return 0;
  if (contract.start !== undefined && day < contract.start) return 0;
  if (contract.end !== undefined && day > contract.end) return 0;
  const weekday = weekdayOf(day);
  switch (contract.type) {
    case "none":
      return 0;
    case "day":
      return contract.hours?.[weekday] ?? 0;
    case "week": {
      // The Working contract plugin spreads the weekly hours evenly over the work days (Mon–Fri when not given).
      const days = contract.workDays ?? MON_FRI;
      if (!days.includes(weekday) || contract.hoursPerWeek === undefined) return 0;
      return contract.hoursPerWeek / days.length;
    }
    case "month": {
      // Monthly hours spread evenly over the month's work days.
      const days = contract.workDays ?? MON_FRI;
      if (!days.includes(weekday) || contract.hoursPerMonth === undefined) return 0;
      return contract.hoursPerMonth / workDaysInMonth(day.slice(0, 7), days);
    }
  }
}

const MON_FRI: readonly Weekday[] = [1, 2, 3, 4, 5];

function vacationImpact(
  before: Contract | undefined,
  after: Contract,
  until: string,
): VacationImpact | undefined {
  if (after.vacationDays === undefined) return undefined;
  const had = before?.vacationDays ?? 0;
  if (had === after.vacationDays) return undefined;
  return {
    year: Number(until.slice(0, 4)),
    before: had,
    after: after.vacationDays,
    delta: after.vacationDays - had,
  };
}

function weekdayOf(day: string): Weekday {
  const js = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as Weekday;
}

function workDaysInMonth(month: string, days: readonly Weekday[]): number {
  let n = 0;
  const start = Date.parse(`${month}-01T00:00:00Z`);
  for (let t = start; new Date(t).toISOString().slice(0, 7) === month; t += DAY_MS) {
    if (days.includes(weekdayOf(new Date(t).toISOString().slice(0, 10)))) n++;
  }
  return n;
}

function firstDayAfterMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return `${next}-01`;
}

function min(a: string, b: string): string {
  return a < b ? a : b;
}

/** 3,496h, 3,312h30m, -184h: hours with a thousands separator, minutes when there are some. */
export function formatHoursTotal(seconds: number): string {
  const sign = seconds < 0 ? "−" : "";
  const minutes = Math.round(Math.abs(seconds) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${sign}${h.toLocaleString("en-US")}h${m > 0 ? `${m}m` : ""}`;
}

function signed(seconds: number): string {
  return seconds > 0 ? `+${formatHoursTotal(seconds)}` : formatHoursTotal(seconds);
}

/** One line for people: what Kimai will recalculate, in hours. */
export function describeImpact(impact: ContractImpact): string[] {
  const lines: string[] = [];
  if (impact.months.length > 0) {
    const first = impact.months[0]!.month;
    const last = impact.months[impact.months.length - 1]!.month;
    const span = first === last ? first : `${first} … ${last}`;
    const n = impact.months.length;
    const balance = -impact.delta;
    const effect =
      impact.delta === 0
        ? "same total, spread over other days"
        : `${signed(impact.delta)} expected, overtime balance ${signed(balance)}`;
    const earlier = impact.openStart ? "; no start date, so earlier years change too" : "";
    lines.push(
      `expected hours change for ${span} (${n} month${n === 1 ? "" : "s"}): ${formatHoursTotal(impact.before)} → ${formatHoursTotal(impact.after)} (${effect}), unless those months are locked in Kimai${earlier}`,
    );
  }
  if (impact.vacation) {
    const v = impact.vacation;
    const d = v.delta > 0 ? `+${v.delta}` : `${v.delta}`.replace("-", "−");
    lines.push(`vacation days for ${v.year}: ${v.before} → ${v.after} (${d} days for the whole year)`);
  }
  return lines;
}
