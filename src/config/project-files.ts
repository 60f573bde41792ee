// Finding and reading the project's YAML files: bounded concurrency, size checked before reading.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { readdir } from "node:fs/promises";
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

export type Listing = { files: string[]; diagnostics: Diagnostic[] } | { missing: true };

/** The *.yaml / *.yml entries of `dir/sub`, sorted; directories with such names are reported. */
export async function listYamlFiles(dir: string, sub: string): Promise<Listing> {
  let entries;
  try {
    entries = await readdir(join(dir, sub), { withFileTypes: true });
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return { missing: true };
    return {
      files: [],
      diagnostics: [diagnostic(`${sub}/`, "file.unreadable", `the folder cannot be read (${code})`)],
    };
  }
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    // Dot files are editor leftovers (.#anna.yaml lock links, .anna.yaml.swp), not project files.
    if (!YAML_NAME.test(entry.name) || entry.name.startsWith(".")) continue;
    const file = `${sub}/${entry.name}`;
    if (entry.isDirectory()) {
      diagnostics.push(
        diagnostic(
          file,
          "file.not-a-file",
          `this is a directory, not a YAML file; rename it or move it out of ${sub}/`,
        ),
      );
    } else if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) {
      diagnostics.push(
        diagnostic(file, "file.not-a-file", "this is not a regular file; replace it with a YAML file"),
      );
    } else {
      files.push(file);
    }
  }
  files.sort();
  return { files, diagnostics };
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
