// Text → data + positions: the fast parser for plain files, the complete one for everything else.
import type { Diagnostic } from "../core/diagnostics.js";
import { fastParseYaml } from "./fast-yaml.js";
import type { ParsedYaml } from "./parse-yaml.js";
import { parseYaml } from "./parse-yaml.js";

export function parseSource(text: string, file: string, diagnostics: Diagnostic[]): ParsedYaml | undefined {
  const fast = fastParseYaml(text);
  if (fast) return fast;
  const result = parseYaml(text, file);
  for (const d of result.diagnostics) diagnostics.push(d);
  return result.parsed;
}
