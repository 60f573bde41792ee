// Text → data + positions: the fast parser for plain files, the complete one for everything else.
import type { Diagnostic } from "../core/diagnostics.js";
import { fastParseYaml } from "./fast-yaml.js";
import type { TreeSource } from "./file-report.js";
import { parseYaml } from "./parse-yaml.js";

export interface ParsedSource {
  data: unknown;
  tree: TreeSource;
  /** Set when the fast parser read the file (see FileReport.rootKeyPos). */
  plainText?: string;
}

export function parseSource(text: string, file: string, diagnostics: Diagnostic[]): ParsedSource | undefined {
  const fast = fastParseYaml(text, { positions: false });
  if (fast)
    return { data: fast.data, tree: () => fastParseYaml(text, { positions: true })?.tree, plainText: text };
  const result = parseYaml(text, file);
  for (const d of result.diagnostics) diagnostics.push(d);
  return result.parsed;
}
