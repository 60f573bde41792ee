// rosterform apply [PLANFILE]: make the planned changes, each once, in dependency order.
import { executeChanges, type ChangeResult } from "../core/execute.js";
import { address, type Address } from "../core/address.js";
import {
  PLAN_FORMAT_VERSION,
  planHasChanges,
  unplannedTargets,
  type Action,
  type Change,
  type Plan,
  type TargetPlan,
} from "../core/plan.js";
import type { RemoteRecord } from "../core/records.js";
import { RosterformError } from "../errors.js";
import { SIGNAL_EXIT, type StopSignal } from "../interrupt.js";
import { ExitCode, progress, type Io } from "../io.js";
import { styleFor, type Style } from "../render/style.js";
import { applySummary, targetTitle } from "../render/summary.js";
import { printable } from "../printable.js";
import { renderPlanText } from "../render/text.js";
import {
  closeAll,
  makePlan,
  type PlanningOptions,
  type TargetFailure,
  type TargetSession,
} from "./planning.js";
import { describeError, refusedError, reportFailures, settleRefusals } from "./report.js";
import { prepareSavedPlan, readSavedPlan } from "./saved-plan.js";

export interface ApplyCommandOptions extends PlanningOptions {
  planFile?: string;
  yes?: boolean;
  force?: boolean;
  parallelism: number;
  format: "text" | "json";
}

interface TargetResults {
  target: string;
  changes: Change[];
  results: ChangeResult[];
}

export async function runApply(options: ApplyCommandOptions, io: Io): Promise<number> {
  const style = styleFor(io);
  const prepared = options.planFile
    ? await fromSavedPlan(options, options.planFile, io)
    : await planNow(options, io, style);
  const { plan, sessions, failures } = prepared;
  try {
    if (refuseUnplanned(plan, failures, io)) return ExitCode.Error;
    if (!prepared.proceed) {
      reportFailures(failures, io);
      return failures.length > 0 ? ExitCode.Error : ExitCode.Ok;
    }
    const holding = prepared.holding;
    if (holding.length > 0) throw refusedError(holding);
    if (!options.planFile && !options.yes) await confirm(io);
    const stop = gracefulStop(io, options.timeoutMs ?? 30_000);
    const done: TargetResults[] = [];
    try {
      for (const t of plan.targets) {
        const session = sessions.find((s) => s.target === t.target);
        if (!session) continue;
        done.push({
          target: t.target,
          changes: t.changes,
          results: stop.signal
            ? t.changes.map((c) => notStarted(c, stop.reason))
            : await applyTarget(t, session, options, io, style, stop),
        });
      }
    } finally {
      stop.release();
    }
    reportFailures(failures, io);
    if (options.format === "json")
      io.stdout(`${JSON.stringify(jsonResults(plan, done, failures), null, 2)}\n`);
    else io.stdout(summary(done));
    if (stop.signal) {
      io.stderr(`apply stopped by ${stop.signal}; run rosterform plan to see what is left\n`);
      return SIGNAL_EXIT[stop.signal];
    }
    const failed = done.some((d) => d.results.some((r) => r.status !== "applied"));
    return failed || failures.length > 0 ? ExitCode.Error : ExitCode.Ok;
  } finally {
    await closeAll(sessions);
  }
}

interface Prepared {
  plan: Plan;
  sessions: TargetSession[];
  failures: TargetFailure[];
  /** false when there is nothing to do. */
  proceed: boolean;
  /** Refusals --force did not override, one line each naming the target. */
  holding: string[];
}

async function planNow(options: ApplyCommandOptions, io: Io, style: Style): Promise<Prepared> {
  const { plan, sessions, failures } = await makePlan(options, io);
  const holding = settleRefusals(plan, options.force);
  // --quiet: the plan only when it is shown to be confirmed.
  if (options.format !== "json" && !(io.quiet && options.yes)) io.stdout(renderPlanText(plan, style));
  return { plan, sessions, failures, proceed: planHasChanges(plan), holding };
}

async function fromSavedPlan(options: ApplyCommandOptions, planFile: string, io: Io): Promise<Prepared> {
  const plan = await readSavedPlan(planFile, io);
  refuseUnplanned(plan, [], io);
  return { ...(await prepareSavedPlan(plan, options, planFile, io)), failures: [] };
}

/** One plan, one decision: when any selected target could not be planned, nothing is sent to any target. */
function refuseUnplanned(plan: Plan, failures: readonly TargetFailure[], io: Io): boolean {
  const unplanned = unplannedTargets(plan);
  if (unplanned.length === 0) return false;
  reportFailures(failures, io);
  // The only target failed: its error, already printed, says it all.
  if (failures.length > 0 && unplanned.length === plan.targets.length) return true;
  // A saved plan carries the errors itself (no failure was met now): show them.
  const saved =
    failures.length === 0
      ? unplanned.flatMap((t) => (t.errors ?? []).map((e) => `${targetTitle(t.target)}: ${e}`))
      : [];
  const others = plan.targets.filter((t) => !unplanned.includes(t)).map((t) => t.target);
  const names = unplanned.map((t) => targetTitle(t.target)).join(" and ");
  throw new RosterformError(`${names} could not be planned; nothing was sent to any target`, ExitCode.Error, [
    ...saved,
    others.length > 0
      ? `fix the problem above, or apply the other target${others.length > 1 ? "s" : ""} alone: rosterform apply ${others.map((o) => `--target ${o}`).join(" ")}`
      : "fix the problem above and run apply again",
  ]);
}

