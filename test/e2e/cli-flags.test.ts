// --quiet, colour (--no-color, FORCE_COLOR, NO_COLOR), --debug, validate --format github, rosterform.yaml
// found upwards with paths named from where the command runs, and apply --only a b PLANFILE. Through the CLI,
// against the Kimai sandbox over HTTP where a server is involved.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import type { Io } from "../../src/io.js";
import { adminSeed, project, removeProject, run, sandbox, seedUser, type Sandbox } from "./harness.js";

let sb: Sandbox | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await sb?.close();
  sb = undefined;
  for (const d of dirs.splice(0)) await removeProject(d);
});

const ANNA = `username: anna.schmidt
email: anna.schmidt@example.com
title: Backend Engineer
`;
/** Valid, but named differently from its username: a warning. */
const MISNAMED = { "users.d/anna.yaml": ANNA };

async function tempProject(files: Record<string, string>): Promise<string> {
  const dir = await project(files);
  dirs.push(dir);
  return dir;
}

const ESC = "\u001b[";

describe("--quiet", () => {
  test("validate: no warnings, the result on stdout", async () => {
    const dir = await tempProject(MISNAMED);
    const loud = await run(["validate"], {}, dir);
    expect(loud.stderr).toContain("warning:");
    const quiet = await run(["validate", "--quiet"], {}, dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(loud.stdout);
  });

  test("validate: errors stay", async () => {
    const dir = await tempProject({ "users.d/anna.yaml": "username: anna\nemail: [\n" });
    const quiet = await run(["--quiet", "validate"], {}, dir);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/users\.d\/anna\.yaml:\d+:\d+: /);
  });

  test("plan and apply: no warnings, no progress; the plan, the summary and errors only", async () => {
    sb = await sandbox();
    const dir = await tempProject(MISNAMED);
    const plan = await run(["plan", "--quiet", "--out", "plan.json"], sb.env, dir);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toBe("");
    expect(plan.stdout).toContain("+ anna.schmidt");

    const loud = await run(
      ["apply", "--yes", "--only", "anna.schmidt", "--dir", "."],
      sb.env,
      await tempProject(MISNAMED),
    );
    expect(loud.stderr).toContain("✓ [1/1] Kimai: created anna.schmidt");
    await sb.close();
    sb = await sandbox();
    const quiet = await run(["apply", "--yes", "--quiet"], sb.env, dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe("Kimai: Apply complete: 1 created.\n");

    const failing = await run(["plan", "--quiet", "--only", "nobody"], sb.env, dir);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("error: --only names users not declared");
  });
});

describe("colour", () => {
  async function colourOf(args: string[], env: Record<string, string>, isTTY: boolean): Promise<boolean> {
    let stdout = "";
    const io: Io = { stdout: (t) => void (stdout += t), stderr: () => undefined, env, isTTY, cwd: planDir };
    expect(await main(["show", "plan.json", ...args], io)).toBe(0);
    expect(stdout).toContain("anna.schmidt");
    return stdout.includes(ESC);
  }
  let planDir = "";

  test("a terminal colours; NO_COLOR, TERM=dumb and --no-color do not; FORCE_COLOR colours a pipe", async () => {
    sb = await sandbox();
    planDir = await tempProject({ "users.d/anna.schmidt.yaml": ANNA });
    expect((await run(["plan", "--out", "plan.json"], sb.env, planDir)).code).toBe(0);
    expect(await colourOf([], {}, true)).toBe(true);
    expect(await colourOf([], {}, false)).toBe(false);
    expect(await colourOf([], { NO_COLOR: "1" }, true)).toBe(false);
    expect(await colourOf([], { TERM: "dumb" }, true)).toBe(false);
    expect(await colourOf(["--no-color"], {}, true)).toBe(false);
    expect(await colourOf([], { FORCE_COLOR: "1" }, false)).toBe(true);
    expect(await colourOf([], { FORCE_COLOR: "1", NO_COLOR: "1" }, false)).toBe(true);
    expect(await colourOf([], { FORCE_COLOR: "0" }, true)).toBe(false);
    expect(await colourOf([], { FORCE_COLOR: "false" }, true)).toBe(false);
    expect(await colourOf(["--no-color"], { FORCE_COLOR: "1" }, true)).toBe(false);
  });
});

describe("--debug", () => {
  test("one line per HTTP attempt: method, URL, status, time, and which attempt a retry is", async () => {
    sb = await sandbox(adminSeed({ users: [seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] })] }));
    await sb.faults([
      { method: "GET", path: "^/api/users$", times: 1, action: { type: "status", status: 503 } },
    ]);
    const dir = await tempProject({ "users.d/anna.schmidt.yaml": ANNA });
    const r = await run(["plan", "--debug"], sb.env, dir);
    expect(r.code).toBe(0);
    const debug = r.stderr.split("\n").filter((l) => l.startsWith("debug: "));
    expect(debug[0]).toBe(`debug: project: ${join(dir, "rosterform.yaml")}`);
    const http = debug.slice(1);
    expect(http[0]).toMatch(new RegExp(`^debug: GET ${sb.url}/api/version → 200 in \\d+ ms$`));
    // The query is redacted as in every output; the 503 and its retry are both there.
    expect(http).toContainEqual(
      expect.stringMatching(
        /^debug: GET http:\/\/127\.0\.0\.1:\d+\/api\/users\?\[redacted\] → 503 in \d+ ms$/,
      ),
    );
    expect(http).toContainEqual(
      expect.stringMatching(
        /^debug: GET http:\/\/127\.0\.0\.1:\d+\/api\/users\?\[redacted\] → 200 in \d+ ms \(attempt 2, a retry\)$/,
      ),
    );
    expect(r.stderr).toMatch(/retrying GET \/api\/users/);
    expect(r.stderr).not.toContain(sb.token);
    // Without --debug: no trace.
    expect((await run(["plan"], sb.env, dir)).stderr).not.toContain("debug:");
  });

  test("a server that cannot be reached is traced with what went wrong", async () => {
    const dir = await tempProject({ "users.d/anna.schmidt.yaml": ANNA });
    const r = await run(
      ["plan", "--debug", "--timeout", "1"],
      { KIMAI_URL: "http://127.0.0.1:9", KIMAI_API_TOKEN: "t0ken-abcdef" },
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^debug: GET http:\/\/127\.0\.0\.1:9\/api\/version → connection refused in \d+ ms$/m,
    );
  });
});

