// The one redaction layer: every text that reaches an output, a log, a plan file or a JSON result passes here.
// Known secrets (tokens, generated passwords, credential headers) and the secret parts of any URL (userinfo,
// query, fragment) become [redacted]. Secrets are registered where they are born, never passed around.
import type { Io } from "./io.js";

export const REDACTED = "[redacted]";

/** Shorter strings are too common to mask without mangling ordinary text (and no real token is that short). */
const MIN_SECRET_LENGTH = 4;

const secrets = new Set<string>();
/** Longest first, so that a secret containing another is masked whole. */
let ordered: string[] = [];

/** Remembers a secret (and the forms it takes when echoed as JSON or in a URL) for every later redact(). */
export function registerSecret(secret: string | undefined): void {
  if (!secret) return;
  const forms = new Set([secret, secret.trim(), JSON.stringify(secret).slice(1, -1)]);
  try {
    forms.add(encodeURIComponent(secret));
  } catch {
    // a lone surrogate: no URL form
  }
  let added = false;
  for (const form of forms) {
    if (form.length < MIN_SECRET_LENGTH || secrets.has(form)) continue;
    secrets.add(form);
    added = true;
  }
  if (added) ordered = [...secrets].sort((a, b) => b.length - a.length);
}

/** scheme://[userinfo@]rest[?query][#fragment], as URLs appear inside any text. */
const URL_IN_TEXT =
  /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@"'<>`]*@)?([^\s?#"'<>`]*)(\?[^\s#"'<>`]*)?(#[^\s"'<>`]*)?/gi;

/** The text with every known secret and every URL's userinfo, query and fragment replaced by [redacted]. */
export function redact(text: string): string {
  let out = text;
  for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  if (!out.includes("://")) return out;
  return out.replace(
    URL_IN_TEXT,
    (_m, scheme: string, userinfo: string | undefined, rest: string, query?: string, fragment?: string) =>
      `${scheme}${userinfo ? `${REDACTED}@` : ""}${rest}${query && query.length > 1 ? `?${REDACTED}` : ""}${fragment && fragment.length > 1 ? `#${REDACTED}` : ""}`,
  );
}

/** Header names whose values are credentials. */
export function isCredentialHeader(name: string): boolean {
  return /auth|token|key|secret|cookie|password/i.test(name);
}

/** The same Io with stdout and stderr passed through redact(): what the CLI hands to every command. */
export function redactingIo(io: Io): Io {
  return { ...io, stdout: (t) => io.stdout(redact(t)), stderr: (t) => io.stderr(redact(t)) };
}
