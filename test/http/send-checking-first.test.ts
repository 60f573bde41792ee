import { expect, test } from "vitest";
import { HttpError, NetworkError } from "../../src/errors.js";
import { sendCheckingFirst } from "../../src/http/send-checking-first.js";

const noPause = async () => {};

test("a lost answer whose write happened is found, and the write is not sent again", async () => {
  let sends = 0;
  const out = await sendCheckingFirst({
    send: async () => {
      sends++;
      throw new NetworkError("POST", "/api/users", "connection dropped before an answer");
    },
    check: async () => "found",
    pause: noPause,
    attempts: 5,
  });
  expect(out).toEqual({ value: "found", foundAfterLoss: true });
  expect(sends).toBe(1);
});

test("a write that did not happen is sent again after the pause, with Retry-After passed on", async () => {
  const pauses: (string | undefined)[] = [];
  let sends = 0;
  const out = await sendCheckingFirst({
    send: async () => {
      if (++sends === 1) throw new HttpError("POST", "/api/users", 429, "", [], "3");
      return "created";
    },
    check: async () => undefined,
    pause: async (_attempt, retryAfter) => void pauses.push(retryAfter),
    attempts: 5,
  });
  expect(out).toEqual({ value: "created", foundAfterLoss: false });
  expect(pauses).toEqual(["3"]);
});

test("a definite refusal (400) is not retried and not looked up", async () => {
  let checks = 0;
  await expect(
    sendCheckingFirst({
      send: async () => {
        throw new HttpError("POST", "/api/users", 400, "{}");
      },
      check: async () => {
        checks++;
        return undefined;
      },
      pause: noPause,
      attempts: 5,
    }),
  ).rejects.toBeInstanceOf(HttpError);
  expect(checks).toBe(0);
});

test("gives up after the last attempt with the last error", async () => {
  let sends = 0;
  await expect(
    sendCheckingFirst({
      send: async () => {
        sends++;
        throw new HttpError("POST", "/api/users", 503, "");
      },
      check: async () => undefined,
      pause: noPause,
      attempts: 3,
    }),
  ).rejects.toMatchObject({ status: 503 });
  expect(sends).toBe(3);
});
