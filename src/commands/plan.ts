// rosterform plan: read, diff, show. Sends no write.
import { resolve } from "node:path";
import { planHasChanges } from "../core/plan.js";
import { ExitCode, progress, type Io } from "../io.js";
import { writeOutputFile } from "../output-file.js";
import { renderPlanJson } from "../render/json.js";
import { renderPlan, type PlanFormat } from "../render/plan-format.js";
import { closeAll, makePlan, type PlanningOptions } from "./planning.js";
import { reportFailures, settleRefusals } from "./report.js";

export interface PlanCommandOptions extends PlanningOptions {
  format: PlanFormat;
  out?: string;
  detailedExitcode?: boolean;
  force?: boolean;
}

export async function runPlan(options: PlanCommandOptions, io: Io): Promise<number> {
  const { plan, sessions, failures } = await makePlan(options, io);
  await closeAll(sessions);
  const holding = settleRefusals(plan, options.force);
  io.stdout(renderPlan(plan, options.format, io));
  reportFailures(failures, io);
  if (options.out) {
    const file = resolve(io.cwd, options.out);
    await writeOutputFile(file, renderPlanJson(plan), { mode: 0o600, shown: options.out });
    progress(io, `Saved the plan to ${options.out}; apply it with: rosterform apply ${options.out}\n`);
  }
  if (failures.length > 0) return ExitCode.Error;
  if (holding.length > 0) {
    for (const line of holding) io.stderr(`error: ${line}\n`);
    return ExitCode.Refused;
  }
  if (options.detailedExitcode && planHasChanges(plan)) return ExitCode.Changes;
  return ExitCode.Ok;
}
