// Where the project is: the folder with rosterform.yaml, found upwards from where the command runs (like git),
// and the paths of its files as messages show them (relative to where the command runs).
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Diagnostic } from "./core/diagnostics.js";

/** The project's configuration file. */
export const CONFIG_FILE = "rosterform.yaml";
/** A file that marks a project folder: the configuration, or its misnamed twin (validate says to rename it). */
const MARKERS = [CONFIG_FILE, "rosterform.yml"];

export function isProjectDir(dir: string): boolean {
  return MARKERS.some((name) => existsSync(join(dir, name)));
}

/** The nearest folder from `start` upwards (up to the filesystem root) that holds rosterform.yaml. */
export function findProjectDir(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isProjectDir(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A project file (relative to the project folder) as seen from `cwd`, with forward slashes. */
export function shownPath(projectDir: string, file: string, cwd: string): string {
  const path = relative(cwd, join(projectDir, file)) || ".";
  return path.split("\\").join("/");
}

/** The diagnostic with its file relative to where the command runs. */
export function fromCwd(d: Diagnostic, projectDir: string, cwd: string): Diagnostic {
  return { ...d, file: shownPath(projectDir, d.file, cwd) };
}
