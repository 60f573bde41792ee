// How a command tells about targets that failed while others went on.
import { formatDiagnostic } from "../core/diagnostics.js";
import type { Plan } from "../core/plan.js";
import { ConfigError, RefusedError, RosterformError } from "../errors.js";
import type { Io } from "../io.js";
import { refusalLine, targetTitle } from "../render/summary.js";
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

/** --force overrides every forceable refusal (the plan then says "overridden"); returns the ones that still hold. */
export function settleRefusals(plan: Plan, force: boolean | undefined): string[] {
  const holding: string[] = [];
  for (const t of plan.targets) {
    for (const r of t.refusals) {
      if (force && r.forceable) r.overridden = true;
      else holding.push(`${targetTitle(t.target)}: ${refusalLine(r)}`);
    }
  }
  return holding;
}

/** Exit 3: each refusal on stderr, naming its target (CI quotes stderr into the pull request). */
export function refusedError(holding: readonly string[]): RefusedError {
  const [first, ...rest] = holding;
  return new RefusedError([first ?? "refused", ...rest].join("\n"), ["nothing was changed"]);
}
