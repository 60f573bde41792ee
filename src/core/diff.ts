// Pure: desired records + remote records + policy -> the changes of one target.
import type { AttrChange, Change, ChangeKind, Note, PlanPolicy, Refusal } from "./plan.js";
import { ENABLED_KEY, enabledAttr, type DesiredRecord, type RemoteRecord } from "./records.js";
import type { Limit } from "./model.js";

export interface DiffInput {
  target: string;
  desired: readonly DesiredRecord[];
  remote: readonly RemoteRecord[];
  policy: PlanPolicy;
  /** The key of the user the token belongs to: never changed. */
  selfKey?: string;
  /** `--only`: plan just these keys, and say nothing about users not declared. */
  only?: ReadonlySet<string>;
  /** Keys that are nobody's business here (opted out of this target). */
  ignore?: ReadonlySet<string>;
}

export interface DiffOutput {
  changes: Change[];
  notes: Note[];
  refusals: Refusal[];
  fingerprints: Record<string, string | null>;
}

export function diffRecords(input: DiffInput): DiffOutput {
  const { target, policy } = input;
  const remoteByKey = new Map(input.remote.map((r) => [r.key, r]));
  const desiredKeys = new Set(input.desired.map((d) => d.key));
  const protectedKeys = new Set(policy.protect.map((p) => p.toLowerCase()));
  const changes: Change[] = [];
  const notes: Note[] = [];
  const fingerprints: Record<string, string | null> = {};

  const untouchable = (key: string): string | undefined => {
    if (key === input.selfKey) return "the token's own user";
    if (protectedKeys.has(key)) return "protected by policy.protect";
    return undefined;
  };

  for (const want of input.desired) {
    if (input.only && !input.only.has(want.key)) continue;
    const have = remoteByKey.get(want.key);
    fingerprints[want.key] = have ? have.fingerprint : null;
    const change = have ? updateChange(target, want, have) : createChange(target, want);
    if (!change) {
      if (!have && !want.enabled) {
        notes.push({
          level: "info",
          key: want.key,
          message: `${want.name} is off-boarded and not on the server: nothing to do`,
        });
      }
      continue;
    }
    const why = untouchable(want.key);
    if (why) {
      const fields = change.attrs.map((a) => a.key).join(", ");
      notes.push({
        level: "warning",
        key: want.key,
        message: `${want.name} is ${why}: not changed (differs in ${fields})`,
      });
      continue;
    }
    changes.push(change);
  }

  for (const have of input.only ? [] : input.remote) {
    if (desiredKeys.has(have.key) || input.ignore?.has(have.key)) continue;
    if (policy.unmanaged === "ignore") continue;
    const why = untouchable(have.key);
    const deactivate = policy.unmanaged === "deactivate" && have.enabled && !why && !have.system;
    if (deactivate) {
      fingerprints[have.key] = have.fingerprint;
      changes.push({
        id: changeId(target, "deactivate", have.key),
        kind: "deactivate",
        key: have.key,
        name: have.name,
        remoteId: have.id,
        attrs: [{ key: ENABLED_KEY, from: enabledAttr(true), to: enabledAttr(false) }],
        dependsOn: [],
        reason: "not in users.d (policy.unmanaged: deactivate)",
      });
    } else if (have.enabled || policy.unmanaged === "report") {
      const state = have.enabled ? "enabled" : "disabled";
      const left = why
        ? `, left alone: ${why}`
        : have.system && policy.unmanaged === "deactivate"
          ? ", left alone: system account"
          : "";
      notes.push({
        level: "info",
        key: have.key,
        message: `${have.name} (${state}) is on the server but not in users.d${left}`,
      });
    }
  }

  linkDependencies(changes, remoteByKey);
  const refusals = checkLimits(changes, input.remote.length, policy.limits);
  return { changes: sortChanges(changes), notes, refusals, fingerprints };
}

export function changeId(target: string, kind: ChangeKind, key: string): string {
  return `${target}:${kind}:${key}`;
}

function createChange(target: string, want: DesiredRecord): Change | undefined {
  if (!want.enabled) return undefined;
  const attrs: AttrChange[] = Object.entries(want.attrs).map(([key, to]) => ({ key, to }));
  attrs.push({ key: ENABLED_KEY, to: enabledAttr(true) });
  return {
    id: changeId(target, "create", want.key),
    kind: "create",
    key: want.key,
    name: want.name,
    attrs,
    dependsOn: [],
    ...(want.source ? { source: want.source } : {}),
  };
}

function updateChange(target: string, want: DesiredRecord, have: RemoteRecord): Change | undefined {
  const attrs: AttrChange[] = [];
  for (const [key, to] of Object.entries(want.attrs)) {
    const from = have.attrs[key];
    if (from && from.canon === to.canon) continue;
    attrs.push(from ? { key, from, to } : { key, to });
  }
  let kind: ChangeKind = "update";
  if (want.enabled !== have.enabled) {
    kind = want.enabled ? "reactivate" : "deactivate";
    attrs.push({ key: ENABLED_KEY, from: enabledAttr(have.enabled), to: enabledAttr(want.enabled) });
  }
  if (attrs.length === 0) return undefined;
  return {
    id: changeId(target, kind, want.key),
    kind,
    key: want.key,
    name: want.name,
    remoteId: have.id,
    attrs,
    dependsOn: [],
    ...(want.source ? { source: want.source } : {}),
  };
}

/** A value that refers to another record (a supervisor) waits for that record's create or reactivation. */
function linkDependencies(changes: Change[], remoteByKey: ReadonlyMap<string, RemoteRecord>): void {
  const enabling = new Map<string, string>();
  for (const c of changes) if (c.kind === "create" || c.kind === "reactivate") enabling.set(c.key, c.id);
  for (const c of changes) {
    for (const a of c.attrs) {
      const ref = a.to.ref;
      if (ref === undefined) continue;
      const dep = enabling.get(ref);
      if (dep && dep !== c.id && !c.dependsOn.includes(dep)) c.dependsOn.push(dep);
      else if (!dep && !remoteByKey.has(ref))
        c.reason ??= `refers to ${ref}, which is neither on the server nor planned`;
    }
  }
}

function checkLimits(
  changes: readonly Change[],
  remoteCount: number,
  limits: PlanPolicy["limits"],
): Refusal[] {
  const refusals: Refusal[] = [];
  const count = (kinds: ChangeKind[]) => changes.filter((c) => kinds.includes(c.kind)).length;
  const check = (name: keyof PlanPolicy["limits"], n: number, limit: Limit | undefined) => {
    if (!limit) return;
    // A percentage rounds up: 10% of 5 users allows 1, so small teams can still off-board someone.
    const max = "count" in limit ? limit.count : Math.ceil((limit.percent / 100) * remoteCount - 1e-9);
    if (n > max) {
      const allowed =
        "count" in limit ? `${limit.count}` : `${limit.percent}% of ${remoteCount} users = ${max}`;
      refusals.push({
        code: "limit",
        forceable: true,
        message: `${n} to ${name} exceed policy.limits.${name} (${allowed}); review the plan and re-run with --force, or raise the limit in rosterform.yaml`,
      });
    }
  };
  check("create", count(["create"]), limits.create);
  check("update", count(["update", "reactivate"]), limits.update);
  check("deactivate", count(["deactivate"]), limits.deactivate);
  return refusals;
}

const KIND_ORDER: Record<ChangeKind, number> = { create: 0, reactivate: 1, update: 2, deactivate: 3 };

/** Stable, readable order: by kind, then by key. Execution order comes from dependsOn, not from this. */
function sortChanges(changes: Change[]): Change[] {
  return changes.sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
