// The CI examples, run for real minus the CI runner: each step's rosterform command runs in-process against the
// sandboxes; the step's own shell script then runs in bash with `rosterform` standing in for that result; the comment
// scripts run against a fake GitHub client and a fake GitLab API. What each workflow relies on is checked.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { PLAN_COMMENT_MARKER } from "../../src/render/markdown.js";
import {
  ADMIN_TOKEN,
  BOTH_TARGETS_YAML,
  project,
  removeProject,
  run,
  sandbox,
  wiwSandbox,
  type RunResult,
  type Sandbox,
  type WiwSandbox,
} from "./harness.js";

const ROOT = join(import.meta.dirname, "../..");
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  repository: { url: string };
};
const VERSION = PACKAGE.version;
/** The repository's web address, from package.json (the one place it is written down). */
const REPOSITORY = PACKAGE.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
/** How every example installs rosterform: the release tarball of the pinned version. */
const INSTALL =
  `npm install -g --no-audit --no-fund "${REPOSITORY}/releases/download/v\${ROSTERFORM_VERSION}/` +
  `rosterform-\${ROSTERFORM_VERSION}.tgz"`;
const ALLOWED_ACTIONS = [
  "actions/checkout",
  "actions/setup-node",
  "actions/github-script",
  "actions/upload-artifact",
];

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  return parse(readFileSync(join(ROOT, "examples/github-actions", name), "utf8")) as Workflow;
}

function onlyJob(w: Workflow): Job {
  const jobs = Object.values(w.jobs);
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

/** The rosterform command a shell script runs, as argv for run(); shell variables expanded from `vars`. */
function rosterformArgs(script: string, vars: Record<string, string>): string[] {
  const lines = script.split("\n").filter((l) => /^\s*rosterform\s/.test(l));
  expect(lines, script).toHaveLength(1);
  const m = /^\s*rosterform ([^>|;&]*)/.exec(lines[0]!);
  expect(m, lines[0]).not.toBeNull();
  return m![1]!
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/^\$\{?(\w+)\}?$/, (_, name: string) => vars[name] ?? ""))
    .filter(Boolean);
}

/** Runs a step's script in bash (as CI would: -e, pipefail), with `rosterform` giving the in-process result. */
async function runScript(
  script: string,
  result: RunResult,
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; outputs: string; summary: string }> {
  const stub = join(cwd, ".stub");
  await writeFile(`${stub}.out`, result.stdout);
  await writeFile(`${stub}.err`, result.stderr);
  await writeFile(`${stub}.outputs`, "");
  await writeFile(`${stub}.summary`, "");
  const prelude = [
    `rosterform() { cat "${stub}.out"; cat "${stub}.err" >&2; return ${result.code}; }`,
    // The note-posting heredoc is tested on its own, against a fake GitLab.
    "node() { cat > /dev/null; }",
  ].join("\n");
  await writeFile(`${stub}.sh`, `${prelude}\n${script}\n`);
  const code = await new Promise<number>((resolve) => {
    execFile(
      "bash",
      ["--noprofile", "--norc", "-eo", "pipefail", `${stub}.sh`],
      {
        cwd,
        env: {
          PATH: process.env.PATH,
          GITHUB_OUTPUT: `${stub}.outputs`,
          GITHUB_STEP_SUMMARY: `${stub}.summary`,
          ...env,
        },
      },
      (error) => resolve(error ? Number(error.code ?? 1) : 0),
    );
  });
  return {
    code,
    outputs: await readFile(`${stub}.outputs`, "utf8"),
    summary: await readFile(`${stub}.summary`, "utf8"),
  };
}

/** `${{ secrets.X }}` / `${{ vars.X }}` resolved from what a user would have stored in the repository settings. */
function jobEnv(job: Job, store: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(job.env ?? {})) {
    const ref = /^\$\{\{ (secrets|vars)\.(\w+) \}\}$/.exec(value);
    if (ref) env[key] = store[ref[2]!] ?? "";
  }
  return env;
}

