// Start-up: a command loads only what it runs. Walks the static import graph of src/ (what Node loads before the
// first line runs; `await import()` is not followed) and checks what each entry point pulls in.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

/** Static value imports and re-exports (`import type` / `export type` are erased; `import { type X }` is not). */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']/gm;

/** Every module the file loads statically: src files relative to src/, packages by name, node: built-ins. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const key = relative(SRC, file);
    if (seen.has(key)) return;
    seen.add(key);
    for (const match of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      const spec = match[1] ?? "";
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else
        seen.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec));
    }
  };
  visit(join(SRC, entry));
  return seen;
}

const matching = (closure: Set<string>, pattern: RegExp) => [...closure].filter((m) => pattern.test(m));

describe("what each command loads", () => {
  it("the CLI itself (--version, --help) loads no command, no HTTP client, no YAML or schema library", () => {
    const closure = staticClosure("cli.ts");
    expect(matching(closure, /^(undici|ajv|ajv-formats|yaml|fast-json-patch)$/)).toEqual([]);
    expect(matching(closure, /^(providers|http|config|sandbox)\//)).toEqual([]);
    expect(matching(closure, /^commands\/(?!report\.ts$)/)).toEqual([]);
  });

  it("validate loads no HTTP client, no provider client, no sandbox and no schema compiler", () => {
    const closure = staticClosure("commands/validate.ts");
    // ajv's compiler only when the generated validators are missing or stale (src/config/schemas.ts).
    expect(matching(closure, /^(undici|ajv)$|schema-compile/)).toEqual([]);
    expect(matching(closure, /^http\/|sandbox|(^|\/)client\.ts$/)).toEqual([]);
  });

  it.each(["plan", "apply", "import"])("%s loads no sandbox", (command) => {
    const closure = staticClosure(`commands/${command}.ts`);
    expect(closure.has(`commands/${command}.ts`)).toBe(true);
    expect(matching(closure, /sandbox/)).toEqual([]);
  });

  it("the walker sees through re-exports and multi-line imports (sandbox does load the sandboxes)", () => {
    expect(matching(staticClosure("commands/sandbox.ts"), /sandbox\//).length).toBeGreaterThan(1);
    expect(staticClosure("providers/kimai/provider.ts").has("undici")).toBe(true);
  });
});
