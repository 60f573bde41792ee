// rosterform completion bash|zsh|fish: scripts written from the CLI's own commands, options and choices.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { run } from "../e2e/harness.js";

const COMMANDS = ["init", "validate", "plan", "apply", "import", "show", "completion", "sandbox", "help"];
let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), "rosterform-completion-"))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function script(shell: string): Promise<string> {
  const r = await run(["completion", shell], {}, dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

const has = (shell: string) => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;

describe("bash", () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, "rosterform.bash");
    await writeFile(file, await script("bash"));
  });

  test("is valid bash (bash -n) and registers itself", async () => {
    expect(() => execFileSync("bash", ["-n", file])).not.toThrow();
    expect(await script("bash")).toContain("complete -o default -o bashdefault -F _rosterform rosterform");
  });

  /** What the script offers for a command line ending in the word being completed. */
  const complete = (...line: string[]) =>
    execFileSync(
      "bash",
      [
        "-c",
        `source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rosterform; printf '%s\\n' "\${COMPREPLY[@]}"`,
        file,
        "rosterform",
        ...line,
      ],
      { encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean);

  test.each([
    [[""], COMMANDS],
    [["pl"], ["plan"]],
    [
      ["plan", "--format", ""],
      ["text", "markdown", "json"],
    ],
    [["plan", "--format", "=", "m"], ["markdown"]],
    [
      ["validate", "--format", ""],
      ["text", "json", "github"],
    ],
    [
      ["apply", "--target", ""],
      ["kimai", "wheniwork"],
    ],
    [
      ["init", "--ci", "g"],
      ["github", "gitlab"],
    ],
    [
      ["completion", ""],
      ["bash", "zsh", "fish"],
    ],
    [["help", "sh"], ["show"]],
    [["show", "--f"], ["--format"]],
    [["apply", "--qu"], ["--quiet"]],
    [["--de"], ["--debug"]],
  ])("%j completes to %j", (line, expected) => {
    expect(complete(...line)).toEqual(expected);
  });

  test("a positional file argument falls back to file names (empty answer, -o default)", () => {
    expect(complete("apply", "pla")).toEqual([]);
    expect(complete("plan", "--out", "")).toEqual([]);
  });
});

describe("zsh and fish", () => {
  test("zsh: a #compdef function with every command, option and choice", async () => {
    const zsh = await script("zsh");
    expect(zsh.startsWith("#compdef rosterform\n")).toBe(true);
    for (const c of COMMANDS) expect(zsh).toMatch(new RegExp(`\\n {4}'${c}:`));
    expect(zsh).toContain("'--format[output format]:format:(text markdown json)'");
    expect(zsh).toContain("'*:argument:(bash zsh fish)'");
    expect(zsh).toContain("compdef _rosterform rosterform");
    // Quotes and brackets in descriptions are escaped for _arguments.
    expect(zsh).toContain("overrides the seed'\\''s)]");
    if (has("zsh")) expect(() => execFileSync("zsh", ["-n", "-c", zsh])).not.toThrow();
  });

  test("fish: one complete line per command and option, choices as arguments", async () => {
    const fish = await script("fish");
    for (const c of COMMANDS) expect(fish).toMatch(new RegExp(`-n __fish_use_subcommand -a ${c} -d '`));
    expect(fish).toContain(
      "complete -c rosterform -n '__fish_seen_subcommand_from plan' -l format -x -a 'text markdown json' -d 'output format'",
    );
    expect(fish).toContain(
      "complete -c rosterform -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'",
    );
    for (const line of fish.trim().split("\n")) expect(line).toMatch(/^(#|complete -c rosterform )/);
    if (has("fish")) expect(() => execFileSync("fish", ["--no-execute", "-c", fish])).not.toThrow();
  });

  test("an unknown shell is refused with the choices", async () => {
    const r = await run(["completion", "tcsh"], {}, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Allowed choices are bash, zsh, fish");
  });
});
