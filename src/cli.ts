#!/usr/bin/env node
// The command line: options -> commands, and the one place runtime errors are caught and turned into exit codes.
import { readFileSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
// Each command is imported when it runs (`await import` in its action): `--version` and `validate` load neither
// the HTTP client nor the providers, and only `sandbox` loads the sandboxes.
import type { CiChoice } from "./commands/init.js";
import { describeError } from "./commands/report.js";
import { ConfigError, RosterformError } from "./errors.js";
import { ExitCode, processIo, type Io } from "./io.js";
import { CONFIG_FILE, findProjectDir, isProjectDir } from "./project.js";
import { redact, redactingIo } from "./redact.js";
import {
  APPLY_FORMATS,
  COMPLETION_SHELLS,
  PLAN_FORMATS,
  VALIDATE_FORMATS,
  type ApplyFormat,
  type PlanFormat,
  type Shell,
  type ValidateFormat,
} from "./render/formats.js";

/** The package's own version, from the package.json beside dist/ (or src/ in tests). */
const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} takes a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError("write a date as YYYY-MM-DD, e.g. 2027-01-01");
  }
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`${value} is not a real date`);
  }
  return value;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(",").filter(Boolean)];
}

const onlyOption = (verb: string) =>
  new Option("--only <users...>", `${verb} only these usernames (space- or comma-separated)`).argParser(
    collect,
  );

const targetOption = () =>
  new Option("--target <name>", "only this system (repeatable)")
    .choices(["kimai", "wheniwork"])
    .argParser(collect);

