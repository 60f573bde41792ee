// Saved plans: `plan --out FILE` writes the plan value; `apply FILE` reads it back, checked.
import type { Plan } from "./plan.js";

export class PlanFileError extends Error {}

/** Narrows parsed JSON to a Plan rosterform can apply, or says what is wrong. */
export function parsePlanFile(text: string, file: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(
      `${file} is not JSON (${(error as Error).message}); write it with rosterform plan --out ${file}`,
    );
  }
  const plan = value as Partial<Plan> | null;
  if (!plan || typeof plan !== "object" || plan.tool !== "rosterform" || !Array.isArray(plan.targets)) {
    throw new PlanFileError(`${file} is not a rosterform plan; write one with rosterform plan --out ${file}`);
  }
  if (plan.formatVersion !== 1) {
    throw new PlanFileError(
      `${file} has formatVersion ${String(plan.formatVersion)}; this rosterform reads formatVersion 1: plan again with this version`,
    );
  }
  for (const t of plan.targets) {
    if (
      !t ||
      typeof t.target !== "string" ||
      !Array.isArray(t.changes) ||
      typeof t.fingerprints !== "object"
    ) {
      throw new PlanFileError(`${file} is damaged (a target without changes or fingerprints): plan again`);
    }
  }
  return plan as Plan;
}

/** Keys whose remote state differs from when the plan was made ("" = a user that appeared since). */
export function staleKeys(
  saved: Readonly<Record<string, string | null>>,
  current: ReadonlyMap<string, string>,
): { key: string; why: string }[] {
  const stale: { key: string; why: string }[] = [];
  for (const [key, was] of Object.entries(saved)) {
    const now = current.get(key) ?? null;
    if (was === now) continue;
    const why =
      was === null
        ? "appeared on the server"
        : now === null
          ? "disappeared from the server"
          : "changed on the server";
    stale.push({ key, why });
  }
  return stale;
}
