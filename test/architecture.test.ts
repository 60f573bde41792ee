// Architecture rules, checked on the import graph of src/: the core and the config layer know no target system,
// and no target system knows another.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Relative imports of a file (static, re-exports and dynamic), as paths from the repository root. */
function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) =>
      relative(ROOT, resolve(dirname(file), s))
        .split("\\")
        .join("/"),
    );
}

/** src/providers/<name>/… → name; the registry and other shared files in src/providers/ → undefined. */
function providerOf(path: string): string | undefined {
  const m = /^src\/providers\/([^/]+)\//.exec(path);
  return m?.[1];
}

const files = sourceFiles(SRC).map((file) => ({
  path: relative(ROOT, file).split("\\").join("/"),
  imports: importsOf(file),
}));

describe("architecture", () => {
  test("the import scanner sees every form of import", () => {
    const text = [
      'import type { A } from "../providers/x/a.js";',
      'import {\n  B,\n  C,\n} from "./b.js";',
      'export { D } from "../d.js";',
      'import "./side-effect.js";',
      'const m = await import("../providers/y/m.js");',
      'import { readFileSync } from "node:fs";',
    ].join("\n");
    expect(importsOf(join(SRC, "core", "f.ts"), text)).toEqual([
      "src/providers/x/a.js",
      "src/core/b.js",
      "src/d.js",
      "src/core/side-effect.js",
      "src/providers/y/m.js",
    ]);
  });

  test("src/core/ and src/config/ import nothing from src/providers/", () => {
    const violations = files.flatMap(({ path, imports }) =>
      /^src\/(core|config)\//.test(path)
        ? imports.filter((i) => i.startsWith("src/providers/")).map((i) => `${path} → ${i}`)
        : [],
    );
    expect(violations).toEqual([]);
  });

  test("no provider imports another provider", () => {
    const violations = files.flatMap(({ path, imports }) => {
      const own = providerOf(path);
      if (own === undefined) return [];
      return imports
        .filter((i) => {
          const other = providerOf(i);
          return other !== undefined && other !== own;
        })
        .map((i) => `${path} → ${i}`);
    });
    expect(violations).toEqual([]);
  });

  test("the scan found the layers it checks", () => {
    expect(files.some((f) => f.path.startsWith("src/core/"))).toBe(true);
    expect(files.some((f) => f.path.startsWith("src/config/"))).toBe(true);
    expect(new Set(files.map((f) => providerOf(f.path)).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
  });
});
