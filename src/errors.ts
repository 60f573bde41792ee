// Runtime failures are typed errors, caught once in the CLI. Anything else is a bug and keeps its stack.
import type { Diagnostic } from "./core/diagnostics.js";
import { redact } from "./redact.js";

/** A failure the user can act on: printed as one line (plus hints), never with a stack. */
export class RosterformError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
    readonly hints: readonly string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The configuration is invalid: every diagnostic, nothing sent. */
export class ConfigError extends RosterformError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(
      `configuration has ${diagnostics.filter((d) => d.severity === "error").length} error(s); nothing was sent`,
    );
  }
}

/** The plan cannot be made: each reason is a separate line (missing permission, missing plugin...). */
export class PlanError extends RosterformError {
  constructor(
    readonly target: string,
    readonly reasons: readonly string[],
  ) {
    super(`${target}: cannot plan; nothing was sent:\n${reasons.map((r) => `  - ${r}`).join("\n")}`);
  }
}

/** A safety check refused: exit 3. */
export class RefusedError extends RosterformError {
  constructor(message: string, hints: readonly string[] = []) {
    super(message, 3, hints);
  }
}

/** The server answered with an error status. */
export class HttpError extends RosterformError {
  /** Whether the client counted it as "try later" (then a create or archive checks before repeating). */
  retryable = false;
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
    hints: readonly string[] = [],
    /** The Retry-After header, when the server sent one. */
    readonly retryAfter?: string,
  ) {
    super(`${method} ${path} answered ${status}${summarizeBody(body)}`, 1, hints.map(redact));
  }
}

/** The server answered, but not with what its API sends (invalid JSON, a different shape): a wrong URL, a proxy
 * page, or an incompatible version. */
export class UnexpectedAnswerError extends RosterformError {
  constructor(message: string) {
    super(`${message}: is the URL right, and the server the version rosterform supports?`);
  }
}

/** No answer: connection refused or dropped, DNS failure, timeout. The request may or may not have been performed. */
export class NetworkError extends RosterformError {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly reason: string,
    hints: readonly string[] = [],
  ) {
    super(redact(`${method} ${path}: ${reason}`), 1, hints);
  }
}

/** The start of an error body, on one line, without secrets. */
function summarizeBody(body: string): string {
  const text = redact(body).replace(/\s+/g, " ").trim();
  if (!text) return "";
  return `: ${text.length > 500 ? `${text.slice(0, 500)}…` : text}`;
}
