// The /2/ request pipeline: rate limit (every answer carries W-Limit-Remaining), routing (404/405), then
// the handler, whose ApiErrors become {"error","code"} bodies.

import type { SandboxRequest, SandboxResponse } from "../../../sandbox/types.js";
import { readToken } from "./auth.js";
import { ErrorCode } from "./constants.js";
import type { RouteDef, SandboxState } from "./context.js";
import { RouteInput } from "./context.js";
import { ApiError, errorResponse } from "./errors.js";
import type { RateLimiter } from "./rate-limit.js";
import { catalogRoutes } from "./routes/catalog.js";
import { inviteRoutes } from "./routes/invites.js";
import { loginRoutes } from "./routes/login.js";
import { userRoutes } from "./routes/users.js";

// inviteRoutes before userRoutes: /2/users/invite would otherwise be read as a user id.
const ROUTES: RouteDef[] = [...loginRoutes, ...inviteRoutes, ...userRoutes, ...catalogRoutes];

export interface RouterOptions {
  state: SandboxState;
  limiter: RateLimiter;
  /** Status of a throttled request: 429 (old docs) or 403 (current docs' wording). */
  throttleStatus: 429 | 403;
}

function route(request: SandboxRequest, state: SandboxState, token: string | undefined): SandboxResponse {
  const path = request.path.length > 1 ? request.path.replace(/\/+$/, "") : request.path;
  let allowed: string[] = [];
  for (const def of ROUTES) {
    const match = def.pattern.exec(path);
    if (match === null) continue;
    const handler = def.methods[request.method];
    if (handler === undefined) {
      allowed = allowed.concat(Object.keys(def.methods));
      continue;
    }
    try {
      return handler(new RouteInput(state.store, request, token, match.slice(1)));
    } catch (e) {
      if (e instanceof ApiError) return errorResponse(e.status, e.code, e.message);
      throw e;
    }
  }
  if (allowed.length > 0) {
    const response = errorResponse(
      405,
      ErrorCode.MethodNotAllowed,
      `${request.method} is not allowed on ${path}`,
    );
    return { ...response, headers: { ...response.headers, allow: allowed.join(", ") } };
  }
  return errorResponse(404, ErrorCode.NotFound, `No route for ${request.method} ${path}`);
}

export function handleWhenIWorkApi(request: SandboxRequest, options: RouterOptions): SandboxResponse {
  const token = readToken(request.headers);
  // Counted per token when it is valid, else per client address (as the old docs say for unauthenticated calls).
  const key =
    token !== undefined && options.state.store.tokens.has(token)
      ? `token:${token}`
      : `ip:${request.remoteAddress}`;
  const rate = options.limiter.take(key);
  const response = rate.allowed
    ? route(request, options.state, token)
    : errorResponse(
        options.throttleStatus,
        ErrorCode.RateLimited,
        `Rate limit exceeded: ${options.limiter.limitPerMinute} requests per minute. Try again in ${rate.retryAfterSeconds} seconds.`,
      );
  return { ...response, headers: { ...response.headers, "w-limit-remaining": String(rate.remaining) } };
}
