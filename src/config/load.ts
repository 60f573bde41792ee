// The public entry point: read a project directory, report every problem, and build the desired state.
import { stat } from "node:fs/promises";
import type { Diagnostic } from "../core/diagnostics.js";
import { hasErrors } from "../core/diagnostics.js";
import type { DesiredState, DesiredUser } from "../core/model.js";
import { isRealDate, todayUtc } from "../core/units.js";
import type { ProjectConfig } from "./config-rules.js";
import { readProjectConfig } from "./config-rules.js";
import type { Unreadable } from "./cross-file-rules.js";
import { checkIdentities, checkSupervisors, indexTemplates, resolveSchedule } from "./cross-file-rules.js";
import { FileReport } from "./file-report.js";
import { toDesiredUser } from "./normalize.js";
import { parseSource } from "./parse-source.js";
import type { SourceText } from "./project-files.js";
import { listYamlFiles, readSourceFile, readSourceFiles } from "./project-files.js";
import { validateWithSchema } from "./schema-diagnostics.js";
import { schemas } from "./schemas.js";
import type { TemplateDraft } from "./template-rules.js";
import { readTemplate } from "./template-rules.js";
import type { UserDraft } from "./user-rules.js";
import { readUser } from "./user-rules.js";

export const CONFIG_FILE = "rosterform.yaml";
export const USERS_DIR = "users.d";
export const CONTRACTS_DIR = "contracts.d";

export interface LoadOptions {
  /** YYYY-MM-DD to select contracts for; default today (UTC). */
  at?: string;
}

export interface LoadResult {
  /** Present only when there is no error diagnostic. */
  state?: DesiredState;
  /** Every problem in every file, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** What was read, for summaries. */
  counts: { users: number; contractTemplates: number; files: number };
}

export async function loadProject(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const at = options.at ?? todayUtc();
  if (!isRealDate(at)) {
    diagnostics.push(
      wholeFile(
        "--at",
        "option.at-invalid",
        `--at ${JSON.stringify(at)} is not a date; write YYYY-MM-DD, e.g. 2025-01-01`,
      ),
    );
  }
  const empty = { users: 0, contractTemplates: 0, files: 0 };
  if (!(await isDirectory(dir))) {
    diagnostics.push(
      wholeFile(
        ".",
        "project.missing-dir",
        `the project directory ${dir} does not exist or is not a directory`,
      ),
    );
    return { diagnostics, counts: empty };
  }

  const [configSource, templateListing, userListing] = await Promise.all([
    readConfigSource(dir, diagnostics),
    listYamlFiles(dir, CONTRACTS_DIR),
    listYamlFiles(dir, USERS_DIR),
  ]);
  const templateFiles = "missing" in templateListing ? [] : templateListing.files;
  const userFiles = "missing" in userListing ? [] : userListing.files;
  for (const listing of [templateListing, userListing]) {
    if (!("missing" in listing)) diagnostics.push(...listing.diagnostics);
  }
  if ("missing" in userListing) {
    diagnostics.push(
      wholeFile(
        `${USERS_DIR}/`,
        "project.missing-users-dir",
        `the folder is missing; create ${USERS_DIR}/ with one YAML file per person, e.g. ${USERS_DIR}/anna.schmidt.yaml`,
      ),
    );
  } else if (userListing.files.length === 0 && userListing.diagnostics.length === 0) {
    diagnostics.push({
      ...wholeFile(`${USERS_DIR}/`, "project.no-users", "no .yaml files here; nobody is declared"),
      severity: "warning",
    });
  }
  const [templateSources, userSources] = await Promise.all([
    readSourceFiles(dir, templateFiles),
    readSourceFiles(dir, userFiles),
  ]);

  const compiled = schemas();
  const unreadable = { usernames: new Set<string>(), templates: new Set<string>() };
  const load = <T>(
    source: SourceText,
    validate: typeof compiled.user,
    read: (data: unknown, report: FileReport) => T,
    onFail: () => void,
  ): T | undefined => {
    diagnostics.push(...source.diagnostics);
    const parsed = source.text === undefined ? undefined : parseSource(source.text, source.file, diagnostics);
    if (!parsed) {
      onFail();
      return undefined;
    }
    const report = new FileReport(source.file, parsed.tree, diagnostics, parsed.plainText);
    validateWithSchema(validate, parsed.data, report);
    return read(parsed.data, report);
  };

  let project: ProjectConfig = {
    config: { targets: {}, policy: { unmanaged: "report", protect: [], limits: {} } },
    defaults: {},
  };
  if (configSource) {
    project = load(configSource, compiled.rosterform, readProjectConfig, () => undefined) ?? project;
  }
  const templates: TemplateDraft[] = [];
  for (const source of templateSources) {
    const template = load(source, compiled.contract, readTemplate, () =>
      unreadable.templates.add(stem(source.file)),
    );
    if (template) templates.push(template);
  }
  const users: UserDraft[] = [];
  for (const source of userSources) {
    const user = load(source, compiled.user, readUser, () =>
      unreadable.usernames.add(stem(source.file).toLowerCase()),
    );
    if (user) users.push(user);
  }

  const desired = crossCheckAndNormalise(project, templates, users, unreadable, at);
  const counts = {
    users: users.length,
    contractTemplates: templates.length,
    files: 1 + templateFiles.length + userFiles.length,
  };
  sortDiagnostics(diagnostics);
  const shown = limitPerFile(diagnostics, MAX_DIAGNOSTICS_PER_FILE);
  if (hasErrors(shown)) return { diagnostics: shown, counts };
  return { state: { at, config: project.config, users: desired }, diagnostics: shown, counts };
}

