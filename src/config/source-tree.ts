// Where each value of a parsed YAML file sits, so a problem found in the data can point at line:col.
// Both YAML parsers (fast-yaml.ts and the yaml package in parse-yaml.ts) produce this tree.

export interface Pos {
  line: number;
  column: number;
}

export type PathSegment = string | number;

export interface MapEntryNode {
  keyPos: Pos;
  value: SourceNode;
}

export type SourceNode =
  | { kind: "map"; pos: Pos; entries: Map<string, MapEntryNode> }
  | { kind: "seq"; pos: Pos; items: SourceNode[] }
  | { kind: "scalar"; pos: Pos };

/** Where to point for a path: at the value, or (for a mapping entry) at its key. */
export type Target = "value" | "key";

/**
 * The position of the node at `path`; the deepest existing ancestor when the path does not exist
 * (e.g. a missing required field points at its mapping).
 */
export function locate(root: SourceNode, path: readonly PathSegment[], target: Target = "value"): Pos {
  let node = root;
  let keyPos: Pos | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) return node.pos;
    node = next.value;
    keyPos = next.keyPos;
  }
  return target === "key" && keyPos ? keyPos : node.pos;
}

function child(node: SourceNode, segment: PathSegment): { value: SourceNode; keyPos?: Pos } | undefined {
  if (node.kind === "map") return node.entries.get(String(segment));
  if (node.kind === "seq") {
    const index = typeof segment === "number" ? segment : Number(segment);
    const item = Number.isInteger(index) ? node.items[index] : undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}

/** A path for messages: contracts[1].hoursPerWeek */
export function pathLabel(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

/** ajv's instancePath ("/contracts/1/hoursPerWeek") as path segments. */
export function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const path: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return path;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `path` in plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isRecord(current))
      current = Object.hasOwn(current, segment) ? current[String(segment)] : undefined;
    else return undefined;
  }
  return current;
}
