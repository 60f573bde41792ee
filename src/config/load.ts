// The public entry point: read a project directory, report every problem, and build the desired state.
import { stat } from "node:fs/promises";
import type { ValidateFunction } from "ajv";
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
import { MAX_DIAGNOSTICS_PER_FILE, limitPerFile, sortDiagnostics } from "./diagnostic-list.js";
import { validateWithSchema } from "./schema-diagnostics.js";
import { schemas } from "./schemas.js";
import type { TargetBlocks } from "./target-blocks.js";
import type { TemplateDraft } from "./template-rules.js";
import { readTemplate } from "./template-rules.js";
import type { UserDraft } from "./user-rules.js";
import { readUser } from "./user-rules.js";
import type { TeamDraft } from "./team-rules.js";
import { readTeam } from "./team-rules.js";
import { TEAMS_DIR, checkTeams } from "./team-cross-rules.js";

import { CONFIG_FILE } from "../project.js";

export { CONFIG_FILE };
export const USERS_DIR = "users.d";
export const CONTRACTS_DIR = "contracts.d";

export interface LoadOptions {
  /** The target systems whose `targets.<name>` and per-person blocks are read (src/providers/index.ts). */
  targets: readonly TargetBlocks[];
  /** YYYY-MM-DD to select contracts for; default today (UTC). */
  at?: string;
}

export interface LoadResult {
  /** Present only when there is no error diagnostic. */
  state?: DesiredState;
  /** Every problem in every file, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** What was read, for summaries. */
  counts: { users: number; contractTemplates: number; teams: number; files: number };
}

export async function loadProject(dir: string, options: LoadOptions): Promise<LoadResult> {
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
  const empty = { users: 0, contractTemplates: 0, teams: 0, files: 0 };
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

  const { configSource, templateSources, userSources, teamSources } = await readProjectFiles(
    dir,
    diagnostics,
  );
  const compiled = await schemas();
  const unreadable = { usernames: new Set<string>(), templates: new Set<string>() };

  let project: ProjectConfig = {
    config: { targets: {}, policy: { unmanaged: "report", protect: [], limits: {} } },
    defaults: {},
  };
  if (configSource) {
    project =
      checkFile(
        configSource,
        compiled.rosterform,
        (data, report) => readProjectConfig(data, report, options.targets),
        diagnostics,
      ) ?? project;
  }
  const templates: TemplateDraft[] = [];
  for (const source of templateSources) {
    const template = checkFile(source, compiled.contract, readTemplate, diagnostics);
    if (template) templates.push(template);
    else unreadable.templates.add(stem(source.file));
  }
  const users: UserDraft[] = [];
  for (const source of userSources) {
    const user = checkFile(
      source,
      compiled.user,
      (data, report) => readUser(data, report, options.targets),
      diagnostics,
    );
    if (user) users.push(user);
    else unreadable.usernames.add(stem(source.file).toLowerCase());
  }

  const teams: TeamDraft[] = [];
  const unreadableTeams = new Set<string>();
  for (const source of teamSources ?? []) {
    const team = checkFile(source, compiled.team, readTeam, diagnostics);
    if (team) teams.push(team);
    else unreadableTeams.add(stem(source.file).toLowerCase());
  }

  const desired = crossCheckAndNormalise(project, templates, users, unreadable, at);
  // No teams.d/: teams are not managed, and a person's teams:/leads: names a team that is nowhere.
  const desiredTeams = checkTeams(
    teams,
    users,
    project.config.policy.teams,
    project.defaults,
    unreadable,
    unreadableTeams,
  );
  checkFileNames(users, diagnostics);
  const counts = {
    users: users.length,
    contractTemplates: templates.length,
    teams: teams.length,
    files: (configSource ? 1 : 0) + templateSources.length + userSources.length + (teamSources?.length ?? 0),
  };
  sortDiagnostics(diagnostics);
  const shown = limitPerFile(diagnostics, MAX_DIAGNOSTICS_PER_FILE);
  if (hasErrors(shown)) return { diagnostics: shown, counts };
  const state: DesiredState = { at, config: project.config, users: desired };
  if (teamSources !== undefined) state.teams = desiredTeams;
  return { state, diagnostics: shown, counts };
}

interface ProjectSources {
  configSource?: SourceText;
  templateSources: SourceText[];
  userSources: SourceText[];
  /** Undefined when there is no teams.d/ folder. */
  teamSources?: SourceText[];
}

/** Finds and reads rosterform.yaml, contracts.d/ (optional), users.d/ and teams.d/ (optional). */
async function readProjectFiles(dir: string, diagnostics: Diagnostic[]): Promise<ProjectSources> {
  const [configSource, templateListing, userListing, teamListing] = await Promise.all([
    readConfigSource(dir, diagnostics),
    listYamlFiles(dir, CONTRACTS_DIR),
    listYamlFiles(dir, USERS_DIR),
    listYamlFiles(dir, TEAMS_DIR),
  ]);
  const templateFiles = "missing" in templateListing ? [] : templateListing.files;
  const userFiles = "missing" in userListing ? [] : userListing.files;
  for (const listing of [templateListing, userListing, teamListing]) {
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
  } else if (userListing.files.length === 0) {
    diagnostics.push({
      ...wholeFile(`${USERS_DIR}/`, "project.no-users", "no .yaml files here; nobody is declared"),
      severity: "warning",
    });
  }
  const [templateSources, userSources, teamSources] = await Promise.all([
    readSourceFiles(dir, templateFiles),
    readSourceFiles(dir, userFiles),
    "missing" in teamListing ? undefined : readSourceFiles(dir, teamListing.files),
  ]);
  return { configSource, templateSources, userSources, ...(teamSources ? { teamSources } : {}) };
}

/**
 * One file through parsing, the schema and its own rules; undefined when it could not be parsed at all
 * (its problems are reported; the caller then avoids follow-up errors about what it would have declared).
 */
function checkFile<T>(
  source: SourceText,
  validate: ValidateFunction,
  read: (data: unknown, report: FileReport) => T,
  diagnostics: Diagnostic[],
): T | undefined {
  diagnostics.push(...source.diagnostics);
  const parsed = source.text === undefined ? undefined : parseSource(source.text, source.file, diagnostics);
  if (!parsed) return undefined;
  const report = new FileReport(source.file, parsed.tree, diagnostics, parsed.plainText);
  validateWithSchema(validate, parsed.data, report);
  return read(parsed.data, report);
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

/**
 * The README recommends one file per person named after the username: users.d/anna.yaml declares anna.
 * Files that already have an error (a duplicate username, say) are not told to rename on top of it.
 */
function checkFileNames(users: readonly UserDraft[], diagnostics: readonly Diagnostic[]): void {
  let withErrors: Set<string> | undefined;
  for (const user of users) {
    const { file } = user.report;
    if (user.username === undefined || stem(file).toLowerCase() === user.username.toLowerCase()) continue;
    withErrors ??= new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
    if (withErrors.has(file)) continue;
    user.report.warning(
      ["username"],
      "user.file-name",
      `the file name differs from the username "${user.username}"; rename the file to ${file.slice(0, file.lastIndexOf("/") + 1)}${user.username}.yaml so people are found where they are expected`,
    );
  }
}

function stem(file: string): string {
  return (file.split("/").pop() ?? file).replace(/\.ya?ml$/i, "");
}

function wholeFile(file: string, code: string, message: string): Diagnostic {
  return { file, line: 0, column: 0, code, message, severity: "error" };
}
