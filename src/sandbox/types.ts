// Shapes shared by every provider sandbox (Kimai now, When I Work later).

import type { IncomingHttpHeaders } from "node:http";

/** One HTTP request as a provider handler sees it: body already read, nothing parsed yet. */
export interface SandboxRequest {
  method: string;
  /** Path without the query string, e.g. "/api/users/1". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw request body, "" when none was sent. */
  bodyText: string;
  /** Client address as seen on the socket (rate limits key on it). */
  remoteAddress: string;
}

/**
 * What a handler answers. `body` is either a complete string or an iterable of chunks, so very large
 * lists (100,000 users) are streamed instead of being built as one giant string.
 */
export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Iterable<string>;
}

export type SandboxHandler = (request: SandboxRequest) => Promise<SandboxResponse>;

/** Provider hooks behind the generic /__sandbox/ endpoints. */
export interface SandboxStateHooks {
  /** Seed-shaped JSON of the current state (GET /__sandbox/state). */
  exportState(): unknown;
  /** Replaces the whole state with a seed (POST /__sandbox/reset); throws an Error with a clear message on a bad seed. */
  resetState(seed: unknown): void;
}
