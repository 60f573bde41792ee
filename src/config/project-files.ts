// Finding and reading the project's YAML files: bounded concurrency, size checked before reading.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { decodeSource } from "./text-decoding.js";

/** Larger files are refused before they are read or parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Files read between two turns of the event loop. */
const READ_BATCH = 512;

export interface SourceText {
  /** relative to the project dir, forward slashes */
  file: string;
  text?: string;
  diagnostics: Diagnostic[];
}

const YAML_NAME = /\.ya?ml$/i;
/** A name that mentions YAML or JSON, or ends like a backup or merge leftover: looks meant to be read. */
const LOOKS_MEANT = /\.(ya?ml|json)|\.(orig|bak|rej|old|tmp)$|~$/i;
/** Editor swap and lock files (.anna.yaml.swp, .#anna.yaml) come and go while someone edits. */
const EDITOR_LEFTOVER = /^\.#|\.sw[a-p]$/i;

export type Listing = { files: string[]; diagnostics: Diagnostic[] } | { missing: true };

/**
 * Every *.yaml / *.yml file under `dir/sub`, subfolders included, sorted by path (forward slashes, relative to
 * `dir`: the path is each file's source in every message). Nothing is skipped in silence: a file that looks
 * meant but is not read (anna.yaml.bak, anna.json, a bare .yaml, a hidden folder) is a warning naming it.
 * Symbolic links to folders are not followed (a warning), so a link cannot loop or reach outside.
 */
export async function listYamlFiles(dir: string, sub: string): Promise<Listing> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const folders = [sub];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = await readdir(join(dir, folder), { withFileTypes: true });
    } catch (error) {
      const code = errorCode(error);
      if (code === "ENOENT" && folder === sub) return { missing: true };
      diagnostics.push(diagnostic(`${folder}/`, "file.unreadable", `the folder cannot be read (${code})`));
      continue;
    }
    for (const entry of entries) {
      const file = `${folder}/${entry.name}`;
      const hidden = entry.name.startsWith(".");
      if (entry.isDirectory()) {
        if (hidden)
          diagnostics.push(notRead(file, `hidden folders are skipped; rename it without the dot`, sub));
        else folders.push(file);
      } else if (entry.isSymbolicLink() && (await isFolder(join(dir, file)))) {
        diagnostics.push(
          notRead(file, "symbolic links to folders are not followed; move the folder here", sub),
        );
      } else if (YAML_NAME.test(entry.name) && !hidden) {
        if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) {
          diagnostics.push(
            diagnostic(file, "file.not-a-file", "this is not a regular file; replace it with a YAML file"),
          );
        } else {
          files.push(file);
        }
      } else if (looksMeant(entry.name)) {
        diagnostics.push(notRead(file, notReadReason(entry.name), sub));
      }
    }
  }
  files.sort();
  return { files, diagnostics };
}

/** Whether a file that is not read should be mentioned: README.md, .gitkeep and swap files are not. */
function looksMeant(name: string): boolean {
  if (EDITOR_LEFTOVER.test(name)) return false;
  if (name.startsWith(".")) return LOOKS_MEANT.test(name);
  return !/\.md$/i.test(name) || LOOKS_MEANT.test(name);
}

function notReadReason(name: string): string {
  if (/^\.ya?ml$/i.test(name))
    return "a file named only .yaml is hidden; name it after the username it declares, e.g. anna.yaml";
  const suggestion = `${name.replace(/^\.+/, "").replace(/\.(ya?ml|json)\b.*$|\.[^.]*$|~$/i, "") || name}.yaml`;
  return `only files ending in .yaml or .yml are read; rename it to ${suggestion} if it declares someone`;
}

function notRead(file: string, reason: string, sub: string): Diagnostic {
  return {
    ...diagnostic(file, "file.not-read", `not read: ${reason}, or move it out of ${sub}/`),
    severity: "warning",
  };
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads and decodes files in input order, a batch at a time, yielding to the event loop between batches.
 * Reads are synchronous on purpose: for thousands of small files on a 2-core machine, libuv's thread pool
 * (fs/promises or callbacks) measured 4x the CPU of open/read/close in place, and the pool's threads compete
 * with the parser for the same cores. One reused buffer of MAX_FILE_BYTES + 1 bytes: no file is read past
 * the limit, and at most one file is open at a time.
 */
export async function readSourceFiles(dir: string, files: readonly string[]): Promise<SourceText[]> {
  const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
  const results: SourceText[] = [];
  for (let start = 0; start < files.length; start += READ_BATCH) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const file of files.slice(start, start + READ_BATCH))
      results.push(readInto(join(dir, file), file, buffer));
  }
  return results;
}

export async function readSourceFile(dir: string, file: string): Promise<SourceText> {
  return readInto(join(dir, file), file, Buffer.allocUnsafe(MAX_FILE_BYTES + 1));
}

// O_NONBLOCK: opening a FIFO someone named anna.yaml must not wait for a writer.
const OPEN_FLAGS =
  constants.O_NONBLOCK === undefined ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

/** open, read until EOF or one byte past the limit, close; never throws. */
function readInto(path: string, file: string, buffer: Buffer): SourceText {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, length);
      length += n;
      if (n === 0 || length >= buffer.length) break;
    }
    if (length > MAX_FILE_BYTES)
      return fail(file, "file.too-large", tooLarge(Math.max(fstatSync(fd).size, length)));
    const decoded = decodeSource(buffer.subarray(0, length), file);
    return { file, text: decoded.text, diagnostics: decoded.diagnostics };
  } catch (error) {
    return fail(file, "file.unreadable", `the file cannot be read: ${describeErrorCode(errorCode(error))}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function describeErrorCode(code: string): string {
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "it does not exist (a broken symbolic link?)";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EAGAIN" || code === "ESPIPE") return "it is not a regular file (a pipe?)";
  return code;
}

function tooLarge(bytes: number): string {
  return `the file is ${bytes} bytes; files over 1 MiB (${MAX_FILE_BYTES} bytes) are refused before parsing — a user file is a few lines`;
}

function fail(file: string, code: string, message: string): SourceText {
  return { file, diagnostics: [diagnostic(file, code, message)] };
}

function diagnostic(file: string, code: string, message: string): Diagnostic {
  return { file, line: 0, column: 0, code, message, severity: "error" };
}

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
