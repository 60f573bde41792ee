// Pure: a saved plan's changes checked against the server and users.d as they are now, before apply sends any.
// A saved plan is checked, not trusted: each refused change gets one line naming its address.
import { address, type Address } from "./address.js";
import type { KindSpec } from "./kinds.js";
import type { Change, TargetPlan } from "./plan.js";
import type { RemoteRecord } from "./records.js";

export interface SavedTargetNow {
  /** The provider's kinds: which are people (policy.protect and the token's own user apply). */
  kinds: readonly KindSpec[];
  /** policy.protect, as rosterform.yaml says it today. */
  protect: readonly string[];
  /** The token's own user, under the plan's keys. */
  selfKey?: string;
  /** The server's records now, under the plan's keys. */
  current: readonly RemoteRecord[];
  /** The changes today's users.d and policy make against the server as it is now (every declared person). */
  fresh: readonly Change[];
}

export interface Refused {
  address: Address;
  why: string;
}

/**
 * Changes of one saved target that apply must not make: listed twice, addressed elsewhere than their kind and
 * key, touching a protected user or the token's own user, without a fingerprint, naming another record's id, or
 * not what today's users.d and policy would produce. `stale` holds addresses whose server record changed since
 * the plan (told apart by the caller): they are not compared with today's plan.
 */
export function refusedChanges(
  saved: TargetPlan,
  now: SavedTargetNow,
  stale: ReadonlySet<Address> = new Set(),
): Refused[] {
  const refused: Refused[] = [];
  const people = new Set(now.kinds.filter((k) => k.people).map((k) => k.kind));
  const known = new Set(now.kinds.map((k) => k.kind));
  const protect = new Set(now.protect.map((p) => p.toLowerCase()));
  const current = new Map(now.current.map((r) => [address(saved.target, r.kind, r.key), r]));
  const fresh = new Map(now.fresh.map((c) => [c.address, c]));
  const inPlan = new Set(saved.changes.map((c) => c.address));
  const seen = new Set<Address>();
  for (const change of saved.changes) {
    const why = refusal(change);
    if (why) refused.push({ address: change.address, why });
  }
  return refused;

  function refusal(change: Change): string | undefined {
    if (seen.has(change.address)) return "listed more than once in the plan";
    seen.add(change.address);
    if (change.address !== address(saved.target, change.kind, change.key) || !known.has(change.kind))
      return `not a ${saved.target} record (kind ${change.kind}, key ${change.key})`;
    if (people.has(change.kind) && change.key === now.selfKey)
      return "the token's own user: rosterform never changes it";
    if (people.has(change.kind) && protect.has(change.key))
      return "protected by policy.protect: rosterform never changes it";
    if (!Object.hasOwn(saved.fingerprints, change.address))
      return "has no fingerprint in the plan, so its server state cannot be checked";
    const have = current.get(change.address);
    if (change.action === "create") {
      if (change.remoteId !== undefined) return `a create that names server id ${String(change.remoteId)}`;
    } else if (have && String(have.id) !== String(change.remoteId)) {
      return `the plan names id ${String(change.remoteId)}, but the server's ${change.key} is id ${String(have.id)}`;
    }
    if (stale.has(change.address)) return undefined;
    const today = fresh.get(change.address);
    if (!today || signature(today) !== signature(change))
      return "today's users.d and policy would not make this change";
    const missing = today.dependsOn.filter((d) => inPlan.has(d) && !change.dependsOn.includes(d));
    if (missing.length > 0) return `must wait for ${missing.join(", ")}, which the plan does not say`;
    return undefined;
  }
}

/** What a change sends: equal signatures send the same requests. */
function signature(c: Change): string {
  const attrs = c.attrs
    .map((a) => JSON.stringify([a.key, a.to.raw, a.to.refs ?? []]))
    .sort()
    .join(",");
  return JSON.stringify([c.action, c.kind, c.key, c.name, c.remoteId ?? null, attrs]);
}
