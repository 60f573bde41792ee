// A write that must not happen twice (a create, an archive): sent once per attempt, and when its answer is lost
// or the server asks to retry, the server is asked whether it happened before anything is sent again.
import { HttpError, NetworkError } from "../errors.js";
import { isRetryableStatus } from "./retry.js";

export interface CheckingFirst<T> {
  send(): Promise<T>;
  /** What the write would have produced, if the server shows it happened; undefined if it did not. */
  check(): Promise<T | undefined>;
  /** Waits before the next attempt (backoff, Retry-After). */
  pause(attempt: number, retryAfter: string | undefined, reason: string): Promise<void>;
  attempts: number;
}

export async function sendCheckingFirst<T>(
  o: CheckingFirst<T>,
): Promise<{ value: T; foundAfterLoss: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await o.send(), foundAfterLoss: false };
    } catch (error) {
      const unsure =
        error instanceof NetworkError ||
        (error instanceof HttpError && (error.retryable || isRetryableStatus(error.status)));
      if (!unsure) throw error;
      const found = await o.check();
      if (found !== undefined) return { value: found, foundAfterLoss: true };
      if (attempt >= o.attempts) throw error;
      await o.pause(
        attempt,
        error instanceof HttpError ? error.retryAfter : undefined,
        error instanceof HttpError ? `${error.status}` : error.reason,
      );
    }
  }
}

export const LOST_ANSWER_REMARK =
  "the create's answer was lost; found the user on the server (not created twice)";
