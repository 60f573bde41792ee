// Validation of a POST/PUT /2/users body into a patch. Read-only fields (id, login_id, account_id,
// is_deleted, last_login, created_at, updated_at, activated) and unknown keys are ignored, so a user read
// from the API can be sent back as is. Everything else is checked strictly: a wrong type is a 400.

import { isPlainObject } from "../../../sandbox/json.js";
import { ErrorCode, ROLES } from "./constants.js";
import type { Employment } from "./employment.js";
import { resolveEmployment } from "./employment.js";
import { badRequest } from "./errors.js";
import type { UserRecord } from "./model.js";
import { EMAIL_PATTERN, isCalendarDate } from "./seed-reader.js";
import type { WhenIWorkStore } from "./store.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type UserPatch = Partial<
  Mutable<
    Pick<
      UserRecord,
      | "first_name"
      | "middle_name"
      | "last_name"
      | "phone_number"
      | "employee_code"
      | "notes"
      | "role"
      | "positions"
      | "locations"
      | "hours_max"
      | "hours_preferred"
      | "hourly_rate"
      | "position_rates"
      | "employment_type"
      | "type"
      | "is_private"
      | "is_hidden"
      | "is_payroll"
      | "is_trusted"
      | "start_date"
    >
  >
>;

export interface UserWrite {
  patch: UserPatch;
  /** New email (belongs to the person, so it changes for all their users). */
  email?: string;
  /** POST only: send an invitation (default true). */
  invite: boolean;
  /** Restore a soft-deleted user. */
  reactivate: boolean;
}

const STRING_FIELDS = [
  "first_name",
  "middle_name",
  "last_name",
  "phone_number",
  "employee_code",
  "notes",
] as const;
const AMOUNT_FIELDS = ["hours_max", "hours_preferred", "hourly_rate"] as const;
const FLAG_FIELDS = ["is_private", "is_hidden", "is_payroll"] as const;

const invalid = (field: string, what: string) => badRequest(ErrorCode.InvalidField, `${field} ${what}`);

/** true/false, or 0/1 because the API itself answers is_trusted as a number. */
function flag(body: Record<string, unknown>, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  throw invalid(field, "must be true or false");
}

function catalogIds(
  store: WhenIWorkStore,
  kind: "positions" | "locations",
  accountId: number,
  value: unknown,
): number[] | undefined {
  if (value === undefined) return undefined;
  const code = kind === "positions" ? ErrorCode.UnknownPosition : ErrorCode.UnknownLocation;
  if (!Array.isArray(value)) throw invalid(kind, "must be a list of ids");
  const ids: number[] = [];
  for (const id of value as unknown[]) {
    if (typeof id !== "number" || !Number.isInteger(id)) throw invalid(kind, "must be a list of integer ids");
    const record = store[kind].get(id);
    if (record === undefined || record.account_id !== accountId || record.is_deleted) {
      throw badRequest(
        code,
        `${kind === "positions" ? "Position" : "Location"} ${id} does not exist in this account`,
      );
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * `position_rates`: an object of position id → rate >= 0 (replaced whole, like arrays). `[]` and `null` clear it,
 * because PHP serialises an empty map as `[]` and a client may send back what it read.
 */
function positionRates(
  store: WhenIWorkStore,
  accountId: number,
  value: unknown,
): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  if (value === null || (Array.isArray(value) && value.length === 0)) return {};
  if (!isPlainObject(value)) throw invalid("position_rates", "must be an object of position id to rate");
  const out: Record<string, number> = {};
  for (const [key, rate] of Object.entries(value)) {
    if (!/^[1-9]\d*$/.test(key)) throw invalid("position_rates", `key "${key}" is not a position id`);
    const position = store.positions.get(Number(key));
    if (position === undefined || position.account_id !== accountId || position.is_deleted) {
      throw badRequest(ErrorCode.UnknownPosition, `Position ${key} does not exist in this account`);
    }
    if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0) {
      throw invalid(`position_rates.${key}`, "must be a number >= 0");
    }
    out[key] = rate;
  }
  return out;
}

export function parseUserWrite(
  store: WhenIWorkStore,
  accountId: number,
  body: unknown,
  current: Employment,
): UserWrite {
  if (!isPlainObject(body)) throw badRequest(ErrorCode.InvalidBody, "The request body must be a JSON object");
  const patch: UserPatch = {};
  for (const field of STRING_FIELDS) {
    const v = body[field];
    if (v === undefined) continue;
    if (v !== null && typeof v !== "string") throw invalid(field, "must be a string");
    patch[field] = v ?? "";
  }
  for (const field of AMOUNT_FIELDS) {
    const v = body[field];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalid(field, "must be a number >= 0");
    patch[field] = v;
  }
  for (const field of FLAG_FIELDS) {
    const v = flag(body, field);
    if (v !== undefined) patch[field] = v;
  }
  const trusted = flag(body, "is_trusted");
  if (trusted !== undefined) patch.is_trusted = trusted ? 1 : 0;

  const role = body["role"];
  if (role !== undefined) {
    if (typeof role !== "number" || !ROLES.has(role)) {
      throw badRequest(
        ErrorCode.InvalidRole,
        `role must be one of ${[...ROLES].join(", ")} (1 admin, 2 manager, 3 employee, 5 supervisor)`,
      );
    }
    patch.role = role;
  }
  if (body["employment_type"] !== undefined || body["type"] !== undefined) {
    const employment = resolveEmployment(body["employment_type"], body["type"], current);
    if ("error" in employment) throw badRequest(ErrorCode.InvalidEmploymentType, employment.error);
    patch.employment_type = employment.employment_type;
    patch.type = employment.type;
  }
  const positions = catalogIds(store, "positions", accountId, body["positions"]);
  if (positions !== undefined) patch.positions = positions;
  const locations = catalogIds(store, "locations", accountId, body["locations"]);
  if (locations !== undefined) patch.locations = locations;

  const rates = positionRates(store, accountId, body["position_rates"]);
  if (rates !== undefined) patch.position_rates = rates;

  const startDate = body["start_date"];
  if (startDate !== undefined) {
    if (startDate === null || startDate === "") patch.start_date = null;
    else if (typeof startDate === "string" && isCalendarDate(startDate)) patch.start_date = startDate;
    else throw invalid("start_date", "must be a date like 2025-01-31");
  }

  const email = body["email"];
  if (email !== undefined && (typeof email !== "string" || !EMAIL_PATTERN.test(email.trim()))) {
    throw badRequest(ErrorCode.InvalidEmail, "email must be a valid email address");
  }
  const invite = flag(body, "invite");
  const reactivate = flag(body, "reactivate");
  return {
    patch,
    ...(typeof email === "string" ? { email: email.trim() } : {}),
    invite: invite ?? true,
    reactivate: reactivate ?? false,
  };
}
