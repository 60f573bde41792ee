// Parses a JSON array as its bytes arrive, one element at a time, so a very large list (100,000 Kimai users
// with nested supervisors: ~700 MB) is never held as one string (V8 refuses strings over ~512 MB) and each
// element can be slimmed down before the next is read.
//
// The result equals JSON.parse of the whole text: the scanner only finds where each top-level element
// starts and ends; JSON.parse validates every element. Anything that is not an array falls back to one
// JSON.parse of the whole text; anything invalid gives `undefined`, as a failed JSON.parse does here.
//
// With a `Slim` (one key of object elements whose object value is cut down to a few fields), the result
// equals `slimmed(JSON.parse(text))`, but a value seen before is not parsed again: the scanner compares the
// bytes after `"key":` with the values it already parsed (a cache keyed by their first bytes) and puts the
// cut-down value's text in their place. A byte-equal value is the same valid JSON value, so the element
// stays valid or invalid exactly as before; values seen for the first time are parsed once (JSON.parse
// validates them). Kimai lists repeat each user's whole supervisor chain inside every user: with this,
// each supervisor is parsed once per list instead of once per subordinate and level.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

class Invalid extends Error {}

const enum Phase {
  /** Before the opening bracket (whitespace and a BOM allowed). */
  Start,
  /** Right after "[": an element or "]". */
  First,
  /** Inside an element. */
  Element,
  /** After an element: "," or "]". */
  After,
  /** After ",": an element. */
  Next,
  /** After the closing "]": whitespace only. */
  Done,
  /** Not an array: the whole text is collected and parsed at the end. */
  Other,
  /** Malformed: the rest is read and ignored. */
  Broken,
}

/** Object elements: the value of `key`, when it is an object, is cut down to the `keep` fields it has. */
export interface Slim {
  key: string;
  keep: readonly string[];
}

/** What the slimming did (for tests and profiles). */
export interface SlimStats {
  /** Values replaced by a byte comparison with one parsed before. */
  hits: number;
  /** Values parsed (first seen, or not in the cache). */
  misses: number;
}

interface CachedValue {
  bytes: Buffer;
  replacement: Buffer | undefined;
}

/** The cache keeps at most this many bytes of values (then starts over). */
const CACHE_BYTES = 64 * 1024 * 1024;
/** Cache key: the value's bytes up to its first comma, at most this long. */
const KEY_BYTES = 64;

export type JsonArrayResult<T> = { array: true; items: T[] } | { array: false; value: unknown };

/**
 * Feed it the body's chunks, then call `end()`. `item` receives each element (parsed) and its index; what
 * it returns is kept. An error thrown by `item` is rethrown by `end()` once the whole body proved valid.
 */
