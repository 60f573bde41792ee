// First run: `rosterform init` writes a project that validates, plans and applies as written; the help texts.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { run, sandbox, type Sandbox } from "./harness.js";

const ROOT = join(import.meta.dirname, "../..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

let dir: string | undefined;
let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  sb = dir = undefined;
});

async function emptyDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "rosterform-init-"));
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

const PROJECT = [
  "contracts.d/full-time-40h.yaml",
  "rosterform.yaml",
  "schemas/contract.schema.json",
  "schemas/rosterform.schema.json",
  "schemas/team.schema.json",
  "schemas/user.schema.json",
  "users.d/jane.doe.yaml",
];

describe("rosterform init", () => {
  test("--ci github: the project validates, the workflows are the examples, the $schema lines resolve", async () => {
    dir = await emptyDir();
    const init = await run(["init", "--ci", "github"], {}, dir);
    expect(init.code, init.stderr).toBe(0);
    expect(await filesUnder(dir)).toEqual(
      [
        ".github/workflows/rosterform-apply.yml",
        ".github/workflows/rosterform-drift.yml",
        ".github/workflows/rosterform-plan.yml",
        ...PROJECT,
      ].sort(),
    );
    expect(init.stdout).toContain("  + users.d/jane.doe.yaml\n");
    expect(init.stdout).toMatch(/Next steps:\n {2}1\. /);
    expect(init.stdout).toContain("KIMAI_API_TOKEN");

    const validate = await run(["validate"], {}, dir);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toBe("✓ 1 user, 1 contract template: valid (3 files read).\n");
    expect(validate.stderr).toBe("");

    for (const name of ["plan", "apply", "drift"]) {
      const written = await readFile(join(dir, `.github/workflows/rosterform-${name}.yml`), "utf8");
      const example = await readFile(join(ROOT, `examples/github-actions/${name}.yml`), "utf8");
      expect(written, name).toBe(example);
      expect(written).toContain(`ROSTERFORM_VERSION: "${VERSION}"`);
    }
    for (const name of ["contract", "rosterform", "user"]) {
      expect(await readFile(join(dir, `schemas/${name}.schema.json`), "utf8")).toBe(
        await readFile(join(ROOT, `schemas/${name}.schema.json`), "utf8"),
      );
    }
    for (const file of PROJECT.filter((f) => f.endsWith(".yaml"))) {
      const text = await readFile(join(dir, file), "utf8");
      const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
      expect(modeline, file).not.toBeNull();
      await expect(readFile(join(dir, dirname(file), modeline![1]!), "utf8")).resolves.toContain('"$schema"');
    }
  });

  test("--ci gitlab writes .gitlab-ci.yml (the example); --ci none no CI file; --dir is created", async () => {
    dir = await emptyDir();
    const gitlab = await run(["init", "--dir", "people", "--ci", "gitlab"], {}, dir);
    expect(gitlab.code, gitlab.stderr).toBe(0);
    expect(await filesUnder(join(dir, "people"))).toEqual([".gitlab-ci.yml", ...PROJECT].sort());
    expect(await readFile(join(dir, "people/.gitlab-ci.yml"), "utf8")).toBe(
      await readFile(join(ROOT, "examples/gitlab-ci/.gitlab-ci.yml"), "utf8"),
    );
    expect(gitlab.stdout).toContain("cd people && rosterform validate");
    expect((await run(["validate", "--dir", "people"], {}, dir)).code).toBe(0);

    const none = await run(["init", "--dir", "bare", "--ci", "none"], {}, dir);
    expect(none.code, none.stderr).toBe(0);
    expect(await filesUnder(join(dir, "bare"))).toEqual(PROJECT);
  });

  test("existing files are kept and named; --force replaces them", async () => {
    dir = await emptyDir();
    const mine = "username: jane.doe\nemail: jane@corp.example\n";
    await mkdir(join(dir, "users.d"));
    await writeFile(join(dir, "users.d/jane.doe.yaml"), mine);
    const first = await run(["init", "--ci", "none"], {}, dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("  = users.d/jane.doe.yaml  (kept: it exists; --force replaces it)\n");
    expect(first.stdout).toContain("  + rosterform.yaml\n");
    expect(first.stdout).toContain("Kept 1 existing file unchanged.");
    expect(await readFile(join(dir, "users.d/jane.doe.yaml"), "utf8")).toBe(mine);

    const again = await run(["init", "--ci", "none"], {}, dir);
    expect(again.stdout).toContain(`Kept ${PROJECT.length} existing files unchanged.`);

    const forced = await run(["init", "--ci", "none", "--force"], {}, dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("  ~ users.d/jane.doe.yaml\n");
    expect(forced.stdout).not.toContain("kept");
    expect(await readFile(join(dir, "users.d/jane.doe.yaml"), "utf8")).toContain("username: jane.doe");
    expect(await readFile(join(dir, "users.d/jane.doe.yaml"), "utf8")).not.toBe(mine);
  });

  test("what init writes plans and applies on a Kimai without the Working contract plugin", async () => {
    sb = await sandbox(undefined, { workContractPlugin: false });
    dir = await emptyDir();
    expect((await run(["init", "--ci", "none"], {}, dir)).code).toBe(0);
    const plan = await run(["plan", "--detailed-exitcode"], sb.env, dir);
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout).toContain("+ jane.doe");
    expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
    const again = await run(["plan", "--detailed-exitcode"], sb.env, dir);
    expect(again.code, again.stdout).toBe(0);
  });

  test("validate or plan outside a project points to init", async () => {
    dir = await emptyDir();
    for (const command of [["validate"], ["plan"]]) {
      const r = await run(command, {}, dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        "hint: no rosterform.yaml here or in a folder above; rosterform init writes a project to start from",
      );
    }
    await run(["init", "--ci", "none"], {}, dir);
    await writeFile(join(dir, "users.d/jane.doe.yaml"), "username: jane.doe\n");
    const invalid = await run(["validate"], {}, dir);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).not.toContain("rosterform init");
  });
});

describe("help", () => {
  test("the overview starts from init and lists every command, the environment and the exit codes", async () => {
    const r = await run(["--help"], {}, ROOT);
    expect(r.code).toBe(0);
    for (const command of ["init", "validate", "plan", "apply", "import", "sandbox"]) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}${command} `, "m"));
    }
    expect(r.stdout).toContain("Getting started:\n  $ rosterform init");
    expect(r.stdout).toContain("KIMAI_API_TOKEN_FILE");
    expect(r.stdout).toContain("WHENIWORK_TOKEN");
    expect(r.stdout).toMatch(/Exit codes: 0 .*, 1 error, 2 changes pending/);
  });

  test.each(["init", "validate", "plan", "apply", "import", "sandbox"])(
    "%s --help has examples",
    async (cmd) => {
      const r = await run([cmd, "--help"], {}, ROOT);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: rosterform ${cmd}`);
      const examples = r.stdout.split("Examples:\n")[1] ?? "";
      expect(
        examples.match(new RegExp(`^ {2}\\$ rosterform ${cmd}\\b`, "gm"))?.length,
      ).toBeGreaterThanOrEqual(2);
    },
  );

  test("--only takes commas as well as spaces", async () => {
    dir = await emptyDir();
    await run(["init", "--ci", "none"], {}, dir);
    const r = await run(["plan", "--only", "jane.doe,nobody", "--only", "ghost"], {}, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--only names users not declared in users.d: nobody, ghost");
  });
});
