// The provider-independent /__sandbox/ endpoints: state, reset, request log and fault rules.
// They need no auth but answer only loopback clients.

import type { FaultInjector } from "./faults.js";
import { FaultRuleError } from "./faults.js";
import { jsonResponse, tryParseJson } from "./json.js";
import type { RequestLog } from "./request-log.js";
import type { SandboxRequest, SandboxResponse, SandboxStateHooks } from "./types.js";

export const CONTROL_PREFIX = "/__sandbox/";

export interface ControlDeps {
  hooks: SandboxStateHooks;
  log: RequestLog;
  faults: FaultInjector;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function isLoopback(address: string): boolean {
  return LOOPBACK.has(address);
}

function error(status: number, message: string): SandboxResponse {
  return jsonResponse(status, { error: message });
}

const noContent: SandboxResponse = { status: 204 };

function parseJsonBody(
  request: SandboxRequest,
): { ok: true; value: unknown } | { ok: false; response: SandboxResponse } {
  const parsed = tryParseJson(request.bodyText === "" ? "null" : request.bodyText);
  if (!parsed.ok) return { ok: false, response: error(400, "body is not valid JSON") };
  return parsed;
}

type Route = Partial<Record<string, (request: SandboxRequest) => SandboxResponse>>;

function routes(deps: ControlDeps): Record<string, Route> {
  return {
    state: {
      GET: () => jsonResponse(200, deps.hooks.exportState()),
    },
    reset: {
      POST: (request) => {
        const body = parseJsonBody(request);
        if (!body.ok) return body.response;
        try {
          deps.hooks.resetState(body.value);
        } catch (e) {
          return error(400, e instanceof Error ? e.message : String(e));
        }
        return jsonResponse(200, { ok: true });
      },
    },
    requests: {
      GET: () => jsonResponse(200, deps.log.list()),
      DELETE: () => {
        deps.log.clear();
        return noContent;
      },
    },
    faults: {
      GET: () => jsonResponse(200, deps.faults.list()),
      POST: (request) => {
        const body = parseJsonBody(request);
        if (!body.ok) return body.response;
        try {
          return jsonResponse(200, { rules: deps.faults.add(body.value) });
        } catch (e) {
          if (e instanceof FaultRuleError) return error(400, e.message);
          throw e;
        }
      },
      DELETE: () => {
        deps.faults.clear();
        return noContent;
      },
    },
  };
}

export function handleControl(request: SandboxRequest, deps: ControlDeps): SandboxResponse {
  if (!isLoopback(request.remoteAddress))
    return error(403, "the sandbox control API answers loopback clients only");
  const name = request.path.slice(CONTROL_PREFIX.length).replace(/\/$/, "");
  const route = routes(deps)[name];
  if (route === undefined) return error(404, `unknown sandbox endpoint ${request.path}`);
  const handler = route[request.method];
  if (handler === undefined) {
    return {
      ...error(405, `${request.method} is not allowed on ${request.path}`),
      headers: { allow: Object.keys(route).join(", "), "content-type": "application/json" },
    };
  }
  return handler(request);
}