export class JsonArrayParser<T> {
  private phase = Phase.Start;
  private readonly items: T[] = [];
  private index = 0;
  private itemError: { error: unknown } | undefined;
  /** Chunks of the current element (or of the whole body in Phase.Other). */
  private pieces: Uint8Array[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;
  private bomChecked = false;
  /** The element is an object (only those are slimmed). */
  private objectElement = false;
  /** While the slimmed key's value is being scanned: where its pieces start. */
  private spanFrom = -1;
  /** A cached value whose bytes matched up to the end of the last chunk. */
  private pending: { entry: CachedValue; matched: number } | undefined;
  private readonly keyBytes: Buffer | undefined;
  private readonly cache = new Map<string, CachedValue>();
  private cacheBytes = 0;
  readonly stats: SlimStats = { hits: 0, misses: 0 };

  constructor(
    private readonly item: (value: unknown, index: number) => T,
    private readonly slim?: Slim,
  ) {
    this.keyBytes = slim ? Buffer.from(JSON.stringify(slim.key), "utf8") : undefined;
  }

  write(chunk: Uint8Array): void {
    if (this.phase === Phase.Broken) return;
    if (this.phase === Phase.Other) {
      this.pieces.push(chunk);
      return;
    }
    try {
      this.scan(chunk);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      this.phase = Phase.Broken;
      this.pieces = [];
    }
  }

  end(): JsonArrayResult<T> {
    if (this.phase === Phase.Other) {
      return { array: false, value: parseOrUndefined(decode(this.pieces)) };
    }
    if (this.phase === Phase.Start && this.pieces.length === 0) return { array: false, value: undefined };
    if (this.phase !== Phase.Done) return { array: false, value: undefined };
    if (this.itemError) throw this.itemError.error;
    return { array: true, items: this.items };
  }

  private scan(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    if (!this.bomChecked && this.phase === Phase.Start) {
      this.bomChecked = true;
      if (n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    // Where the current element starts in this chunk (elements may span chunks).
    let start = this.phase === Phase.Element ? 0 : -1;
    let nextBackslash = -2; // lazily found; -1 = none left in this chunk
    if (this.pending) {
      const { entry, matched } = this.pending;
      const rest = entry.bytes.length - matched;
      const length = Math.min(rest, n);
      if (sameBytes(chunk, 0, entry.bytes, matched, length)) {
        if (length < rest) {
          this.pending.matched += length;
          return;
        }
        this.pending = undefined;
        this.replaceSpan(entry);
        start = i = length;
      } else {
        // Not the cached value after all: scan the bytes that matched as they are, then go on here.
        this.pending = undefined;
        this.scan(entry.bytes.subarray(0, matched));
        nextBackslash = -2;
      }
    }
    while (i < n) {
      if (this.phase === Phase.Element) {
        if (this.inString) {
          if (this.escaped) {
            this.escaped = false;
            i++;
            continue;
          }
          const quote = indexOf(chunk, QUOTE, i);
          if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = indexOf(chunk, BACKSLASH, i);
          if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
            this.escaped = true;
            i = nextBackslash + 1;
            continue;
          }
          if (quote === -1) break; // the string goes on in the next chunk
          i = quote + 1;
          this.inString = false;
          if (this.depth === 0) this.finish(chunk, start, i);
          continue;
        }
        const c = chunk[i] as number;
        if (this.primitive) {
          if (isSpace(c) || c === COMMA || c === CLOSE_BRACKET) {
            this.finish(chunk, start, i);
            continue; // the same byte again, now after the element
          }
          i++;
          continue;
        }
        if (c === QUOTE && this.depth === 1 && this.objectElement && this.keyBytes) {
          const at = this.valueAfterKey(chunk, i);
          if (at >= 0) {
            this.pieces.push(chunk.subarray(start < 0 ? 0 : start, at));
            this.spanFrom = this.pieces.length;
            start = i = at;
            const found = this.lookUp(chunk, at);
            if (found === undefined) continue; // scanned as usual from its "{"
            if (at + found.bytes.length > n) {
              this.pending = { entry: found, matched: n - at };
              return;
            }
            this.replaceSpan(found);
            start = i = at + found.bytes.length;
            continue;
          }
        }
        i++;
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.depth--;
          if (this.depth === 0) this.finish(chunk, start, i);
          else if (this.depth === 1 && this.spanFrom >= 0) {
            this.pieces.push(chunk.subarray(start < 0 ? 0 : start, i));
            this.endSpan();
            start = i;
          }
        }
        continue;
      }

      const c = chunk[i] as number;
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (this.phase) {
        case Phase.Start:
          if (c !== OPEN_BRACKET) {
            this.phase = Phase.Other;
            this.pieces.push(chunk.subarray(i));
            return;
          }
          this.phase = Phase.First;
          i++;
          break;
        case Phase.First:
        case Phase.Next:
          if (c === CLOSE_BRACKET && this.phase === Phase.First) {
            this.phase = Phase.Done;
            i++;
            break;
          }
          if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === 0x3a) throw new Invalid();
          this.phase = Phase.Element;
          start = i;
          this.pieces = [];
          this.depth = 0;
          this.inString = false;
          this.escaped = false;
          this.primitive = false;
          this.objectElement = c === OPEN_BRACE;
          this.spanFrom = -1;
          if (c === QUOTE) this.inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
          else this.primitive = true;
          i++;
          break;
        case Phase.After:
          if (c === COMMA) this.phase = Phase.Next;
          else if (c === CLOSE_BRACKET) this.phase = Phase.Done;
          else throw new Invalid();
          i++;
          break;
        default:
          throw new Invalid(); // Phase.Done: something after the closing bracket
      }
    }
    if (this.phase === Phase.Element) this.pieces.push(chunk.subarray(start < 0 ? 0 : start));
  }

