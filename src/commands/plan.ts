// rosterform plan: read, diff, show. Sends no write.
import { resolve } from "node:path";
import { planHasChanges } from "../core/plan.js";
import { ExitCode, type Io } from "../io.js";
import { writeOutputFile } from "../output-file.js";
import { renderPlanJson } from "../render/json.js";
import { renderPlanMarkdown } from "../render/markdown.js";
import { styleFor } from "../render/style.js";
import { renderPlanText } from "../render/text.js";
import { closeAll, makePlan, type PlanningOptions } from "./planning.js";
import { reportFailures, settleRefusals } from "./report.js";

export interface PlanCommandOptions extends PlanningOptions {
  format: "text" | "markdown" | "json";
  out?: string;
  detailedExitcode?: boolean;
  force?: boolean;
}

export async function runPlan(options: PlanCommandOptions, io: Io): Promise<number> {
  const { plan, sessions, failures } = await makePlan(options, io);
  await closeAll(sessions);
  const holding = settleRefusals(plan, options.force);
  if (options.format === "json") io.stdout(renderPlanJson(plan));
  else if (options.format === "markdown") io.stdout(renderPlanMarkdown(plan));
  else io.stdout(renderPlanText(plan, styleFor(io)));
  reportFailures(failures, io);
  if (options.out) {
    const file = resolve(io.cwd, options.out);
    await writeOutputFile(file, renderPlanJson(plan), { mode: 0o600, shown: options.out });
    io.stderr(`Saved the plan to ${options.out}; apply it with: rosterform apply ${options.out}\n`);
  }
  if (failures.length > 0) return ExitCode.Error;
  if (holding.length > 0) {
    for (const line of holding) io.stderr(`error: ${line}\n`);
    return ExitCode.Refused;
  }
  if (options.detailedExitcode && planHasChanges(plan)) return ExitCode.Changes;
  return ExitCode.Ok;
}
