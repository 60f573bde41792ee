// Plan and apply results as versioned JSON for CI gates and saved plans.
import { countChanges, type Plan } from "../core/plan.js";

export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(
    { ...plan, targets: plan.targets.map((t) => ({ ...t, summary: countChanges(t.changes) })) },
    null,
    2,
  )}\n`;
}
