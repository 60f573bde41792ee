import { countChanges, type TargetPlan } from "../core/plan.js";

/** `Plan: 2 to create, 3 to update, 1 to deactivate.` (reactivations named only when there are some). */
export function summaryLine(target: TargetPlan): string {
  if (target.errors?.length) return "Could not be planned; nothing will be applied to any target.";
  if (target.changes.length === 0) return "No changes.";
  const n = countChanges(target.changes);
  const reactivate = n.reactivate > 0 ? `, ${n.reactivate} to reactivate` : "";
  const remove = n.delete > 0 ? `, ${n.delete} to delete` : "";
  return `Plan: ${n.create} to create, ${n.update} to update, ${n.deactivate} to deactivate${reactivate}${remove}.`;
}

export const TARGET_TITLES: Record<string, string> = { kimai: "Kimai", wheniwork: "When I Work" };

export function targetTitle(target: string): string {
  return TARGET_TITLES[target] ?? target;
}
