// The one interface the core uses for every target system.
import type { Address } from "./address.js";
import type { KindSpec } from "./kinds.js";
import type { DesiredUser } from "./model.js";
import type { Change, ChangeEffect, Note } from "./plan.js";
import type { DesiredRecord, RemoteRecord } from "./records.js";

/** What a provider read from its server, in comparable form. */
export interface RemoteSnapshot {
  records: RemoteRecord[];
  /** Key of the token's own user, never changed. */
  selfKey?: string;
  notes: Note[];
}

/** The desired records a provider derives from the declared users, or the reasons it cannot (plan-time errors). */
export interface DesiredMapping {
  records: DesiredRecord[];
  /**
   * The server's records keyed to match `records`, when the provider matches people by something other than the
   * username (When I Work: email, then employee code). Absent = the snapshot's records as they are.
   */
  remote?: RemoteRecord[];
  /** Keys of people who opted out of this target: neither managed nor reported as unmanaged. */
  ignore?: string[];
  /** The token's own user under the keys of `remote`, when the provider knows it only after matching. */
  selfKey?: string;
  /** Each blocks the whole plan of this target: nothing is sent. */
  errors: string[];
  notes: Note[];
  /**
   * What else a planned change does on the server, beyond the values it sets: an invitation email, Kimai
   * recalculating past months from a new contract.
   */
  effects?: (change: Change) => ChangeEffect[];
  /** What switching a person to their next effective-dated contract will make the server do. */
  scheduledEffects?: (user: DesiredUser) => ChangeEffect[];
  /**
   * The person's record once their next effective-dated contract is in force: a switch that leaves it as it is
   * (When I Work with declared hoursPreferred) is not shown. Absent = every switch of a mapped person is shown.
   */
  switched?: (user: DesiredUser) => DesiredRecord | undefined;
}

/** Called by the executor for each change, once its dependencies have succeeded. */
export interface ApplyContext {
  /** The server id of a record by address: from the read, or created earlier in this apply. */
  idOf(address: Address): string | number | undefined;
}

export interface ApplyOutcome {
  /** The id of a created record. */
  id?: string | number;
  /** Human remarks, e.g. "found after a lost response; not created twice". */
  remarks?: string[];
}

export interface ExportedUser {
  username: string;
  document: Record<string, unknown>;
}

/**
 * What `rosterform import` brings from one target into users.d, matched to the people already declared there as
 * the plan matches them.
 */
export interface ImportResult {
  /** Server users no declared person matches: one new file each. */
  added: ExportedUser[];
  /**
   * Declared people this target has, with the fields their file gains (nested mappings; only keys the file does
   * not have are written, a differing value already there is kept and reported).
   */
  merged: {
    person: DesiredUser;
    fields: Record<string, unknown>;
    /**
     * Fields shared with other systems whose value in the file this system's replaces, when every other
     * configured system keeps its own in its block (TargetModule.pinned): Kimai's rates.hourly, When I Work's
     * then in wheniwork.hourlyRate. Otherwise the file's value is kept and reported.
     */
    replace?: Record<string, unknown>;
  }[];
  /** Declared people this target does not have (or has off-boarded): their file gets `<target>: false`. */
  absent: { person: DesiredUser; why: string }[];
  /** What the import cannot carry over: the next plan changes it (one line each). */
  warnings: string[];
}

export interface Provider {
  readonly target: string;
  /** The resource kinds it manages; every record it hands the core is of one of them. */
  readonly kinds: readonly KindSpec[];
  /** Where the server is, for display (never credentials). */
  readonly endpoint: string;
  /** Preflight and read everything the plan needs, in as few requests as possible. */
  read(): Promise<RemoteSnapshot>;
  /** Pure: users (after --only and opt-outs) -> records for this target. */
  desired(users: readonly DesiredUser[], snapshot: RemoteSnapshot, at: string): DesiredMapping;
  /** Perform one planned change. Throws a typed error on failure. */
  apply(change: Change, ctx: ApplyContext): Promise<ApplyOutcome>;
  /**
   * The server's users as users.d documents, for `rosterform import`: new files for server users no declared
   * person matches, additions for those it matches (matched as desired() matches them).
   */
  export(
    snapshot: RemoteSnapshot,
    defaults: Readonly<Record<string, unknown>>,
    declared: readonly DesiredUser[],
  ): ImportResult;
  /** Release connections. */
  close(): Promise<void>;
}
