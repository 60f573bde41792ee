// Graceful stop (README "Stopping apply"): while a command has asked for it, the first SIGINT/SIGTERM is handed
// to the command (which starts nothing more and reports what it did); a second one ends the process at once.
import { writeSync } from "node:fs";

export type StopSignal = "SIGINT" | "SIGTERM";

/** The exit code of a run stopped by a signal, as shells report a process killed by it (128 + number). */
export const SIGNAL_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

export interface Interrupts {
  /** Until the returned function is called, the first signal calls `handler` instead of ending the process. */
  onStop(handler: (signal: StopSignal) => void): () => void;
}

export function processInterrupts(): Interrupts {
  return {
    onStop(handler) {
      let first: StopSignal | undefined;
      const on = (signal: StopSignal) => {
        if (first) {
          try {
            writeSync(
              2,
              `\nstopped at once (second ${signal}): changes in flight may or may not have happened; rosterform plan shows where things stand\n`,
            );
          } catch {
            // stderr is gone: exit anyway
          }
          process.exit(SIGNAL_EXIT[signal]);
        }
        first = signal;
        handler(signal);
      };
      const onInt = () => on("SIGINT");
      const onTerm = () => on("SIGTERM");
      process.on("SIGINT", onInt);
      process.on("SIGTERM", onTerm);
      return () => {
        process.off("SIGINT", onInt);
        process.off("SIGTERM", onTerm);
      };
    },
  };
}