function crossCheckAndNormalise(
  project: ProjectConfig,
  templateDrafts: readonly TemplateDraft[],
  users: readonly UserDraft[],
  unreadable: Unreadable,
  at: string,
): DesiredUser[] {
  const { defaults } = project;
  const templates = indexTemplates(templateDrafts);
  checkIdentities(users);
  const supervisorOf = checkSupervisors(users, defaults, unreadable);
  const defaultSchedule = defaults.contract
    ? resolveSchedule(defaults.contract, templates, unreadable)
    : undefined;
  const desired: DesiredUser[] = [];
  for (const user of users) {
    const own = user.contract ? resolveSchedule(user.contract, templates, unreadable) : undefined;
    desired.push(
      toDesiredUser(user, defaults, { own, defaults: defaultSchedule }, supervisorOf.get(user), at),
    );
  }
  return desired;
}

async function readConfigSource(dir: string, diagnostics: Diagnostic[]): Promise<SourceText | undefined> {
  const source = await readSourceFile(dir, CONFIG_FILE);
  if (source.diagnostics.some((d) => d.code === "file.unreadable") && !(await exists(dir, CONFIG_FILE))) {
    if (await exists(dir, "rosterform.yml")) {
      diagnostics.push(
        wholeFile(
          "rosterform.yml",
          "project.config-name",
          `rename rosterform.yml to ${CONFIG_FILE}; that is the name rosterform reads`,
        ),
      );
      return undefined;
    }
    diagnostics.push(
      wholeFile(
        CONFIG_FILE,
        "project.missing-config",
        `not found; create ${CONFIG_FILE} in the project directory with at least: targets: { kimai: { url: https://kimai.example.com } }`,
      ),
    );
    return undefined;
  }
  return source;
}

async function exists(dir: string, file: string): Promise<boolean> {
  try {
    await stat(`${dir}/${file}`);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

function stem(file: string): string {
  return (file.split("/").pop() ?? file).replace(/\.ya?ml$/i, "");
}

function wholeFile(file: string, code: string, message: string): Diagnostic {
  return { file, line: 0, column: 0, code, message, severity: "error" };
}

/** Beyond this, a file's further problems are summed up in one line (a broken file can yield thousands). */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

function limitPerFile(sorted: readonly Diagnostic[], max: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  let i = 0;
  while (i < sorted.length) {
    const file = (sorted[i] as Diagnostic).file;
    let j = i;
    while (j < sorted.length && (sorted[j] as Diagnostic).file === file) j++;
    const group = sorted.slice(i, j);
    if (group.length <= max) out.push(...group);
    else {
      const hidden = group.slice(max);
      out.push(...group.slice(0, max));
      const errors = hidden.filter((d) => d.severity === "error").length;
      const first = hidden[0] as Diagnostic;
      out.push({
        file,
        line: first.line,
        column: first.column,
        code: "file.too-many-problems",
        message: `${hidden.length} more problems in this file are not shown (${errors} errors); fix the ones above first`,
        severity: errors > 0 ? "error" : "warning",
      });
    }
    i = j;
  }
  return out;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): void {
  diagnostics.sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column,
  );
}
