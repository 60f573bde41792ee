// A plan saved with `plan --out FILE`: the one place `apply FILE` and `show FILE` load it, and where apply checks
// it against the server and users.d again before anything is sent (a saved plan is checked, not trusted).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { schemas } from "../config/schemas.js";
import { address, parseAddress, type Address } from "../core/address.js";
import type { DesiredState } from "../core/model.js";
import { planHasChanges, type Plan, type TargetPlan } from "../core/plan.js";
import { parsePlanFile, PlanFileError, staleKeys } from "../core/planfile.js";
import { refusedChanges } from "../core/saved-checks.js";
import { RefusedError, RosterformError } from "../errors.js";
import { progress, type Io } from "../io.js";
import { printable } from "../printable.js";
import { targetTitle } from "../render/summary.js";
import { selectTargets, type TargetName } from "../targets.js";
import {
  closeAll,
  loadDesired,
  openTarget,
  planTarget,
  type PlanningOptions,
  type TargetSession,
} from "./planning.js";
import { settleRefusals } from "./report.js";

/** The checked plan in `planFile` (relative to the working directory), or a one-line RosterformError. */
export async function readSavedPlan(planFile: string, io: Pick<Io, "cwd">): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, planFile), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder" : (code ?? String(error));
    throw new RosterformError(`cannot read plan file ${planFile} (${why})`);
  }
  const validate = (await schemas()).plan;
  try {
    return parsePlanFile(text, planFile, validate);
  } catch (error) {
    // One line, whatever the JSON parser quoted of the file.
    if (error instanceof PlanFileError) throw new RosterformError(error.message.replace(/\s*\n\s*/g, " "));
    throw error;
  }
}

export interface SavedPlanOptions extends PlanningOptions {
  force?: boolean;
}

export interface PreparedSavedPlan {
  plan: Plan;
  sessions: TargetSession[];
  /** false when there is nothing to do. */
  proceed: boolean;
  /** Refusals --force did not override, one line each naming the target. */
  holding: string[];
}

/**
 * The saved plan, narrowed by --target/--only, with every change checked against the server re-read now and
 * today's users.d and policy; any change that does not hold refuses the whole apply (exit 3) before any write.
 */
export async function prepareSavedPlan(
  saved: Plan,
  options: SavedPlanOptions,
  planFile: string,
  io: Io,
): Promise<PreparedSavedPlan> {
  const state = await loadDesired(options.dir, saved.at, io);
  const plan = narrow(saved, options, planFile, io);
  const sessions: TargetSession[] = [];
  if (plan.targets.length === 0) return { plan, sessions, proceed: false, holding: [] };
  selectTargets(
    state.config,
    plan.targets.map((t) => t.target),
  );
  try {
    const refused: string[] = [];
    for (const t of plan.targets) {
      const session = await openTarget(t.target as TargetName, state, io, options);
      sessions.push(session);
      refused.push(...checkTarget(t, session, state));
    }
    if (refused.length > 0) {
      throw new RefusedError(
        `the saved plan ${planFile} does not hold; nothing was changed:\n${refused.map((s) => `  - ${s}`).join("\n")}`,
        ["run rosterform plan again and review the new plan"],
      );
    }
  } catch (error) {
    await closeAll(sessions);
    throw error;
  }
  return { plan, sessions, proceed: planHasChanges(plan), holding: settleRefusals(plan, options.force) };
}