const EXAMPLES = {
  root: `
Getting started:
  $ rosterform init --ci github      a project here: rosterform.yaml, users.d/, contracts.d/, CI workflows
  $ rosterform validate              check the YAML offline (no network, no token)
  $ export KIMAI_API_TOKEN=...       a super-admin's API token (Kimai: avatar -> API access)
  $ rosterform plan                  what apply would change; sends no write
  $ rosterform apply                 make those changes (asks first; --yes in CI)

More:
  $ rosterform import --target kimai                adopt the users a Kimai already has
  $ rosterform plan --format markdown > plan.md     a pull-request comment
  $ rosterform plan --out plan.json                 then: rosterform apply plan.json
  $ rosterform show plan.json                       a saved plan again (text, markdown or json)
  $ rosterform sandbox --target kimai               a local Kimai-compatible server to try things on
  $ rosterform help plan                            options and examples of one command
  $ source <(rosterform completion bash)            tab completion (also zsh, fish)
  $ rosterform plan --debug                         every HTTP request on stderr (secrets redacted)
  $ rosterform apply --yes --quiet                  only errors and the result
Inside users.d/ (or any folder below the project) commands find rosterform.yaml upwards, as git does.

Environment (tokens are read only from here, never from arguments):
  KIMAI_URL, KIMAI_API_TOKEN or KIMAI_API_TOKEN_FILE          Kimai's address and API token
  WHENIWORK_URL, WHENIWORK_TOKEN or WHENIWORK_TOKEN_FILE,     When I Work's API, token, and the user id that
  WHENIWORK_USER_ID                                           picks the account (with targets.wheniwork)
  NO_COLOR / FORCE_COLOR                                      no colour / colour even when piped (--no-color wins)

Exit codes: 0 ok / no changes, 1 error, 2 changes pending (plan --detailed-exitcode),
3 refused by a safety check (policy.limits, a stale saved plan).
Documentation: README.md in the rosterform package, or https://github.com/rosterform/rosterform#readme.`,
  init: `
Examples:
  $ rosterform init                        here, with GitHub Actions workflows in .github/workflows/
  $ rosterform init --dir people --ci gitlab
  $ rosterform init --ci none              only the YAML and the editor schemas
  $ rosterform init --force                also replace files that exist (default: keep them)

Writes rosterform.yaml, users.d/jane.doe.yaml (an example person), contracts.d/full-time-40h.yaml,
schemas/*.json (editors complete and check fields through the files' $schema lines) and, for --ci github,
.github/workflows/rosterform-{plan,apply,drift}.yml; for --ci gitlab, .gitlab-ci.yml.
Everything it writes passes rosterform validate.`,
  validate: `
Examples:
  $ rosterform validate                            every problem in every file, as file:line:col: message
  $ rosterform validate --dir people --format json
  $ rosterform validate --at 2027-01-01            check the contracts in force on that date
  $ rosterform validate --format github            annotations on the pull request's files (GitHub Actions)
  $ cd users.d && rosterform validate --quiet      from inside the project: only the errors, named from here

Needs no network and no token: run it in a pre-commit hook or as the first CI step.`,
  plan: `
Examples:
  $ rosterform plan
  $ rosterform plan --detailed-exitcode                    exit 2 when anything would change (drift check)
  $ rosterform plan --format markdown --detailed-exitcode > plan.md   for a pull-request comment
  $ rosterform plan --out plan.json                        save it, then: rosterform apply plan.json
  $ rosterform plan --target kimai --only anna.schmidt     one system, one person
  $ rosterform plan --at 2027-01-01                        the contracts in force on that date
  $ rosterform plan --debug 2> trace.log                   each HTTP request: method, URL, status, time
  $ rosterform plan --quiet --out plan.json                the plan, no warnings or progress

Reads the servers (KIMAI_URL, KIMAI_API_TOKEN; see rosterform --help) and sends no write.
Exit codes: 0 no changes (or changes without --detailed-exitcode), 1 error, 2 changes pending
(with --detailed-exitcode), 3 refused by policy.limits (--force plans anyway).`,
  apply: `
Examples:
  $ rosterform apply                                 plan, show, ask "yes", apply
  $ rosterform apply --yes                           in CI: no question
  $ rosterform apply --yes --format json > apply.json   a result file for CI artifacts
  $ rosterform apply plan.json                       exactly a saved plan; refused (exit 3) if the server changed since
  $ rosterform apply --only anna.schmidt             one person
  $ rosterform apply plan.json --only anna.schmidt   a plan file goes before --only (or after --)
  $ rosterform apply --yes --quiet                   no plan, no progress: errors and the summary

One user's failure does not stop the others; the exit code is then 1 and running apply again converges.
Exit codes: 0 applied (or nothing to do), 1 error, 3 refused (policy.limits: --force; a stale plan: plan again).`,
  import: `
Examples:
  $ rosterform import --target kimai                  adopt an existing Kimai: one file per user in users.d/
  $ rosterform import --target kimai --out imported   somewhere else, to compare first
  $ rosterform import --target wheniwork --overwrite  replace the files that exist
  $ rosterform import --target kimai --debug          each HTTP request on stderr (secrets redacted)

Writes only values that differ from the defaults, so rosterform plan right after shows no changes.`,
  show: `
Examples:
  $ rosterform plan --out plan.json && rosterform show plan.json   read it again before apply plan.json
  $ rosterform show plan.json --format markdown > plan.md          the pull-request comment of a saved plan
  $ rosterform show plan.json --format json | jq '.targets[].summary'

Needs no project, no network and no token; a file that is not a rosterform plan is refused in one line.`,
  completion: `
Examples:
  $ source <(rosterform completion bash)                   now; add the line to ~/.bashrc to keep it
  $ rosterform completion zsh > "\${fpath[1]}/_rosterform"   zsh (or: source <(rosterform completion zsh))
  $ rosterform completion fish > ~/.config/fish/completions/rosterform.fish

Completes commands, options and their choices (--format, --target, …) as this rosterform has them.`,
  sandbox: `
Examples:
  $ rosterform sandbox --target kimai --port 8001 --work-contract-plugin
  $ rosterform sandbox --target kimai --seed seed.json --latency 20
  $ rosterform sandbox --target kimai --kimai-version 2.50   behave as Kimai 2.50 (JSON, preferences, errors)
  $ rosterform sandbox --target wheniwork

Prints one JSON line {"url": ..., "token": ...} when ready; stops on Ctrl-C. Point rosterform at it with
KIMAI_URL=<url> KIMAI_API_TOKEN=<token> (or WHENIWORK_URL / WHENIWORK_TOKEN). Nothing leaves this machine.`,
};

