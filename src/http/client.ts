// A small JSON-over-HTTP client on undici: keep-alive, timeouts, retries, request counting. No provider names here.
import { Agent, EnvHttpProxyAgent, request, errors as undiciErrors, type Dispatcher } from "undici";
import { HttpError, NetworkError, RosterformError, UnexpectedAnswerError } from "../errors.js";
import { isCredentialHeader, registerSecret } from "../redact.js";
import { JsonArrayParser, type Slim } from "./json-array.js";
import { describeProxy, type ProxySettings } from "./proxy.js";
import {
  DEFAULT_RETRY,
  isRetryableStatus,
  parseRetryAfter,
  RetryBudget,
  retryDelayMs,
  type RetryInfo,
  type RetryPolicy,
} from "./retry.js";
import { tlsError } from "./tls.js";

export interface HttpClientOptions {
  baseUrl: string;
  /** Sent with every request (credentials live here and nowhere else). */
  headers: Record<string, string>;
  /** The deadline of each attempt: connecting, the headers and the whole body (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  connections?: number;
  /** More answers worth retrying than 429/502/503/504, e.g. a throttling 403 without a JSON body. */
  retryable?: (response: HttpResponse) => boolean;
  /** The waiting all retries may add up to; share one between the clients of a run. */
  budget?: RetryBudget;
  /** The largest answer read whole (default 64 MiB); a JSON array read element by element may reach 2 GiB. */
  maxBodyBytes?: number;
  /** Told about each retry, for progress output. Never given headers. */
  onRetry?: (info: RetryInfo) => void;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY of the run (see proxy.ts); none: connect directly. */
  proxy?: ProxySettings;
  /** What the server is, for messages ("if your Kimai uses a private CA"); default "server". */
  service?: string;
  /** Told about every attempt once it is answered or failed (--debug). Never given headers or bodies. */
  trace?: (exchange: HttpExchange) => void;
}

/** One attempt of one request, as --debug prints it (trace.ts). */
export interface HttpExchange {
  method: string;
  /** The full URL with its query (the printer passes it through the redaction layer). */
  url: string;
  /** 1 = the first attempt. */
  attempt: number;
  durationMs: number;
  /** The answer's status, or what went wrong when there was none. */
  status?: number;
  error?: string;
}

/** Answers larger than this are not read (and not retried): a wrong URL, a proxy, or a broken server. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A list parsed as it arrives holds one element at a time, so it may be much larger (100,000 Kimai users ~ 700 MB). */
export const MAX_LIST_BYTES = 2 * 1024 * 1024 * 1024;
/** Of an error answer only the start is kept: it is shown shortened anyway. */
const ERROR_BODY_BYTES = 64 * 1024;

export interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
  /**
   * "safe": repeating the request cannot do harm (GET, PATCH to absolute values): retried on faults.
   * "once": never repeated here (creates): the caller decides after looking at the server.
   */
  retry?: "safe" | "once";
  /**
   * For a JSON array answer: parse it element by element as it arrives (never as one string) and keep
   * what this returns for each. The body is then that array (`text` is empty); any other answer parses
   * as usual. Must not throw.
   */
  items?: (value: unknown, index: number) => unknown;
  /** With `items`: cut this key of every element down before parsing it (see json-array.ts). */
  slim?: Slim;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

