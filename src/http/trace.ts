// --debug: one line per HTTP attempt on stderr. The URL goes out through the redaction layer like every output
// (its query, userinfo and any registered token become [redacted]); headers and bodies are never printed.
import type { HttpExchange } from "./client.js";

/** `GET http://127.0.0.1:8001/api/users?[redacted] → 200 in 12 ms (attempt 2)`, before redaction. */
export function describeExchange(e: HttpExchange): string {
  const outcome = [e.status, e.error].filter((part) => part !== undefined).join(" ");
  return `${e.method} ${e.url} → ${outcome} in ${e.durationMs} ms${e.attempt > 1 ? ` (attempt ${e.attempt}, a retry)` : ""}`;
}
