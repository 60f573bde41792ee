// Backoff with full jitter, honouring Retry-After. Pure except for the injected random source.

export interface RetryPolicy {
  /** Attempts after the first, for answers that say "later" (429, 502/503/504). */
  retries: number;
  /** Attempts after the first when there is no answer at all (refused, dropped, timed out): fewer, so that an
   * unreachable server is reported in seconds, not minutes. */
  networkRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 5,
  networkRetries: 4,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

/** Statuses that say "try again later" and that a repeat of the same request cannot make worse. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Delay before attempt `attempt` (1 = first retry). Retry-After (seconds or HTTP date) wins when present. */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfter?: string | null,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const after = parseRetryAfter(retryAfter, now);
  if (after !== undefined) return Math.min(after, 5 * 60_000);
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
