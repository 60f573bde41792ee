// Keeps `employment_type` and the deprecated `type` bits consistent, whichever of them a write (or seed) gives.

import { EMPLOYMENT_OF_TYPE, EMPLOYMENT_TYPES, TYPE_OF_EMPLOYMENT } from "./constants.js";
import type { EmploymentType } from "./constants.js";

export interface Employment {
  employment_type: EmploymentType;
  type: number;
}

export function isEmploymentType(value: unknown): value is EmploymentType {
  return typeof value === "string" && (EMPLOYMENT_TYPES as readonly string[]).includes(value);
}

/**
 * The employment after a write that may carry either field, or an error message. When both are given
 * they must agree; `type` alone maps back to an employment type (6 keeps a shareholder a shareholder).
 */
export function resolveEmployment(
  employmentType: unknown,
  type: unknown,
  current: Employment,
): Employment | { error: string } {
  if (employmentType !== undefined && !isEmploymentType(employmentType)) {
    return { error: `employment_type must be one of ${EMPLOYMENT_TYPES.join(", ")}` };
  }
  if (type !== undefined && (typeof type !== "number" || !EMPLOYMENT_OF_TYPE.has(type))) {
    return {
      error: `type must be one of ${[...EMPLOYMENT_OF_TYPE.keys()].join(", ")} (bits: 1 hourly, 2 salaried, 4 exempt)`,
    };
  }
  if (employmentType !== undefined) {
    const implied = TYPE_OF_EMPLOYMENT[employmentType];
    if (type !== undefined && type !== implied) {
      return {
        error: `type ${String(type)} contradicts employment_type "${employmentType}" (which means type ${implied})`,
      };
    }
    return { employment_type: employmentType, type: implied };
  }
  if (typeof type === "number") {
    if (type === current.type) return current;
    const employment = EMPLOYMENT_OF_TYPE.get(type) ?? "hourly";
    return { employment_type: employment, type };
  }
  return current;
}
