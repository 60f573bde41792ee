// A Kimai user's work-contract preferences read back as a contract, so the core can compute what a change to them
// makes Kimai recalculate (src/core/contract-impact.ts).
import type { Contract, ContractType, Weekday } from "../../core/model.js";
import { DAY_PREFERENCES, preferenceDefault } from "./preferences.js";

/** The preferences that make up a contract in Kimai: a change to any of them rewrites unlocked past days. */
export const CONTRACT_TERM_PREFERENCES: ReadonlySet<string> = new Set([
  "work_contract_type",
  ...DAY_PREFERENCES,
  "hours_per_week",
  "hours_per_month",
  "work_days_week",
  "work_days_month",
  "holidays",
  "work_start_day",
  "work_last_day",
]);

const TYPES: ReadonlySet<string> = new Set(["week", "month", "day", "none"]);

/** The contract Kimai computes from these preference values (a name not given counts as Kimai's default). */
export function contractFromPreferences(value: (name: string) => string | null | undefined): Contract {
  const read = (name: string): string | null => {
    const v = value(name);
    return v === undefined ? preferenceDefault(name) : v;
  };
  const seconds = (name: string): number => {
    const n = Number(read(name) ?? 0);
    return Number.isFinite(n) && n > 0 ? n : 0;
  };
  const type = read("work_contract_type") ?? "none";
  // Kimai treats an unknown mode as none.
  const contract: Contract = { type: (TYPES.has(type) ? type : "none") as ContractType };
  if (contract.type === "week") {
    contract.hoursPerWeek = seconds("hours_per_week");
    const days = dayList(read("work_days_week"));
    if (days) contract.workDays = days;
  } else if (contract.type === "month") {
    contract.hoursPerMonth = seconds("hours_per_month");
    const days = dayList(read("work_days_month"));
    if (days) contract.workDays = days;
  } else if (contract.type === "day") {
    contract.hours = Object.fromEntries(DAY_PREFERENCES.map((name, i) => [i + 1, seconds(name)])) as Record<
      Weekday,
      number
    >;
  }
  const holidays = Number(read("holidays") ?? 0);
  if (Number.isFinite(holidays)) contract.vacationDays = holidays;
  const start = date(read("work_start_day"));
  if (start) contract.start = start;
  const end = date(read("work_last_day"));
  if (end) contract.end = end;
  return contract;
}

function dayList(value: string | null): Weekday[] | undefined {
  if (value === null || value.trim() === "") return undefined;
  const days = value
    .split(",")
    .map((d) => Number(d.trim()))
    .filter((d): d is Weekday => Number.isInteger(d) && d >= 1 && d <= 7);
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Kimai reads an invalid date as unset. */
function date(value: string | null): string | undefined {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(value) ? value : undefined;
}
