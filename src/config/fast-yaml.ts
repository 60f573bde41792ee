// A fast parser for the plain YAML that user files are made of: block mappings and lists, one-line flow
// collections, plain and simple quoted scalars, comments. The `yaml` package needs ~150 µs per small file,
// too slow for 10,000 files in a second; this needs a few µs. It returns undefined for anything outside
// its subset (anchors, tags, block scalars, escapes, multi-line scalars, duplicate or forbidden keys, odd
// numbers, errors of any kind), and the caller then uses the complete parser. On what it accepts it gives
// exactly the data and positions the `yaml` package gives (YAML 1.2 core schema); test/config/fast-yaml
// checks that property on random documents.
import type { MapEntryNode, Pos, SourceNode } from "./source-tree.js";
import { FORBIDDEN_KEYS } from "./parse-yaml.js";

export interface FastParsed {
  data: Record<string, unknown>;
  /** Only with `positions: true`; most files never need one, and building it is most of the cost. */
  tree?: SourceNode;
}

/** Stands for every node when positions are not tracked. */
const NO_NODE: SourceNode = { kind: "scalar", pos: { line: 0, column: 0 } };

interface Line {
  indent: number;
  text: string;
  line: number;
}

interface Parsed {
  value: unknown;
  node: SourceNode;
}

class Unsupported extends Error {}
const unsupported = new Unsupported();
function bail(): never {
  throw unsupported;
}

// Control characters, BOM, line/paragraph separators, and NEL: leave them to the complete parser.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const AWKWARD_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF\u2028\u2029]/;
const WORDS: ReadonlyMap<string, null | boolean> = new Map<string, null | boolean>([
  ["~", null],
  ["null", null],
  ["Null", null],
  ["NULL", null],
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["False", false],
  ["FALSE", false],
]);
const SIMPLE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const SIMPLE_FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
// Any other spelling the core schema reads as a number (0o17, 0x1f, 1e3, .5, +1, 007, .inf, .nan…).
const OTHER_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const PLAIN_START_FORBIDDEN = new Set([..."[]{},#&*!|>'\"%@`"]);

