// rosterform completion bash|zsh|fish: the completion script of the CLI as it is (see src/completion/).
import type { Command } from "commander";
import { completionScript } from "../completion/shells.js";
import { completionTree } from "../completion/tree.js";
import { ExitCode, type Io } from "../io.js";
import type { Shell } from "../render/formats.js";

export function runCompletion(shell: Shell, program: Command, io: Io): number {
  io.stdout(completionScript(shell, completionTree(program)));
  return ExitCode.Ok;
}
