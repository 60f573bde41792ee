// Small project directories written on the fly for config tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { loadProject } from "../../src/config/load.js";
import { TARGETS } from "../../src/providers/index.js";
import type { LoadResult } from "../../src/config/load.js";
import type { Diagnostic } from "../../src/core/diagnostics.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";

export const CONFIG = "targets:\n  kimai:\n    url: https://kimai.example.com\n";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Writes files (path → text or bytes) into a fresh temp dir; rosterform.yaml is added unless given (null = none). */
export function writeProject(files: Record<string, string | Uint8Array | null>): string {
  const dir = mkdtempSync(join(tmpdir(), "rosterform-config-"));
  roots.push(dir);
  const all: Record<string, string | Uint8Array | null> = { "rosterform.yaml": CONFIG, ...files };
  mkdirSync(join(dir, "users.d"), { recursive: true });
  for (const [path, content] of Object.entries(all)) {
    if (content === null) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export async function load(
  files: Record<string, string | Uint8Array | null>,
  at = "2026-06-01",
): Promise<LoadResult> {
  return loadProject(writeProject(files), { targets: TARGETS, at });
}

/** The diagnostics as printed lines: "file:line:col: message". */
export async function problems(
  files: Record<string, string | Uint8Array | null>,
  at?: string,
): Promise<string[]> {
  return (await load(files, at)).diagnostics.map(formatDiagnostic);
}

export async function codes(files: Record<string, string | Uint8Array | null>): Promise<string[]> {
  return (await load(files)).diagnostics.map((d: Diagnostic) => d.code);
}

/** A valid user file body for `name`, plus extra lines. */
export function user(name: string, ...extra: string[]): string {
  return [`username: ${name}`, `email: ${name}@example.com`, ...extra, ""].join("\n");
}
