// Secrets come only from the environment: NAME itself, or a file named by NAME_FILE (Docker/Kubernetes secrets).
// Both are trimmed the same way, checked to be sendable as an HTTP header, and registered for redaction.
import { readFileSync } from "node:fs";
import { RosterformError } from "./errors.js";
import { registerSecret } from "./redact.js";

/** The secret, or undefined when neither NAME nor NAME_FILE is set. `what` names it in errors ("API token"). */
export function secretFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  what: string,
): string | undefined {
  const direct = env[name];
  if (direct !== undefined && direct !== "") {
    registerSecret(direct);
    const secret = direct.trim();
    if (!secret) throw new RosterformError(`${name} holds only whitespace: set it to the ${what}`);
    return checked(secret, name, what);
  }
  const file = env[`${name}_FILE`];
  if (!file) return undefined;
  let secret: string;
  try {
    const text = readFileSync(file, "utf8");
    registerSecret(text);
    secret = text.trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RosterformError(
      `${name}_FILE names ${file}, which cannot be read (${code === "ENOENT" ? "no such file" : (code ?? "error")}): point it at the file holding the ${what}, or set ${name} instead`,
    );
  }
  if (!secret) throw new RosterformError(`${name}_FILE ${file} is empty: put the ${what} in it`);
  return checked(secret, `${name}_FILE ${file}`, what);
}

/** A header value may hold only visible ASCII and inner spaces; anything else is a paste accident. */
function checked(secret: string, where: string, what: string): string {
  registerSecret(secret);
  const chars = [...secret];
  const bad = chars.findIndex((c) => c < " " || c > "~");
  if (bad >= 0) {
    const code = chars[bad]?.codePointAt(0) ?? 0;
    throw new RosterformError(
      `${where}: the ${what} contains ${code < 0x20 || code === 0x7f ? "a control character" : "a non-ASCII character"} (U+${code.toString(16).toUpperCase().padStart(4, "0")} at position ${bad + 1}): copy the ${what} again, without line breaks or typographic characters`,
    );
  }
  return secret;
}
