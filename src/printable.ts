// The one escaping helper: any value a person or a server wrote, before it reaches a terminal or a text or
// Markdown plan. A control character could erase or forge a line of the printed plan; an invisible or bidi
// character could make two names look alike. Each such character is shown as \u{XXXX}; the rest is unchanged.

/**
 * Characters that print nothing visible or move the cursor: C0/C1 controls and DEL (Cc), format characters
 * (Cf: zero-width spaces and joiners, bidi embeddings, overrides and isolates, LRM/RLM, the BOM, soft hyphen),
 * line and paragraph separators, and every space but the plain one (U+00A0, U+2007, U+3000...).
 */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]|(?![ ])\p{Zs}/gu;

export function printable(text: string): string {
  NON_PRINTABLE.lastIndex = 0;
  if (!NON_PRINTABLE.test(text)) return text;
  return text.replace(NON_PRINTABLE, (c) => `\\u{${codePointHex(c)}}`);
}

/** "text" in double quotes, escaped for printing (the form messages use to echo a value). */
export function quoted(text: string): string {
  return `"${printable(text)}"`;
}

/** The first non-printable character of `text`, e.g. { at: 4, code: "U+200B" }; undefined when there is none. */
export function firstNonPrintable(text: string): { at: number; code: string } | undefined {
  NON_PRINTABLE.lastIndex = 0;
  const match = NON_PRINTABLE.exec(text);
  if (!match) return undefined;
  return { at: [...text.slice(0, match.index)].length, code: `U+${codePointHex(match[0]).toUpperCase()}` };
}

function codePointHex(c: string): string {
  return (c.codePointAt(0) ?? 0).toString(16).padStart(4, "0");
}
