// The provider-independent desired state: what users.d/ and contracts.d/ say, normalised.
// Durations are whole seconds, weekdays are 1 (Monday) .. 7 (Sunday), dates are YYYY-MM-DD strings.
// Optional fields are "not declared": rosterform never changes what a user file does not declare.

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export type ContractType = "week" | "month" | "day" | "none";

export interface Contract {
  type: ContractType;
  /** Template name from contracts.d, or undefined for an inline contract. */
  template?: string;
  /** week: seconds per week. */
  hoursPerWeek?: number;
  /** month: seconds per month. */
  hoursPerMonth?: number;
  /** week/month: sorted, unique. */
  workDays?: Weekday[];
  /** day: seconds for every weekday (days not declared are 0). */
  hours?: Record<Weekday, number>;
  vacationDays?: number;
  publicHolidayGroup?: number;
  /** YYYY-MM-DD */
  start?: string;
  /** YYYY-MM-DD */
  end?: string;
}

export interface ScheduledContract {
  /** YYYY-MM-DD: the first day this contract is in force. */
  from: string;
  contract: Contract;
}

export interface SourceRef {
  /** path relative to the project dir, e.g. users.d/anna.yaml */
  file: string;
  line: number;
  column: number;
}

export interface DesiredUser {
  username: string;
  email: string;
  name?: { first: string; last: string };
  /** Former emails and usernames (`previously:`), to find the person on a server after a change. */
  previously?: { emails: string[]; usernames: string[] };
  /** `alias` if given, else "First Last" from `name`, else undefined. */
  alias?: string;
  title?: string;
  accountNumber?: string;
  color?: string;
  language?: string;
  locale?: string;
  timezone?: string;
  /** Declared users are enabled unless the file says `enabled: false`. */
  enabled: boolean;
  /** Without ROLE_USER, upper-case, sorted, unique. */
  roles?: string[];
  /** A username (as declared in that user's file), or null for "explicitly no supervisor". */
  supervisor?: string | null;
  rates?: { hourly?: number; internal?: number };
  /** The contract in force at DesiredState.at. */
  contract?: Contract;
  /** The next effective-dated contract after DesiredState.at, if any. */
  nextContract?: ScheduledContract;
  /** Raw Kimai preferences (escape hatch): name -> string value. */
  preferences?: Record<string, string>;
  /**
   * Per-person blocks of target systems (`<target>: {…}` in the file), by target name, as that target's module
   * read them; only the module interprets its own. false = this person opted out of that target.
   */
  targets?: Record<string, unknown>;
  /** Fields owned by something else (LDAP, SAML, people in the UI): neither compared nor sent. */
  ignore?: OwnableField[];
  source: SourceRef;
}

/** The user fields `policy.fields.ignore` and a user's `ignore:` can leave to others. */
export const OWNABLE_FIELDS = [
  "email",
  "alias",
  "title",
  "accountNumber",
  "color",
  "language",
  "locale",
  "timezone",
  "roles",
  "supervisor",
  "rates",
  "contract",
  "preferences",
] as const;
export type OwnableField = (typeof OWNABLE_FIELDS)[number];

export type UnmanagedPolicy = "ignore" | "report" | "deactivate";

/** A limit on how many changes of one kind a plan may hold: a count, or a percentage of the users on the server. */
export type Limit = { count: number } | { percent: number };

/** The limits of one resource kind, by what the changes do (updates include reactivations). */
export type KindLimits = Partial<Record<"create" | "update" | "delete" | "deactivate", Limit>>;

export type ContractChangePolicy = "warn" | "refuse";

/** What becomes of Kimai teams on the server that teams.d/ does not declare. */
export type TeamUnmanagedPolicy = "ignore" | "report" | "delete";

export interface TeamPolicy {
  unmanaged: TeamUnmanagedPolicy;
  /** Usernames teams.d/ may name without a users.d/ file (lower-cased): Kimai users managed elsewhere. */
  serverUsers: string[];
}

export interface RosterConfig {
  /** The configured target systems by name: each holds its module's own settings (`targets.<name>`). */
  targets: Record<string, unknown>;
  policy: {
    unmanaged: UnmanagedPolicy;
    /** usernames, compared case-insensitively */
    protect: string[];
    /** By resource kind: `limits.user.deactivate` (the flat `limits.deactivate` is read as the user kind). */
    limits: Record<string, KindLimits>;
    /** A change that makes a target rewrite past, unlocked periods (Kimai's expected hours): warn or refuse. */
    contractChanges?: ContractChangePolicy;
    /** policy.teams; absent = the defaults (report, no server users). */
    teams?: TeamPolicy;
  };
}

export interface DesiredState {
  /** YYYY-MM-DD the contracts were selected for. */
  at: string;
  config: RosterConfig;
  users: DesiredUser[];
  /** teams.d/, shorthand merged; undefined when the repository has no teams.d/ (teams are not managed). */
  teams?: DesiredTeam[];
}

/** A name in a team file and where it is written (file:line:column), for plan-time messages. */
export interface NamedAt {
  name: string;
  at: string;
}

/** A Kimai team as declared in teams.d/, with the shorthand of person files (teams:, leads:) merged in. */
export interface DesiredTeam {
  name: string;
  color?: string;
  /** Usernames as spelt in their users.d/ files (or in policy.teams.serverUsers): every member, teamleads included. */
  members: string[];
  /** At least one; each is also in members. */
  teamleads: string[];
  /** Declared grants; a list left out is not managed. Projects are "Customer / Project". */
  access?: { customers?: NamedAt[]; projects?: NamedAt[] };
  source: SourceRef;
}