export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  // Every command but the sandbox (which prints its own token on purpose) writes through the redaction layer.
  const io = redactingIo(rawIo);
  let exitCode: number = ExitCode.Ok;
  const program = new Command("rosterform")
    .description(
      "People as code: users and work contracts in YAML, planned and applied to Kimai and When I Work.",
    )
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    // Every command's --help lists the options below under "Global Options".
    .configureHelp({ showGlobalOptions: true })
    .option("-q, --quiet", "print only errors and the result asked for (no progress, warnings or notes)")
    .option("--debug", "trace every HTTP request on stderr (method, URL, status, time; secrets redacted)")
    .option("--no-color", "no colour, even on a terminal or with FORCE_COLOR")
    .addHelpText("after", EXAMPLES.root)
    .hook("preAction", () => {
      const global = program.opts<{ quiet?: boolean; debug?: boolean; color: boolean }>();
      if (global.quiet) io.quiet = true;
      if (!global.color) io.color = false;
      if (global.debug) io.debug = (line) => io.stderr(`debug: ${line}\n`);
    });

  const dirOption = () => new Option("--dir <dir>", "the project folder (with rosterform.yaml)").default(".");
  /** The project folder of the running command, for the hint when there is no project there. */
  let projectDir: string | undefined;
  /** --dir as given, or else the nearest folder upwards with rosterform.yaml (like git), or else here. */
  const dirOf = (dir: string, command: Command) => {
    const given = command.getOptionValueSource("dir") !== "default";
    const found = given ? undefined : findProjectDir(io.cwd);
    projectDir = found ?? resolve(io.cwd, dir);
    io.debug?.(
      `project: ${join(projectDir, CONFIG_FILE)}${found && found !== resolve(io.cwd) ? " (found in a parent folder)" : isProjectDir(projectDir) ? "" : " (not there)"}`,
    );
    return projectDir;
  };
  const timeoutOption = () =>
    new Option(
      "--timeout <seconds>",
      "deadline in seconds for each HTTP request as a whole (connect, headers, body)",
    )
      .argParser(integer("--timeout", 1, 3600))
      .default(30);

  program
    .command("init")
    .description(
      "start a project: rosterform.yaml, an example user and contract, editor schemas, CI workflows",
    )
    .addOption(new Option("--dir <dir>", "where to write it (created if missing)").default("."))
    .addOption(
      new Option("--ci <system>", "CI workflows to write")
        .choices(["github", "gitlab", "none"])
        .default("github"),
    )
    .option("--force", "replace files that exist (default: keep them and say so)")
    .addHelpText("after", EXAMPLES.init)
    .action(async (o: { dir: string; ci: CiChoice; force?: boolean }) => {
      const { runInit } = await import("./commands/init.js");
      exitCode = await runInit(
        { dir: resolve(io.cwd, o.dir), ci: o.ci, ...(o.force ? { force: true } : {}) },
        io,
      );
    });

  program
    .command("validate")
    .description("check rosterform.yaml, contracts.d/ and users.d/ offline: no network, no credentials")
    .addOption(dirOption())
    .addOption(new Option("--format <format>", "output format").choices(VALIDATE_FORMATS).default("text"))
    .option("--at <date>", "select contracts in force on this date (default: today)", isoDate)
    .addHelpText("after", EXAMPLES.validate)
    .action(async (o: { dir: string; format: ValidateFormat; at?: string }, command: Command) => {
      const { runValidate } = await import("./commands/validate.js");
      exitCode = await runValidate(
        { dir: dirOf(o.dir, command), format: o.format, ...(o.at ? { at: o.at } : {}) },
        io,
      );
      if (exitCode !== ExitCode.Ok && o.format !== "json") hintInit(projectDir, io);
    });

  program
    .command("plan")
    .description("show the changes apply would make; sends no write")
    .addOption(dirOption())
    .option("--out <file>", "save the plan (no secrets) for `rosterform apply FILE`")
    .addOption(new Option("--format <format>", "output format").choices(PLAN_FORMATS).default("text"))
    .option("--detailed-exitcode", "exit 2 when there are changes, 0 when none (1 error, 3 refused)")
    .option("--at <date>", "plan for the contracts in force on this date (default: today)", isoDate)
    .addOption(targetOption())
    .addOption(onlyOption("plan"))
    .option("--force", "do not refuse when policy.limits are exceeded")
    .addOption(timeoutOption())
    .addHelpText("after", EXAMPLES.plan)
    .action(async (o: PlanCliOptions, command: Command) => {
      const { runPlan } = await import("./commands/plan.js");
      exitCode = await runPlan(
        {
          dir: dirOf(o.dir, command),
          format: o.format,
          timeoutMs: o.timeout * 1000,
          ...(o.out ? { out: o.out } : {}),
          ...(o.detailedExitcode ? { detailedExitcode: true } : {}),
          ...(o.at ? { at: o.at } : {}),
          ...(o.target ? { targets: o.target } : {}),
          ...(o.only ? { only: o.only } : {}),
          ...(o.force ? { force: true } : {}),
        },
        io,
      );
    });

  program
    .command("apply")
    .description("make the planned changes (plans first, or applies a saved plan file)")
    .argument("[planfile]", "a plan saved with plan --out")
    .addOption(dirOption())
    .option("--yes", "do not ask for confirmation (needed when not on a terminal)")
    .option("--force", "apply even when policy.limits are exceeded")
    .option("--parallelism <n>", "changes in flight at once", integer("--parallelism", 1, 64), 4)
    .addOption(new Option("--format <format>", "output format").choices(APPLY_FORMATS).default("text"))
    .option("--at <date>", "apply the contracts in force on this date (default: today)", isoDate)
    .addOption(targetOption())
    .addOption(onlyOption("apply"))
    .addOption(timeoutOption())
    .addHelpText("after", EXAMPLES.apply)
    .action(async (planfile: string | undefined, o: ApplyCliOptions, command: Command) => {
      if (!planfile) refuseSwallowedPlanFile(o.only, io);
      const { runApply } = await import("./commands/apply.js");
      exitCode = await runApply(
        {
          dir: dirOf(o.dir, command),
          format: o.format,
          parallelism: o.parallelism,
          timeoutMs: o.timeout * 1000,
          ...(planfile ? { planFile: planfile } : {}),
          ...(o.yes ? { yes: true } : {}),
          ...(o.force ? { force: true } : {}),
          ...(o.at ? { at: o.at } : {}),
          ...(o.target ? { targets: o.target } : {}),
          ...(o.only ? { only: o.only } : {}),
        },
        io,
      );
    });

  program
    .command("import")
    .description("write users.d files for the users a server has (plan right after shows no changes)")
    .addOption(dirOption())
    .addOption(
      new Option("--target <name>", "the system to read (required)")
        .choices(["kimai", "wheniwork"])
        .makeOptionMandatory(),
    )
    .option("--out <dir>", "where to write the files (default: DIR/users.d)")
    .option("--overwrite", "replace files that exist (default: keep them)")
    .addOption(timeoutOption())
    .addHelpText("after", EXAMPLES.import)
    .action(
      async (
        o: { dir: string; target: "kimai"; out?: string; overwrite?: boolean; timeout: number },
        command: Command,
      ) => {
        const { runImport } = await import("./commands/import.js");
        exitCode = await runImport(
          {
            dir: dirOf(o.dir, command),
            target: o.target,
            timeoutMs: o.timeout * 1000,
            ...(o.out ? { out: o.out } : {}),
            ...(o.overwrite ? { overwrite: true } : {}),
          },
          io,
        );
      },
    );

  program
    .command("show")
    .description("print a plan saved with plan --out, as plan would; reads no project and no server")
    .argument("<planfile>", "a plan saved with plan --out")
    .addOption(new Option("--format <format>", "output format").choices(PLAN_FORMATS).default("text"))
    .addHelpText("after", EXAMPLES.show)
    .action(async (planFile: string, o: { format: PlanFormat }) => {
      const { runShow } = await import("./commands/show.js");
      exitCode = await runShow({ planFile, format: o.format }, io);
    });

  program
    .command("completion")
    .description("print the shell completion script for bash, zsh or fish")
    .addArgument(new Argument("<shell>", "the shell").choices(COMPLETION_SHELLS))
    .addHelpText("after", EXAMPLES.completion)
    .action(async (shell: Shell) => {
      const { runCompletion } = await import("./commands/completion.js");
      exitCode = runCompletion(shell, program, io);
    });

  program
    .command("sandbox")
    .description("run a local Kimai- or When I Work-compatible server for tests and demos")
    .addOption(
      new Option("--target <name>", "which system to imitate (required)")
        .choices(["kimai", "wheniwork"])
        .makeOptionMandatory(),
    )
    .option("--port <port>", "port on 127.0.0.1 (0 = any free port)", integer("--port", 0, 65535), 0)
    .option("--seed <file>", "start from this state (JSON, as GET /__sandbox/state returns)")
    .option("--work-contract-plugin", "behave as a server with the Working contract plugin")
    .option("--kimai-version <x.y>", "behave as this Kimai release (default 2.66; overrides the seed's)")
    .option("--latency <ms>", "delay every API answer", integer("--latency", 0, 60_000), 0)
    .addHelpText("after", EXAMPLES.sandbox)
    .action(
      async (o: {
        target: "kimai";
        port: number;
        seed?: string;
        workContractPlugin?: boolean;
        kimaiVersion?: string;
        latency: number;
      }) => {
        // Loaded only when asked for: plan and apply never carry the sandbox.
        const { runSandbox } = await import("./commands/sandbox.js");
        const handle = await runSandbox(
          {
            target: o.target,
            port: o.port,
            latencyMs: o.latency,
            ...(o.seed ? { seed: resolve(io.cwd, o.seed) } : {}),
            ...(o.workContractPlugin ? { workContractPlugin: true } : {}),
            ...(o.kimaiVersion !== undefined ? { kimaiVersion: o.kimaiVersion } : {}),
          },
          rawIo,
        );
        await new Promise<void>((done) => {
          const stop = () => {
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            done();
          };
          process.on("SIGINT", stop);
          process.on("SIGTERM", stop);
        });
        await handle.close();
      },
    );

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Error;
    }
    if (error instanceof RosterformError) {
      io.stderr(`error: ${describeError(error)}\n`);
      if (error instanceof ConfigError) hintInit(projectDir, io);
      return error.exitCode;
    }
    throw error;
  }
}

