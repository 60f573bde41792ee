// Identifiers are what they look like. A username, email, supervisor, protected name or template name is a
// key matched against the server and against other files: it may not start or end with white space (Kimai
// trims it, so the file would never match the user it created), may not hold a control, invisible or bidi
// character, and must be in Unicode NFC form (two "josé" that look identical must be the same bytes).
// Free text (alias, title, account number, names) may not hold control or bidi characters either, and is
// compared as Kimai stores it: trimmed.
import { firstNonPrintable, quoted } from "../printable.js";
import type { FileReport } from "./file-report.js";
import { fieldLabel } from "./schema-diagnostics.js";
import type { PathSegment } from "./source-tree.js";

/** White space as Symfony's trim option (StringUtil::trim) strips it: Unicode spaces and controls. */
const EDGE_SPACE = /^[\p{Z}\p{Cc}\s]+|[\p{Z}\p{Cc}\s]+$/gu;
/** In free text: controls, bidi embeddings/overrides/isolates/marks, line and paragraph separators. */
const TEXT_FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

/** Reports what is wrong with an identifier; true when it is usable as written. */
export function checkIdentifier(value: string, path: readonly PathSegment[], report: FileReport): boolean {
  const label = fieldLabel(path);
  const trimmed = value.replace(EDGE_SPACE, "");
  if (trimmed !== value && trimmed !== "") {
    const where = value.startsWith(trimmed) ? "ends" : value.endsWith(trimmed) ? "starts" : "starts and ends";
    report.errorInstead(
      path,
      "identifier.whitespace",
      `${label} ${quoted(value)} ${where} with white space; write ${quoted(trimmed)} (Kimai trims it, so the file would never match the server's user)`,
    );
    return false;
  }
  const hidden = firstNonPrintable(value);
  if (hidden) {
    report.errorInstead(
      path,
      "identifier.invisible",
      `${label} ${quoted(value)} holds the invisible or control character ${hidden.code} at position ${hidden.at + 1}; delete it (it makes names that look alike but are not)`,
    );
    return false;
  }
  const nfc = value.normalize("NFC");
  if (nfc !== value) {
    report.errorInstead(
      path,
      "identifier.not-nfc",
      `${label} ${quoted(value)} is written with combining accents (not Unicode NFC), so it differs from the same name typed elsewhere; retype it, or write "${yamlEscaped(nfc)}"`,
    );
    return false;
  }
  return true;
}

/** Checks free text for control and bidi characters; returns it trimmed as Kimai stores it. */
export function readText(value: string, path: readonly PathSegment[], report: FileReport): string {
  const bad = TEXT_FORBIDDEN.exec(value);
  if (bad) {
    const code = `U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    report.error(
      path,
      "text.control",
      `${fieldLabel(path)} ${quoted(value)} holds the control or text-direction character ${code}; delete it (it can change how the plan reads)`,
    );
  }
  return value.replace(EDGE_SPACE, "");
}

/** The key for comparing identifiers across files and with the server: NFC, case-insensitive. */
export function identityKey(value: string): string {
  return value.normalize("NFC").toLowerCase();
}

/** A YAML double-quoted form with every non-ASCII character as \uXXXX: unambiguous whatever the editor. */
function yamlEscaped(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f) out += c === '"' || c === "\\" ? `\\${c}` : c;
    else if (code <= 0xffff) out += `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
    else out += `\\U${code.toString(16).toUpperCase().padStart(8, "0")}`;
  }
  return out;
}
