// Adds fields to a YAML file and leaves every byte that was there as it was: the yaml package's document API
// finds where each mapping ends, the new lines are spliced into the original text there (re-printing the
// document would re-indent lists, respace comments and refold text).
import { isMap, isNode, isScalar, parseDocument, stringify, type YAMLMap } from "yaml";

export interface Additions {
  text: string;
  /** Dotted paths of fields written. */
  added: string[];
  /** Fields the file already has with another value: kept as the file has them. */
  kept: { path: string; file: unknown; value: unknown }[];
  /** Scalars replaced (`replace`): what the file had, and what it has now. */
  replaced: { path: string; file: unknown; value: unknown }[];
}

interface Splice {
  at: number;
  text: string;
  /** Replaces source[at, end) (default: inserts at `at`). */
  end?: number;
}

/**
 * Adds the keys of `fields` the file's top-level mapping lacks, key by key into mappings it has. `replace`:
 * scalars whose value is replaced where the file has another (written where it has none).
 */
export function addFields(
  source: string,
  fields: Record<string, unknown>,
  comment?: string,
  replace?: Record<string, unknown>,
): Additions {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const result: Additions = { text: source, added: [], kept: [], replaced: [] };
  const splices: Splice[] = [];
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new Error("the file is not a mapping");
  const rest = replace ? replaceScalars(root, replace, [], splices, result) : {};
  const added = replace ? deepMerge(without(fields, replace), rest) : fields;
  merge(source, root, added, [], splices, result, comment);
  let text = source;
  for (const s of splices.sort((a, b) => b.at - a.at))
    text = text.slice(0, s.at) + s.text + text.slice(s.end ?? s.at);
  result.text = text;
  return result;
}

function merge(
  source: string,
  map: YAMLMap | null,
  fields: Record<string, unknown>,
  path: string[],
  splices: Splice[],
  result: Additions,
  comment?: string,
): void {
  const missing: [string, unknown][] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const pair = map?.items.find((p) => (isScalar(p.key) ? String(p.key.value) : undefined) === key);
    if (!pair) {
      missing.push([key, value]);
      continue;
    }
    const here = [...path, key];
    if (isPlainObject(value) && isMap(pair.value)) {
      merge(source, pair.value, value, here, splices, result);
      continue;
    }
    const current: unknown = isNode(pair.value) ? pair.value.toJSON() : pair.value;
    if (!sameValue(current, value)) result.kept.push({ path: here.join("."), file: current, value });
  }
  if (missing.length === 0) return;
  const range = map?.range ?? [source.length, source.length, source.length];
  const block = Object.fromEntries(missing);
  for (const [key] of missing) result.added.push([...path, key].join("."));
  if (map?.flow) {
    // `rates: { hourly: 85 }`: before the closing brace, in JSON (which is YAML flow syntax).
    const end = source.lastIndexOf("}", range[1]);
    const entries = missing.map(([k, v]) => `${flowKey(k)}: ${JSON.stringify(v)}`).join(", ");
    const empty = map.items.length === 0;
    splices.push({ at: end, text: empty ? `${entries} ` : `, ${entries} ` });
    // `{ a: 1 }` + `, b: 2 ` before `}` → `{ a: 1 , b: 2 }`: move the space instead.
    const last = splices[splices.length - 1]!;
    if (!empty && source[end - 1] === " ") {
      last.at = end - 1;
      last.text = `, ${entries}`;
    }
    return;
  }
  const indent = map && map.items.length > 0 ? columnOf(source, range[0]) : path.length * 2;
  const at = path.length === 0 ? source.length : range[1];
  let text = stringify(block, { lineWidth: 0 })
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => " ".repeat(indent) + line)
    .join("\n");
  if (comment) text = text.replace(/^([^\n]*)/, `$1 # ${comment}`);
  const before = at > 0 && source[at - 1] !== "\n" ? "\n" : "";
  splices.push({ at, text: `${before}${text}\n` });
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf("\n", offset - 1) + 1);
}

function flowKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) ? key : JSON.stringify(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  }
  return value;
}

/** Replaces the scalars of `replace` the file has; returns the ones it lacks (to be added). */
function replaceScalars(
  map: YAMLMap | null,
  replace: Record<string, unknown>,
  path: string[],
  splices: Splice[],
  result: Additions,
): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(replace)) {
    const pair = map?.items.find((p) => (isScalar(p.key) ? String(p.key.value) : undefined) === key);
    const node = pair?.value;
    if (isPlainObject(value) && isMap(node)) {
      const inner = replaceScalars(node, value, [...path, key], splices, result);
      if (Object.keys(inner).length > 0) rest[key] = inner;
    } else if (isScalar(node) && node.range && !isPlainObject(value)) {
      if (!sameValue(node.toJSON(), value)) {
        splices.push({ at: node.range[0], text: stringify(value).trim(), end: node.range[1] });
        result.replaced.push({ path: [...path, key].join("."), file: node.toJSON(), value });
      }
    } else if (!pair) {
      rest[key] = value;
    }
  }
  return rest;
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const here = out[key];
    out[key] = isPlainObject(here) && isPlainObject(value) ? deepMerge(here, value) : value;
  }
  return out;
}

/** `fields` without the scalars `replace` names. */
function without(fields: Record<string, unknown>, replace: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const r = replace[key];
    if (r === undefined) out[key] = value;
    else if (isPlainObject(r) && isPlainObject(value)) out[key] = without(value, r);
  }
  return out;
}
