import { expect, test } from "vitest";
import { DEFAULT_RETRY, parseRetryAfter, retryDelayMs } from "../../src/http/retry.js";

test("Retry-After in seconds or as an HTTP date wins over backoff", () => {
  expect(retryDelayMs(1, DEFAULT_RETRY, "2")).toBe(2000);
  const now = Date.parse("2026-11-23T10:00:00Z");
  expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:05 GMT", now)).toBe(5000);
  expect(parseRetryAfter("soon", now)).toBeUndefined();
});

test("backoff doubles per attempt with jitter between half and the whole cap", () => {
  const policy = { retries: 5, networkRetries: 4, baseDelayMs: 100, maxDelayMs: 1000 };
  expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(50);
  expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(100);
  expect(retryDelayMs(3, policy, undefined, () => 1)).toBe(400);
  expect(retryDelayMs(9, policy, undefined, () => 1)).toBe(1000);
});
