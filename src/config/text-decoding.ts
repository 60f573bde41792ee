// Bytes → text: strict UTF-8 (with the position of the first bad byte), BOM and CRLF tolerated with a warning.
import type { Diagnostic } from "../core/diagnostics.js";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export interface Decoded {
  text?: string;
  diagnostics: Diagnostic[];
}

export function decodeSource(bytes: Uint8Array, file: string): Decoded {
  const diagnostics: Diagnostic[] = [];
  const diag = (
    line: number,
    column: number,
    code: string,
    message: string,
    severity: Diagnostic["severity"],
  ) => diagnostics.push({ file, line, column, code, message, severity });

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    diag(0, 0, "file.encoding", "the file is UTF-16; save it as UTF-8", "error");
    return { diagnostics };
  }
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    diag(
      1,
      1,
      "file.bom",
      "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
      "warning",
    );
    body = bytes.subarray(3);
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    const offset = firstInvalidUtf8(body);
    const { line, column } = bytePosition(body, Math.max(offset, 0));
    const byte = (body[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    diag(
      line,
      column,
      "file.encoding",
      `the file is not valid UTF-8 (byte 0x${byte}); save it as UTF-8 (it looks like Latin-1 or Windows-1252)`,
      "error",
    );
    return { diagnostics };
  }
  if (text.includes("\r\n")) {
    diag(
      0,
      0,
      "file.crlf",
      "the file has Windows line endings (CRLF); it is read as is, but save it with LF endings (git: core.autocrlf=input)",
      "warning",
    );
    text = text.replace(/\r\n/g, "\n");
  }
  return { text, diagnostics };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
