// In-memory records. Users are replaced, never mutated, so a list being streamed is a consistent snapshot.

import type { EmploymentType } from "./constants.js";

export interface AccountRecord {
  readonly id: number;
  readonly name: string;
}

/** A login: owns the email (shared by all its users) and the password. */
export interface PersonRecord {
  readonly id: number;
  readonly email: string;
  readonly first_name: string;
  readonly last_name: string;
  /** sha256 hex of the password, or null when the person cannot log in with one. */
  readonly passwordHash: string | null;
}

/** One person's membership of one account. Times are epoch milliseconds. */
export interface UserRecord {
  readonly id: number;
  readonly account_id: number;
  readonly login_id: number;
  readonly first_name: string;
  readonly middle_name: string;
  readonly last_name: string;
  readonly phone_number: string;
  readonly employee_code: string;
  readonly role: number;
  readonly positions: readonly number[];
  readonly locations: readonly number[];
  readonly hours_max: number;
  readonly hours_preferred: number;
  readonly hourly_rate: number;
  /** Position id (as a string key) → extra rate on top of hourly_rate. */
  readonly position_rates: Readonly<Record<string, number>>;
  readonly employment_type: EmploymentType;
  readonly type: number;
  readonly is_deleted: boolean;
  readonly is_private: boolean;
  readonly is_trusted: 0 | 1;
  readonly is_hidden: boolean;
  readonly is_payroll: boolean;
  readonly activated: boolean;
  readonly notes: string;
  /** yyyy-mm-dd or null. */
  readonly start_date: string | null;
  readonly created_at: number;
  readonly updated_at: number;
  readonly deleted_at: number | null;
  readonly last_login: number | null;
}

/** A position or a location (a "schedule"). */
export interface CatalogRecord {
  readonly id: number;
  readonly account_id: number;
  readonly name: string;
  readonly is_deleted: boolean;
}

export interface InviteRecord {
  readonly user_id: number;
  /** ISO date-time. */
  readonly at: string;
  readonly message?: string;
}

/** A scheduled shift; user_id 0 is an open shift. Only what DELETE /2/users/{id} changes is modelled. */
export interface ShiftRecord {
  readonly id: number;
  readonly account_id: number;
  readonly user_id: number;
  /** Epoch milliseconds. */
  readonly start_time: number;
}