describe("validate --format github", () => {
  test("errors and warnings as workflow-command annotations, files named from where it runs", async () => {
    const root = await mkdtemp(join(tmpdir(), "rosterform-gh-"));
    dirs.push(root);
    const people = join(root, "people");
    await mkdir(join(people, "users.d"), { recursive: true });
    await writeFile(
      join(people, "rosterform.yaml"),
      "targets:\n  kimai:\n    url: https://kimai.example.com\n",
    );
    await writeFile(join(people, "users.d", "anna.yaml"), ANNA);
    await writeFile(join(people, "users.d", "bad.yaml"), "username: bad\nemail: not-an-email\n");
    const r = await run(["validate", "--dir", "people", "--format", "github"], {}, root);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=people\/users\.d\/bad\.yaml,line=2,col=\d+,title=rosterform validate::.*email/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::warning file=people\/users\.d\/anna\.yaml,line=\d+,col=\d+,title=rosterform validate::/,
      ),
    );
    for (const line of lines) expect(line).toMatch(/^::(error|warning) /);
    expect(r.stderr).toMatch(/1 error, 1 warning in 2 files/);
    // --quiet keeps the errors only.
    const quiet = await run(["validate", "--dir", "people", "--format", "github", "--quiet"], {}, root);
    expect(quiet.stdout).not.toContain("::warning");
    expect(quiet.stdout).toContain("::error ");
  });

  test("messages with newlines, % and commas are escaped as the runner expects", async () => {
    const { githubAnnotation } = await import("../../src/render/github.js");
    expect(
      githubAnnotation({
        file: "a,b:c.yaml",
        line: 0,
        column: 0,
        code: "x",
        severity: "error",
        message: "50%\nnext",
      }),
    ).toBe("::error file=a%2Cb%3Ac.yaml,title=rosterform validate::50%25%0Anext");
  });
});

describe("rosterform.yaml found upwards", () => {
  test("inside users.d/: the project above is used (said in --debug), files named from here", async () => {
    const dir = await tempProject({
      "users.d/anna.yaml": ANNA,
      "users.d/team/bad.yaml": "username: bad\nemail: nope\n",
    });
    const inside = join(dir, "users.d", "team");
    const r = await run(["validate", "--debug"], {}, inside);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`debug: project: ${join(dir, "rosterform.yaml")} (found in a parent folder)`);
    expect(r.stderr).toMatch(/^bad\.yaml:2:\d+: /m);
    expect(r.stderr).toMatch(/^\.\.\/anna\.yaml:\d+:\d+: warning: /m);
    expect(r.stderr).not.toContain("hint: no rosterform.yaml");
  });

  test("plan from users.d/ reads the project above; its warnings are named from there", async () => {
    sb = await sandbox();
    const dir = await tempProject(MISNAMED);
    const r = await run(["plan"], sb.env, join(dir, "users.d"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+ anna.schmidt");
    expect(r.stderr).toMatch(/^anna\.yaml:\d+:\d+: warning: /m);
  });

  test("an explicit --dir is used as given; with no project up to the root, the missing file is reported", async () => {
    const dir = await tempProject({ "users.d/anna.schmidt.yaml": ANNA });
    const given = await run(["validate", "--dir", "."], {}, join(dir, "users.d"));
    expect(given.code).toBe(1);
    expect(given.stderr).toContain("rosterform.yaml: not found");

    const empty = await mkdtemp(join(tmpdir(), "rosterform-none-"));
    dirs.push(empty);
    const none = await run(["validate", "--debug"], {}, empty);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`debug: project: ${join(empty, "rosterform.yaml")} (not there)`);
    expect(none.stderr).toContain("hint: no rosterform.yaml here or in a folder above");
  });
});

describe("apply --only a b PLANFILE", () => {
  test("the variadic --only does not swallow the plan file: a clear error, nothing read or sent", async () => {
    sb = await sandbox();
    const dir = await tempProject({ "users.d/anna.schmidt.yaml": ANNA });
    await sb.clearRequests();
    const r = await run(["apply", "--only", "anna.schmidt", "max", "plan.json"], sb.env, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: --only took "plan.json" as a username: put the plan file first (rosterform apply plan.json --only anna.schmidt max) or end the list with --: rosterform apply --only anna.schmidt max -- plan.json\n',
    );
    expect(await sb.requests()).toEqual([]);
    // After --, it is the plan file.
    const ended = await run(["apply", "--only", "anna.schmidt", "--", "plan.json"], sb.env, dir);
    expect(ended.stderr).toContain("cannot read plan file plan.json (no such file)");
  });
});
