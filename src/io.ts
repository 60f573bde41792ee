// What a command may touch of the outside world besides the network: injected so tests run the CLI in-process.
import { processInterrupts, type Interrupts } from "./interrupt.js";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour, prompts). */
  isTTY: boolean;
  /** Resolves relative --dir and file arguments. */
  cwd: string;
  /** Asks the person at the terminal; absent when nobody can answer. */
  ask?(question: string): Promise<string>;
  /** SIGINT/SIGTERM for a graceful stop; absent in tests that do not signal. */
  interrupts?: Interrupts;
  /** --quiet: stderr carries only errors (no progress, warnings or notes); stdout only the result. */
  quiet?: boolean;
  /** --no-color (false); undefined: decided by the environment (FORCE_COLOR, NO_COLOR, a terminal). */
  color?: boolean;
  /** --debug: one line of trace on stderr (HTTP exchanges, the project folder used). */
  debug?(line: string): void;
}

/** Progress, warnings and notes on stderr: what --quiet leaves out (errors go to io.stderr). */
export function progress(io: Io, text: string): void {
  if (!io.quiet) io.stderr(text);
}

async function ask(question: string): Promise<string> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    interrupts: processInterrupts(),
    ...(process.stdin.isTTY ? { ask } : {}),
  };
}

/** Exit codes of every command (design §4). */
export const ExitCode = {
  Ok: 0,
  Error: 1,
  Changes: 2,
  Refused: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
