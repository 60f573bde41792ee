// When I Work's JSON shapes as rosterform reads them (wheniwork-api.md §3, §4). Parsing is tolerant: numbers
// may come as strings, booleans as 0/1, email may be missing, unknown keys are ignored.
import { UnexpectedAnswerError } from "../../errors.js";

export interface WiwUser {
  id: number;
  email?: string;
  first_name: string;
  last_name: string;
  employee_code: string;
  role: number;
  positions: number[];
  locations: number[];
  hours_max: number;
  hours_preferred: number;
  hourly_rate: number;
  /** Position id → extra rate; `[]` (PHP's empty map) reads as {}. */
  position_rates: Record<number, number>;
  employment_type?: string;
  phone_number: string;
  notes: string;
  is_hidden: boolean;
  is_payroll: boolean;
  is_private: boolean;
  /** Live data answers 0/1. */
  is_trusted: boolean;
  /** YYYY-MM-DD, or "" when not set. */
  start_date: string;
  /** false: the invitation is still pending. Absent = unknown. */
  activated?: boolean;
  /** As the server prints it, or undefined when never. */
  last_login?: string;
  is_deleted: boolean;
}

export interface WiwNamed {
  id: number;
  name: string;
  is_deleted: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function num(value: unknown): number {
  const n =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : 0;
  return Number.isFinite(n) ? n : 0;
}

function bool(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "true";
}

function str(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

function rates(value: unknown): Record<number, number> {
  const out: Record<number, number> = {};
  if (!isObject(value)) return out;
  for (const [key, rate] of Object.entries(value)) if (num(key) > 0) out[num(key)] = num(rate);
  return out;
}

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.map(num).filter((n) => n > 0) : [];
}

export function asWiwUser(value: unknown, where: string): WiwUser {
  if (!isObject(value) || num(value.id) <= 0) {
    throw new UnexpectedAnswerError(
      `${where}: expected a When I Work user with an id, got ${JSON.stringify(value)?.slice(0, 200)}`,
    );
  }
  return {
    id: num(value.id),
    ...(typeof value.email === "string" && value.email !== "" ? { email: value.email } : {}),
    first_name: str(value.first_name),
    last_name: str(value.last_name),
    employee_code: str(value.employee_code),
    role: num(value.role) || 3,
    positions: ids(value.positions),
    locations: ids(value.locations),
    hours_max: num(value.hours_max),
    hours_preferred: num(value.hours_preferred),
    hourly_rate: num(value.hourly_rate),
    position_rates: rates(value.position_rates),
    ...(typeof value.employment_type === "string" ? { employment_type: value.employment_type } : {}),
    phone_number: str(value.phone_number),
    notes: str(value.notes),
    is_hidden: bool(value.is_hidden),
    is_payroll: bool(value.is_payroll),
    is_private: bool(value.is_private),
    is_trusted: bool(value.is_trusted),
    start_date: typeof value.start_date === "string" ? value.start_date.slice(0, 10) : "",
    ...(value.activated !== undefined ? { activated: bool(value.activated) } : {}),
    ...(typeof value.last_login === "string" && value.last_login !== ""
      ? { last_login: value.last_login }
      : {}),
    is_deleted: bool(value.is_deleted),
  };
}

/** `{users:[…]}`, `{positions:[…]}`…: the list under `key`. */
export function listOf(body: unknown, key: string, where: string): unknown[] {
  const list = isObject(body) ? body[key] : undefined;
  if (!Array.isArray(list)) throw new UnexpectedAnswerError(`${where}: expected {"${key}": [...]}`);
  return list;
}

/** `{user:{…}}` */
export function oneOf(body: unknown, key: string, where: string): unknown {
  const item = isObject(body) ? body[key] : undefined;
  if (!isObject(item)) throw new UnexpectedAnswerError(`${where}: expected {"${key}": {...}}`);
  return item;
}

export function asNamed(value: unknown): WiwNamed | undefined {
  if (!isObject(value) || num(value.id) <= 0) return undefined;
  return { id: num(value.id), name: str(value.name), is_deleted: bool(value.is_deleted) };
}

/** `{error, code}` → "message (code N)". */
export function errorText(body: unknown): string | undefined {
  if (!isObject(body) || typeof body.error !== "string") return undefined;
  return body.code !== undefined ? `${body.error} (code ${String(body.code)})` : body.error;
}

export const ROLE_CODES = { admin: 1, manager: 2, employee: 3, supervisor: 5 } as const;
export const ROLE_NAMES: Readonly<Record<number, string>> = {
  1: "admin",
  2: "manager",
  3: "employee",
  4: "lead",
  5: "supervisor",
};
