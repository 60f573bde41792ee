// The complete YAML path (the `yaml` package): exact syntax errors with positions, duplicate keys, tabs,
// alias bombs and dangerous keys. fast-yaml.ts handles the common simple files; everything else comes here.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node as YamlNode, YAMLMap } from "yaml";
import type { Diagnostic } from "../core/diagnostics.js";
import type { MapEntryNode, Pos, SourceNode } from "./source-tree.js";

/** Keys that could reach an object's prototype when turned into data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** More aliases than this in one file is a resource-exhaustion attempt ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  data: unknown;
  tree: SourceNode;
}

export interface YamlParseResult {
  parsed?: ParsedYaml;
  diagnostics: Diagnostic[];
}

const CODE_BY_YAML_ERROR: Record<string, { code: string; message: string }> = {
  DUPLICATE_KEY: { code: "yaml.duplicate-key", message: "" },
  TAB_AS_INDENT: {
    code: "yaml.tab-indent",
    message: "a tab is used for indentation; YAML indents with spaces only — replace the tab with spaces",
  },
  MULTIPLE_DOCS: {
    code: "yaml.multiple-documents",
    message: "this file holds more than one YAML document (---); keep one document per file",
  },
};

export function parseYaml(text: string, file: string): YamlParseResult {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const posOf = (offset: number): Pos => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const report = (pos: Pos, code: string, message: string, severity: Diagnostic["severity"] = "error") =>
    diagnostics.push({ file, line: pos.line, column: pos.column, code, message, severity });

  const seen = new Set<string>();
  for (const error of doc.errors) {
    const known = CODE_BY_YAML_ERROR[error.code];
    const pos = posOf(error.pos[0]);
    // One broken bracket can make the parser report the same error hundreds of times.
    const key = `${error.code}|${pos.line}|${pos.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (/call stack/i.test(error.message)) {
      report(pos, "yaml.too-deep", TOO_DEEP);
    } else if (error.code === "DUPLICATE_KEY") {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim() || "this key";
      report(
        pos,
        "yaml.duplicate-key",
        `duplicate key ${quoteKey(key)}; each field may appear once — remove one`,
      );
    } else if (known) {
      report(pos, known.code, known.message);
    } else {
      report(pos, "yaml.syntax", `YAML syntax error: ${firstLine(error.message)}`);
    }
  }
  for (const warning of doc.warnings) {
    report(posOf(warning.pos[0]), "yaml.warning", firstLine(warning.message), "warning");
  }
  if (doc.errors.length > 0) return { diagnostics };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && root.range?.[0] === root.range?.[1])) {
    report(
      { line: 0, column: 0 },
      "file.empty",
      "the file is empty; write a mapping of fields, e.g. username: anna",
    );
    return { diagnostics };
  }
  if (!isMap(root)) {
    const found = isSeq(root) ? "a list" : "a single value";
    report(
      posOf(root.range[0]),
      "file.not-mapping",
      `expected a mapping of fields (key: value on each line), found ${found}`,
    );
    return { diagnostics };
  }

  try {
    return toData(root, doc, posOf, report, diagnostics);
  } catch (error) {
    if (error instanceof RangeError) {
      report({ line: 0, column: 0 }, "yaml.too-deep", TOO_DEEP);
      return { diagnostics };
    }
    throw error;
  }
}

const TOO_DEEP = "the values are nested too deeply to read; a user file needs only a few levels";

function toData(
  root: YAMLMap,
  doc: Document,
  posOf: (offset: number) => Pos,
  report: (pos: Pos, code: string, message: string) => void,
  diagnostics: Diagnostic[],
): YamlParseResult {
  const tree = buildTree(root, posOf, (pos, key) =>
    report(
      pos,
      "yaml.forbidden-key",
      `the key ${quoteKey(key)} is not allowed (it could alter JavaScript object prototypes); remove it`,
    ),
  );
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { parsed: { data, tree }, diagnostics };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      report(
        { line: 0, column: 0 },
        "yaml.alias-bomb",
        `too many alias expansions (more than ${MAX_ALIAS_COUNT}): the file looks like a "billion laughs" attack; write the values out instead of nesting *aliases`,
      );
      return { diagnostics };
    }
    throw error;
  }
}

/** Builds the position tree; removes forbidden keys from the document so they never become data. */
function buildTree(
  node: YamlNode,
  posOf: (offset: number) => Pos,
  onForbiddenKey: (pos: Pos, key: string) => void,
): SourceNode {
  const pos = posOf(node.range?.[0] ?? 0);
  if (isMap(node)) {
    const entries = new Map<string, MapEntryNode>();
    node.items = node.items.filter((pair) => {
      if (!isPair(pair)) return true;
      const key: unknown = pair.key;
      const keyNode = isScalar(key) || isMap(key) || isSeq(key) || isAlias(key) ? key : undefined;
      const keyPos = keyNode?.range ? posOf(keyNode.range[0]) : pos;
      const keyText = isScalar(key) ? String(key.value) : "";
      if (FORBIDDEN_KEYS.has(keyText)) {
        onForbiddenKey(keyPos, keyText);
        return false;
      }
      const value: unknown = pair.value;
      let valueTree: SourceNode = { kind: "scalar", pos: keyPos };
      if (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]) {
        valueTree = { kind: "scalar", pos: keyPos }; // `key:` with nothing written: point at the key
      } else if (isScalar(value) || isMap(value) || isSeq(value) || isAlias(value)) {
        valueTree = buildTree(value, posOf, onForbiddenKey);
      }
      entries.set(keyText, { keyPos, value: valueTree });
      return true;
    });
    return { kind: "map", pos, entries };
  }
  if (isSeq(node)) {
    const items: SourceNode[] = [];
    for (const item of node.items) {
      items.push(
        isScalar(item) || isMap(item) || isSeq(item) || isAlias(item)
          ? buildTree(item, posOf, onForbiddenKey)
          : { kind: "scalar", pos },
      );
    }
    return { kind: "seq", pos, items };
  }
  // Scalars and aliases: an alias points at where it is used, never expanded here (linear in file size).
  return { kind: "scalar", pos };
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

function quoteKey(key: string): string {
  return JSON.stringify(key.replace(/:$/, ""));
}
