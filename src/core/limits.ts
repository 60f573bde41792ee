// How many changes of one kind a plan may hold: policy.limits, else a default modelled on octoDNS's thresholds.
import type { KindSpec } from "./kinds.js";
import type { KindLimits, Limit } from "./model.js";
import type { Action, Change, Note, Refusal } from "./plan.js";

type LimitName = keyof KindLimits;

const LIMITED: readonly { name: LimitName; actions: readonly Action[] }[] = [
  { name: "create", actions: ["create"] },
  { name: "update", actions: ["update", "reactivate"] },
  { name: "delete", actions: ["delete"] },
  { name: "deactivate", actions: ["deactivate"] },
];

/**
 * The limit an action has when policy.limits does not name it. octoDNS refuses updates and deletes above 30% of
 * the existing records once a zone has at least 10; rosterform takes the same 30% and:
 * - create: none (nothing is lost; a first run creates everyone);
 * - update (and reactivate): 30% of the records on the server, once there are at least 10, as octoDNS;
 * - deactivate and delete: 30% of the records on the server, and never fewer than 3 (30% of octoDNS's 10):
 *   off-boarding locks people out, so a small team is not left without a limit; it can still off-board 3 at once.
 */
export interface DefaultLimit {
  percent: number;
  /** Below this many records on the server, no default applies. */
  minRecords?: number;
  /** The default never allows fewer than this. */
  floor?: number;
}
export const DEFAULT_LIMITS: Readonly<Partial<Record<LimitName, DefaultLimit>>> = {
  update: { percent: 30, minRecords: 10 },
  deactivate: { percent: 30, floor: 3 },
  delete: { percent: 30, floor: 3 },
};

/** A plan at or above this share of a limit shows the limit (a note), so nobody meets it by surprise. */
const CLOSE = 0.5;

export interface LimitCheck {
  refusals: Refusal[];
  notes: Note[];
}

/** The changes of one kind against its limits (policy.limits.<kind>, else the defaults). */
export function checkLimits(
  changes: readonly Change[],
  remoteCount: number,
  spec: KindSpec,
  limits: KindLimits,
): LimitCheck {
  const out: LimitCheck = { refusals: [], notes: [] };
  for (const { name, actions } of LIMITED) {
    const n = changes.filter((c) => c.kind === spec.kind && actions.includes(c.action)).length;
    if (n === 0) continue;
    const setting = `policy.limits.${spec.kind}.${name}`;
    const limit = effectiveLimit(limits[name], DEFAULT_LIMITS[name], remoteCount, spec.plural);
    if (!limit) continue;
    const { max, shown } = limit;
    const what = limit.isDefault
      ? `the default limit (${shown}; ${setting} is not set)`
      : `${setting} (${shown})`;
    if (n > max) {
      out.refusals.push({
        code: "limit",
        forceable: true,
        message: `${n} ${spec.plural} to ${name} exceed ${what}`,
        fix: `review the plan and re-run with --force, or ${limit.isDefault ? "set" : "raise"} ${setting} in rosterform.yaml`,
      });
    } else if (n >= max * CLOSE) {
      out.notes.push({
        level: "info",
        message: `${n} ${spec.plural} to ${name}, within ${what}: at most ${max}`,
      });
    }
  }
  return out;
}

function effectiveLimit(
  set: Limit | undefined,
  fallback: DefaultLimit | undefined,
  remoteCount: number,
  plural: string,
): { max: number; shown: string; isDefault: boolean } | undefined {
  if (set) {
    if ("count" in set) return { max: set.count, shown: `${set.count}`, isDefault: false };
    const max = percentOf(set.percent, remoteCount);
    return { max, shown: `${set.percent}% of ${remoteCount} ${plural} = ${max}`, isDefault: false };
  }
  if (!fallback || remoteCount < (fallback.minRecords ?? 0)) return undefined;
  const share = percentOf(fallback.percent, remoteCount);
  const floor = fallback.floor ?? 0;
  const max = Math.max(share, floor);
  const shown =
    floor > share
      ? `${fallback.percent}% of ${remoteCount} ${plural}, at least ${floor}`
      : `${fallback.percent}% of ${remoteCount} ${plural} = ${max}`;
  return { max, shown, isDefault: true };
}

/** A percentage rounds up: 10% of 5 users allows 1, so small teams can still off-board someone. */
function percentOf(percent: number, count: number): number {
  return Math.ceil((percent / 100) * count - 1e-9);
}

/**
 * Declaring nobody while unmanaged records are retired: every record would go (an empty or unchecked-out users.d).
 * Refused unless forced, whatever the limits say.
 */
export function nobodyDeclared(
  changes: readonly Change[],
  declared: number,
  spec: KindSpec,
  remoteCount: number,
): Refusal | undefined {
  if (!spec.people || !spec.unmanaged || declared > 0) return undefined;
  const retiring = changes.filter(
    (c) => c.kind === spec.kind && (c.action === "deactivate" || c.action === "delete"),
  ).length;
  if (retiring === 0) return undefined;
  const verb = spec.retire === "delete" ? "delete" : "deactivate";
  return {
    code: "nobody",
    forceable: true,
    message: `${spec.declaredIn} declares no ${spec.plural}, and policy.unmanaged: deactivate would ${verb} ${retiring} of the ${remoteCount} ${spec.plural} on the server`,
    fix: `check that ${spec.declaredIn}/ is there and holds the files (a checkout or merge that lost them), or re-run with --force if that is meant`,
  };
}