export function fastParseYaml(text: string, options: { positions?: boolean } = {}): FastParsed | undefined {
  const track = options.positions ?? true;
  if (AWKWARD_CHARS.test(text) || text.includes("\t")) return undefined;
  const lines: Line[] = [];
  const raw = text.split("\n");
  for (let i = 0; i < raw.length; i++) {
    const lineText = raw[i] ?? "";
    let indent = 0;
    while (lineText.charCodeAt(indent) === 32) indent++;
    const rest = lineText.slice(indent);
    if (rest === "" || rest.startsWith("#")) continue;
    if (indent === 0 && (rest.startsWith("---") || rest.startsWith("...") || rest.startsWith("%")))
      return undefined;
    lines.push({ indent, text: rest, line: i + 1 });
  }
  const first = lines[0];
  if (!first || first.indent !== 0 || isSeqItem(first.text)) return undefined;
  try {
    const parser = new BlockParser(lines, track);
    const root = parser.mapping(0);
    if (parser.index < lines.length) return undefined;
    const data = root.value as Record<string, unknown>;
    return track ? { data, tree: root.node } : { data };
  } catch (error) {
    // RangeError: nesting deep enough to exhaust the stack; the complete parser reports it.
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

function isSeqItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

class BlockParser {
  index = 0;
  constructor(
    private readonly lines: Line[],
    private readonly track: boolean,
  ) {}

  private block(indent: number): Parsed {
    const line = this.lines[this.index];
    if (!line) return bail();
    return isSeqItem(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  mapping(indent: number): Parsed {
    const start = this.lines[this.index];
    if (!start) return bail();
    const data: Record<string, unknown> = {};
    const entries: Map<string, MapEntryNode> | undefined = this.track ? new Map() : undefined;
    while (this.index < this.lines.length) {
      const line = this.lines[this.index] as Line;
      if (line.indent < indent) break;
      if (line.indent > indent || isSeqItem(line.text)) bail();
      const keyLength = plainKeyLength(line.text, 0);
      const key = keyLength > 0 ? line.text.slice(0, keyLength) : "";
      if (key === "" || !isPlainKey(key) || Object.hasOwn(data, key)) bail();
      const keyPos: Pos = this.track ? { line: line.line, column: indent + 1 } : NO_NODE.pos;
      const rest = line.text.slice(key.length + 1);
      const spaces = countSpaces(rest);
      const valueText = rest.slice(spaces);
      let parsed: Parsed;
      if (valueText === "" || valueText.startsWith("#")) {
        this.index++;
        const next = this.lines[this.index];
        if (next && next.indent > indent) parsed = this.block(next.indent);
        else if (next && next.indent === indent && isSeqItem(next.text)) parsed = this.sequence(indent);
        else parsed = { value: null, node: this.track ? { kind: "scalar", pos: keyPos } : NO_NODE };
      } else {
        parsed = inlineValue(valueText, line.line, indent + key.length + 1 + spaces + 1, this.track);
        this.index++;
        const next = this.lines[this.index];
        if (next && next.indent > indent) bail(); // a continued scalar or a syntax error
      }
      data[key] = parsed.value;
      entries?.set(key, { keyPos, value: parsed.node });
    }
    if (!entries) return { value: data, node: NO_NODE };
    return { value: data, node: { kind: "map", pos: { line: start.line, column: indent + 1 }, entries } };
  }

  private sequence(indent: number): Parsed {
    const start = this.lines[this.index];
    if (!start) return bail();
    const values: unknown[] = [];
    const items: SourceNode[] = [];
    while (this.index < this.lines.length) {
      const line = this.lines[this.index] as Line;
      if (line.indent < indent || (line.indent === indent && !isSeqItem(line.text))) break;
      if (line.indent > indent) bail();
      const after = line.text.slice(1);
      const spaces = countSpaces(after);
      const content = after.slice(spaces);
      const column = indent + 1 + spaces + 1;
      if (content === "" || content.startsWith("#") || isSeqItem(content)) bail();
      let parsed: Parsed;
      if (plainKeyLength(content, 0) > 0) {
        // "- key: value" opens a mapping whose keys line up with this first key.
        this.lines[this.index] = { indent: column - 1, text: content, line: line.line };
        parsed = this.mapping(column - 1);
      } else {
        parsed = inlineValue(content, line.line, column, this.track);
        this.index++;
        const next = this.lines[this.index];
        if (next && next.indent > indent) bail();
      }
      values.push(parsed.value);
      if (this.track) items.push(parsed.node);
    }
    if (!this.track) return { value: values, node: NO_NODE };
    return { value: values, node: { kind: "seq", pos: { line: start.line, column: indent + 1 }, items } };
  }
}

/** A key that the core schema reads as this very string, and that is safe as an object key. */
function isPlainKey(key: string): boolean {
  return key.length <= 1000 && !FORBIDDEN_KEYS.has(key) && !WORDS.has(key);
}

function countSpaces(s: string): number {
  let n = 0;
  while (s.charCodeAt(n) === 32) n++;
  return n;
}

/** A value written on the rest of a line (comments allowed after it). `column` is 1-based. */
function inlineValue(text: string, line: number, column: number, track: boolean): Parsed {
  const first = text[0];
  if (first === '"' || first === "'") {
    const end = text.indexOf(first, 1);
    if (end < 0) bail();
    const content = text.slice(1, end);
    if (first === '"' && content.includes("\\")) bail();
    if (first === "'" && text[end + 1] === "'") bail();
    expectLineEnd(text.slice(end + 1));
    return { value: content, node: track ? { kind: "scalar", pos: { line, column } } : NO_NODE };
  }
  if (first === "[" || first === "{") {
    const flow = new FlowParser(text, line, column, track);
    const parsed = first === "[" ? flow.sequence() : flow.mapping();
    expectLineEnd(text.slice(flow.index));
    return parsed;
  }
  const value = plainScalar(blockPlainText(text));
  return { value, node: track ? { kind: "scalar", pos: { line, column } } : NO_NODE };
}

/** Only spaces and an optional comment may follow a value. */
function expectLineEnd(rest: string): void {
  if (rest === "" || /^ +(?:#.*)?$/.test(rest)) return;
  bail();
}

function blockPlainText(text: string): string {
  const first = text[0] ?? "";
  if (PLAIN_START_FORBIDDEN.has(first)) bail();
  if (first === "?" || first === ":" || (first === "-" && (text.length === 1 || text[1] === " "))) bail();
  const comment = text.indexOf(" #");
  const value = (comment < 0 ? text : text.slice(0, comment)).trimEnd();
  if (value.includes(": ") || value.endsWith(":")) bail();
  return value;
}

/** YAML 1.2 core schema resolution of a plain scalar; odd numeric spellings go to the complete parser. */
function plainScalar(text: string): unknown {
  const word = WORDS.get(text);
  if (word !== undefined) return word;
  const c = text.charCodeAt(0);
  // Only text starting with a digit, sign or dot can be a number in the core schema.
  const numeric = (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
  if (!numeric) return text;
  if (SIMPLE_INT.test(text) || SIMPLE_FLOAT.test(text)) return Number(text);
  if (OTHER_NUMBER.test(text)) bail();
  return text;
}

/**
 * The length of a plain key `[A-Za-z_][A-Za-z0-9_.-]*` at `start` that is followed by ":" and then a space
 * or the end of the text; 0 when there is none.
 */
function plainKeyLength(text: string, start: number): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    const other = (c >= 48 && c <= 57) || c === 46 || c === 45;
    if (letter || (other && i > start)) continue;
    break;
  }
  if (i === start || text.charCodeAt(i) !== 58) return 0;
  const after = text.charCodeAt(i + 1);
  return after === 32 || Number.isNaN(after) ? i - start : 0;
}

/** One-line flow collections of scalars: [a, "b", 'c'] and { key: value, other: 8h }. No nesting. */
class FlowParser {
  index = 1;
  constructor(
    private readonly text: string,
    private readonly line: number,
    private readonly column: number,
    private readonly track: boolean,
  ) {}

  sequence(): Parsed {
    const values: unknown[] = [];
    const items: SourceNode[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.text[this.index] === "]") break;
      const item = this.scalar("]");
      values.push(item.value);
      if (this.track) items.push(item.node);
      if (this.separator("]")) break;
    }
    this.index++;
    if (!this.track) return { value: values, node: NO_NODE };
    return { value: values, node: { kind: "seq", pos: { line: this.line, column: this.column }, items } };
  }

  mapping(): Parsed {
    const data: Record<string, unknown> = {};
    const entries: Map<string, MapEntryNode> | undefined = this.track ? new Map() : undefined;
    for (;;) {
      this.skipSpaces();
      if (this.text[this.index] === "}") break;
      const keyLength = plainKeyLength(this.text, this.index);
      if (keyLength <= 0 || this.text.charCodeAt(this.index + keyLength + 1) !== 32) bail();
      const key = this.text.slice(this.index, this.index + keyLength);
      if (!isPlainKey(key) || Object.hasOwn(data, key)) bail();
      const keyPos = this.track ? { line: this.line, column: this.column + this.index } : NO_NODE.pos;
      this.index += key.length + 1;
      this.skipSpaces();
      const value = this.scalar("}");
      data[key] = value.value;
      entries?.set(key, { keyPos, value: value.node });
      if (this.separator("}")) break;
    }
    this.index++;
    if (!entries) return { value: data, node: NO_NODE };
    return { value: data, node: { kind: "map", pos: { line: this.line, column: this.column }, entries } };
  }

  /** After an item: true at the closing bracket, false after a comma. */
  private separator(close: string): boolean {
    this.skipSpaces();
    const c = this.text[this.index];
    if (c === close) return true;
    if (c !== ",") bail();
    this.index++;
    return false;
  }

  private scalar(close: string): Parsed {
    const pos = this.track ? { line: this.line, column: this.column + this.index } : NO_NODE.pos;
    const first = this.text[this.index];
    if (first === '"' || first === "'") {
      const end = this.text.indexOf(first, this.index + 1);
      if (end < 0) bail();
      const content = this.text.slice(this.index + 1, end);
      if (first === '"' && content.includes("\\")) bail();
      if (first === "'" && this.text[end + 1] === "'") bail();
      this.index = end + 1;
      return { value: content, node: this.track ? { kind: "scalar", pos } : NO_NODE };
    }
    let end = this.index;
    while (end < this.text.length && this.text[end] !== "," && this.text[end] !== close) end++;
    if (end >= this.text.length) bail();
    const raw = this.text.slice(this.index, end).trimEnd();
    if (raw === "" || /[[\]{}#:"'`]/.test(raw) || PLAIN_START_FORBIDDEN.has(raw[0] ?? "")) bail();
    if (raw[0] === "?" || (raw[0] === "-" && (raw.length === 1 || raw[1] === " "))) bail();
    this.index = end;
    return { value: plainScalar(raw), node: this.track ? { kind: "scalar", pos } : NO_NODE };
  }

  private skipSpaces(): void {
    while (this.text[this.index] === " ") this.index++;
  }
}
