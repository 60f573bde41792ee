// Requests per minute per token (per client address when no valid token is sent), as the old docs describe:
// every answer carries W-Limit-Remaining; once it is 0 the request is refused. Fixed one-minute windows.

import { RATE_WINDOW_MS } from "./constants.js";

interface Window {
  startedAt: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs: number = RATE_WINDOW_MS,
  ) {}

  /** Counts one request; returns the requests left in this window and whether this one is allowed. */
  take(key: string): { allowed: boolean; remaining: number; retryAfterSeconds: number } {
    const now = this.now();
    let window = this.windows.get(key);
    if (window === undefined || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const allowed = window.count <= this.limitPerMinute;
    return {
      allowed,
      remaining: Math.max(0, this.limitPerMinute - window.count),
      retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)),
    };
  }

  clear(): void {
    this.windows.clear();
  }
}
