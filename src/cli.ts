#!/usr/bin/env node
// The command line: options -> commands, and the one place runtime errors are caught and turned into exit codes.
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { runApply } from "./commands/apply.js";
import { runImport } from "./commands/import.js";
import { runPlan } from "./commands/plan.js";
import { describeError } from "./commands/report.js";
import { runValidate } from "./commands/validate.js";
import { RosterformError } from "./errors.js";
import { ExitCode, processIo, type Io } from "./io.js";

const VERSION = "0.1.0";

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

const targetOption = () =>
  new Option("--target <name>", "only this target (repeatable)")
    .choices(["kimai", "wheniwork"])
    .argParser(collect);

const EXAMPLES = {
  root: `
Examples:
  $ rosterform validate                       check users.d/ and contracts.d/ offline
  $ rosterform plan                           show what apply would change
  $ rosterform plan --format markdown > plan.md   a pull-request comment
  $ rosterform plan --out plan.json && rosterform apply plan.json
  $ rosterform sandbox --target kimai         a local Kimai-compatible server to try things

Environment:
  KIMAI_URL, KIMAI_API_TOKEN (or KIMAI_API_TOKEN_FILE)   the Kimai server and its API token
  NO_COLOR                                              no colour in output

Exit codes: 0 ok / no changes, 1 error, 2 changes pending (plan --detailed-exitcode), 3 refused by a safety check.`,
  validate: `
Examples:
  $ rosterform validate
  $ rosterform validate --dir people --format json`,
  plan: `
Examples:
  $ rosterform plan
  $ rosterform plan --detailed-exitcode          exit 2 when anything would change (drift check)
  $ rosterform plan --format markdown            for a pull-request comment
  $ rosterform plan --out plan.json              save it for rosterform apply plan.json
  $ rosterform plan --at 2027-01-01 --only anna.schmidt`,
  apply: `
Examples:
  $ rosterform apply                    plan, show, ask, apply
  $ rosterform apply --yes              in CI: no question
  $ rosterform apply plan.json          exactly a saved plan; refused (exit 3) if the server changed since`,
  import: `
Examples:
  $ rosterform import --target kimai                  adopt an existing Kimai: one file per user in users.d/
  $ rosterform import --target kimai --out imported   somewhere else, to compare first`,
  sandbox: `
Examples:
  $ rosterform sandbox --target kimai --port 8001 --work-contract-plugin
  $ rosterform sandbox --target kimai --seed seed.json --latency 20
Prints one JSON line {"url": ..., "token": ...} when ready; stops on Ctrl-C.`,
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = new Command("rosterform")
    .description(
      "People as code: users and work contracts in YAML, planned and applied to Kimai and When I Work.",
    )
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText("after", EXAMPLES.root);

  const dirOption = () => new Option("--dir <dir>", "the project folder (with rosterform.yaml)").default(".");
  const dirOf = (dir: string) => resolve(io.cwd, dir);

  program
    .command("validate")
    .description("check rosterform.yaml, contracts.d/ and users.d/ offline: no network, no credentials")
    .addOption(dirOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--at <date>", "select contracts in force on this date (default: today)", isoDate)
    .addHelpText("after", EXAMPLES.validate)
    .action(async (o: { dir: string; format: "text" | "json"; at?: string }) => {
      exitCode = await runValidate(
        { dir: dirOf(o.dir), format: o.format, ...(o.at ? { at: o.at } : {}) },
        io,
      );
    });

  program
    .command("plan")
    .description("show the changes apply would make; sends no write")
    .addOption(dirOption())
    .option("--out <file>", "save the plan (no secrets) for `rosterform apply FILE`")
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "markdown", "json"]).default("text"),
    )
    .option("--detailed-exitcode", "exit 2 when there are changes, 0 when none, 1 on error")
    .option("--at <date>", "plan for the contracts in force on this date (default: today)", isoDate)
    .addOption(targetOption())
    .option("--only <users...>", "plan only these usernames")
    .option("--force", "do not refuse when policy.limits are exceeded")
    .option("--timeout <seconds>", "per-request timeout", integer("--timeout", 1, 3600), 30)
    .addHelpText("after", EXAMPLES.plan)
    .action(async (o: PlanCliOptions) => {
      exitCode = await runPlan(
        {
          dir: dirOf(o.dir),
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
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--at <date>", "apply the contracts in force on this date (default: today)", isoDate)
    .addOption(targetOption())
    .option("--only <users...>", "apply only these usernames")
    .option("--timeout <seconds>", "per-request timeout", integer("--timeout", 1, 3600), 30)
    .addHelpText("after", EXAMPLES.apply)
    .action(async (planfile: string | undefined, o: ApplyCliOptions) => {
      exitCode = await runApply(
        {
          dir: dirOf(o.dir),
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
      new Option("--target <name>", "the system to read")
        .choices(["kimai", "wheniwork"])
        .makeOptionMandatory(),
    )
    .option("--out <dir>", "where to write the files (default: DIR/users.d)")
    .option("--overwrite", "replace files that exist (default: keep them)")
    .option("--timeout <seconds>", "per-request timeout", integer("--timeout", 1, 3600), 30)
    .addHelpText("after", EXAMPLES.import)
    .action(
      async (o: { dir: string; target: "kimai"; out?: string; overwrite?: boolean; timeout: number }) => {
        exitCode = await runImport(
          {
            dir: dirOf(o.dir),
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
    .command("sandbox")
    .description("run a local Kimai- or When I Work-compatible server for tests and demos")
    .addOption(
      new Option("--target <name>", "which system to imitate")
        .choices(["kimai", "wheniwork"])
        .makeOptionMandatory(),
    )
    .option("--port <port>", "port on 127.0.0.1 (0 = any free port)", integer("--port", 0, 65535), 0)
    .option("--seed <file>", "start from this state (JSON, as GET /__sandbox/state returns)")
    .option("--work-contract-plugin", "behave as a server with the Working contract plugin")
    .option("--latency <ms>", "delay every API answer", integer("--latency", 0, 60_000), 0)
    .addHelpText("after", EXAMPLES.sandbox)
    .action(
      async (o: {
        target: "kimai";
        port: number;
        seed?: string;
        workContractPlugin?: boolean;
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
          },
          io,
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
      return error.exitCode;
    }
    throw error;
  }
}

interface PlanCliOptions {
  dir: string;
  out?: string;
  format: "text" | "markdown" | "json";
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
  format: "text" | "json";
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
        `rosterform: internal error (please report it):\n${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = ExitCode.Error;
    },
  );
}