/** One line per change of `saved` that does not hold against the server now and today's users.d. */
function checkTarget(saved: TargetPlan, session: TargetSession, state: DesiredState): string[] {
  const title = targetTitle(saved.target);
  if (session.provider.endpoint !== saved.endpoint)
    return [`${title}: the plan was made against ${saved.endpoint}, not ${session.provider.endpoint}`];
  const mapping = session.provider.desired(state.users, session.snapshot, state.at);
  // Today's plan of every declared person, against the server as it is now (a plan-time error refuses here).
  const fresh = planTarget(session, state);
  const keyed = mapping.remote ?? session.snapshot.records;
  session.keyed = keyed;
  const current = new Map(keyed.map((r) => [address(saved.target, r.kind, r.key), r.fingerprint]));
  const changed = new Map(
    staleKeys(saved.fingerprints, current).map((s) => [s.key, `${describeAddress(s.key)} ${s.why}`]),
  );
  const selfKey = mapping.selfKey ?? session.snapshot.selfKey;
  const refused = refusedChanges(
    saved,
    {
      kinds: session.provider.kinds,
      protect: state.config.policy.protect,
      ...(selfKey !== undefined ? { selfKey } : {}),
      current: keyed,
      fresh: fresh.changes,
    },
    new Set(changed.keys()),
  );
  const lines = refused.map((r) => `${title}: ${printable(r.address)}: ${r.why}`);
  for (const why of changed.values()) lines.push(`${title}: ${printable(why)}`);
  return lines;
}

/** --target and --only narrow a saved plan exactly, and say so in one line; what they cannot narrow is refused. */
function narrow(plan: Plan, options: SavedPlanOptions, planFile: string, io: Io): Plan {
  const seen = new Set<string>();
  for (const t of plan.targets) {
    if (seen.has(t.target))
      throw new RefusedError(`${planFile} holds ${t.target} twice; nothing was changed`);
    seen.add(t.target);
  }
  const targets = options.targets?.length ? options.targets : undefined;
  const only = options.only?.length ? new Set(options.only.map((o) => o.toLowerCase())) : undefined;
  if (!targets && !only) return plan;
  for (const w of targets ?? []) {
    if (!seen.has(w))
      throw new RosterformError(
        `--target ${w}: ${planFile} has no plan for ${targetTitle(w)}; plan it with rosterform plan --target ${w} --out FILE`,
      );
  }
  const kept = plan.targets.filter((t) => !targets || targets.includes(t.target));
  const all = kept.flatMap((t) => t.changes);
  const keep = (address: Address) => {
    const change = all.find((c) => c.address === address);
    return !only || (change !== undefined && only.has(change.key) && change.kind === "user");
  };
  if (only) {
    const missing = [...only].filter((o) => !all.some((c) => c.kind === "user" && c.key === o));
    if (missing.length > 0) {
      throw new RosterformError(
        `--only ${missing.join(" ")}: ${planFile} has no change for ${missing.length > 1 ? "them" : "this user"}${targets ? ` on ${targets.map(targetTitle).join(", ")}` : ""}; nothing was changed`,
      );
    }
    const leftOut = all
      .filter((c) => keep(c.address))
      .flatMap((c) => c.dependsOn.filter((d) => all.some((o) => o.address === d) && !keep(d)));
    const names = [...new Set(leftOut.map((d) => parseAddress(d)?.key ?? d))];
    if (names.length > 0) {
      throw new RosterformError(
        `--only leaves out ${names.join(", ")}, which the selected changes wait for; nothing was changed`,
        1,
        [`include them: rosterform apply ${planFile} --only ${[...only, ...names].join(" ")}`],
      );
    }
  }
  const narrowed: Plan = {
    ...plan,
    targets: kept.map((t) => {
      const changes = t.changes.filter((c) => keep(c.address));
      // The other people's records are not this apply's business: only the kept changes' state is checked.
      const fingerprints = only
        ? Object.fromEntries(
            Object.entries(t.fingerprints).filter(([a]) => changes.some((c) => c.address === a)),
          )
        : t.fingerprints;
      return { ...t, changes, fingerprints };
    }),
  };
  const count = narrowed.targets.reduce((n, t) => n + t.changes.length, 0);
  const total = plan.targets.reduce((n, t) => n + t.changes.length, 0);
  const by = [
    ...(targets ? [`--target ${targets.join(" --target ")}`] : []),
    ...(only ? [`--only ${[...only].join(" ")}`] : []),
  ].join(" ");
  progress(
    io,
    `Applying ${count} of the ${total} changes in ${planFile} (${by}); the others are left for later\n`,
  );
  return narrowed;
}

/** `user anna` for kimai/user/anna. */
function describeAddress(value: Address): string {
  const parts = parseAddress(value);
  return parts ? `${parts.kind} ${parts.key}` : value;
}