export class HttpClient {
  private readonly agent: Dispatcher;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly budget: RetryBudget;
  private readonly maxBodyBytes: number;
  readonly base: URL;
  /** Requests sent, by "METHOD /path-pattern" (ids replaced by :id). */
  readonly counts = new Map<string, number>();
  private inFlight = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
    for (const [name, value] of Object.entries(options.headers)) {
      if (isCredentialHeader(name)) registerSecret(value);
    }
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.budget = options.budget ?? new RetryBudget();
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    const agentOptions = {
      connections: options.connections ?? 16,
      keepAliveTimeout: 10_000,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connectTimeout: Math.min(this.timeoutMs, 10_000),
    };
    const proxy = options.proxy;
    // "" (not undefined) for what the run's environment does not set: undici must not read process.env itself.
    this.agent = proxy
      ? new EnvHttpProxyAgent({
          ...agentOptions,
          httpProxy: proxy.httpProxy ?? "",
          httpsProxy: proxy.httpsProxy ?? "",
          noProxy: proxy.noProxy ?? "",
        })
      : new Agent(agentOptions);
  }

  /**
   * Sends once per attempt; retries "safe" requests on network errors, 429 and 502/503/504 (and what
   * `retryable` adds), each retry told to onRetry. An answer that cannot be used (not JSON, too large) is
   * never retried. Throws HttpError / NetworkError / UnexpectedAnswerError.
   */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const attempts = options.retry === "once" ? 1 : this.retry.retries + 1;
    const networkAttempts = Math.min(attempts, this.retry.networkRetries + 1);
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await this.traced(method, path, options, attempt);
      } catch (error) {
        if (!(error instanceof NetworkError) || attempt >= networkAttempts) throw error;
        await this.wait(error, attempt, networkAttempts, undefined, error.reason);
        continue;
      }
      if (response.status < 400) return response;
      const retryAfter = headerValue(response.headers["retry-after"]);
      const error = new HttpError(method, path, response.status, response.text, [], retryAfter);
      error.retryable = isRetryableStatus(response.status) || (this.options.retryable?.(response) ?? false);
      if (attempt >= attempts || !error.retryable) throw error;
      await this.wait(error, attempt, attempts, retryAfter, `${response.status}`);
    }
  }

  /** Ends the connections; requests still in flight (a stopped apply) are cut off rather than waited for. */
  async close(): Promise<void> {
    if (this.inFlight > 0) await this.agent.destroy();
    else await this.agent.close();
  }

  totalRequests(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** sendOnce, told to `trace` when there is one. */
  private async traced(method: string, path: string, options: RequestOptions, attempt: number) {
    const trace = this.options.trace;
    if (!trace) return this.sendOnce(method, path, options);
    const started = performance.now();
    const exchange = () => ({
      method,
      url: this.urlOf(path, options).href,
      attempt,
      durationMs: Math.round(performance.now() - started),
    });
    try {
      const response = await this.sendOnce(method, path, options);
      trace({ ...exchange(), status: response.status });
      return response;
    } catch (error) {
      const reason =
        error instanceof NetworkError
          ? error.reason
          : error instanceof NotJsonError
            ? "the answer is not JSON"
            : error instanceof AnswerTooLargeError
              ? "the answer is too large"
              : error instanceof RosterformError
                ? error.message.split("\n")[0]!
                : "failed";
      const status = error instanceof NotJsonError ? error.answer.status : undefined;
      trace({ ...exchange(), ...(status !== undefined ? { status } : {}), error: reason });
      throw error;
    }
  }

  private urlOf(path: string, options: RequestOptions): URL {
    const url = new URL(path.replace(/^\//, ""), this.base);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    return url;
  }

  private async sendOnce(method: string, path: string, options: RequestOptions): Promise<HttpResponse> {
    const url = this.urlOf(path, options);
    const countKey = `${method} ${path.replace(/\/\d+(?=\/|$)/g, "/:id")}`;
    this.counts.set(countKey, (this.counts.get(countKey) ?? 0) + 1);
    const hasBody = options.body !== undefined;
    // One deadline for the whole attempt: a server that drips a byte at a time cannot stretch it.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.timeoutMs);
    this.inFlight++;
    try {
      const res = await request(url, {
        method: method as "GET",
        dispatcher: this.agent,
        headers: {
          accept: "application/json",
          ...(hasBody ? { "content-type": "application/json" } : {}),
          ...this.options.headers,
        },
        body: hasBody ? JSON.stringify(options.body) : null,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: deadline.signal,
      });
      const answer = { method, path, status: res.statusCode, type: headerValue(res.headers["content-type"]) };
      if (res.statusCode >= 400) {
        const text = await readText(res.body, ERROR_BODY_BYTES);
        return { status: res.statusCode, headers: res.headers, body: parseJson(text), text };
      }
      const read = await readBody(res.body, options, this.maxBodyBytes, answer);
      if (read.array) return { status: res.statusCode, headers: res.headers, body: read.items, text: "" };
      const body = parseJson(read.text);
      if (body === undefined && read.text.trim() !== "")
        throw new NotJsonError(answer, read.text, read.bytes);
      return { status: res.statusCode, headers: res.headers, body, text: read.text };
    } catch (error) {
      if (error instanceof RosterformError) throw error;
      if (deadline.signal.aborted) {
        throw new NetworkError(
          method,
          path,
          `no complete answer within ${this.timeoutMs / 1000} s (--timeout)`,
        );
      }
      const tls = tlsError(error, this.base.origin, this.options.service ?? "server");
      if (tls) throw tls;
      const via = describeProxy(this.options.proxy, this.base.protocol);
      const refused = via ? proxyRefusal(error, via) : undefined;
      if (refused) throw refused;
      if (isTransportError(error)) throw toNetworkError(method, path, error, via);
      throw error; // a bug: keep its stack
    } finally {
      clearTimeout(timer);
      this.inFlight--;
    }
  }

  /** Waits as a retry would (for callers that decide themselves whether to repeat); throws when it may not. */
  async pause(method: string, path: string, attempt: number, retryAfter: string | undefined, reason: string) {
    const failure = new RosterformError(`${method} ${path}: ${reason}`);
    await this.wait(failure, attempt, undefined, retryAfter, reason, { method, path });
  }

  /** Reports and waits before attempt `attempt + 1`, or throws `failure` when the cap or the budget forbid. */
  private async wait(
    failure: RosterformError,
    attempt: number,
    attempts: number | undefined,
    retryAfter: string | undefined,
    reason: string,
    request?: { method: string; path: string },
  ): Promise<void> {
    const { method, path } = request ?? (failure as HttpError | NetworkError);
    const delayMs = retryDelayMs(attempt, this.retry, retryAfter);
    const refusal = this.budget.take(delayMs, parseRetryAfter(retryAfter) !== undefined);
    if (refusal) throw withHint(failure, `not retried: ${refusal}`);
    this.options.onRetry?.({ method, path, attempt, delayMs, reason, ...(attempts ? { attempts } : {}) });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

interface AnswerFacts {
  method: string;
  path: string;
  status: number;
  type: string | undefined;
}

/** A 2xx answer that is not JSON: a proxy page, a login form, a wrong URL. Never retried. */
export class NotJsonError extends UnexpectedAnswerError {
  constructor(
    readonly answer: AnswerFacts,
    text: string,
    bytes: number,
  ) {
    const start = text.replace(/\s+/g, " ").trim().slice(0, 80);
    super(
      `${answer.method} ${answer.path}: the answer (${answer.status}, ${answer.type ?? "no content type"}, ${size(bytes)}) is not JSON: "${start}${text.length > 80 ? "…" : ""}"`,
    );
  }
}

/** An answer over the size limit: read no further, never retried. */
export class AnswerTooLargeError extends UnexpectedAnswerError {
  constructor(answer: AnswerFacts, limit: number) {
    super(
      `${answer.method} ${answer.path}: the answer (${answer.status}, ${answer.type ?? "no content type"}) is larger than ${size(limit)}; stopped reading it and did not retry`,
    );
  }
}

type BodyRead = { array: true; items: unknown[] } | { array: false; text: string; bytes: number };

/**
 * Reads a 2xx body within `limit` bytes. With `items`, a JSON array is parsed element by element (and may
 * reach MAX_LIST_BYTES); anything else is collected as text.
 */
async function readBody(
  body: AsyncIterable<unknown> & { destroy(): unknown },
  options: Pick<RequestOptions, "items" | "slim">,
  limit: number,
  answer: AnswerFacts,
): Promise<BodyRead> {
  const pieces: Buffer[] = [];
  let bytes = 0;
  let parser: JsonArrayParser<unknown> | undefined;
  const items = options.items;
  let decided = !items;
  for await (const piece of body) {
    const chunk = piece as Buffer;
    bytes += chunk.length;
    if (!decided) {
      // An array goes to the streaming parser; anything else (an error page) is read as text, within `limit`.
      const first = firstSignificantByte(chunk);
      if (first === undefined) {
        pieces.push(chunk);
        continue;
      }
      decided = true;
      if (first === 0x5b && items) {
        parser = new JsonArrayParser(items, options.slim);
        for (const p of pieces) parser.write(p);
        pieces.length = 0;
      }
    }
    if (bytes > (parser ? Math.max(limit, MAX_LIST_BYTES) : limit)) {
      body.destroy();
      throw new AnswerTooLargeError(answer, parser ? MAX_LIST_BYTES : limit);
    }
    if (parser) parser.write(chunk);
    else pieces.push(chunk);
  }
  if (parser) {
    const result = parser.end();
    if (result.array) return { array: true, items: result.items };
    return { array: false, text: result.value === undefined ? "[…" : JSON.stringify(result.value), bytes };
  }
  return { array: false, text: Buffer.concat(pieces).toString("utf8"), bytes };
}

/** The first byte that is not whitespace or a UTF-8 BOM. */
function firstSignificantByte(chunk: Buffer): number | undefined {
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xef || c === 0xbb || c === 0xbf)
      continue;
    return c;
  }
  return undefined;
}

/** At most `limit` bytes of the body as text; the rest is not read. */
async function readText(body: AsyncIterable<unknown> & { destroy(): unknown }, limit: number) {
  const pieces: Buffer[] = [];
  let bytes = 0;
  for await (const piece of body) {
    const chunk = piece as Buffer;
    pieces.push(chunk);
    bytes += chunk.length;
    if (bytes >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(pieces).subarray(0, limit).toString("utf8");
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} kB`
      : `${bytes} bytes`;
}

function withHint(error: RosterformError, hint: string): RosterformError {
  if (error instanceof HttpError) {
    const copy = new HttpError(
      error.method,
      error.path,
      error.status,
      error.body,
      [...error.hints, hint],
      error.retryAfter,
    );
    copy.retryable = error.retryable;
    return copy;
  }
  if (error instanceof NetworkError)
    return new NetworkError(error.method, error.path, error.reason, [...error.hints, hint]);
  return new RosterformError(`${error.message}; ${hint}`);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Failures of the connection itself, as undici and the OS report them. */
function isTransportError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof undiciErrors.UndiciError || (typeof code === "string" && /^E[A-Z_]+$/.test(code));
}

/** A proxy that answered the tunnel (CONNECT) or the request with a refusal: not retried, said as such. */
function proxyRefusal(error: unknown, via: string): RosterformError | undefined {
  const message = error instanceof Error ? error.message : "";
  const status = /^Proxy response \((\d{3})\)/.exec(message)?.[1] ?? /\((407)\)$/.exec(message)?.[1];
  if (!status) return undefined;
  const why =
    status === "407"
      ? "proxy authentication required: put the proxy's user and password in the variable, as http://user:password@proxy:port"
      : "the proxy does not let this connection through: ask its administrators, or list the server in NO_PROXY";
  return new RosterformError(`${via} refused to connect (${status}): ${why}`);
}

function toNetworkError(method: string, path: string, error: unknown, via?: string): NetworkError {
  if (error instanceof NetworkError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError
      ? "timed out waiting for the server"
      : error instanceof undiciErrors.ConnectTimeoutError
        ? "timed out connecting"
        : code === "ECONNREFUSED"
          ? "connection refused"
          : code === "ENOTFOUND" || code === "EAI_AGAIN"
            ? "host not found"
            : error instanceof undiciErrors.SocketError || code === "ECONNRESET" || code === "UND_ERR_SOCKET"
              ? "connection dropped before an answer"
              : `request failed (${error instanceof Error ? error.message : String(error)})`;
  return new NetworkError(method, path, via ? `${reason}, through ${via}` : reason);
}
