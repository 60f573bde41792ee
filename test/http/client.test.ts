// The HTTP client against real sockets on 127.0.0.1: how often it tries, by kind of failure.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { HttpError, NetworkError } from "../../src/errors.js";
import { HttpClient } from "../../src/http/client.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("answers that say 'later' get the long budget; a server that cannot be reached gets the short one", async () => {
  let hits = 0;
  const url = await listen((_req, res) => {
    hits++;
    res.writeHead(503).end();
  });
  const retry = { retries: 6, networkRetries: 1, baseDelayMs: 1, maxDelayMs: 2 };
  const busy = new HttpClient({ baseUrl: url, headers: {}, retry });
  await expect(busy.send("GET", "/x")).rejects.toBeInstanceOf(HttpError);
  expect(hits).toBe(7);
  await busy.close();

  await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
  const gone = new HttpClient({ baseUrl: url, headers: {}, retry });
  await expect(gone.send("GET", "/x")).rejects.toBeInstanceOf(NetworkError);
  expect(gone.totalRequests()).toBe(2);
  await gone.close();
});
