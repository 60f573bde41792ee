// `rosterform init`: a new project that passes `rosterform validate` as written, editor schemas, CI workflows.
// Existing files are kept unless --force. The CI files are the ones in examples/ (test/e2e/init.test.ts checks
// that they stay identical); they are embedded here because the published package ships only dist/ and schemas/.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { RosterformError } from "../errors.js";
import { ExitCode, type Io } from "../io.js";

export type CiChoice = "github" | "gitlab" | "none";

export interface InitOptions {
  dir: string;
  ci: CiChoice;
  force?: boolean;
  /** Pinned in the CI files: the version that wrote them. */
  version: string;
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
  for (const name of (await readdir(SCHEMA_DIR)).filter((n) => n.endsWith(".json")).sort()) {
    files.set(`schemas/${name}`, await readFile(new URL(name, SCHEMA_DIR), "utf8"));
  }
  for (const [path, lines] of CI_FILES[options.ci]) {
    files.set(path, `${lines.join("\n").replace("@VERSION@", options.version)}\n`);
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

// Generated from examples/: the version is filled in at @VERSION@.
const GITHUB_PLAN = [
  "# rosterform plan on every pull request: validate the YAML, plan against the real servers (read-only), and",
  "# post the plan as ONE pull-request comment that later pushes update in place.",
  "#",
  '# Check result: red on errors (exit 1) and safety refusals (exit 3); green on "no changes" (0) and on',
  '# "changes pending" (2), since pending changes are what a pull request is for.',
  "#",
  "# Setup (Settings → Secrets and variables → Actions):",
  "#   secrets   KIMAI_API_TOKEN        API token of a dedicated Kimai super-admin service user",
  "#             WHENIWORK_TOKEN        only with targets.wheniwork",
  "#   variables KIMAI_URL              optional: overrides targets.kimai.url from rosterform.yaml",
  "#             WHENIWORK_URL, WHENIWORK_USER_ID   optional, only with targets.wheniwork",
  "#",
  "# How rosterform is installed: `npx --yes rosterform@<version>`, pinned below in ROSTERFORM_VERSION, so the",
  "# repository needs nothing but the YAML files (what `rosterform init` writes). Bump the version deliberately.",
  "# If you prefer a lockfile (integrity hashes for every dependency, Renovate/Dependabot updates), add a",
  "# package.json with rosterform as a devDependency, commit package-lock.json, and replace each",
  '# `npx --yes "rosterform@${ROSTERFORM_VERSION}"` with `npm ci` once, then `npx rosterform`.',
  "#",
  "# Pull requests from forks get no secrets; the job is skipped for them rather than failing. Never switch this to",
  "# `pull_request_target`: it would run the fork's code with your tokens.",
  "name: rosterform plan",
  "",
  "on:",
  "  pull_request:",
  "",
  "permissions:",
  "  contents: read",
  "",
  "concurrency:",
  "  group: rosterform-plan-${{ github.event.pull_request.number }}",
  "  cancel-in-progress: true",
  "",
  "env:",
  '  ROSTERFORM_VERSION: "@VERSION@"',
  '  NO_COLOR: "1"',
  "",
  "jobs:",
  "  plan:",
  "    if: github.event.pull_request.head.repo.full_name == github.repository",
  "    runs-on: ubuntu-latest",
  "    permissions:",
  "      contents: read",
  "      pull-requests: write # the plan comment",
  "    env:",
  "      KIMAI_URL: ${{ vars.KIMAI_URL }}",
  "      KIMAI_API_TOKEN: ${{ secrets.KIMAI_API_TOKEN }}",
  "      WHENIWORK_URL: ${{ vars.WHENIWORK_URL }}",
  "      WHENIWORK_USER_ID: ${{ vars.WHENIWORK_USER_ID }}",
  "      WHENIWORK_TOKEN: ${{ secrets.WHENIWORK_TOKEN }}",
  "    steps:",
  "      - uses: actions/checkout@v5",
  "      - uses: actions/setup-node@v5",
  "        with:",
  "          node-version: 22",
  "",
  "      - name: Validate (offline)",
  '        run: npx --yes "rosterform@${ROSTERFORM_VERSION}" validate',
  "",
  "      - name: Plan",
  "        id: plan",
  "        # Keep going on any exit code: the comment step reports errors too. The last step decides the check.",
  "        run: |",
  "          code=0",
  '          npx --yes "rosterform@${ROSTERFORM_VERSION}" plan --format markdown --detailed-exitcode > plan.md 2> plan.err || code=$?',
  "          cat plan.err >&2",
  '          echo "exitcode=$code" >> "$GITHUB_OUTPUT"',
  "",
  "      - name: Post or update the plan comment",
  "        if: always() && steps.plan.outputs.exitcode != ''",
  "        uses: actions/github-script@v8",
  "        env:",
  "          PLAN_EXIT_CODE: ${{ steps.plan.outputs.exitcode }}",
  "        with:",
  "          script: |",
  '            const fs = require("fs");',
  '            const marker = "<!-- rosterform-plan -->";',
  "            const code = process.env.PLAN_EXIT_CODE;",
  '            let body = fs.readFileSync("plan.md", "utf8");',
  '            if (code !== "0" && code !== "2") {',
  '              const errors = fs.readFileSync("plan.err", "utf8").trim().slice(-20000);',
  '              const why = code === "3" ? "refused by a safety check" : "failed";',
  "              body = `**rosterform plan ${why} (exit ${code}).**\\n\\n~~~\\n${errors}\\n~~~\\n\\n${body}`;",
  "            }",
  "            if (!body.includes(marker)) body = `${marker}\\n${body}`;",
  "            const { owner, repo } = context.repo;",
  "            const issue_number = context.issue.number;",
  "            const comments = await github.paginate(github.rest.issues.listComments, {",
  "              owner,",
  "              repo,",
  "              issue_number,",
  "              per_page: 100,",
  "            });",
  "            const previous = comments.find(",
  '              (c) => c.user?.type === "Bot" && (c.body ?? "").includes(marker),',
  "            );",
  "            if (previous) {",
  "              await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });",
  "            } else {",
  "              await github.rest.issues.createComment({ owner, repo, issue_number, body });",
  "            }",
  "",
  "      - name: Fail the check on errors (exit 1) and refusals (exit 3), not on pending changes (exit 2)",
  "        if: steps.plan.outputs.exitcode != '0' && steps.plan.outputs.exitcode != '2'",
  "        run: |",
  '          echo "rosterform plan exited with ${{ steps.plan.outputs.exitcode }}; see the Plan step\'s log." >&2',
  "          exit 1",
];

const GITHUB_APPLY = [
  "# rosterform apply on every push to main (a merged pull request): makes exactly the changes the servers still",
  "# need, then a second plan would be empty. The JSON result (every change, ok or failed) is kept as an artifact,",
  "# also when the apply fails.",
  "#",
  "# Exit codes: 0 applied (or nothing to do); 1 error, e.g. one user failed (the others were applied; the next",
  "# run converges); 3 refused by policy.limits: review the plan, then run this workflow by hand with force: true.",
  "#",
  "# Secrets and variables as in plan.yml. To require a human approval before each apply, or to keep the tokens",
  "# readable only from main, move them to an environment (Settings → Environments) and set `environment:` below.",
  "# Installation: see plan.yml (npx with a pinned version, or npm ci with a lockfile).",
  "#",
  "# Effective-dated contracts (`contracts:` with `from:` dates) switch on the day only if apply runs that day:",
  '# add a `schedule:` trigger here (e.g. cron "15 5 * * *") if you use them.',
  "name: rosterform apply",
  "",
  "on:",
  "  push:",
  "    branches: [main]",
  "  workflow_dispatch:",
  "    inputs:",
  "      force:",
  '        description: "Apply even when policy.limits refuse (exit 3)"',
  "        type: boolean",
  "        default: false",
  "",
  "permissions:",
  "  contents: read",
  "",
  "# Two applies never overlap: a second push waits for the running apply instead of cancelling it halfway.",
  "concurrency:",
  "  group: rosterform-apply",
  "  cancel-in-progress: false",
  "",
  "env:",
  '  ROSTERFORM_VERSION: "@VERSION@"',
  '  NO_COLOR: "1"',
  "",
  "jobs:",
  "  apply:",
  "    runs-on: ubuntu-latest",
  "    # environment: production",
  "    permissions:",
  "      contents: read",
  "    env:",
  "      KIMAI_URL: ${{ vars.KIMAI_URL }}",
  "      KIMAI_API_TOKEN: ${{ secrets.KIMAI_API_TOKEN }}",
  "      WHENIWORK_URL: ${{ vars.WHENIWORK_URL }}",
  "      WHENIWORK_USER_ID: ${{ vars.WHENIWORK_USER_ID }}",
  "      WHENIWORK_TOKEN: ${{ secrets.WHENIWORK_TOKEN }}",
  "      FORCE: ${{ inputs.force && '--force' || '' }}",
  "    steps:",
  "      - uses: actions/checkout@v5",
  "      - uses: actions/setup-node@v5",
  "        with:",
  "          node-version: 22",
  "",
  "      - name: Apply",
  "        # Progress goes to the log (stderr); the result, formatVersion 1, to apply.json.",
  '        run: npx --yes "rosterform@${ROSTERFORM_VERSION}" apply --yes --format json $FORCE > apply.json',
  "",
  "      - name: Keep the result",
  "        if: always()",
  "        uses: actions/upload-artifact@v6",
  "        with:",
  "          name: rosterform-apply-${{ github.run_id }}-${{ github.run_attempt }}",
  "          path: apply.json",
  "          if-no-files-found: warn",
  "          retention-days: 90",
];

const GITHUB_DRIFT = [
  "# Nightly drift check: does every server still match the repository? Someone changed a user by hand in Kimai,",
  "# or an effective-dated contract starts today.",
  "#",
  "# Drift (exit 2) fails the job, so GitHub notifies by e-mail (whoever last changed this cron) and the run shows",
  "# red in the Actions tab; the plan is in the run's summary page. Errors (1) and refusals (3) fail it too. To",
  "# fix drift: run the apply workflow (it puts the servers back to the YAML), or change the YAML to accept what",
  "# was done by hand (`rosterform import --target kimai --out imported` shows what the server has).",
  "# Needs no write permission: it opens no issue, by choice (least privilege; the red run is the signal).",
  "#",
  "# Secrets and variables as in plan.yml; installation as in plan.yml.",
  "name: rosterform drift",
  "",
  "on:",
  "  schedule:",
  '    - cron: "17 4 * * *" # daily, 04:17 UTC',
  "  workflow_dispatch:",
  "",
  "permissions:",
  "  contents: read",
  "",
  "concurrency:",
  "  group: rosterform-drift",
  "  cancel-in-progress: false",
  "",
  "env:",
  '  ROSTERFORM_VERSION: "@VERSION@"',
  '  NO_COLOR: "1"',
  "",
  "jobs:",
  "  drift:",
  "    runs-on: ubuntu-latest",
  "    permissions:",
  "      contents: read",
  "    env:",
  "      KIMAI_URL: ${{ vars.KIMAI_URL }}",
  "      KIMAI_API_TOKEN: ${{ secrets.KIMAI_API_TOKEN }}",
  "      WHENIWORK_URL: ${{ vars.WHENIWORK_URL }}",
  "      WHENIWORK_USER_ID: ${{ vars.WHENIWORK_USER_ID }}",
  "      WHENIWORK_TOKEN: ${{ secrets.WHENIWORK_TOKEN }}",
  "    steps:",
  "      - uses: actions/checkout@v5",
  "      - uses: actions/setup-node@v5",
  "        with:",
  "          node-version: 22",
  "",
  "      - name: Plan (exit 2 = drift)",
  "        run: |",
  "          code=0",
  '          npx --yes "rosterform@${ROSTERFORM_VERSION}" plan --format markdown --detailed-exitcode > drift.md || code=$?',
  "          cat drift.md",
  '          cat drift.md >> "$GITHUB_STEP_SUMMARY"',
  '          if [ "$code" = 2 ]; then echo "::error::Drift: the servers differ from the repository; see the summary."; fi',
  '          exit "$code"',
];

const GITLAB_CI = [
  "# rosterform in GitLab CI: plan on merge requests (posted as ONE merge-request note, updated on every push),",
  "# apply on the default branch (never two at once), and a scheduled drift check.",
  "#",
  "# Setup (Settings → CI/CD → Variables; mask every token):",
  "#   KIMAI_API_TOKEN          API token of a dedicated Kimai super-admin service user",
  "#   WHENIWORK_TOKEN          only with targets.wheniwork (and WHENIWORK_URL / WHENIWORK_USER_ID if needed)",
  "#   KIMAI_URL                optional: overrides targets.kimai.url from rosterform.yaml",
  "#   ROSTERFORM_NOTE_TOKEN    a project access token (role Reporter, scope api) that posts the plan note",
  '# The plan job needs the Kimai token too, so do not mark it "protected" unless merge-request pipelines run on',
  "# protected branches only; anyone who can push a branch can run a pipeline with it (see the README's security",
  "# notes). Drift check: Build → Pipeline schedules → new schedule (e.g. daily) on the default branch.",
  "#",
  "# How rosterform is installed: `npx --yes rosterform@<version>`, pinned in ROSTERFORM_VERSION, so the repository",
  "# needs nothing but the YAML files. For a lockfile instead (integrity hashes, Renovate updates), add a",
  "# package.json with rosterform as a devDependency and package-lock.json, run `npm ci` in before_script and",
  "# call `npx rosterform` without --yes and the version.",
  "#",
  "# Exit codes: 0 no changes, 1 error, 2 changes pending (plan --detailed-exitcode), 3 refused by a safety check.",
  "",
  "stages: [validate, plan, apply]",
  "",
  "variables:",
  '  ROSTERFORM_VERSION: "@VERSION@"',
  '  NO_COLOR: "1"',
  "",
  "default:",
  "  image: node:22-bookworm-slim",
  "  interruptible: true",
  "",
  "validate:",
  "  stage: validate",
  "  rules:",
  '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
  '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == "push"',
  "  script:",
  '    - npx --yes "rosterform@${ROSTERFORM_VERSION}" validate',
  "",
  "# Fails on errors (1) and refusals (3), passes on pending changes (2). The note is posted in every case.",
  "plan:",
  "  stage: plan",
  "  rules:",
  '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
  "  script:",
  "    - code=0",
  '    - npx --yes "rosterform@${ROSTERFORM_VERSION}" plan --format markdown --detailed-exitcode > plan.md 2> plan.err || code=$?',
  "    - cat plan.md; cat plan.err >&2",
  "    - export PLAN_EXIT_CODE=$code",
  "    - |",
  "      node --input-type=module <<'JS'",
  "      // Post the plan as a merge-request note, or update the note an earlier run posted (found by the marker).",
  '      import { readFileSync } from "node:fs";',
  '      const marker = "<!-- rosterform-plan -->";',
  "      const env = process.env;",
  "      const code = env.PLAN_EXIT_CODE;",
  '      let body = readFileSync("plan.md", "utf8");',
  '      if (code !== "0" && code !== "2") {',
  '        const errors = readFileSync("plan.err", "utf8").trim().slice(-20000);',
  '        const why = code === "3" ? "refused by a safety check" : "failed";',
  "        body = `**rosterform plan ${why} (exit ${code}).** [Job log](${env.CI_JOB_URL})\\n\\n~~~\\n${errors}\\n~~~\\n\\n${body}`;",
  "      }",
  "      if (!body.includes(marker)) body = `${marker}\\n${body}`;",
  "      if (!env.ROSTERFORM_NOTE_TOKEN) {",
  '        console.error("ROSTERFORM_NOTE_TOKEN is not set: the plan is in this log only (see .gitlab-ci.yml)");',
  "        process.exit(0);",
  "      }",
  "      const notes = `${env.CI_API_V4_URL}/projects/${env.CI_PROJECT_ID}/merge_requests/${env.CI_MERGE_REQUEST_IID}/notes`;",
  '      const headers = { "PRIVATE-TOKEN": env.ROSTERFORM_NOTE_TOKEN, "content-type": "application/json" };',
  "      const call = async (method, url, payload) => {",
  "        const res = await fetch(url, { method, headers, ...(payload ? { body: JSON.stringify(payload) } : {}) });",
  '        if (!res.ok) throw new Error(`${method} ${url.split("?")[0]} answered ${res.status}`);',
  "        return res.json();",
  "      };",
  "      let previous;",
  "      for (let page = 1; !previous; page++) {",
  '        const batch = await call("GET", `${notes}?per_page=100&page=${page}&sort=asc`);',
  '        previous = batch.find((n) => !n.system && (n.body ?? "").includes(marker));',
  "        if (batch.length < 100) break;",
  "      }",
  '      if (previous) await call("PUT", `${notes}/${previous.id}`, { body });',
  '      else await call("POST", notes, { body });',
  "      JS",
  '    - if [ "$code" != 0 ] && [ "$code" != 2 ]; then exit "$code"; fi',
  "  artifacts:",
  "    when: always",
  "    paths: [plan.md]",
  "    expire_in: 30 days",
  "",
  "apply:",
  "  stage: apply",
  "  rules:",
  '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == "push"',
  "  # One apply at a time: a second pipeline waits for the running apply instead of overlapping it.",
  "  resource_group: rosterform-apply",
  "  interruptible: false",
  "  script:",
  '    - npx --yes "rosterform@${ROSTERFORM_VERSION}" apply --yes --format json > apply.json',
  "  artifacts:",
  "    when: always",
  "    paths: [apply.json]",
  "    expire_in: 90 days",
  "",
  "# Exit 2 = drift: the job fails, and GitLab mails the schedule's owner about the failed pipeline.",
  "drift:",
  "  stage: plan",
  "  rules:",
  '    - if: $CI_PIPELINE_SOURCE == "schedule"',
  "  interruptible: false",
  "  script:",
  '    - npx --yes "rosterform@${ROSTERFORM_VERSION}" plan --detailed-exitcode',
];

const CI_FILES: Record<CiChoice, [string, string[]][]> = {
  github: [
    [".github/workflows/rosterform-plan.yml", GITHUB_PLAN],
    [".github/workflows/rosterform-apply.yml", GITHUB_APPLY],
    [".github/workflows/rosterform-drift.yml", GITHUB_DRIFT],
  ],
  gitlab: [[".gitlab-ci.yml", GITLAB_CI]],
  none: [],
};