/** The `if:` of the gate step, limited to `steps.plan.outputs.exitcode != 'N' && ...`: which codes pass. */
function passingCodes(condition: string): number[] {
  const parts = condition.split("&&").map((p) => /^\s*steps\.plan\.outputs\.exitcode != '(\d)'\s*$/.exec(p));
  expect(parts.every(Boolean), condition).toBe(true);
  return parts.map((p) => Number(p![1]));
}

function secretsOnlyFromTheStore(w: Workflow): void {
  const text = JSON.stringify(w);
  for (const job of Object.values(w.jobs)) {
    for (const [key, value] of Object.entries(job.env ?? {})) {
      if (/TOKEN/.test(key)) expect(value).toBe(`\${{ secrets.${key} }}`);
    }
    for (const step of job.steps) {
      if (step.uses) expect(ALLOWED_ACTIONS).toContain(step.uses.split("@")[0]);
      // Never on a command line: secrets reach rosterform only through the environment.
      expect(step.run ?? "").not.toMatch(/secrets\./);
    }
    expect(Object.values(job.permissions ?? {}).filter((p) => p === "write").length).toBeLessThanOrEqual(1);
  }
  expect(w.permissions).toEqual({ contents: "read" });
  expect(text).not.toMatch(/pull_request_target/);
  expect(w.env?.ROSTERFORM_VERSION).toBe(VERSION);
  for (const job of Object.values(w.jobs)) {
    expect(job.steps.filter((s) => s.name === "Install rosterform").map((s) => s.run)).toEqual([INSTALL]);
  }
}

// --- a fake GitHub for the github-script step -----------------------------------------------------------------

interface Comment {
  id: number;
  body: string;
  user: { type: "Bot" | "User" };
}

function fakeGitHub(comments: Comment[]) {
  let next = 100;
  const listComments = (params: { issue_number: number }) => {
    expect(params.issue_number).toBe(7);
    return Promise.resolve({ data: comments });
  };
  return {
    paginate: async (fn: typeof listComments, params: { issue_number: number }) => (await fn(params)).data,
    rest: {
      issues: {
        listComments,
        createComment: (p: { issue_number: number; body: string }) => {
          expect(p.issue_number).toBe(7);
          comments.push({ id: next++, body: p.body, user: { type: "Bot" } });
          return Promise.resolve({});
        },
        updateComment: (p: { comment_id: number; body: string }) => {
          const c = comments.find((x) => x.id === p.comment_id);
          if (!c) throw new Error(`no comment ${p.comment_id}`);
          c.body = p.body;
          return Promise.resolve({});
        },
      },
    },
  };
}

/** Runs the github-script step's script as the action does: an async function body with these globals. */
async function runGithubScript(step: Step, cwd: string, comments: Comment[], exitCode: string) {
  const script = step.with?.script;
  expect(typeof script).toBe("string");
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<unknown>;
  const fn = new AsyncFunction("require", "github", "context", "process", script as string);
  const requireInDir = (name: string) => {
    expect(name).toBe("fs");
    return { readFileSync: (file: string, enc: "utf8") => readFileSync(join(cwd, file), enc) };
  };
  const context = { repo: { owner: "acme", repo: "people" }, issue: { number: 7 } };
  await fn(requireInDir, fakeGitHub(comments), context, { env: { PLAN_EXIT_CODE: exitCode } });
}

// --- GitHub Actions ----------------------------------------------------------------------------------------

const ANNA = `username: anna
email: anna@example.com
name: { first: Anna, last: Schmidt }
contract: { type: week, hoursPerWeek: 40h, workDays: mon-fri }
wheniwork:
  positions: [Barista]
  locations: [Main Street]
`;

let kimai: Sandbox | undefined;
let wiw: WiwSandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await kimai?.close();
  await wiw?.close();
  if (dir) await removeProject(dir);
  kimai = wiw = dir = undefined;
});

/** What a user stores in the repository's secrets and variables, pointing at the sandboxes. */
function store(): Record<string, string> {
  return {
    KIMAI_URL: kimai!.url,
    KIMAI_API_TOKEN: kimai!.token,
    WHENIWORK_URL: wiw!.url,
    WHENIWORK_TOKEN: wiw!.token,
  };
}

