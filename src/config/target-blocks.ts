// What the config layer asks of a target system: to read its `targets.<name>` block of rosterform.yaml and its
// per-person `<name>:` block of user files and defaults. The modules come from the caller (the registry in
// src/providers/index.ts); the config layer names no system itself.
import type { FileReport } from "./file-report.js";
import type { PathSegment } from "./source-tree.js";

export interface TargetBlocks {
  /** The key of its block under `targets:` and of its per-person block. */
  readonly name: string;
  /** targets.<name> (after the JSON Schema) → the module's own settings, kept in RosterConfig.targets[name]. */
  readTarget(raw: Record<string, unknown>, path: readonly PathSegment[], report: FileReport): unknown;
  /**
   * The per-person `<name>:` mapping (after the JSON Schema) → the module's own settings, kept in
   * DesiredUser.targets[name]; `<name>: false` (opted out) is kept as false without asking. Absent: the system
   * has no per-person block.
   */
  readPerson?(raw: Record<string, unknown>, path: readonly PathSegment[], report: FileReport): unknown;
}
