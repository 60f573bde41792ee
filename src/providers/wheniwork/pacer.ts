// Staying under When I Work's rate limit instead of running into it: every answer may carry W-Limit-Remaining
// (requests left in the current window; the old docs: 100 a minute, fixed windows). When few are left, requests
// wait for the next window. Without the header nothing is paced (throttling answers are still retried).
import type { HttpResponse } from "../../http/client.js";

export interface PacerOptions {
  /** Window length; the old docs describe one minute. */
  windowMs?: number;
  /** Requests kept in hand for those already in flight. */
  reserve?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class Pacer {
  private remaining: number | undefined;
  private windowStartedAt = 0;
  private waiting: Promise<void> | undefined;
  /** How often, and how long in total, requests waited (for tests and progress). */
  readonly waits = { count: 0, totalMs: 0 };
  private readonly windowMs: number;
  private readonly reserve: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: PacerOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.reserve = options.reserve ?? 2;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Before a request: waits while the window's budget is (nearly) spent. */
  async gate(): Promise<void> {
    while (this.waiting) await this.waiting;
    if (this.remaining === undefined || this.remaining > this.reserve) {
      if (this.remaining !== undefined) this.remaining--; // counts requests in flight
      return;
    }
    const ms = Math.max(0, this.windowStartedAt + this.windowMs - this.now()) + 50;
    this.waits.count++;
    this.waits.totalMs += ms;
    this.waiting = this.sleep(ms).then(() => {
      this.remaining = undefined;
      this.waiting = undefined;
    });
    await this.waiting;
  }

  /** After an answer: what the server says is left. A higher count than before means a new window began. */
  observe(response: Pick<HttpResponse, "headers">): void {
    const header = response.headers["w-limit-remaining"];
    const value = Number(Array.isArray(header) ? header[0] : header);
    if (header === undefined || !Number.isFinite(value) || value < 0) return;
    if (this.remaining === undefined || value > this.remaining + 1) this.windowStartedAt = this.now();
    this.remaining = value;
  }
}
