// Files rosterform writes (saved plans, imported users.d files): without secrets, private when asked, and a
// failure to write (missing folder, full disk, no permission) is one line saying what to do, never a stack.
import { open } from "node:fs/promises";
import { RosterformError } from "./errors.js";
import { redact } from "./redact.js";

export interface OutputFileOptions {
  /** The file's mode, also when it existed before (open() keeps an existing file's mode). */
  mode?: number;
  /** false: refuse to replace an existing file (throws the EEXIST error for the caller to handle). */
  overwrite?: boolean;
  /** How the file is named in errors (the argument as given). */
  shown?: string;
}

export async function writeOutputFile(file: string, text: string, options: OutputFileOptions = {}) {
  const shown = options.shown ?? file;
  let handle;
  try {
    handle = await open(file, options.overwrite === false ? "wx" : "w", options.mode ?? 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw error;
    throw writeError(error, shown);
  }
  try {
    if (options.mode !== undefined) await handle.chmod(options.mode);
    await handle.writeFile(redact(text), "utf8");
  } catch (error) {
    throw writeError(error, shown);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function writeError(error: unknown, shown: string): RosterformError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === "ENOENT"
      ? "its folder does not exist: create it first, or write somewhere else"
      : code === "ENOSPC" || code === "EDQUOT"
        ? "the disk is full: free some space, or write somewhere else"
        : code === "EACCES" || code === "EPERM" || code === "EROFS"
          ? "no permission to write there: write somewhere else"
          : code === "EISDIR"
            ? "it is a folder: name a file"
            : `${code ?? String(error)}`;
  return new RosterformError(`cannot write ${shown}: ${why}`);
}
