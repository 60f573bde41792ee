// The completion scripts for bash, zsh and fish, written from the completion tree (tree.ts).
import type { Shell } from "../render/formats.js";
import type { CompletionCommand, CompletionOption, CompletionTree, ValueKind } from "./tree.js";

export function completionScript(shell: Shell, tree: CompletionTree): string {
  return shell === "bash" ? bash(tree) : shell === "zsh" ? zsh(tree) : fish(tree);
}

const words = (list: readonly string[]) => list.join(" ");
const takingValue = (options: readonly CompletionOption[]) => options.filter((o) => o.value !== undefined);

function bash(tree: CompletionTree): string {
  const fn = `_${tree.name.replace(/\W/g, "_")}`;
  const valueCases = (options: readonly CompletionOption[]) =>
    takingValue(options).map((o) => {
      const reply =
        o.value?.kind === "choices"
          ? `COMPREPLY=($(compgen -W "${words(o.value.choices)}" -- "$cur"))`
          : "COMPREPLY=()";
      return `        ${o.flags.join("|")}) ${reply}; return ;;`;
    });
  const flags = (options: readonly CompletionOption[]) => words(options.flatMap((o) => o.flags));
  const commandCase = (c: CompletionCommand) => {
    const options = `COMPREPLY=($(compgen -W "${flags(c.options)}" -- "$cur"))`;
    // Without a positional argument, a word completes to the options; with one, "-…" does.
    const reply =
      c.argument?.kind === "choices"
        ? `if [[ "$cur" == -* ]]; then ${options}; else COMPREPLY=($(compgen -W "${words(c.argument.choices)}" -- "$cur")); fi`
        : c.argument
          ? `if [[ "$cur" == -* ]]; then ${options}; else COMPREPLY=(); fi`
          : options;
    const values = valueCases(c.options);
    return [
      `    ${c.name})`,
      ...(values.length > 0 ? [`      case "$prev" in`, ...values, `      esac`] : []),
      `      ${reply}`,
      `      ;;`,
    ].join("\n");
  };
  return `# ${tree.name} completion for bash. Load it with:  source <(${tree.name} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  # --option=value: bash splits at "=".
  if [[ "$prev" == "=" ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi
  if [[ "$cur" == "=" ]]; then cur=""; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      *) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command" in
${tree.commands.map(commandCase).join("\n")}
    *)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${flags(tree.options)}" -- "$cur"))
      else COMPREPLY=($(compgen -W "${words(tree.commands.map((c) => c.name))}" -- "$cur")); fi
      ;;
  esac
}
complete -o default -o bashdefault -F ${fn} ${tree.name}
`;
}

/** Text inside a zsh single-quoted _arguments spec ([description] and value descriptions). */
function zshText(s: string): string {
  return s.replace(/([[\]:\\])/g, "\\$1").replace(/'/g, "'\\''");
}

function zshValue(name: string, value: ValueKind | undefined): string {
  if (!value) return "";
  if (value.kind === "choices") return `:${name}:(${words(value.choices)})`;
  return value.kind === "path" ? `:${name}:_files` : `:${name}: `;
}

function zsh(tree: CompletionTree): string {
  const fn = `_${tree.name.replace(/\W/g, "_")}`;
  const specs = (options: readonly CompletionOption[]) =>
    options.flatMap((o) =>
      o.flags.map(
        (f) =>
          `'${o.variadic ? "*" : ""}${f}[${zshText(o.description)}]${zshValue(f.replace(/^-+/, ""), o.value)}'`,
      ),
    );
  const commandCase = (c: CompletionCommand) => {
    const args = [...specs(c.options), ...(c.argument ? [`'*${zshValue("argument", c.argument)}'`] : [])];
    return `        ${c.name}) _arguments ${args.join(" ")} ;;`;
  };
  return `#compdef ${tree.name}
# ${tree.name} completion for zsh. Load it with:  source <(${tree.name} completion zsh)
${fn}() {
  local -a commands
  commands=(
${tree.commands.map((c) => `    '${c.name}:${zshText(c.description)}'`).join("\n")}
  )
  local state
  _arguments -C ${specs(tree.options).join(" ")} '1: :->command' '*:: :->args'
  case $state in
    command) _describe -t commands '${tree.name} command' commands ;;
    args)
      case $words[1] in
${tree.commands.map(commandCase).join("\n")}
      esac
      ;;
  esac
}
if [ "$funcstack[1]" = "${fn}" ]; then ${fn} "$@"; else compdef ${fn} ${tree.name}; fi
`;
}

/** A fish single-quoted word. */
function fishText(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function fish(tree: CompletionTree): string {
  const c = `complete -c ${tree.name}`;
  const option = (condition: string, o: CompletionOption) => {
    const names = o.flags.map((f) => (f.startsWith("--") ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`));
    const value =
      o.value?.kind === "choices"
        ? ` -x -a ${fishText(words(o.value.choices))}`
        : o.value?.kind === "path"
          ? " -r -F"
          : o.value
            ? " -x"
            : "";
    return `${c} -n ${condition} ${names.join(" ")}${value} -d ${fishText(o.description)}`;
  };
  const lines = [
    `# ${tree.name} completion for fish. Load it with:  ${tree.name} completion fish | source`,
    `${c} -f`,
    ...tree.options.map((o) => option("__fish_use_subcommand", o)),
    ...tree.commands.map(
      (cmd) => `${c} -n __fish_use_subcommand -a ${cmd.name} -d ${fishText(cmd.description)}`,
    ),
  ];
  for (const cmd of tree.commands) {
    const when = fishText(`__fish_seen_subcommand_from ${cmd.name}`);
    lines.push(...cmd.options.map((o) => option(when, o)));
    if (cmd.argument?.kind === "choices")
      lines.push(`${c} -n ${when} -a ${fishText(words(cmd.argument.choices))}`);
    else if (cmd.argument?.kind === "path") lines.push(`${c} -n ${when} -F`);
  }
  return `${lines.join("\n")}\n`;
}
