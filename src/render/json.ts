// Plan and apply results as versioned JSON for CI gates and saved plans.
import { countChanges, type Change, type Plan } from "../core/plan.js";

/** The contract-impact effect's figures, also as `impact` on the change, for `jq '.. | .impact? // empty'`. */
const IMPACT = "contract-impact";

export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(
    {
      ...plan,
      targets: plan.targets.map((t) => ({
        ...t,
        changes: t.changes.map(withImpact),
        summary: countChanges(t.changes),
      })),
    },
    null,
    2,
  )}\n`;
}

function withImpact(change: Change): Change & { impact?: unknown } {
  const impact = change.effects?.find((e) => e.code === IMPACT)?.data;
  return impact === undefined ? change : { ...change, impact };
}
