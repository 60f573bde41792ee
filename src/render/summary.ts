// One summary wording for every format and for any number of targets: `Kimai: Plan: 1 to create, 2 to update.`
import {
  countChanges,
  type Action,
  type Change,
  type Refusal,
  type ScheduledChange,
  type TargetPlan,
} from "../core/plan.js";

const PLANNED: Record<Action, string> = {
  create: "to create",
  update: "to update",
  deactivate: "to deactivate",
  reactivate: "to reactivate",
  delete: "to delete",
};

const DONE: Record<Action, string> = {
  create: "created",
  update: "updated",
  deactivate: "deactivated",
  reactivate: "reactivated",
  delete: "deleted",
};

/** The order counts are named in. */
const ORDER: readonly Action[] = ["create", "update", "deactivate", "reactivate", "delete"];

/** `1 to create, 2 to update`: only the actions there are (none: ""). */
function counted(changes: readonly Change[], words: Record<Action, string>): string {
  const n = countChanges(changes);
  return ORDER.filter((a) => n[a] > 0)
    .map((a) => `${n[a].toLocaleString("en")} ${words[a]}`)
    .join(", ");
}

/** What a target's plan would do, without its name: `Plan: 2 to create, 1 to deactivate.` */
export function summaryLine(target: TargetPlan): string {
  if (target.errors?.length) return "could not be planned; nothing will be applied to any target.";
  const standing = target.refusals.filter((r) => !r.overridden);
  const overridden = target.refusals.length - standing.length;
  const refused =
    standing.length > 0
      ? ` Refused: ${refusedHow(standing)}.`
      : overridden > 0
        ? ` ${overridden} refusal${overridden === 1 ? "" : "s"} overridden by --force.`
        : "";
  if (target.changes.length === 0) return `No changes.${refused}`;
  return `Plan: ${counted(target.changes, PLANNED)}.${refused}`;
}

function refusedHow(refusals: readonly Refusal[]): string {
  return refusals.every((r) => r.forceable) ? "apply stops unless --force" : "apply stops (see why above)";
}

/** The summary with the target's name, as every format ends each target: `Kimai: Plan: 1 to create.` */
export function targetSummary(target: TargetPlan): string {
  return `${targetTitle(target.target)}: ${summaryLine(target)}`;
}

/**
 * What an apply did to one target: `Kimai: Apply complete: 2 created, 1 updated.`; with failures it is not
 * "complete": `Kimai: Apply incomplete: 2 created; 1 failed, 1 skipped.`
 */
export function applySummary(
  target: string,
  changes: readonly Change[],
  statuses: readonly (string | undefined)[],
): string {
  const applied = changes.filter((_, i) => statuses[i] === "applied");
  const count = (status: string) => statuses.filter((s) => s === status).length;
  const [failed, skipped, notStarted, unknown] = [
    count("failed"),
    count("skipped"),
    count("not-started"),
    count("unknown"),
  ];
  const done = counted(applied, DONE);
  const stopped = notStarted > 0 || unknown > 0;
  if (failed === 0 && skipped === 0 && !stopped)
    return `${targetTitle(target)}: Apply complete: ${done || "nothing to do"}.`;
  const problems = [
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(skipped > 0 ? [`${skipped} skipped`] : []),
    ...(notStarted > 0 ? [`${notStarted} not started`] : []),
    ...(unknown > 0 ? [`${unknown} unknown (still in flight when stopped)`] : []),
  ].join(", ");
  const verb = stopped ? "Apply stopped" : "Apply incomplete";
  return `${targetTitle(target)}: ${verb}: ${done || "nothing applied"}; ${problems}.`;
}

export const TARGET_TITLES: Record<string, string> = { kimai: "Kimai", wheniwork: "When I Work" };

export function targetTitle(target: string): string {
  return TARGET_TITLES[target] ?? target;
}

/** Scheduled contract switches by date, then person. */
export function byDate(scheduled: readonly ScheduledChange[]): ScheduledChange[] {
  return [...scheduled].sort((a, b) => a.from.localeCompare(b.from) || a.key.localeCompare(b.key));
}

/** `refused: … ; what to do`, or, once --force overrode it, `overridden by --force: …`. */
export function refusalLine(r: Refusal): string {
  if (r.overridden) return `overridden by --force: ${r.message}`;
  return `refused: ${r.message}${r.fix ? `; ${r.fix}` : ""}`;
}
