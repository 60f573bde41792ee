// Log of the provider API requests (GET /__sandbox/requests). Credentials never enter it: headers are
// not recorded at all, and password-like body fields are masked.

import { tryParseJson } from "./json.js";

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (redacted), the raw text when it is not JSON, or null when empty. */
  body: unknown;
  /** Status sent, or null when no response was sent (reset, hang, commitThenReset). */
  status: number | null;
  /** The fault action applied to this request, if any. */
  fault?: string;
}

export const REDACTED = "[redacted]";

/** Keys whose values are secrets, compared after lower-casing and removing "_" and "-". */
const SECRET_KEYS = new Set([
  "plainpassword",
  "password",
  "plainapitoken",
  "apitoken",
  "apipassword",
  "token",
]);

function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[_-]/g, ""));
}

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = isSecretKey(key) ? REDACTED : redact(v);
    return out;
  }
  return value;
}

/** Masks `"plainPassword": "..."`-like pairs in text that is not valid JSON. */
function redactText(text: string): string {
  return text.replace(/("([A-Za-z_-]+)"\s*:\s*)"(?:[^"\\]|\\.)*"/g, (match, prefix: string, key: string) =>
    isSecretKey(key) ? `${prefix}"${REDACTED}"` : match,
  );
}

export function logBody(bodyText: string): unknown {
  if (bodyText === "") return null;
  const parsed = tryParseJson(bodyText);
  return parsed.ok ? redact(parsed.value) : redactText(bodyText);
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  /** Oldest entries are dropped beyond this many, so long benchmarks stay bounded in memory. */
  constructor(private readonly capacity = 100_000) {}

  add(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
