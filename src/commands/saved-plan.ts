// Reading a plan saved with `plan --out FILE`: the one place `apply FILE` and `show FILE` load it.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Plan } from "../core/plan.js";
import { parsePlanFile, PlanFileError } from "../core/planfile.js";
import { RosterformError } from "../errors.js";
import type { Io } from "../io.js";

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
  try {
    return parsePlanFile(text, planFile);
  } catch (error) {
    // One line, whatever the JSON parser quoted of the file.
    if (error instanceof PlanFileError) throw new RosterformError(error.message.replace(/\s*\n\s*/g, " "));
    throw error;
  }
}
