// Parses a JSON array as its bytes arrive, one element at a time, so a very large list (100,000 Kimai users
// with nested supervisors: ~700 MB) is never held as one string (V8 refuses strings over ~512 MB) and each
// element can be slimmed down before the next is read.
//
// The result equals JSON.parse of the whole text: the scanner only finds where each top-level element
// starts and ends; JSON.parse validates every element. Anything that is not an array falls back to one
// JSON.parse of the whole text; anything invalid gives `undefined`, as a failed JSON.parse does here.

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

  constructor(private readonly item: (value: unknown, index: number) => T) {}

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
        i++;
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.depth--;
          if (this.depth === 0) this.finish(chunk, start, i);
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
    const index = this.index++;
    if (this.itemError) return;
    try {
      this.items.push(this.item(value, index));
    } catch (error) {
      this.itemError = { error };
    }
  }
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
