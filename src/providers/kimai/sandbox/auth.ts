// API authentication: Bearer access tokens (Kimai ≥ 2.14) and the deprecated X-AUTH-USER/X-AUTH-TOKEN
// headers (src/API/Authentication/*.php, config/packages/security.yaml, rate_limiter.yaml).

import { timingSafeEqual } from "node:crypto";
import { sleep } from "../../../sandbox/delay.js";
import type { SandboxRequest, SandboxResponse } from "../../../sandbox/types.js";
import { JSON_HEADERS, kimaiError } from "./http-errors.js";
import type { UserRecord } from "./model.js";
import type { KimaiStore } from "./store.js";
import { hashApiPassword } from "./store.js";

/** Symfony's HeaderAccessTokenExtractor: case-sensitive "Bearer " and RFC 6750 token characters. */
const BEARER = /^Bearer ([a-zA-Z0-9\-._~+/]+=*)$/;

export type AuthResult = { ok: true; user: UserRecord } | { ok: false; response: SandboxResponse };

function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearerFailure(description: string): SandboxResponse {
  return {
    status: 401,
    headers: { "www-authenticate": `Bearer error="invalid_token",error_description="${description}"` },
    body: "",
  };
}

const invalidLegacy = (message = "Invalid credentials"): SandboxResponse => ({
  status: 403,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ message }),
});

/** The old_api_tokens limiter: a fixed window of 5 failures per minute and client IP. */
export class LegacyFailureLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Consumes one failure; false once the window's limit is exhausted. */
  consume(ip: string): boolean {
    const now = this.now();
    let window = this.windows.get(ip);
    if (window === undefined || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(ip, window);
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  reset(): void {
    this.windows.clear();
  }
}

export interface AuthOptions {
  store: KimaiStore;
  limiter: LegacyFailureLimiter;
  /** Random pause of every legacy-header request; Kimai sleeps 200–500 ms. [0, 0] skips it. */
  legacyDelayMs: readonly [number, number];
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

async function legacy(
  request: SandboxRequest,
  options: AuthOptions,
  username: string,
  token: string,
): Promise<AuthResult> {
  if (username === "")
    return {
      ok: false,
      response: invalidLegacy("Authentication required, missing user header: X-AUTH-USER"),
    };
  if (token === "")
    return {
      ok: false,
      response: invalidLegacy("Authentication required, missing token header: X-AUTH-TOKEN"),
    };
  const [min, max] = options.legacyDelayMs;
  await sleep(min + Math.random() * Math.max(0, max - min));

  const fail = (): AuthResult =>
    options.limiter.consume(request.remoteAddress)
      ? { ok: false, response: invalidLegacy() }
      : { ok: false, response: kimaiError(400) };
  const user = options.store.userByUsername(username) ?? options.store.userByEmail(username);
  if (user === undefined) return fail();
  // UserChecker runs before the credentials check and does not count as a failed login.
  if (!user.enabled) return { ok: false, response: invalidLegacy() };
  if (user.apiPasswordHash === null || !sameHash(user.apiPasswordHash, hashApiPassword(token))) return fail();
  return { ok: true, user };
}

export async function authenticate(request: SandboxRequest, options: AuthOptions): Promise<AuthResult> {
  const authorization = header(request, "authorization");
  // Before 2.14 there is no access-token authenticator: a Bearer header is not auth at all.
  const match =
    authorization === undefined || !options.store.features.bearerTokens ? null : BEARER.exec(authorization);
  if (match !== null) {
    const record = options.store.tokens.get(match[1] ?? "");
    if (record === undefined || (record.expiresAt !== null && record.expiresAt <= Date.now())) {
      return { ok: false, response: bearerFailure("Invalid credentials.") };
    }
    const user = options.store.users.get(record.userId);
    if (user === undefined) return { ok: false, response: bearerFailure("Invalid credentials.") };
    if (!user.enabled) return { ok: false, response: bearerFailure("Account is disabled.") };
    return { ok: true, user };
  }
  const username = header(request, "x-auth-user");
  const token = header(request, "x-auth-token");
  if (username !== undefined && token !== undefined) return legacy(request, options, username, token);
  return { ok: false, response: kimaiError(401) };
}
