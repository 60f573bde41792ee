// The HTTP server every provider sandbox runs on: node:http on 127.0.0.1, /__sandbox/ control endpoints,
// request log, fixed latency and fault injection in front of the provider's own handler.

import { once } from "node:events";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { BodyTooLargeError, readBody } from "./body.js";
import { CONTROL_PREFIX, handleControl } from "./control.js";
import { sleep } from "./delay.js";
import { FaultInjector } from "./faults.js";
import type { FaultAction } from "./faults.js";
import { RequestLog, logBody } from "./request-log.js";
import type { SandboxHandler, SandboxRequest, SandboxResponse, SandboxStateHooks } from "./types.js";

export interface SandboxServerOptions {
  handler: SandboxHandler;
  hooks: SandboxStateHooks;
  /** Delay added before every provider API response. */
  latencyMs?: number;
  /** Body sent with a "status" fault that has no body of its own. */
  defaultFaultBody?: (status: number) => unknown;
}

export interface RunningSandbox {
  url: string;
  port: number;
  log: RequestLog;
  faults: FaultInjector;
  close(): Promise<void>;
}

function queryRecord(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) out[key] = value;
  return out;
}

/** Resolves on "drain" or "close", removing both listeners (once() would leave the loser attached). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

async function writeResponse(
  res: ServerResponse,
  response: SandboxResponse,
  headOnly: boolean,
): Promise<void> {
  res.writeHead(response.status, response.headers ?? {});
  const body = response.body;
  if (headOnly || body === undefined) {
    res.end();
    return;
  }
  if (typeof body === "string") {
    res.end(body);
    return;
  }
  for (const chunk of body) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

function faultResponse(
  action: Extract<FaultAction, { type: "status" }>,
  fallback: (status: number) => unknown,
) {
  const body = action.body ?? fallback(action.status);
  const isText = typeof body === "string";
  return {
    status: action.status,
    headers: { "content-type": isText ? "text/plain; charset=utf-8" : "application/json", ...action.headers },
    body: isText ? body : JSON.stringify(body),
  };
}

export async function startSandboxServer(options: SandboxServerOptions, port = 0): Promise<RunningSandbox> {
  const log = new RequestLog();
  const faults = new FaultInjector();
  const sockets = new Set<Socket>();
  const latencyMs = options.latencyMs ?? 0;
  const fallbackBody = options.defaultFaultBody ?? ((status: number) => ({ code: status }));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    let bodyText: string;
    try {
      bodyText = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLargeError) await writeResponse(res, { status: 413 }, false);
      return;
    }
    const request: SandboxRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      bodyText,
      remoteAddress: req.socket.remoteAddress ?? "",
    };

    if (url.pathname.startsWith(CONTROL_PREFIX) || url.pathname === CONTROL_PREFIX.slice(0, -1)) {
      await writeResponse(res, handleControl(request, { hooks: options.hooks, log, faults }), false);
      return;
    }

    const entry = log.add({
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      body: logBody(bodyText),
      status: null,
    });
    await sleep(latencyMs);

    const fault = faults.take(method, url.pathname);
    if (fault !== undefined) entry.fault = fault.type;
    switch (fault?.type) {
      case "reset":
        req.socket.destroy();
        return;
      case "hang":
        return; // never answered; close() destroys the socket
      case "status": {
        entry.status = fault.status;
        await writeResponse(res, faultResponse(fault, fallbackBody), method === "HEAD");
        return;
      }
      case "delay":
        await sleep(fault.ms);
        break;
      default:
        break;
    }

    const forHandler = method === "HEAD" ? { ...request, method: "GET" } : request;
    let response: SandboxResponse;
    try {
      response = await options.handler(forHandler);
    } catch (e) {
      process.stderr.write(`sandbox: handler failed on ${method} ${url.pathname}: ${String(e)}\n`);
      response = {
        status: 500,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(fallbackBody(500)),
      };
    }
    if (fault?.type === "commitThenReset") {
      // The work is done (state changed); the client never learns the outcome.
      req.socket.destroy();
      return;
    }
    entry.status = response.status;
    await writeResponse(res, response, method === "HEAD");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`sandbox: ${String(e)}\n`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Keep-alive sockets would otherwise keep close() waiting; track them to destroy on close.
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("sandbox: server has no TCP address");

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    log,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
