// The package as users get it: `npm pack` (the release tarball), installed into an empty folder with the exact
// command the CI examples use, then run from there — `--version`, `init`, `validate` and a plan against the
// sandbox. Catches files missing from package.json's `files`, dependencies only present in devDependencies, and
// paths that work only from a checkout.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { sandbox, type Sandbox } from "./harness.js";

const ROOT = join(import.meta.dirname, "../..");
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  repository: { url: string };
};
const REPOSITORY = PACKAGE.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], cwd: string, env: Record<string, string>): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A clean environment: nothing from the test runner's npm (npm_config_*, npm_lifecycle_*), no tokens. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir() };
  if (process.env.npm_config_cache) env.npm_config_cache = process.env.npm_config_cache;
  return env;
}

/** The install line of the GitLab job template (the GitHub workflows use the same; workflows.test.ts checks). */
function installCommand(): string {
  const gitlab = parse(readFileSync(join(ROOT, "examples/gitlab-ci/.gitlab-ci.yml"), "utf8")) as {
    ".rosterform": { before_script: string[] };
  };
  const [line] = gitlab[".rosterform"].before_script;
  expect(line).toBeDefined();
  return line!;
}

let work: string;
let tarball: string;
let packed: string[];
let bin: string;
let kimai: Sandbox | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rosterform-pack-"));
  // `npm pack` runs `prepare` (the build) first, as a release does.
  const pack = await exec("npm", ["pack", "--json", "--pack-destination", work], ROOT, baseEnv());
  expect(pack.code, pack.stderr).toBe(0);
  const json = pack.stdout.slice(pack.stdout.search(/^\[/m));
  const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path);

  // The examples' install line, with the release URL pointing at this tarball; global into a private prefix.
  const release = `${REPOSITORY}/releases/download/v\${ROSTERFORM_VERSION}/`;
  const line = installCommand();
  expect(line).toContain(release);
  const empty = join(work, "empty");
  await mkdir(empty);
  const install = await exec("bash", ["-eo", "pipefail", "-c", line.replace(release, `${work}/`)], empty, {
    ...baseEnv(),
    ROSTERFORM_VERSION: PACKAGE.version,
    npm_config_prefix: join(work, "prefix"),
    npm_config_prefer_offline: "true",
    npm_config_update_notifier: "false",
  });
  expect(install.code, install.stderr).toBe(0);
  bin = join(work, "prefix", "bin", "rosterform");
}, 300_000);

afterAll(async () => {
  await kimai?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the packed and installed package", () => {
  test("ships the build, the schemas and the CI examples, not the sources", () => {
    expect(tarball.endsWith(`rosterform-${PACKAGE.version}.tgz`)).toBe(true);
    for (const file of ["package.json", "README.md", "dist/cli.js", "schemas/user.schema.json"]) {
      expect(packed).toContain(file);
    }
    expect(packed).toContain("examples/gitlab-ci/.gitlab-ci.yml");
    expect(packed.filter((f) => /^(src|test|bench|scripts)\//.test(f))).toEqual([]);
  });

  test("--version, init, validate and a plan against the sandbox, run from the installed copy", async () => {
    const env = baseEnv();
    const version = await exec(bin, ["--version"], work, env);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(PACKAGE.version);

    const project = join(work, "project");
    await mkdir(project);
    const init = await exec(bin, ["init", "--ci", "gitlab"], project, env);
    expect(init.code, init.stderr).toBe(0);
    expect(await readFile(join(project, ".gitlab-ci.yml"), "utf8")).toBe(
      await readFile(join(ROOT, "examples/gitlab-ci/.gitlab-ci.yml"), "utf8"),
    );
    expect(await readFile(join(project, "schemas/user.schema.json"), "utf8")).toBe(
      await readFile(join(ROOT, "schemas/user.schema.json"), "utf8"),
    );

    const validate = await exec(bin, ["validate"], project, env);
    expect(validate.code, validate.stderr).toBe(0);

    kimai = await sandbox();
    const plan = await exec(bin, ["plan", "--detailed-exitcode"], project, {
      ...env,
      NO_COLOR: "1",
      KIMAI_URL: kimai.url,
      KIMAI_API_TOKEN: kimai.token,
    });
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout).toContain("+ jane.doe");
    expect(plan.stdout + plan.stderr).not.toContain(kimai.token);
  }, 60_000);
});
