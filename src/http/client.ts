// A small JSON-over-HTTP client on undici: keep-alive, timeouts, retries, request counting. No provider names here.
import { Agent, request, errors as undiciErrors } from "undici";
import { HttpError, NetworkError, RosterformError, UnexpectedAnswerError } from "../errors.js";
import { isCredentialHeader, registerSecret } from "../redact.js";
import { JsonArrayParser, type Slim } from "./json-array.js";
import { DEFAULT_RETRY, isRetryableStatus, retryDelayMs, type RetryPolicy } from "./retry.js";

export interface HttpClientOptions {
  baseUrl: string;
  /** Sent with every request (credentials live here and nowhere else). */
  headers: Record<string, string>;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  connections?: number;
  /** More answers worth retrying than 429/502/503/504, e.g. a throttling 403 without a JSON body. */
  retryable?: (response: HttpResponse) => boolean;
  /** Told about each retry, for progress output. Never given headers. */
  onRetry?: (info: {
    method: string;
    path: string;
    attempt: number;
    delayMs: number;
    reason: string;
  }) => void;
}

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
  private readonly agent: Agent;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  readonly base: URL;
  /** Requests sent, by "METHOD /path-pattern" (ids replaced by :id). */
  readonly counts = new Map<string, number>();

  constructor(private readonly options: HttpClientOptions) {
    this.base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
    for (const [name, value] of Object.entries(options.headers)) {
      if (isCredentialHeader(name)) registerSecret(value);
    }
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.agent = new Agent({
      connections: options.connections ?? 16,
      keepAliveTimeout: 10_000,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connectTimeout: Math.min(this.timeoutMs, 10_000),
    });
  }

  /** Sends once per attempt; retries "safe" requests on network errors, 429 and 502/503/504. Throws HttpError / NetworkError. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const attempts = options.retry === "once" ? 1 : this.retry.retries + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.sendOnce(method, path, options);
        if (response.status < 400) return response;
        const retryAfter = headerValue(response.headers["retry-after"]);
        const error = new HttpError(method, path, response.status, response.text, [], retryAfter);
        const retryable = isRetryableStatus(response.status) || (this.options.retryable?.(response) ?? false);
        if (attempt >= attempts || !retryable) throw error;
        await this.pause(method, path, attempt, retryAfter, `${response.status}`);
      } catch (error) {
        if (error instanceof HttpError) throw error;
        const failure = error instanceof NetworkError ? error : toNetworkError(method, path, error);
        const networkAttempts = Math.min(attempts, this.retry.networkRetries + 1);
        if (attempt >= networkAttempts) throw failure;
        await this.pause(method, path, attempt, undefined, failure.reason);
      }
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  totalRequests(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  private async sendOnce(method: string, path: string, options: RequestOptions): Promise<HttpResponse> {
    const url = new URL(path.replace(/^\//, ""), this.base);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const countKey = `${method} ${path.replace(/\/\d+(?=\/|$)/g, "/:id")}`;
    this.counts.set(countKey, (this.counts.get(countKey) ?? 0) + 1);
    const hasBody = options.body !== undefined;
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
      });
      if (options.items && res.statusCode < 400) {
        const parser = new JsonArrayParser(options.items, options.slim);
        for await (const chunk of res.body) parser.write(chunk as Buffer);
        const result = parser.end();
        const body = result.array ? result.items : result.value;
        return { status: res.statusCode, headers: res.headers, body, text: "" };
      }
      const text = await res.body.text();
      return { status: res.statusCode, headers: res.headers, body: parseJson(text), text };
    } catch (error) {
      if (error instanceof RosterformError) throw error;
      if (error instanceof SyntaxError) {
        throw new UnexpectedAnswerError(`${method} ${path}: the answer is not valid JSON (${error.message})`);
      }
      if (isTransportError(error)) throw toNetworkError(method, path, error);
      throw error; // a bug: keep its stack
    }
  }

  /** Waits as a retry would (for callers that decide themselves whether to repeat). */
  async pause(method: string, path: string, attempt: number, retryAfter: string | undefined, reason: string) {
    const delayMs = retryDelayMs(attempt, this.retry, retryAfter);
    this.options.onRetry?.({ method, path, attempt, delayMs, reason });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
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

function toNetworkError(method: string, path: string, error: unknown): NetworkError {
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
  return new NetworkError(method, path, reason);
}
