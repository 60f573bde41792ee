// The one list of target systems. A new system is a folder src/providers/<name>/ with a module.ts, and a line here.
import { kimai } from "./kimai/module.js";
import type { TargetModule } from "./module.js";
import { wheniwork } from "./wheniwork/module.js";

export type { TargetModule } from "./module.js";

/** In the order plans show them. Tests may add a module for the length of a test file. */
export const TARGETS: TargetModule[] = [kimai, wheniwork];

/** The module of a target name, or undefined. */
export function targetModule(name: string): TargetModule | undefined {
  return TARGETS.find((t) => t.name === name);
}
