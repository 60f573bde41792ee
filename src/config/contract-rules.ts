// Contracts: checked field by field (units, limits, dates) and normalised into the model's Contract.
// Which fields a type takes is the schema's job (schemas/contract.schema.json, fieldsForType).
import type { Contract, ContractType, Weekday } from "../core/model.js";
import type { FileReport } from "./file-report.js";
import type { PathSegment } from "./source-tree.js";
import { isRecord } from "./source-tree.js";
import {
  DAY_SECONDS,
  MONTH_SECONDS,
  WEEK_SECONDS,
  readDate,
  readDuration,
  readWorkDays,
} from "./value-rules.js";

const CONTRACT_TYPES: readonly string[] = ["week", "month", "day", "none"];
const DAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Reads an inline contract (or a template's fields) at `path`; undefined when it is not usable. */
export function readContract(
  raw: unknown,
  path: readonly PathSegment[],
  report: FileReport,
): Contract | undefined {
  if (!isRecord(raw)) return undefined; // the schema says what it should be
  const at = (field: string): PathSegment[] => [...path, field];
  const typeOk = typeof raw.type === "string" && CONTRACT_TYPES.includes(raw.type);
  const contract: Contract = { type: (typeOk ? raw.type : "none") as ContractType };
  let usable = typeOk;

  if (raw.hoursPerWeek !== undefined) {
    const seconds = readDuration(raw.hoursPerWeek, at("hoursPerWeek"), report, {
      seconds: WEEK_SECONDS,
      what: "a week",
    });
    if (seconds === undefined) usable = false;
    else contract.hoursPerWeek = seconds;
  }
  if (raw.hoursPerMonth !== undefined) {
    const seconds = readDuration(raw.hoursPerMonth, at("hoursPerMonth"), report, {
      seconds: MONTH_SECONDS,
      what: "a month",
    });
    if (seconds === undefined) usable = false;
    else contract.hoursPerMonth = seconds;
  }
  if (raw.workDays !== undefined) {
    const days = readWorkDays(raw.workDays, at("workDays"), report);
    if (days === undefined) usable = false;
    else contract.workDays = days;
  }
  if (raw.hours !== undefined) {
    const hours = readDayHours(raw.hours, at("hours"), report);
    if (hours === undefined) usable = false;
    else contract.hours = hours;
  }
  if (typeof raw.vacationDays === "number" && raw.vacationDays >= 0) contract.vacationDays = raw.vacationDays;
  if (typeof raw.publicHolidayGroup === "number" && raw.publicHolidayGroup >= 0) {
    contract.publicHolidayGroup = raw.publicHolidayGroup;
  }
  const start = raw.start === undefined ? undefined : readDate(raw.start, at("start"), report);
  const end = raw.end === undefined ? undefined : readDate(raw.end, at("end"), report);
  if (start !== undefined) contract.start = start;
  if (end !== undefined) contract.end = end;
  if (start !== undefined && end !== undefined && end < start) {
    report.error(
      at("end"),
      "contract.end-before-start",
      `end ${end} is before start ${start}; the last working day cannot come before the first`,
    );
    usable = false;
  }
  if (contract.type === "day" && contract.hours === undefined) {
    contract.hours = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };
  }
  return usable ? contract : undefined;
}

function readDayHours(
  raw: unknown,
  path: readonly PathSegment[],
  report: FileReport,
): Record<Weekday, number> | undefined {
  if (!isRecord(raw)) return undefined; // the schema reports it
  const hours: Record<Weekday, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };
  let usable = true;
  DAY_KEYS.forEach((key, index) => {
    if (raw[key] === undefined) return;
    const seconds = readDuration(raw[key], [...path, key], report, { seconds: DAY_SECONDS, what: "a day" });
    if (seconds === undefined) usable = false;
    else hours[(index + 1) as Weekday] = seconds;
  });
  return usable ? hours : undefined;
}