/** A change someone makes by hand in Kimai, through its API. */
async function editInKimai(username: string, body: Record<string, unknown>): Promise<void> {
  const users = (await (
    await fetch(`${kimai!.url}/api/users?visible=3`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
  ).json()) as { id: number; username: string }[];
  const user = users.find((u) => u.username === username);
  expect(user).toBeDefined();
  const res = await fetch(`${kimai!.url}/api/users/${user!.id}`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describe("GitHub Actions examples", () => {
  const plan = workflow("plan.yml");
  const apply = workflow("apply.yml");
  const drift = workflow("drift.yml");

  test("triggers, permissions, secrets, concurrency and allowed actions", () => {
    for (const w of [plan, apply, drift]) secretsOnlyFromTheStore(w);
    expect(Object.keys(plan.on)).toEqual(["pull_request"]);
    expect(onlyJob(plan).permissions).toEqual({ contents: "read", "pull-requests": "write" });
    // Forks get no secrets: skipped, not failed.
    expect(onlyJob(plan).if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    expect(apply.on.push).toEqual({ branches: ["main"] });
    expect(apply.concurrency).toEqual({ group: "rosterform-apply", "cancel-in-progress": false });
    expect(onlyJob(apply).permissions).toEqual({ contents: "read" });
    const upload = onlyJob(apply).steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(upload?.if).toBe("always()");
    expect(upload?.with?.path).toBe("apply.json");
    expect((drift.on.schedule as { cron: string }[])[0]?.cron).toMatch(/^(\S+ ){4}\S+$/);
    expect(onlyJob(drift).permissions).toEqual({ contents: "read" });
  });

  test("plan on a pull request: one sticky comment, exit 2 passes, after apply the plan is empty; drift gives 2", async () => {
    kimai = await sandbox();
    wiw = await wiwSandbox();
    dir = await project({ "users.d/anna.yaml": ANNA }, BOTH_TARGETS_YAML);
    const planJob = onlyJob(plan);
    const env: Record<string, string> = { ...jobEnv(planJob, store()), NO_COLOR: "1" };
    expect(env.KIMAI_API_TOKEN).toBe(kimai.token);
    const vars = { ...plan.env } as Record<string, string>;
    const [validateStep, planStep, commentStep, gateStep] = planJob.steps.filter(
      (s) => !s.uses?.match(/checkout|setup-node/) && s.name !== "Install rosterform",
    );

    // validate
    const validate = await run(rosterformArgs(validateStep!.run!, vars), env, dir);
    expect(validate.code, validate.stderr).toBe(0);
    expect((await runScript(validateStep!.run!, validate, dir)).code).toBe(0);

    // plan: exit 2, the step itself passes and records the code
    const args = rosterformArgs(planStep!.run!, vars);
    expect(args).toEqual(["plan", "--format", "markdown", "--detailed-exitcode"]);
    const pending = await run(args, env, dir);
    expect(pending.code, pending.stderr).toBe(2);
    const step = await runScript(planStep!.run!, pending, dir);
    expect(step.code).toBe(0);
    expect(step.outputs).toBe("exitcode=2\n");
    const planMd = await readFile(join(dir, "plan.md"), "utf8");
    expect(planMd).toContain("Plan: 1 to create");
    expect(planMd).toContain("<code>anna</code>");

    // the comment step looks for the marker the Markdown carries
    const script = String(commentStep!.with?.script);
    expect(script).toContain(`const marker = "${PLAN_COMMENT_MARKER}"`);
    expect(planMd.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
    const comments: Comment[] = [
      { id: 1, body: `a human quoting ${PLAN_COMMENT_MARKER}`, user: { type: "User" } },
    ];
    await runGithubScript(commentStep!, dir, comments, "2");
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toBe(planMd);

    // the gate: 0 and 2 pass, 1 and 3 fail the check
    expect(passingCodes(gateStep!.if!).sort()).toEqual([0, 2]);

    // merge: apply.yml
    const applyJob = onlyJob(apply);
    const applyEnv = { ...jobEnv(applyJob, store()), NO_COLOR: "1" };
    const applyStep = applyJob.steps.find((s) => s.run?.includes(" apply "))!;
    const applyArgs = rosterformArgs(applyStep.run!, { ...(apply.env as Record<string, string>) });
    expect(applyArgs).toEqual(["apply", "--yes", "--format", "json"]);
    const applied = await run(applyArgs, applyEnv, dir);
    expect(applied.code, applied.stderr).toBe(0);
    expect((await runScript(applyStep.run!, applied, dir, { FORCE: "" })).code).toBe(0);
    const result = JSON.parse(await readFile(join(dir, "apply.json"), "utf8")) as {
      formatVersion: number;
      targets: { target: string; results: { user: string; status: string }[] }[];
    };
    expect(result.formatVersion).toBe(2);
    expect(result.targets.map((t) => [t.target, t.results.map((r) => `${r.user}:${r.status}`)])).toEqual([
      ["kimai", ["anna:applied"]],
      ["wheniwork", ["anna:applied"]],
    ]);

    // the next push to the pull request: no changes, the same comment is updated
    const clean = await run(args, env, dir);
    expect(clean.code, clean.stderr).toBe(0);
    expect((await runScript(planStep!.run!, clean, dir)).outputs).toBe("exitcode=0\n");
    await runGithubScript(commentStep!, dir, comments, "0");
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body.match(/No changes\./g)).toHaveLength(2);
    expect(comments[0]!.body).toBe(`a human quoting ${PLAN_COMMENT_MARKER}`);

    // nightly drift check: clean, then someone edits anna in Kimai by hand
    const driftJob = onlyJob(drift);
    const driftEnv = { ...jobEnv(driftJob, store()), NO_COLOR: "1" };
    const driftStep = driftJob.steps.find((s) => s.run?.includes(" plan "))!;
    const driftArgs = rosterformArgs(driftStep.run!, { ...(drift.env as Record<string, string>) });
    expect(driftArgs).toContain("--detailed-exitcode");
    const quiet = await run(driftArgs, driftEnv, dir);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect((await runScript(driftStep.run!, quiet, dir)).code).toBe(0);
    await editInKimai("anna", { alias: "Anna by hand" });
    const drifted = await run(driftArgs, driftEnv, dir);
    expect(drifted.code, drifted.stderr).toBe(2);
    const driftRun = await runScript(driftStep.run!, drifted, dir);
    expect(driftRun.code).toBe(2);
    expect(driftRun.summary).toContain("Anna by hand");
  }, 60_000);

  test("plan errors (exit 1) and refusals (exit 3) still comment, and fail the check", async () => {
    dir = await project({ "users.d/anna.yaml": ANNA });
    const planJob = onlyJob(plan);
    const planStep = planJob.steps.find((s) => s.id === "plan")!;
    const commentStep = planJob.steps.find((s) => s.uses?.startsWith("actions/github-script"))!;
    const failed = await run(
      rosterformArgs(planStep.run!, { ...(plan.env as Record<string, string>) }),
      {},
      dir,
    );
    expect(failed.code).toBe(1);
    const step = await runScript(planStep.run!, failed, dir);
    expect(step.code).toBe(0);
    expect(step.outputs).toBe("exitcode=1\n");
    const comments: Comment[] = [];
    await runGithubScript(commentStep, dir, comments, "1");
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(PLAN_COMMENT_MARKER);
    expect(comments[0]!.body).toContain("**rosterform plan failed (exit 1).**");
    expect(comments[0]!.body).toContain("KIMAI_API_TOKEN is not set");
    expect(passingCodes(planJob.steps.at(-1)!.if!)).not.toContain(1);
    expect(passingCodes(planJob.steps.at(-1)!.if!)).not.toContain(3);
  });

  test("a failed apply still writes apply.json (the artifact is uploaded on failure)", async () => {
    kimai = await sandbox();
    dir = await project({ "users.d/anna.yaml": ANNA.split("wheniwork:")[0]! });
    const applyJob = onlyJob(apply);
    const applyStep = applyJob.steps.find((s) => s.run?.includes(" apply "))!;
    await kimai.faults([
      { method: "POST", path: "^/api/users$", times: 1, action: { type: "status", status: 400 } },
    ]);
    const args = rosterformArgs(applyStep.run!, { ...(apply.env as Record<string, string>) });
    const failed = await run(args, { KIMAI_URL: kimai.url, KIMAI_API_TOKEN: kimai.token }, dir);
    expect(failed.code).toBe(1);
    expect((await runScript(applyStep.run!, failed, dir, { FORCE: "" })).code).toBe(1);
    const result = JSON.parse(await readFile(join(dir, "apply.json"), "utf8")) as {
      formatVersion: number;
      targets: { results: { status: string }[] }[];
    };
    expect(result.formatVersion).toBe(2);
    expect(result.targets[0]?.results[0]?.status).toBe("failed");
    // --force reaches the command only when asked for by hand
    expect(rosterformArgs(applyStep.run!, { FORCE: "--force" })).toContain("--force");
  });
});

// --- GitLab CI ---------------------------------------------------------------------------------------------

interface GitLabJob {
  extends?: string;
  before_script?: string[];
  stage: string;
  rules: { if: string }[];
  script: string[];
  resource_group?: string;
  artifacts?: { when: string; paths: string[] };
}

describe("GitLab CI example", () => {
  const gitlab = parse(readFileSync(join(ROOT, "examples/gitlab-ci/.gitlab-ci.yml"), "utf8")) as Record<
    string,
    unknown
  > & { variables: Record<string, string> };
  const job = (name: string) => gitlab[name] as GitLabJob;
  const script = (name: string) => job(name).script.join("\n");
  const vars = () => gitlab.variables;

  let notesApi: {
    server: Server;
    url: string;
    requests: { method: string; url: string; token: string; body: string }[];
  };
  let notes: { id: number; body: string; system: boolean }[];
  beforeAll(async () => {
    notes = [];
    const requests: { method: string; url: string; token: string; body: string }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        requests.push({
          method: req.method!,
          url: req.url!,
          token: String(req.headers["private-token"]),
          body,
        });
        const base = "/api/v4/projects/42/merge_requests/7/notes";
        res.setHeader("content-type", "application/json");
        if (req.method === "GET" && req.url!.startsWith(`${base}?`)) return res.end(JSON.stringify(notes));
        if (req.method === "POST" && req.url === base) {
          const note = {
            id: notes.length + 500,
            body: (JSON.parse(body) as { body: string }).body,
            system: false,
          };
          notes.push(note);
          return res.end(JSON.stringify(note));
        }
        const put = new RegExp(`^${base}/(\\d+)$`).exec(req.url!);
        const note = put && notes.find((n) => n.id === Number(put[1]));
        if (req.method === "PUT" && note) {
          note.body = (JSON.parse(body) as { body: string }).body;
          return res.end(JSON.stringify(note));
        }
        res.statusCode = 404;
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    notesApi = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`, requests };
    return () => new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** The heredoc of the plan job, run with node as the job would, against the fake GitLab. */
  async function postNote(cwd: string, exitCode: string): Promise<number> {
    const heredoc = /node --input-type=module <<'JS'\n([\s\S]*?)\nJS$/m.exec(script("plan"));
    expect(heredoc).not.toBeNull();
    return new Promise<number>((resolve) => {
      const child = execFile(
        process.execPath,
        ["--input-type=module"],
        {
          cwd,
          env: {
            PLAN_EXIT_CODE: exitCode,
            CI_API_V4_URL: notesApi.url,
            CI_PROJECT_ID: "42",
            CI_MERGE_REQUEST_IID: "7",
            CI_JOB_URL: "https://gitlab.example.com/job/1",
            ROSTERFORM_NOTE_TOKEN: "note-token-123",
          },
        },
        (error, _stdout, stderr) => {
          if (error) console.error(stderr);
          resolve(error ? Number(error.code ?? 1) : 0);
        },
      );
      child.stdin!.end(heredoc![1]);
    });
  }

  test("jobs, rules, resource_group, artifacts, pinned version", () => {
    expect(vars().ROSTERFORM_VERSION).toBe(VERSION);
    // One job template installs rosterform; every job extends it.
    expect(job(".rosterform").before_script).toEqual([INSTALL]);
    for (const name of ["validate", "plan", "apply", "drift"]) expect(job(name).extends).toBe(".rosterform");
    expect(job("plan").rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(job("apply").rules[0]?.if).toContain("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    expect(job("apply").resource_group).toBe("rosterform-apply");
    expect(job("apply").artifacts).toEqual({ when: "always", paths: ["apply.json"], expire_in: "90 days" });
    expect(job("drift").rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }]);
    // No token in the file: they come from CI/CD variables.
    expect(JSON.stringify(gitlab)).not.toMatch(/TOKEN: /);
  });

  test("validate, plan with one note updated in place, apply, then drift", async () => {
    kimai = await sandbox();
    dir = await project({ "users.d/anna.yaml": ANNA.split("wheniwork:")[0]! });
    // GitLab passes CI/CD variables straight through as environment variables.
    const env = { KIMAI_URL: kimai.url, KIMAI_API_TOKEN: kimai.token, NO_COLOR: "1" };

    const validate = await run(rosterformArgs(script("validate"), vars()), env, dir);
    expect(validate.code, validate.stderr).toBe(0);

    const planArgs = rosterformArgs(script("plan"), vars());
    const pending = await run(planArgs, env, dir);
    expect(pending.code).toBe(2);
    expect((await runScript(script("plan"), pending, dir)).code).toBe(0);
    expect(await postNote(dir, "2")).toBe(0);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
    expect(notes[0]!.body).toContain("Plan: 1 to create");
    expect(notesApi.requests.every((r) => r.token === "note-token-123")).toBe(true);

    // errors and refusals fail the job; pending changes do not
    for (const code of [1, 3]) {
      expect((await runScript(script("plan"), { ...pending, code }, dir)).code).toBe(code);
    }

    const applied = await run(rosterformArgs(script("apply"), vars()), env, dir);
    expect(applied.code, applied.stderr).toBe(0);
    expect((await runScript(script("apply"), applied, dir)).code).toBe(0);
    expect(
      (JSON.parse(await readFile(join(dir, "apply.json"), "utf8")) as { formatVersion: number })
        .formatVersion,
    ).toBe(2);

    const clean = await run(planArgs, env, dir);
    expect(clean.code).toBe(0);
    await runScript(script("plan"), clean, dir);
    expect(await postNote(dir, "0")).toBe(0);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("No changes.");
    expect(notesApi.requests.map((r) => r.method)).toEqual(["GET", "POST", "GET", "PUT"]);

    const driftArgs = rosterformArgs(script("drift"), vars());
    expect(driftArgs).toEqual(["plan", "--detailed-exitcode"]);
    expect((await run(driftArgs, env, dir)).code).toBe(0);
    // A field anna's file does not declare is not rosterform's: no drift.
    await editInKimai("anna", { title: "Changed by hand" });
    expect((await run(driftArgs, env, dir)).code).toBe(0);
    await editInKimai("anna", { alias: "Changed by hand" });
    const drifted = await run(driftArgs, env, dir);
    expect(drifted.code).toBe(2);
    expect(drifted.stdout).toContain('"Changed by hand"');
    expect((await runScript(script("drift"), drifted, dir)).code).toBe(2);
  }, 60_000);

  test("a failed plan posts its error in the note", async () => {
    dir = await project({ "users.d/anna.yaml": ANNA.split("wheniwork:")[0]! });
    const failed = await run(rosterformArgs(script("plan"), vars()), {}, dir);
    expect(failed.code).toBe(1);
    expect((await runScript(script("plan"), failed, dir)).code).toBe(1);
    const before = notes.length;
    expect(await postNote(dir, "1")).toBe(0);
    expect(notes.length).toBe(Math.max(before, 1));
    const note = notes.find((n) => n.body.includes(PLAN_COMMENT_MARKER))!;
    expect(note.body).toContain(
      "**rosterform plan failed (exit 1).** [Job log](https://gitlab.example.com/job/1)",
    );
    expect(note.body).toContain("KIMAI_API_TOKEN is not set");
  });
});
