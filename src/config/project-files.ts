// Finding and reading the project's YAML files: bounded concurrency, size checked before reading.
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { decodeSource } from "./text-decoding.js";

/** Larger files are refused before they are read or parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 64;

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
    } else {
      files.push(file);
    }
  }
  files.sort();
  return { files, diagnostics };
}

/** Reads and decodes files, at most READ_CONCURRENCY at a time; results are in input order. */
export async function readSourceFiles(dir: string, files: readonly string[]): Promise<SourceText[]> {
  const results: SourceText[] = new Array<SourceText>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as string;
      results[index] = await readSourceFile(dir, file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return results;
}

export async function readSourceFile(dir: string, file: string): Promise<SourceText> {
  let handle;
  try {
    handle = await open(join(dir, file), "r");
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      return fail(file, "file.not-a-file", "this is a directory, not a YAML file; rename it or move it away");
    }
    if (!stats.isFile())
      return fail(file, "file.not-a-file", "this is not a regular file; replace it with a YAML file");
    if (stats.size > MAX_FILE_BYTES) {
      return fail(file, "file.too-large", tooLarge(stats.size));
    }
    const bytes = await handle.readFile();
    // A file that grew between stat and read is still bounded.
    if (bytes.length > MAX_FILE_BYTES) return fail(file, "file.too-large", tooLarge(bytes.length));
    const decoded = decodeSource(bytes, file);
    return { file, text: decoded.text, diagnostics: decoded.diagnostics };
  } catch (error) {
    const code = errorCode(error);
    const why =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "ENOENT"
          ? "it does not exist (a broken symbolic link?)"
          : code === "EISDIR"
            ? "it is a directory"
            : code;
    return fail(file, "file.unreadable", `the file cannot be read: ${why}`);
  } finally {
    await handle?.close();
  }
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
