// `rosterform init`: a new project that passes `rosterform validate` as written, editor schemas, CI workflows.
// Existing files are kept unless --force. The CI files are copied from the package's examples/.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { SCHEMA_FILES } from "../config/schemas.js";
import { RosterformError } from "../errors.js";
import { ExitCode, type Io } from "../io.js";

export type CiChoice = "github" | "gitlab" | "none";

export interface InitOptions {
  dir: string;
  ci: CiChoice;
  force?: boolean;
}

/** schemas/ sits two levels above this file both in src/commands and in dist/commands. */
const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);

const ROSTERFORM_YAML = `# yaml-language-server: $schema=schemas/rosterform.schema.json
targets:
  kimai:
    url: https://kimai.example.com # your Kimai's address; KIMAI_URL overrides it, the token comes from KIMAI_API_TOKEN
    workContractPlugin: auto # auto (ask /api/plugins) | true | false
  # wheniwork: # a second system, optional; token from WHENIWORK_TOKEN
  #   url: https://api.wheniwork.com
policy:
  unmanaged: report # users on the server but not in users.d: ignore | report | deactivate
  protect: [admin] # never changed nor deactivated (the token's own user never is)
  limits: { deactivate: 10% } # more refuses with exit 3 unless --force
defaults: # merged under every user file; a user's own value wins
  language: en
  timezone: Europe/Berlin
`;

const EXAMPLE_USER = `# yaml-language-server: $schema=../schemas/user.schema.json
# An example person: edit or delete it, and add one file per person (the file name is the username).
# To start from the people your Kimai already has: rosterform import --target kimai
username: jane.doe
email: jane.doe@example.com
name: { first: Jane, last: Doe } # Kimai alias "Jane Doe"
title: Office Manager
enabled: true # false = off-boarded: deactivated, never deleted
contract: full-time-40h # a template from contracts.d/
`;

const EXAMPLE_CONTRACT = `# yaml-language-server: $schema=../schemas/contract.schema.json
# A contract template; users name it with \`contract: full-time-40h\`.
# Fixed hours per weekday (type day) work on every Kimai. With Kimai's Working contract plugin you can write
# \`type: week\` and \`hoursPerWeek: 40h\` with \`workDays: mon-fri\` instead.
name: full-time-40h
type: day
hours: { mon: 8h, tue: 8h, wed: 8h, thu: 8h, fri: 8h }
vacationDays: 30
`;

type Outcome = "created" | "replaced" | "kept";

/** Project files as path (relative to DIR) -> content. */
async function projectFiles(options: InitOptions): Promise<Map<string, string>> {
  const files = new Map<string, string>([
    ["rosterform.yaml", ROSTERFORM_YAML],
    ["users.d/jane.doe.yaml", EXAMPLE_USER],
    ["contracts.d/full-time-40h.yaml", EXAMPLE_CONTRACT],
  ]);
  // The schemas of the YAML, for editors (a saved plan's schema is rosterform's own).
  const editorSchemas = (await readdir(SCHEMA_DIR)).filter(
    (n) => n.endsWith(".json") && n !== SCHEMA_FILES.plan,
  );
  for (const name of editorSchemas.sort()) {
    files.set(`schemas/${name}`, await readFile(new URL(name, SCHEMA_DIR), "utf8"));
  }
  for (const [path, source] of CI_FILES[options.ci]) {
    files.set(path, await readFile(new URL(source, EXAMPLES_DIR), "utf8"));
  }
  return files;
}

async function writeOne(file: string, content: string, force: boolean): Promise<Outcome> {
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, content, { flag: force ? "w" : "wx" });
    return "created";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return "kept";
    throw new RosterformError(`cannot write ${file} (${code ?? "error"}): check the folder's permissions`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await readFile(file);
    return true;
  } catch {
    return false;
  }
}

export async function runInit(options: InitOptions, io: Io): Promise<number> {
  const dir = resolve(io.cwd, options.dir);
  const files = await projectFiles(options);
  const outcomes: [string, Outcome][] = [];
  for (const [path, content] of files) {
    const file = join(dir, path);
    const existed = options.force ? await exists(file) : false;
    const outcome = await writeOne(file, content, options.force === true);
    outcomes.push([path, existed && outcome === "created" ? "replaced" : outcome]);
  }
  const where = relative(io.cwd, dir) || ".";
  io.stdout(`rosterform project in ${where}:\n`);
  for (const [path, outcome] of outcomes) {
    const mark = outcome === "kept" ? "=" : outcome === "replaced" ? "~" : "+";
    const note = outcome === "kept" ? "  (kept: it exists; --force replaces it)" : "";
    io.stdout(`  ${mark} ${path}${note}\n`);
  }
  const kept = outcomes.filter(([, o]) => o === "kept").length;
  if (kept > 0) io.stdout(`Kept ${kept} existing file${kept === 1 ? "" : "s"} unchanged.\n`);
  io.stdout(nextSteps(where, options.ci));
  return ExitCode.Ok;
}

function nextSteps(where: string, ci: CiChoice): string {
  const cd = where === "." ? "" : `cd ${where} && `;
  const steps = [
    `Set your Kimai's address in rosterform.yaml (targets.kimai.url), and replace users.d/jane.doe.yaml with your people (or adopt them: rosterform import --target kimai).`,
    `Check the files offline: ${cd}rosterform validate`,
    `Create an API token in Kimai as a super-admin (a dedicated service user is best: avatar → API access), then: export KIMAI_API_TOKEN=… && rosterform plan`,
  ];
  if (ci === "github") {
    steps.push(
      "In GitHub: Settings → Secrets and variables → Actions → add the secret KIMAI_API_TOKEN (optional variable KIMAI_URL).",
      "Commit and push, open a pull request: the plan appears as a comment; merging applies it; a nightly run reports drift.",
    );
  } else if (ci === "gitlab") {
    steps.push(
      "In GitLab: Settings → CI/CD → Variables → add KIMAI_API_TOKEN (masked) and ROSTERFORM_NOTE_TOKEN (a project access token, scope api, role Reporter); add a pipeline schedule for the drift check.",
      "Commit and push, open a merge request: the plan appears as a note; merging applies it.",
    );
  } else {
    steps.push("When you are happy with the plan: rosterform apply");
  }
  return `\nNext steps:\n${steps.map((s, i) => `  ${i + 1}. ${s}\n`).join("")}`;
}

/** The CI files are examples/ as shipped in the package (its version is pinned there; a test keeps it current). */
const EXAMPLES_DIR = new URL("../../examples/", import.meta.url);

const CI_FILES: Record<CiChoice, [string, string][]> = {
  github: [
    [".github/workflows/rosterform-plan.yml", "github-actions/plan.yml"],
    [".github/workflows/rosterform-apply.yml", "github-actions/apply.yml"],
    [".github/workflows/rosterform-drift.yml", "github-actions/drift.yml"],
  ],
  gitlab: [[".gitlab-ci.yml", "gitlab-ci/.gitlab-ci.yml"]],
  none: [],
};
