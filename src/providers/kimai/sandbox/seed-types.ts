// The seed format: what startKimaiSandbox / `rosterform sandbox --seed` accept and GET /__sandbox/state returns.

export interface KimaiSeedPreference {
  name: string;
  value: string | null;
}

export interface KimaiSeedUser {
  id: number;
  username: string;
  email: string;
  /** Default true. */
  enabled?: boolean;
  /** Without ROLE_USER. Default []. */
  roles?: string[];
  alias?: string | null;
  title?: string | null;
  accountNumber?: string | null;
  /** Default "en". */
  language?: string;
  /** Default: the language. */
  locale?: string;
  /** Default "UTC" (the imitated server timezone). */
  timezone?: string;
  color?: string | null;
  avatar?: string | null;
  /** A user id, or null. */
  supervisor?: number | null;
  systemAccount?: boolean;
  /** Stored preferences only (never language/locale/timezone, which are the fields above). */
  preferences?: KimaiSeedPreference[];
  /**
   * The user's contract was saved in Kimai's UI: the 12 work-contract rows are stored (at their defaults
   * where `preferences` does not name them). Before 2.61 only such users have them. Seed input only.
   */
  contractSaved?: boolean;
  /** Legacy API password for X-AUTH-USER/X-AUTH-TOKEN, in plain text (seed input only). */
  apiPassword?: string;
  /** The same as a sha256 hex digest, as exported by GET /__sandbox/state. */
  apiPasswordHash?: string | null;
}

export interface KimaiSeedTeamMember {
  user: number;
  teamlead: boolean;
}

export interface KimaiSeedTeam {
  id: number;
  name: string;
  color?: string | null;
  members?: KimaiSeedTeamMember[];
  /** Customer / project ids this team is granted, in grant order. */
  customers?: number[];
  projects?: number[];
}

export interface KimaiSeedCustomer {
  id: number;
  name: string;
  number?: string | null;
  comment?: string | null;
  /** Default true. */
  visible?: boolean;
  billable?: boolean;
  color?: string | null;
  company?: string | null;
  /** Defaults "DE", "EUR", "en", "UTC". */
  country?: string;
  currency?: string;
  language?: string;
  timezone?: string;
}

export interface KimaiSeedProject {
  id: number;
  /** A customer id. */
  customer: number;
  name: string;
  number?: string | null;
  orderNumber?: string | null;
  comment?: string | null;
  visible?: boolean;
  billable?: boolean;
  color?: string | null;
  globalActivities?: boolean;
  /** YYYY-MM-DD or null. */
  start?: string | null;
  end?: string | null;
}

/** A token's user id, or the user id with an ISO expiry. */
export type KimaiSeedToken = number | { user: number; expiresAt?: string | null };

export interface KimaiSeed {
  /** The Kimai release to play (behaviour, not only /api/version: see the sandbox README). Default "2.66.0". */
  version?: string;
  /** Default false. */
  workContractPlugin?: boolean;
  /** Custom roles defined in Kimai (System → Roles), besides those seeded users hold. Default []. */
  roles?: string[];
  users?: KimaiSeedUser[];
  customers?: KimaiSeedCustomer[];
  projects?: KimaiSeedProject[];
  teams?: KimaiSeedTeam[];
  /** Bearer token → user. */
  tokens?: Record<string, KimaiSeedToken>;
}
