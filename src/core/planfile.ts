// Saved plans: `plan --out FILE` writes the plan value; `apply FILE` reads it back, checked.
import type { Address } from "./address.js";
import { PLAN_FORMAT_VERSION, type Plan } from "./plan.js";

export class PlanFileError extends Error {}

/** The saved plan's JSON Schema (schemas/plan.schema.json), compiled by ajv. */
export interface PlanValidator {
  (value: unknown): boolean;
  errors?: readonly { instancePath: string; message?: string }[] | null;
}

/** Narrows parsed JSON to a Plan rosterform can apply, or says what is wrong. */
export function parsePlanFile(text: string, file: string, validate: PlanValidator): Plan {
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
  const version: unknown = plan.formatVersion;
  if (typeof version === "number" && version < PLAN_FORMAT_VERSION) {
    throw new PlanFileError(
      `${file} was made by an older rosterform (formatVersion ${version}); run plan again: rosterform plan --out ${file}`,
    );
  }
  if (plan.formatVersion !== PLAN_FORMAT_VERSION) {
    throw new PlanFileError(
      `${file} has formatVersion ${String(plan.formatVersion)}; this rosterform reads formatVersion ${PLAN_FORMAT_VERSION}: plan again with this version`,
    );
  }
  if (!validate(value)) {
    const first = validate.errors?.[0];
    const where = first ? `${first.instancePath || "/"} ${first.message ?? "is invalid"}` : "is invalid";
    throw new PlanFileError(
      `${file} is damaged or edited (${where}): plan again with rosterform plan --out ${file}`,
    );
  }
  return plan as Plan;
}

/** Addresses whose remote state differs from when the plan was made. */
export function staleKeys(
  saved: Readonly<Record<Address, string | null>> | null | undefined,
  current: ReadonlyMap<Address, string>,
): { key: Address; why: string }[] {
  const stale: { key: Address; why: string }[] = [];
  for (const [key, was] of Object.entries(saved ?? {})) {
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
