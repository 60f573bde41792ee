// Pure: desired records + remote records of one resource kind + policy -> the changes of that kind.
import { address, type Address } from "./address.js";
import type { KindSpec } from "./kinds.js";
import { checkLimits } from "./limits.js";
import {
  ABSENT_OFFBOARDED,
  type Action,
  type AttrChange,
  type Change,
  type Note,
  type PlanPolicy,
  type Refusal,
} from "./plan.js";
import {
  CONTRACT_FIELD_PREFIX,
  ENABLED_KEY,
  enabledAttr,
  type DesiredRecord,
  type RemoteRecord,
} from "./records.js";

export interface DiffInput {
  target: string;
  /** The kind every record here is of, and how its records are retired. */
  spec: KindSpec;
  desired: readonly DesiredRecord[];
  remote: readonly RemoteRecord[];
  policy: PlanPolicy;
  /** The key of the user the token belongs to: never changed. */
  selfKey?: string;
  /** `--only`: plan just these keys, and say nothing about records not declared. */
  only?: ReadonlySet<string>;
  /** Keys that are nobody's business here (opted out of this target). */
  ignore?: ReadonlySet<string>;
}

export interface DiffOutput {
  changes: Change[];
  notes: Note[];
  refusals: Refusal[];
  fingerprints: Record<Address, string | null>;
}

