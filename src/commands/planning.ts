// Shared by plan and apply: load the desired state, read every target, build the plan value.
import { loadProject } from "../config/load.js";
import { buildTargetPlan } from "../core/build-plan.js";
import type { DesiredState } from "../core/model.js";
import { PLAN_FORMAT_VERSION, unplannedTarget, type Plan, type TargetPlan } from "../core/plan.js";
import { ConfigError, PlanError, RosterformError } from "../errors.js";
import { progress, type Io } from "../io.js";
import type { RemoteRecord } from "../core/records.js";
import type { Provider, RemoteSnapshot } from "../core/provider.js";
import { TARGETS } from "../providers/index.js";
import { connect, selectTargets, type ConnectOptions, type TargetName } from "../targets.js";
import { formatDiagnostic } from "../core/diagnostics.js";
import { fromCwd } from "../project.js";
import { describeError } from "./report.js";

export interface PlanningOptions extends ConnectOptions {
  dir: string;
  at?: string;
  targets?: string[];
  only?: string[];
}

export async function loadDesired(dir: string, at: string | undefined, io: Io): Promise<DesiredState> {
  const { state, diagnostics } = await loadProject(dir, {
    targets: TARGETS,
    ...(at !== undefined ? { at } : {}),
  });
  // Files named from where the command runs.
  const shown = diagnostics.map((d) => fromCwd(d, dir, io.cwd));
  for (const d of shown) if (d.severity === "warning") progress(io, `${formatDiagnostic(d)}\n`);
  if (!state) throw new ConfigError(shown);
  return state;
}

export interface TargetSession {
  target: TargetName;
  provider: Provider;
  snapshot: RemoteSnapshot;
  /** The server's records under the plan's keys, when the provider matched them itself. */
  keyed?: RemoteRecord[];
}

export interface TargetFailure {
  target: TargetName;
  error: unknown;
}

export interface Planned {
  state: DesiredState;
  plan: Plan;
  sessions: TargetSession[];
  /** Targets that could not be read or planned; the others go on. */
  failures: TargetFailure[];
}

/** Reads one target; the caller owns closing the provider. */
export async function openTarget(
  target: TargetName,
  state: DesiredState,
  io: Io,
  options: ConnectOptions,
): Promise<TargetSession> {
  const provider = await connect(target, state.config, io, options);
  try {
    return { target, provider, snapshot: await provider.read() };
  } catch (error) {
    await provider.close();
    throw error;
  }
}

export function planTarget(
  session: TargetSession,
  state: DesiredState,
  only?: ReadonlySet<string>,
): TargetPlan {
  const users = only ? state.users.filter((u) => only.has(u.username.toLowerCase())) : state.users;
  const mapping = session.provider.desired(users, session.snapshot, state.at);
  if (mapping.errors.length > 0) throw new PlanError(session.target, mapping.errors);
  // Every declared user goes to the diff so that --only never makes the others look unmanaged.
  const all = only ? session.provider.desired(state.users, session.snapshot, state.at) : mapping;
  if (all.remote) session.keyed = all.remote;
  return buildTargetPlan({
    target: session.target,
    endpoint: session.provider.endpoint,
    kinds: session.provider.kinds,
    users: state.users,
    mapping: { ...all, notes: mapping.notes },
    snapshot: session.snapshot,
    policy: state.config.policy,
    ...(only ? { only } : {}),
  });
}

export async function makePlan(options: PlanningOptions, io: Io): Promise<Planned> {
  const state = await loadDesired(options.dir, options.at, io);
  const only = onlySet(state, options.only);
  const targets = selectTargets(state.config, options.targets);
  const sessions: TargetSession[] = [];
  const failures: TargetFailure[] = [];
  const plans: TargetPlan[] = [];
  for (const target of targets) {
    let session: TargetSession | undefined;
    try {
      session = await openTarget(target, state, io, options);
      plans.push(planTarget(session, state, only));
      sessions.push(session);
    } catch (error) {
      if (session) await session.provider.close();
      if (!(error instanceof RosterformError)) throw error;
      failures.push({ target, error });
      plans.push(unplannedTarget(target, failureLines(error)));
    }
  }
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    tool: "rosterform",
    createdAt: new Date().toISOString(),
    at: state.at,
    targets: plans,
  };
  return { state, plan, sessions, failures };
}

function onlySet(state: DesiredState, only: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!only || only.length === 0) return undefined;
  const declared = new Set(state.users.map((u) => u.username.toLowerCase()));
  const wanted = new Set(only.map((o) => o.toLowerCase()));
  const unknown = [...wanted].filter((w) => !declared.has(w));
  if (unknown.length > 0) {
    throw new RosterformError(`--only names users not declared in users.d: ${unknown.join(", ")}`);
  }
  return wanted;
}

/** A failed target's errors as the plan carries them: the reasons of a PlanError, else the message and hints. */
function failureLines(error: RosterformError): string[] {
  if (error instanceof PlanError) return [...error.reasons];
  return describeError(error).split("\n");
}

export async function closeAll(sessions: readonly TargetSession[]): Promise<void> {
  await Promise.all(sessions.map((s) => s.provider.close()));
}