/** A configuration error in a folder without rosterform.yaml: most likely not a project yet. */
function hintInit(dir: string | undefined, io: Io): void {
  // A rosterform.yml has its own message (rename it); only a folder with neither is "not a project yet".
  if (dir && !isProjectDir(dir)) {
    io.stderr(
      `hint: no ${CONFIG_FILE} here or in a folder above; rosterform init writes a project to start from\n`,
    );
  }
}

/** `apply --only a b plan.json`: the variadic --only took the plan file as a username. */
function refuseSwallowedPlanFile(only: readonly string[] | undefined, io: Io): void {
  const file = only?.find((name) => /\.json$/i.test(name) || isFile(resolve(io.cwd, name)));
  if (file === undefined) return;
  const users = only!.filter((name) => name !== file).join(" ");
  throw new RosterformError(
    `--only took ${JSON.stringify(file)} as a username: put the plan file first (rosterform apply ${file} --only ${users}) or end the list with --: rosterform apply --only ${users} -- ${file}`,
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface PlanCliOptions {
  dir: string;
  out?: string;
  format: PlanFormat;
  detailedExitcode?: boolean;
  at?: string;
  target?: string[];
  only?: string[];
  force?: boolean;
  timeout: number;
}

interface ApplyCliOptions {
  dir: string;
  yes?: boolean;
  force?: boolean;
  parallelism: number;
  format: ApplyFormat;
  at?: string;
  target?: string[];
  only?: string[];
  timeout: number;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io = processIo();
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug: keep the stack.
      io.stderr(
        redact(
          `rosterform: internal error (please report it):\n${error instanceof Error ? error.stack : String(error)}\n`,
        ),
      );
      process.exitCode = ExitCode.Error;
    },
  );
}
