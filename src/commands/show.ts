// rosterform show PLANFILE: a saved plan rendered as plan would print it. Reads no project and no server.
import { ExitCode, type Io } from "../io.js";
import { renderPlan, type PlanFormat } from "../render/plan-format.js";
import { readSavedPlan } from "./saved-plan.js";

export interface ShowOptions {
  planFile: string;
  format: PlanFormat;
}

export async function runShow(options: ShowOptions, io: Io): Promise<number> {
  io.stdout(renderPlan(await readSavedPlan(options.planFile, io), options.format, io));
  return ExitCode.Ok;
}
