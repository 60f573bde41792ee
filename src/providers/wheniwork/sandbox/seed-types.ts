// The seed format: what startWhenIWorkSandbox / `rosterform sandbox --target wheniwork --seed` accept and
// GET /__sandbox/state returns. Field names follow the When I Work API (snake_case); datetimes are
// RFC-2822 like the API's (ISO-8601 is accepted on input).

import type { EmploymentType } from "./constants.js";

export interface WhenIWorkSeedAccount {
  id: number;
  name: string;
}

/** A login (the API's "person"); its email is shared by all its users. */
export interface WhenIWorkSeedPerson {
  id: number;
  email: string;
  /** Default: the first name of the person's first user, else "". */
  first_name?: string;
  last_name?: string;
  /** Password for POST /2/login, plain text (seed input only). */
  password?: string;
  /** The same as a sha256 hex digest, as exported by GET /__sandbox/state; null = cannot log in. */
  password_hash?: string | null;
}

export interface WhenIWorkSeedUser {
  id: number;
  account_id: number;
  /**
   * Person id. Default: the person with this user's email, created when there is none (with the user's id
   * as person id when that is free, else the next free one).
   */
  login_id?: number;
  /** Required unless login_id is given; must equal the person's email when both are. */
  email?: string;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  phone_number?: string;
  /** 1 admin, 2 manager, 3 employee (default), 5 supervisor. */
  role?: number;
  employee_code?: string;
  /** Position ids of the same account. */
  positions?: number[];
  /** Location ids of the same account. */
  locations?: number[];
  hours_max?: number;
  hours_preferred?: number;
  hourly_rate?: number;
  /** Position id (string key) → extra rate; ids of live positions of the same account. Default {}. */
  position_rates?: Record<string, number>;
  /** Default "hourly", or the one `type` implies. */
  employment_type?: EmploymentType;
  /** Default: the bits `employment_type` implies; must agree with it when both are given. */
  type?: number;
  is_deleted?: boolean;
  is_private?: boolean;
  /** 0 or 1 (true/false accepted). */
  is_trusted?: 0 | 1 | boolean;
  is_hidden?: boolean;
  is_payroll?: boolean;
  /** Default true. */
  activated?: boolean;
  notes?: string;
  /** yyyy-mm-dd or null. */
  start_date?: string | null;
  /** Default: the time the seed is loaded. */
  created_at?: string;
  updated_at?: string;
  deleted_at?: string | null;
  last_login?: string | null;
}

/** A position or a location ("schedule"); names may repeat. */
export interface WhenIWorkSeedCatalogItem {
  id: number;
  account_id: number;
  name: string;
  is_deleted?: boolean;
}

export interface WhenIWorkSeedInvite {
  user_id: number;
  /** ISO date-time. */
  at: string;
  message?: string;
}

/** A shift of a user (user_id 0: an open shift); archiving a user changes their future ones. */
export interface WhenIWorkSeedShift {
  id: number;
  account_id: number;
  user_id: number;
  /** ISO-8601 or RFC-2822; exported as ISO. */
  start_time: string;
}

export interface WhenIWorkSeed {
  accounts?: WhenIWorkSeedAccount[];
  persons?: WhenIWorkSeedPerson[];
  users?: WhenIWorkSeedUser[];
  positions?: WhenIWorkSeedCatalogItem[];
  locations?: WhenIWorkSeedCatalogItem[];
  /** API token → person id. */
  tokens?: Record<string, number>;
  /** Invitations sent so far (creates with invite, POST /2/users/invite). */
  invites?: WhenIWorkSeedInvite[];
  shifts?: WhenIWorkSeedShift[];
}