async function confirm(io: Io): Promise<void> {
  if (!io.ask) {
    throw new RosterformError(
      "apply needs --yes when it cannot ask (no terminal); or save a plan with plan --out FILE and apply FILE",
    );
  }
  const answer = await io.ask("\nApply these changes? Only 'yes' is accepted: ");
  if (answer.trim() !== "yes") throw new RosterformError("apply cancelled; nothing was changed");
}

interface GracefulStop {
  /** The signal that stopped the run, once one came. */
  signal: StopSignal | undefined;
  reason: string;
  /** Resolves with `reason` when the first signal comes. */
  stopped: Promise<string>;
  graceMs: number;
  release(): void;
}

/** The first SIGINT/SIGTERM stops starting changes; those in flight get `graceMs`; a second signal exits. */
function gracefulStop(io: Io, graceMs: number): GracefulStop {
  let resolveStop: (reason: string) => void = () => undefined;
  const stop: GracefulStop = {
    signal: undefined,
    reason: "",
    stopped: new Promise<string>((resolve) => (resolveStop = resolve)),
    graceMs,
    release: () => undefined,
  };
  const release = io.interrupts?.onStop((signal) => {
    stop.signal = signal;
    stop.reason = `apply was stopped by ${signal}`;
    io.stderr(
      `\n${signal}: starting no more changes; waiting up to ${Math.round(graceMs / 1000)} s for those in flight (${signal === "SIGINT" ? "Ctrl-C" : "signal"} again to stop at once)\n`,
    );
    resolveStop(stop.reason);
  });
  if (release) stop.release = release;
  return stop;
}

function notStarted(change: Change, reason: string): ChangeResult {
  return { address: change.address, status: "not-started", error: `not started: ${reason}`, durationMs: 0 };
}

async function applyTarget(
  t: TargetPlan,
  session: TargetSession,
  options: ApplyCommandOptions,
  io: Io,
  style: Style,
  stop: GracefulStop,
): Promise<ChangeResult[]> {
  const at = (r: RemoteRecord) => address(t.target, r.kind, r.key);
  const ids = new Map<Address, string | number>(session.snapshot.records.map((r) => [at(r), r.id]));
  for (const r of session.keyed ?? []) ids.set(at(r), r.id);
  const total = t.changes.length;
  let finished = 0;
  return executeChanges(t.changes, {
    parallelism: options.parallelism,
    stop: stop.stopped,
    graceMs: stop.graceMs,
    run: async (change) => {
      const outcome = await session.provider.apply(change, { idOf: (ref) => ids.get(ref) });
      if (outcome.id !== undefined) ids.set(change.address, outcome.id);
      return outcome;
    },
    onResult: (change, result) => {
      finished++;
      const where = `[${finished}/${total}] ${targetTitle(t.target)}`;
      if (result.status === "applied") {
        progress(io, `${style.green("✓")} ${where}: ${past(change.action)} ${printable(change.name)}\n`);
        for (const r of result.remarks ?? []) progress(io, `    note: ${r}\n`);
      } else if (result.status !== "not-started") {
        const mark = result.status === "failed" ? style.red("✗") : style.yellow("↷");
        io.stderr(
          `${mark} ${where}: ${change.action} ${printable(change.name)} ${result.status}: ${result.error ?? ""}\n`,
        );
        for (const h of result.hints ?? []) io.stderr(`    hint: ${h}\n`);
      }
    },
  });
}

function past(action: Action): string {
  return {
    create: "created",
    update: "updated",
    delete: "deleted",
    deactivate: "deactivated",
    reactivate: "reactivated",
  }[action];
}

function summary(done: readonly TargetResults[]): string {
  const lines = done.map((d) =>
    applySummary(
      d.target,
      d.changes,
      d.results.map((r) => r.status),
    ),
  );
  return `${lines.join("\n")}\n`;
}

function jsonResults(plan: Plan, done: readonly TargetResults[], failures: readonly TargetFailure[]) {
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    tool: "rosterform",
    at: plan.at,
    targets: done.map((d) => ({
      target: d.target,
      results: d.changes.map((c, i) => ({
        address: c.address,
        action: c.action,
        kind: c.kind,
        user: c.name,
        status: d.results[i]?.status,
        ...(d.results[i]?.error ? { error: d.results[i]?.error } : {}),
        ...(d.results[i]?.remarks ? { remarks: d.results[i]?.remarks } : {}),
      })),
    })),
    failures: failures.map((f) => ({ target: f.target, error: describeError(f.error) })),
  };
}
