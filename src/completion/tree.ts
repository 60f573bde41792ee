// What shell completion knows, read from the CLI's own commander program: commands, options, choices. The
// completion scripts restate nothing of their own.
import type { Command, Option } from "commander";

/** What an option's value (or an argument) completes to. */
export type ValueKind = { kind: "choices"; choices: readonly string[] } | { kind: "path" } | { kind: "text" };

export interface CompletionOption {
  /** `-V`, `--version`. */
  flags: string[];
  description: string;
  /** undefined: a switch without value. */
  value?: ValueKind;
  variadic: boolean;
}

export interface CompletionCommand {
  name: string;
  description: string;
  /** Its own options, then the program's (global) ones. */
  options: CompletionOption[];
  /** What its positional arguments complete to; undefined when it takes none. */
  argument?: ValueKind;
}

export interface CompletionTree {
  name: string;
  /** The program's own options (--version, --help, and the global ones). */
  options: CompletionOption[];
  commands: CompletionCommand[];
}

/** Value names that name a file or folder (<file>, <dir>, [planfile]). */
const PATH_VALUE = /file|dir|path/i;

function valueOf(flags: string, choices: readonly string[] | undefined): ValueKind | undefined {
  const name = /[<[]([^>\]]+?)(?:\.\.\.)?[>\]]/.exec(flags)?.[1];
  if (choices && choices.length > 0) return { kind: "choices", choices };
  if (name === undefined) return undefined;
  return PATH_VALUE.test(name) ? { kind: "path" } : { kind: "text" };
}

function optionOf(option: Option): CompletionOption {
  const value = valueOf(option.flags, option.argChoices);
  return {
    flags: [option.short, option.long].filter((f): f is string => f !== undefined),
    description: option.description,
    ...(value ? { value } : {}),
    variadic: option.variadic,
  };
}

export function completionTree(program: Command): CompletionTree {
  const help = program.createHelp();
  const global = help.visibleOptions(program).map(optionOf);
  const visible = help.visibleCommands(program);
  const names = visible.map((c) => c.name()).filter((n) => n !== "help");
  // The program's options apply after a command too, except --version (and --help, which each command has).
  const shared = global.filter((g) => !g.flags.some((f) => /^(-V|--version|-h|--help)$/.test(f)));
  const commands = visible.map((command): CompletionCommand => {
    const first = command.registeredArguments[0];
    // commander's own `help [command]` takes a command name.
    const argument = !first
      ? undefined
      : command.name() === "help" && !first.argChoices
        ? { kind: "choices" as const, choices: names }
        : (valueOf(`<${first.name()}>`, first.argChoices) ?? { kind: "text" as const });
    return {
      name: command.name(),
      description: command.description(),
      options: [...help.visibleOptions(command).map(optionOf), ...shared],
      ...(argument ? { argument } : {}),
    };
  });
  return { name: program.name(), options: global, commands };
}
