// How a command tells about targets that failed while others went on.
import { formatDiagnostic } from "../core/diagnostics.js";
import { ConfigError, RosterformError } from "../errors.js";
import type { Io } from "../io.js";
import { targetTitle } from "../render/summary.js";
import type { TargetFailure } from "./planning.js";

export function describeError(error: unknown): string {
  if (error instanceof ConfigError) {
    return [...error.diagnostics.map(formatDiagnostic), error.message].join("\n");
  }
  if (error instanceof RosterformError) {
    return [error.message, ...error.hints.map((h) => `  hint: ${h}`)].join("\n");
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function reportFailures(failures: readonly TargetFailure[], io: Io): void {
  for (const f of failures) io.stderr(`error: ${targetTitle(f.target)}: ${describeError(f.error)}\n`);
}
