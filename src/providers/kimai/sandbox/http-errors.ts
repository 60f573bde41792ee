// Kimai's API error bodies: {"code":N,"message":"<reason phrase>"} (production mode hides real messages).

import type { SandboxResponse } from "../../../sandbox/types.js";
import { reasonPhrase } from "./constants.js";

export const JSON_HEADERS = { "content-type": "application/json" } as const;

export function kimaiError(status: number, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify({ code: status, message: reasonPhrase(status) }),
  };
}

export function json(status: number, body: string): SandboxResponse {
  return { status, headers: { ...JSON_HEADERS }, body };
}

/** Thrown by route code to answer with a Kimai error; caught by the router. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly response: SandboxResponse = kimaiError(status),
  ) {
    super(`HTTP ${status}`);
  }
}
