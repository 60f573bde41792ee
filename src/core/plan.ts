// The plan is a value: computed purely from desired and remote state, then rendered or executed.
import type { Limit, UnmanagedPolicy } from "./model.js";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One comparable value of one attribute, as a provider sees it. */
export interface AttrValue {
  /** The value as the target system takes it (what would be sent). */
  raw: JsonValue;
  /** For people: `40h`, `Mon–Fri`, `"Lead Engineer"`. */
  human: string;
  /** Equal canon = equal value (numbers numerically, sets sorted, emails lower-cased…). */
  canon: string;
  /** Key of another record this value refers to (a supervisor): that one must exist and be enabled first. */
  ref?: string;
}

export type ChangeKind = "create" | "update" | "deactivate" | "reactivate";

export interface AttrChange {
  key: string;
  /** Absent on create, and for values the server does not hold yet. */
  from?: AttrValue;
  to: AttrValue;
}

export interface Change {
  /** Stable within a plan: `<target>:<kind>:<key>`. */
  id: string;
  kind: ChangeKind;
  /** The record key (lower-cased username). */
  key: string;
  /** The name as declared (or as on the server for unmanaged records). */
  name: string;
  /** The server's id of the record, when it exists. */
  remoteId?: string | number;
  attrs: AttrChange[];
  /** Ids of changes that must succeed first. */
  dependsOn: string[];
  /** Why the change exists beyond the declared values, e.g. "not in users.d (policy.unmanaged: deactivate)". */
  reason?: string;
  /** users.d file that declares it. */
  source?: string;
}

export interface Note {
  level: "info" | "warning";
  key?: string;
  message: string;
}

/** A check that refused the plan: apply stops with exit 3 unless forced (where forcing is allowed). */
export interface Refusal {
  code: "limit" | "protected" | "stale";
  message: string;
  forceable: boolean;
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
  /** Hash of the remote state of every record the plan concerns, by key; absent keys = "did not exist". */
  fingerprints: Record<string, string | null>;
  /** Next effective-dated contract changes, for display. */
  scheduled: { key: string; from: string; summary: string }[];
}

export interface Plan {
  formatVersion: 1;
  tool: "rosterform";
  createdAt: string;
  /** The date contracts were selected for. */
  at: string;
  targets: TargetPlan[];
}

export interface PlanPolicy {
  unmanaged: UnmanagedPolicy;
  protect: readonly string[];
  limits: { create?: Limit; update?: Limit; deactivate?: Limit };
}

export function countChanges(changes: readonly Change[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { create: 0, update: 0, deactivate: 0, reactivate: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

export function planHasChanges(plan: Plan): boolean {
  return plan.targets.some((t) => t.changes.length > 0);
}
