// Runs a plan's changes with bounded concurrency, each after the changes it depends on.
// One failure does not stop independent changes; dependents of a failure are skipped.
import type { Address } from "./address.js";
import type { Change } from "./plan.js";

export type ChangeStatus = "applied" | "failed" | "skipped";

export interface ChangeResult {
  address: Address;
  status: ChangeStatus;
  /** Failure message, or why it was skipped. */
  error?: string;
  hints?: readonly string[];
  remarks?: string[];
  durationMs: number;
}

export interface ExecuteOptions {
  parallelism: number;
  run(change: Change): Promise<{ remarks?: string[] } | void>;
  onResult?(change: Change, result: ChangeResult): void;
}

export async function executeChanges(
  changes: readonly Change[],
  options: ExecuteOptions,
): Promise<ChangeResult[]> {
  const byAddress = new Map(changes.map((c) => [c.address, c]));
  const results = new Map<string, ChangeResult>();
  const waiting = new Map<string, Set<string>>();
  const dependents = new Map<string, string[]>();
  const ready: Change[] = [];

  for (const c of changes) {
    const deps = new Set(c.dependsOn.filter((d) => byAddress.has(d)));
    waiting.set(c.address, deps);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), c.address]);
    if (deps.size === 0) ready.push(c);
  }

  const finish = (change: Change, result: ChangeResult) => {
    results.set(change.address, result);
    options.onResult?.(change, result);
    for (const next of dependents.get(change.address) ?? []) {
      const nextChange = byAddress.get(next);
      if (!nextChange || results.has(next)) continue;
      if (result.status !== "applied") {
        finish(nextChange, {
          address: next,
          status: "skipped",
          error: `depends on ${change.name}, which ${result.status === "failed" ? "failed" : "was skipped"}`,
          durationMs: 0,
        });
        continue;
      }
      const deps = waiting.get(next);
      deps?.delete(change.address);
      if (deps?.size === 0) ready.push(nextChange);
    }
  };

  let running = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (running < Math.max(1, options.parallelism) && ready.length > 0) {
        const change = ready.shift()!;
        running++;
        const started = Date.now();
        options
          .run(change)
          .then(
            (outcome) => ({
              address: change.address,
              status: "applied" as const,
              ...(outcome?.remarks ? { remarks: outcome.remarks } : {}),
              durationMs: Date.now() - started,
            }),
            (error: unknown) => ({
              address: change.address,
              status: "failed" as const,
              error: error instanceof Error ? error.message : String(error),
              ...(hintsOf(error) ? { hints: hintsOf(error) } : {}),
              durationMs: Date.now() - started,
            }),
          )
          .then((result) => {
            running--;
            finish(change, result);
            pump();
          });
      }
      if (running === 0 && ready.length === 0) {
        // Anything left waits on a cycle that cannot start: report it rather than hang.
        for (const c of changes) {
          if (!results.has(c.address))
            finish(c, {
              address: c.address,
              status: "skipped",
              error: "waits on a dependency cycle",
              durationMs: 0,
            });
        }
        resolve();
      }
    };
    pump();
  });
  return changes.map((c) => results.get(c.address)!);
}

function hintsOf(error: unknown): readonly string[] | undefined {
  const hints = (error as { hints?: unknown } | null)?.hints;
  return Array.isArray(hints) && hints.length > 0 ? (hints as string[]) : undefined;
}
