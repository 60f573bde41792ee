// `rosterform validate`: offline checks of rosterform.yaml, contracts.d/ and users.d/. No network, no credentials.
import { resolve } from "node:path";
import { loadProject } from "../config/load.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { formatDiagnostic, hasErrors } from "../core/diagnostics.js";
import type { Io } from "../io.js";
import { TARGETS } from "../providers/index.js";
import { ExitCode, progress } from "../io.js";
import { fromCwd } from "../project.js";
import { githubAnnotation } from "../render/github.js";
import type { ValidateFormat } from "../render/formats.js";

export interface ValidateOptions {
  dir: string;
  format: ValidateFormat;
  /** YYYY-MM-DD for selecting effective-dated contracts; default today (UTC). */
  at?: string;
}

export interface ValidateSummary {
  errors: number;
  warnings: number;
  /** files with at least one diagnostic */
  filesWithProblems: number;
  users: number;
  contractTemplates: number;
  teams: number;
  filesRead: number;
}

export async function runValidate(opts: ValidateOptions, io: Io): Promise<number> {
  const dir = resolve(io.cwd, opts.dir);
  const { diagnostics, counts } = await loadProject(dir, {
    targets: TARGETS,
    ...(opts.at !== undefined ? { at: opts.at } : {}),
  });
  const valid = !hasErrors(diagnostics);
  const summary: ValidateSummary = {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    filesWithProblems: new Set(diagnostics.map((d) => d.file)).size,
    users: counts.users,
    contractTemplates: counts.contractTemplates,
    teams: counts.teams,
    filesRead: counts.files,
  };
  if (opts.format === "json") {
    // JSON keeps the documented project-relative paths; the messages below name files from where it runs.
    io.stdout(
      `${JSON.stringify({ formatVersion: 1, valid, diagnostics: diagnostics.map(jsonDiagnostic), summary }, null, 2)}\n`,
    );
    return valid ? ExitCode.Ok : ExitCode.Error;
  }
  const shown = diagnostics.map((d) => fromCwd(d, dir, io.cwd));
  if (opts.format === "github") {
    for (const d of shown) if (d.severity === "error" || !io.quiet) io.stdout(`${githubAnnotation(d)}\n`);
    writeText([], summary, valid, io);
  } else {
    writeText(shown, summary, valid, io);
  }
  return valid ? ExitCode.Ok : ExitCode.Error;
}

function jsonDiagnostic(d: Diagnostic) {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    code: d.code,
    severity: d.severity,
    message: d.message,
  };
}

function writeText(
  diagnostics: readonly Diagnostic[],
  summary: ValidateSummary,
  valid: boolean,
  io: Io,
): void {
  for (const d of diagnostics) {
    if (d.severity === "error") io.stderr(`${formatDiagnostic(d)}\n`);
    else progress(io, `${formatDiagnostic(d)}\n`);
  }
  const read = `${count(summary.filesRead, "file")} read`;
  const problems = `${count(summary.errors, "error")}, ${count(summary.warnings, "warning")} in ${count(summary.filesWithProblems, "file")} (${read}).`;
  if (!valid) {
    io.stderr(`${problems}\n`);
    return;
  }
  if (summary.warnings > 0) progress(io, `${problems}\n`);
  io.stdout(
    `✓ ${count(summary.users, "user")}, ${count(summary.contractTemplates, "contract template")}${summary.teams > 0 ? `, ${count(summary.teams, "team")}` : ""}: valid (${read}).\n`,
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
