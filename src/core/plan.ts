// The plan is a value: computed purely from desired and remote state, then rendered or executed.
import type { Address } from "./address.js";
import type { ContractChangePolicy, KindLimits, UnmanagedPolicy } from "./model.js";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One comparable value of one attribute, as a provider sees it. */
export interface AttrValue {
  /** The value as the target system takes it (what would be sent). */
  raw: JsonValue;
  /** For people: `40h`, `Mon–Fri`, `"Lead Engineer"`. */
  human: string;
  /** Equal canon = equal value (numbers numerically, sets sorted, emails lower-cased…). */
  canon: string;
  /**
   * Records this value refers to (a supervisor; a team's members): each must exist and be enabled first, so the
   * change waits for their create or reactivation.
   */
  refs?: Address[];
}

/** What a change does to its record. */
export type Action = "create" | "update" | "delete" | "deactivate" | "reactivate";
export const ACTIONS: readonly Action[] = ["create", "update", "delete", "deactivate", "reactivate"];

export interface AttrChange {
  /** The system's own name (`holidays`, `hours_per_week`): what is sent. */
  key: string;
  /**
   * How the YAML names it (`contract.vacationDays`, `rates.hourly`, `wheniwork.positions`), for people reviewing
   * the YAML; absent = as `key`.
   */
  field?: string;
  /** Absent on create, and for values the server does not hold yet. */
  from?: AttrValue;
  to: AttrValue;
}

export interface Change {
  /** `target/kind/key`: unique within a plan. */
  address: Address;
  action: Action;
  /** The resource kind: `user`. */
  kind: string;
  /** The record key within its kind (a lower-cased username). */
  key: string;
  /** The name as declared (or as on the server for unmanaged records). */
  name: string;
  /** The server's id of the record, when it exists. */
  remoteId?: string | number;
  attrs: AttrChange[];
  /** Addresses of changes that must succeed first. */
  dependsOn: Address[];
  /** Why the change exists beyond the declared values, e.g. "not in users.d (policy.unmanaged: deactivate)". */
  reason?: string;
  /** users.d file that declares it. */
  source?: string;
  /** The contracts.d template the person's contract comes from, when contract fields change. */
  contract?: string;
  /** What else happens when the change is made, beyond the values it sets. */
  effects?: ChangeEffect[];
}

/**
 * A consequence of a change that its values do not show: Kimai recalculating past months from a new contract, an
 * invitation email going out. Providers attach them; every format shows them next to the change.
 */
export interface ChangeEffect {
  /** Stable, for CI gates: `contract-impact`, … */
  code: string;
  /** For people, one line each. */
  lines: string[];
  /** Structured detail for JSON consumers (contract-impact: a ContractImpact, in months and seconds). */
  data?: JsonValue;
  /** It rewrites figures of past, unlocked periods: what `policy.contractChanges: refuse` refuses. */
  rewritesPast?: boolean;
}

export interface Note {
  level: "info" | "warning";
  key?: string;
  message: string;
  /** Stable, for notes that repeat on every plan and are shown counted: `absent-offboarded`. */
  code?: string;
}

/** An off-boarded (or retired) person who is not on the server: nothing to do, on every plan. */
export const ABSENT_OFFBOARDED = "absent-offboarded";

/** A check that refused the plan: apply stops with exit 3 unless forced (where forcing is allowed). */
export interface Refusal {
  code: "limit" | "nobody" | "protected" | "stale" | "contract";
  /** What was refused, naming the numbers or people. */
  message: string;
  /** What to do about it (review and --force, raise the limit…). */
  fix?: string;
  forceable: boolean;
  /** --force was given: the plan goes ahead despite this refusal. */
  overridden?: boolean;
}

export interface TargetPlan {
  target: string;
  /** Where the server is, for display (no credentials). */
  endpoint: string;
  /** Records seen on the server, and declared. */
  counts: { remote: number; declared: number };
  changes: Change[];
  notes: Note[];
  refusals: Refusal[];
  /** Hash of the remote state of every record the plan concerns, by address; null = "did not exist". */
  fingerprints: Record<Address, string | null>;
  /** Next effective-dated contract changes, for display. */
  scheduled: ScheduledChange[];
  /**
   * Why the target could not be planned, one line each; such a target has no changes, and a plan holding one
   * is never applied (to any target): one person declared once must not end up half on-boarded.
   */
  errors?: string[];
}

export interface ScheduledChange {
  key: string;
  /** YYYY-MM-DD: the day the next contract comes into force. */
  from: string;
  summary: string;
  /** What the switch will make the target recalculate when it happens (so months can be locked in time). */
  effects?: ChangeEffect[];
}

/** The plan of a target that could not be read or planned: no changes, only its errors. */
export function unplannedTarget(target: string, errors: readonly string[]): TargetPlan {
  return {
    target,
    endpoint: "",
    counts: { remote: 0, declared: 0 },
    changes: [],
    notes: [],
    refusals: [],
    fingerprints: {},
    scheduled: [],
    errors: [...errors],
  };
}

/** Targets that could not be planned. */
export function unplannedTargets(plan: Plan): TargetPlan[] {
  return plan.targets.filter((t) => (t.errors?.length ?? 0) > 0);
}

/** Version 2: changes named by address, with an action and a resource kind. */
export const PLAN_FORMAT_VERSION = 2;

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  tool: "rosterform";
  createdAt: string;
  /** The date contracts were selected for. */
  at: string;
  targets: TargetPlan[];
}

export interface PlanPolicy {
  unmanaged: UnmanagedPolicy;
  protect: readonly string[];
  /** By resource kind: `limits.user.deactivate`. */
  limits: Readonly<Record<string, KindLimits>>;
  /** What to do with a change that rewrites past, unlocked periods: warn (show it) or refuse (exit 3). */
  contractChanges?: ContractChangePolicy;
}

export function countChanges(changes: readonly Change[]): Record<Action, number> {
  const counts: Record<Action, number> = { create: 0, update: 0, delete: 0, deactivate: 0, reactivate: 0 };
  for (const c of changes) counts[c.action]++;
  return counts;
}

export function planHasChanges(plan: Plan): boolean {
  return plan.targets.some((t) => t.changes.length > 0);
}