export function diffRecords(input: DiffInput): DiffOutput {
  const { target, spec, policy } = input;
  const at = (key: string) => address(target, spec.kind, key);
  const remoteByKey = new Map(input.remote.map((r) => [r.key, r]));
  const desiredKeys = new Set(input.desired.map((d) => d.key));
  const protectedKeys = new Set(spec.people ? policy.protect.map((p) => p.toLowerCase()) : []);
  const changes: Change[] = [];
  const notes: Note[] = [];
  const fingerprints: Record<Address, string | null> = {};

  const untouchable = (key: string): string | undefined => {
    if (key === input.selfKey) return "the token's own user";
    if (protectedKeys.has(key)) return "protected by policy.protect";
    return undefined;
  };

  for (const want of input.desired) {
    if (input.only && !input.only.has(want.key)) continue;
    const have = remoteByKey.get(want.key);
    fingerprints[at(want.key)] = have ? have.fingerprint : null;
    const change = have ? updateChange(target, spec, want, have) : createChange(target, spec, want);
    if (!change) {
      if (!have && !want.enabled) {
        notes.push({
          level: "info",
          key: want.key,
          code: ABSENT_OFFBOARDED,
          message: `${want.name} is ${spec.retire === "delete" ? "retired" : "off-boarded"} and not on the server: nothing to do`,
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

  const unmanaged = spec.unmanaged ? policy.unmanaged : "ignore";
  for (const have of input.only ? [] : input.remote) {
    if (desiredKeys.has(have.key) || input.ignore?.has(have.key)) continue;
    if (unmanaged === "ignore") continue;
    const why = untouchable(have.key);
    const retire = unmanaged === "deactivate" && have.enabled && !why && !have.system;
    if (retire) {
      fingerprints[at(have.key)] = have.fingerprint;
      changes.push(
        retireChange(target, spec, have, `not in ${spec.declaredIn} (policy.unmanaged: deactivate)`),
      );
    } else if (have.enabled || unmanaged === "report") {
      const state = spec.retire === "deactivate" ? ` (${have.enabled ? "enabled" : "disabled"})` : "";
      const left = why
        ? `, left alone: ${why}`
        : have.system && unmanaged === "deactivate"
          ? ", left alone: system account"
          : "";
      notes.push({
        level: "info",
        key: have.key,
        message: `${have.name}${state} is on the server but not in ${spec.declaredIn}${left}`,
      });
    }
  }

  // References to other kinds are the caller's to check (buildTargetPlan links across kinds).
  const prefix = at("");
  linkDependencies(changes, (ref) => !ref.startsWith(prefix) || remoteByKey.has(ref.slice(prefix.length)));
  const limits = checkLimits(changes, input.remote.length, spec, policy.limits[spec.kind] ?? {});
  notes.push(...limits.notes);
  const refusals = limits.refusals;
  return { changes: sortChanges(changes), notes, refusals, fingerprints };
}

function createChange(target: string, spec: KindSpec, want: DesiredRecord): Change | undefined {
  if (!want.enabled) return undefined;
  const attrs: AttrChange[] = Object.entries(want.attrs).map(([key, to]) => named(want, { key, to }));
  if (spec.retire === "deactivate") attrs.push({ key: ENABLED_KEY, to: enabledAttr(true) });
  return {
    address: address(target, spec.kind, want.key),
    action: "create",
    kind: spec.kind,
    key: want.key,
    name: want.name,
    attrs,
    dependsOn: [],
    ...(want.source ? { source: want.source } : {}),
    ...withContract(want, attrs),
  };
}

/** The YAML's name of the attribute, when it differs from the system's. */
function named(want: DesiredRecord, change: AttrChange): AttrChange {
  const field = want.fields?.[change.key];
  return field === undefined || field === change.key ? change : { ...change, field };
}

/** The template a change's contract fields come from, when any of them change. */
function withContract(want: DesiredRecord, attrs: readonly AttrChange[]): { contract?: string } {
  if (want.contract === undefined) return {};
  return attrs.some((a) => a.field?.startsWith(CONTRACT_FIELD_PREFIX)) ? { contract: want.contract } : {};
}

function updateChange(
  target: string,
  spec: KindSpec,
  want: DesiredRecord,
  have: RemoteRecord,
): Change | undefined {
  if (!want.enabled && spec.retire === "delete") {
    return {
      ...retireChange(target, spec, have, undefined),
      ...(want.source ? { source: want.source } : {}),
    };
  }
  const attrs: AttrChange[] = [];
  for (const [key, to] of Object.entries(want.attrs)) {
    const from = have.attrs[key];
    if (from && from.canon === to.canon) continue;
    attrs.push(named(want, from ? { key, from, to } : { key, to }));
  }
  let action: Action = "update";
  // Retiring by deactivation: `enabled` is the switch, and turning it is the change's action.
  if (spec.retire === "deactivate" && want.enabled !== have.enabled) {
    action = want.enabled ? "reactivate" : "deactivate";
    attrs.push({ key: ENABLED_KEY, from: enabledAttr(have.enabled), to: enabledAttr(want.enabled) });
  }
  if (attrs.length === 0) return undefined;
  return {
    address: address(target, spec.kind, want.key),
    action,
    kind: spec.kind,
    key: want.key,
    name: want.name,
    remoteId: have.id,
    attrs,
    dependsOn: [],
    ...(want.source ? { source: want.source } : {}),
    ...withContract(want, attrs),
  };
}

/** The change that retires a server record: deactivation or deletion, as the kind says. */
function retireChange(
  target: string,
  spec: KindSpec,
  have: RemoteRecord,
  reason: string | undefined,
): Change {
  const deactivate = spec.retire === "deactivate";
  return {
    address: address(target, spec.kind, have.key),
    action: deactivate ? "deactivate" : "delete",
    kind: spec.kind,
    key: have.key,
    name: have.name,
    remoteId: have.id,
    attrs: deactivate ? [{ key: ENABLED_KEY, from: enabledAttr(true), to: enabledAttr(false) }] : [],
    dependsOn: [],
    ...(reason ? { reason } : {}),
  };
}

/**
 * A value that refers to other records (a supervisor, a team's members) waits for each referred record's
 * create or reactivation. `exists` says whether a referred address is on the server; a reference to a record
 * that is neither there nor planned gets a reason. Safe to run again over more changes (other kinds).
 */
export function linkDependencies(changes: Change[], exists: (ref: Address) => boolean): void {
  const enabling = new Map<Address, Address>();
  for (const c of changes) {
    if (c.action === "create" || c.action === "reactivate") enabling.set(c.address, c.address);
  }
  for (const c of changes) {
    for (const a of c.attrs) {
      for (const ref of a.to.refs ?? []) {
        const dep = enabling.get(ref);
        if (dep && dep !== c.address && !c.dependsOn.includes(dep)) c.dependsOn.push(dep);
        else if (!dep && !exists(ref))
          c.reason ??= `refers to ${ref}, which is neither on the server nor planned`;
      }
    }
  }
}

const ACTION_ORDER: Record<Action, number> = {
  create: 0,
  reactivate: 1,
  update: 2,
  deactivate: 3,
  delete: 4,
};

/** Stable, readable order: by action, then by key. Execution order comes from dependsOn, not from this. */
function sortChanges(changes: Change[]): Change[] {
  return changes.sort(
    (a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
