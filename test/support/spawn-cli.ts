// The CLI as a real process (for signals, pipes and exit codes): bundled once per test file with rolldown.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "rolldown";

export interface BuiltCli {
  entry: string;
  remove(): Promise<void>;
}

/** src/cli.ts bundled into a temp folder (with package.json beside it, for "type": "module" and the version). */
export async function buildCli(): Promise<BuiltCli> {
  // cli.js finds ../package.json, and (from src/<folder>/) ../../schemas and ../../examples: keep that layout.
  const root = await mkdtemp(join(tmpdir(), "rosterform-cli-"));
  await mkdir(join(root, "pkg"));
  await copyFile("package.json", join(root, "pkg", "package.json"));
  for (const folder of ["schemas", "examples"]) await symlink(resolve(folder), join(root, folder));
  await build({
    input: "src/cli.ts",
    platform: "node",
    logLevel: "silent",
    output: { dir: join(root, "pkg", "bin"), format: "esm" },
  });
  return {
    entry: join(root, "pkg", "bin", "cli.js"),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function spawnCli(
  cli: BuiltCli,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  shell?: string,
): Spawned {
  const child = shell
    ? spawn("bash", ["-o", "pipefail", "-c", shell.replace("$CLI", `node ${cli.entry}`)], {
        cwd,
        env: { PATH: process.env.PATH ?? "", ...env },
      })
    : spawn(process.execPath, [cli.entry, ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env } });
  let out = "";
  let err = "";
  const watchers: { pattern: RegExp; done: () => void }[] = [];
  child.stdout!.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => {
    err += d.toString("utf8");
    for (const w of watchers.splice(0)) {
      if (w.pattern.test(err)) w.done();
      else watchers.push(w);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(err)) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`stderr never matched ${String(pattern)}:\n${err}`)),
          timeoutMs,
        );
        watchers.push({
          pattern,
          done: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        void exited.then(() => {
          if (!pattern.test(err)) {
            clearTimeout(timer);
            reject(new Error(`exited before stderr matched ${String(pattern)}:\n${err}`));
          }
        });
      }),
  };
}
