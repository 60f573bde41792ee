// Behaviour 16: per-token rate limit, W-Limit-Remaining on every answer, 429 (or 403) {error,code} when exhausted.
import { describe, expect, test } from "vitest";
import { MANAGER_TOKEN, startTeam } from "./helpers.js";

const throttled = {
  error: expect.stringMatching(/^Rate limit exceeded: 3 requests per minute\. Try again in \d+ seconds\.$/),
  code: 1100,
};

describe("rate limit", () => {
  test("W-Limit-Remaining counts down; once exhausted the answer is 429 {error,code}", async () => {
    const s = await startTeam({ rateLimitPerMinute: 3 });
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const r = await s.api("GET", "/2/users/1");
      expect(r.status).toBe(200);
      remaining.push(r.headers.get("w-limit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const r = await s.api("GET", "/2/users/1");
    expect(r.status).toBe(429);
    expect(r.headers.get("w-limit-remaining")).toBe("0");
    expect(r.headers.get("retry-after")).toBeNull(); // not documented, so not sent
    expect(r.json).toEqual(throttled);
  });

  test("counters are per token", async () => {
    const s = await startTeam({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 4; i++) await s.api("GET", "/2/users/1");
    const other = await s.api("GET", "/2/users/1", { token: MANAGER_TOKEN });
    expect(other.status).toBe(200);
    expect(other.headers.get("w-limit-remaining")).toBe("2");
  });

  test("throttleStatus 403 answers throttling with 403 instead (the current docs' wording)", async () => {
    const s = await startTeam({ rateLimitPerMinute: 3, throttleStatus: 403 });
    for (let i = 0; i < 3; i++) await s.api("GET", "/2/positions");
    const r = await s.api("GET", "/2/positions");
    expect(r.status).toBe(403);
    expect(r.json).toEqual(throttled);
  });

  test("the header is on error answers too, and the default limit is high", async () => {
    const s = await startTeam();
    expect((await s.api("GET", "/2/users/999")).headers.get("w-limit-remaining")).toBe("99999");
    expect((await s.api("GET", "/2/users", { token: null })).headers.get("w-limit-remaining")).toEqual(
      expect.stringMatching(/^\d+$/),
    );
  });

  test("POST /__sandbox/reset clears the counters", async () => {
    const s = await startTeam({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 4; i++) await s.api("GET", "/2/users/1");
    expect((await s.control("POST", "reset")).status).toBe(200);
    expect((await s.api("GET", "/2/users/1")).status).toBe(200);
  });
});
