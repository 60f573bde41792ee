// Runs a plan's changes with bounded concurrency, each after the changes it depends on.
// One failure does not stop independent changes; dependents of a failure are skipped. Told to stop, it starts
// nothing more and gives the changes in flight a bounded time to finish.
import type { Address } from "./address.js";
import type { Change } from "./plan.js";

/** not-started: apply was stopped before it began; unknown: still in flight when the wait for it ran out. */
export type ChangeStatus = "applied" | "failed" | "skipped" | "not-started" | "unknown";

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
  /** Resolves (with the reason, e.g. "apply was stopped by SIGINT") when no further change may start. */
  stop?: Promise<string>;
  /** How long changes in flight may still take after `stop` (default 30 s). */
  graceMs?: number;
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
      if (result.status === "not-started") {
        finish(nextChange, { ...result, address: next });
        continue;
      }
      if (result.status !== "applied") {
        const which = { failed: "failed", skipped: "was skipped", unknown: "may not have happened" }[
          result.status
        ];
        finish(nextChange, {
          address: next,
          status: "skipped",
          error: `depends on ${change.name}, which ${which}`,
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
  let stopping = false;
  let done = false;
  const inFlight = new Set<Change>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await new Promise<void>((resolve) => {
    const end = () => {
      done = true;
      clearTimeout(timer);
      resolve();
    };
    void options.stop?.then((reason) => {
      if (done) return;
      stopping = true;
      for (const c of changes) {
        if (!results.has(c.address) && !inFlight.has(c))
          finish(c, {
            address: c.address,
            status: "not-started",
            error: `not started: ${reason}`,
            durationMs: 0,
          });
      }
      ready.length = 0;
      if (running === 0) return end();
      timer = setTimeout(() => {
        if (done) return;
        for (const c of inFlight)
          finish(c, {
            address: c.address,
            status: "unknown",
            error: `still in flight when ${reason}: it may or may not have happened (rosterform plan shows which)`,
            durationMs: 0,
          });
        end();
      }, options.graceMs ?? 30_000);
    });
    const pump = () => {
      if (done) return;
      if (stopping) {
        if (running === 0) end();
        return;
      }
      while (running < Math.max(1, options.parallelism) && ready.length > 0) {
        const change = ready.shift()!;
        running++;
        inFlight.add(change);
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
            inFlight.delete(change);
            if (done) return;
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
        end();
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
