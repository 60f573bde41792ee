// Deadlines that hold, visible retries, bounded waiting and bounded answers: the HTTP client against small
// hostile servers on 127.0.0.1.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { HttpError, NetworkError, RosterformError, UnexpectedAnswerError } from "../../src/errors.js";
import { HttpClient, MAX_BODY_BYTES } from "../../src/http/client.js";
import { describeRetry, RetryBudget, type RetryInfo } from "../../src/http/retry.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("--timeout is a deadline for the whole answer: a server dripping one byte every 2 s is cut off", async () => {
  const url = await listen((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const drip = setInterval(() => res.write(" "), 2000);
    res.on("close", () => clearInterval(drip));
  });
  const http = new HttpClient({
    baseUrl: url,
    headers: {},
    timeoutMs: 3000,
    retry: { networkRetries: 1, baseDelayMs: 1 },
  });
  const started = Date.now();
  const error = await http.send("GET", "/api/users").catch((e: unknown) => e);
  const elapsed = Date.now() - started;
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as Error).message).toBe("GET /api/users: no complete answer within 3 s (--timeout)");
  expect(http.totalRequests()).toBe(2);
  expect(elapsed).toBeLessThan(2 * 3000 + 1500);
  await http.close();
}, 20_000);

test("each retry is reported as one line: what, when, why, which attempt of how many", async () => {
  let hits = 0;
  const url = await listen((_req, res) => {
    hits++;
    if (hits <= 2) res.writeHead(503).end();
    else res.writeHead(200, { "content-type": "application/json" }).end("[]");
  });
  const seen: RetryInfo[] = [];
  const http = new HttpClient({
    baseUrl: url,
    headers: {},
    retry: { retries: 4, baseDelayMs: 10, maxDelayMs: 20 },
    onRetry: (info) => seen.push(info),
  });
  expect((await http.send("GET", "/api/users")).body).toEqual([]);
  expect(seen.map((i) => describeRetry({ ...i, delayMs: 4000 }))).toEqual([
    "retrying GET /api/users in 4 s (503), attempt 2 of 5",
    "retrying GET /api/users in 4 s (503), attempt 3 of 5",
  ]);
  await http.close();
});

test("Retry-After is honoured up to the cap; a longer one fails at once, saying so", async () => {
  let hits = 0;
  let after = "1";
  const url = await listen((_req, res) => {
    hits++;
    if (hits % 2 === 1) res.writeHead(429, { "retry-after": after }).end();
    else res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  const waits: number[] = [];
  const http = new HttpClient({ baseUrl: url, headers: {}, onRetry: (i) => waits.push(i.delayMs) });
  const started = Date.now();
  await http.send("GET", "/x");
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  expect(waits).toEqual([1000]);
  after = "600";
  const error = (await http.send("GET", "/x").catch((e: unknown) => e)) as HttpError;
  expect(error).toBeInstanceOf(HttpError);
  expect(error.status).toBe(429);
  expect(error.hints.join(" ")).toContain(
    "the server asked to wait 600 s, longer than rosterform waits (60 s)",
  );
  expect(hits).toBe(3);
  await http.close();
});

test("the run's retry budget bounds the waiting of all requests together", async () => {
  let hits = 0;
  const url = await listen((_req, res) => {
    hits++;
    res.writeHead(503, { "retry-after": "0.05" }).end();
  });
  const budget = new RetryBudget(120);
  const a = new HttpClient({ baseUrl: url, headers: {}, budget, retry: { retries: 10 } });
  const b = new HttpClient({ baseUrl: url, headers: {}, budget, retry: { retries: 10 } });
  const ea = (await a.send("GET", "/a").catch((e: unknown) => e)) as HttpError;
  const eb = (await b.send("GET", "/b").catch((e: unknown) => e)) as HttpError;
  // 120 ms of waiting allows two 50 ms waits in all: three requests for /a, one for /b.
  expect(hits).toBe(4);
  expect(ea.hints.join(" ")).toContain("retry budget");
  expect(eb.hints.join(" ")).toContain("retry budget");
  await a.close();
  await b.close();
});

/** Streams `total` bytes of HTML-ish text, counting what it managed to send. */
function huge(total: number, sent: { bytes: number; requests: number }) {
  return listen((_req, res) => {
    sent.requests++;
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = Buffer.alloc(1024 * 1024, "x");
    const pump = () => {
      while (sent.bytes < total * sent.requests) {
        sent.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => res.removeAllListeners("drain"));
    pump();
  });
}

test("a 600 MB answer that is not JSON is one bounded download, not retried, and says what it is", async () => {
  const sent = { bytes: 0, requests: 0 };
  const url = await huge(600 * 1024 * 1024, sent);
  const http = new HttpClient({ baseUrl: url, headers: {}, retry: { baseDelayMs: 1 } });
  const before = process.memoryUsage().rss;
  for (const options of [{}, { items: (v: unknown) => v }]) {
    const error = (await http.send("GET", "/api/users", options).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect(error.message).toMatch(
      /^GET \/api\/users: the answer \(200, text\/html\) is larger than 64 MB; stopped reading it and did not retry/,
    );
  }
  expect(sent.requests).toBe(2);
  // What the server got out before the client hung up: the limit plus what sits in socket buffers.
  expect(sent.bytes).toBeLessThan(2 * (MAX_BODY_BYTES + 32 * 1024 * 1024));
  expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  await http.close();
}, 60_000);

test("an answer that is not JSON is not retried and says what came instead", async () => {
  let hits = 0;
  const url = await listen((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Please log in</body></html>");
  });
  const http = new HttpClient({ baseUrl: url, headers: {} });
  const error = (await http.send("GET", "/api/users").catch((e: unknown) => e)) as Error;
  expect(error).toBeInstanceOf(RosterformError);
  expect(error).not.toBeInstanceOf(NetworkError);
  expect(error.message).toMatch(
    /^GET \/api\/users: the answer \(200, text\/html, 39 bytes\) is not JSON: "<html><body>Please log in/,
  );
  expect(hits).toBe(1);
  await http.close();
});
