// Backoff with full jitter, honouring Retry-After up to a cap, within a budget for the whole run. Pure except
// for the injected random source and clock.

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

/** The longest Retry-After rosterform waits for; a server asking for more gets no retry (README). */
export const RETRY_AFTER_CAP_MS = 60_000;

/** The waiting all retries of one run may add up to, over all systems and requests (README). */
export const RUN_RETRY_BUDGET_MS = 5 * 60_000;

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
  if (after !== undefined) return after;
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

/** What is left of a run's retry waiting. Shared by every client of a run. */
export class RetryBudget {
  constructor(public remainingMs: number = RUN_RETRY_BUDGET_MS) {}

  /** Why a wait of `delayMs` may not happen, or undefined after taking it from the budget. */
  take(delayMs: number, fromRetryAfter: boolean): string | undefined {
    if (fromRetryAfter && delayMs > RETRY_AFTER_CAP_MS) {
      return `the server asked to wait ${seconds(delayMs)}, longer than rosterform waits (${seconds(RETRY_AFTER_CAP_MS)}); run again later`;
    }
    if (delayMs > this.remainingMs) {
      return `the run's retry budget (${seconds(RUN_RETRY_BUDGET_MS)} of waiting in all) is used up; run again later`;
    }
    this.remainingMs -= delayMs;
    return undefined;
  }
}

const budgets = new WeakMap<object, RetryBudget>();

/** The budget of the run that `owner` (its Io) stands for. */
export function runRetryBudget(owner: object): RetryBudget {
  let budget = budgets.get(owner);
  if (!budget) budgets.set(owner, (budget = new RetryBudget()));
  return budget;
}

export interface RetryInfo {
  method: string;
  path: string;
  /** The attempt that just failed (1 = the first). */
  attempt: number;
  /** All attempts this request may have, when known. */
  attempts?: number;
  delayMs: number;
  /** A status ("503") or what went wrong ("connection refused"). */
  reason: string;
}

/** `retrying GET /api/users in 4 s (503), attempt 2 of 5`: the one line printed per retry. */
export function describeRetry(info: RetryInfo): string {
  const of = info.attempts !== undefined ? ` of ${info.attempts}` : "";
  return `retrying ${info.method} ${info.path} in ${seconds(info.delayMs)} (${info.reason}), attempt ${info.attempt + 1}${of}`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 || Number.isInteger(s) ? Math.round(s) : s.toFixed(1)} s`;
}