  private finish(chunk: Uint8Array, start: number, end: number): void {
    this.pieces.push(chunk.subarray(start < 0 ? 0 : start, end));
    const text = decode(this.pieces);
    this.pieces = [];
    this.phase = Phase.After;
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw new Invalid();
    }
    // Also where the scanner did not cut (an escaped key, a key split between chunks): same result.
    if (this.slim) slimmed(value, this.slim);
    const index = this.index++;
    if (this.itemError) return;
    try {
      this.items.push(this.item(value, index));
    } catch (error) {
      this.itemError = { error };
    }
  }

  /** After `"key"` at `at` (depth 1): where its value starts if that is an object in this chunk, else -1. */
  private valueAfterKey(chunk: Uint8Array, at: number): number {
    const key = this.keyBytes!;
    const n = chunk.length;
    if (at + key.length > n || !sameBytes(chunk, at, key, 0, key.length)) return -1;
    let i = at + key.length;
    while (i < n && isSpace(chunk[i] as number)) i++;
    if (i >= n || chunk[i] !== 0x3a) return -1;
    i++;
    while (i < n && isSpace(chunk[i] as number)) i++;
    return i < n && chunk[i] === OPEN_BRACE ? i : -1;
  }

  /** A cached value whose bytes start the chunk at `at` (as far as the chunk goes). */
  private lookUp(chunk: Uint8Array, at: number): CachedValue | undefined {
    const head = cacheKey(chunk, at, false);
    const entry = head === undefined ? undefined : this.cache.get(head);
    if (entry === undefined) return undefined;
    const length = Math.min(entry.bytes.length, chunk.length - at);
    return sameBytes(chunk, at, entry.bytes, 0, length) ? entry : undefined;
  }

  /** The value just scanned (pieces from spanFrom): parsed, cut down, cached, replaced. */
  private endSpan(): void {
    const bytes = Buffer.concat(this.pieces.slice(this.spanFrom));
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString("utf8")) as unknown;
    } catch {
      throw new Invalid(); // not a valid value, so not a valid element either
    }
    const entry: CachedValue = { bytes, replacement: replacementFor(value, this.slim!) };
    this.stats.misses++;
    const head = cacheKey(bytes, 0, true)!;
    if (this.cacheBytes + bytes.length > CACHE_BYTES) {
      this.cache.clear();
      this.cacheBytes = 0;
    }
    this.cacheBytes += bytes.length - (this.cache.get(head)?.bytes.length ?? 0);
    this.cache.set(head, entry);
    this.pieces.length = this.spanFrom;
    this.pieces.push(entry.replacement ?? bytes);
    this.spanFrom = -1;
  }

  /** The value equals a cached one: its replacement goes in its place. */
  private replaceSpan(entry: CachedValue): void {
    this.stats.hits++;
    this.pieces.length = this.spanFrom;
    this.pieces.push(entry.replacement ?? entry.bytes);
    this.spanFrom = -1;
  }
}

/** Cuts the key's object value down to the kept fields it has (in place). */
function slimmed(value: unknown, slim: Slim): void {
  if (!isObject(value) || !Object.hasOwn(value, slim.key)) return;
  const inner = value[slim.key];
  if (isObject(inner)) value[slim.key] = picked(inner, slim.keep);
}

function picked(value: Record<string, unknown>, keep: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keep) if (Object.hasOwn(value, k)) out[k] = value[k];
  return out;
}

/** The cut-down value as JSON text that parses back to the same value (undefined: keep the bytes). */
function replacementFor(value: unknown, slim: Slim): Buffer | undefined {
  if (!isObject(value)) return undefined;
  const kept = picked(value, slim.keep);
  if (hasNegativeZero(kept)) return undefined; // JSON.stringify(-0) is "0"; the element's slimming does it
  return Buffer.from(JSON.stringify(kept), "utf8");
}

function hasNegativeZero(value: unknown): boolean {
  if (Object.is(value, -0)) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(hasNegativeZero);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The bytes at `at` up to and with the first comma (at most KEY_BYTES). From a chunk (`whole` false) a key
 * is only given when it is complete there; from a whole value, what there is.
 */
function cacheKey(bytes: Uint8Array, at: number, whole: boolean): string | undefined {
  const limit = Math.min(bytes.length, at + KEY_BYTES);
  const comma = indexOf(bytes.subarray(0, limit), COMMA, at);
  if (comma === -1 && !whole && limit - at < KEY_BYTES) return undefined; // the chunk ends first
  const end = comma === -1 ? limit : comma + 1;
  return Buffer.from(bytes.buffer, bytes.byteOffset + at, end - at).toString("latin1");
}

/** a[at, at + length) equals b[from, from + length). */
function sameBytes(a: Uint8Array, at: number, b: Buffer, from: number, length: number): boolean {
  if (length <= 16) {
    for (let k = 0; k < length; k++) if (a[at + k] !== b[from + k]) return false;
    return true;
  }
  return b.compare(a, at, at + length, from, from + length) === 0;
}

function indexOf(chunk: Uint8Array, byte: number, from: number): number {
  return Buffer.prototype.indexOf.call(chunk, byte, from);
}

function decode(pieces: readonly Uint8Array[]): string {
  if (pieces.length === 1)
    return Buffer.from(pieces[0]!.buffer, pieces[0]!.byteOffset, pieces[0]!.length).toString("utf8");
  return Buffer.concat(pieces).toString("utf8");
}

function parseOrUndefined(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
