// The /api request pipeline in Symfony's order: routing (404/405), body decoding (400),
// authentication (401/403), then the controller (entity lookup 404 before permission 403).

import type { SandboxRequest, SandboxResponse } from "../../../sandbox/types.js";
import type { AuthOptions } from "./auth.js";
import { authenticate } from "./auth.js";
import type { RouteDef } from "./context.js";
import { Scope } from "./context.js";
import { decodeBody } from "./decode.js";
import { HttpError, kimaiError } from "./http-errors.js";
import { accessRoutes } from "./routes/access.js";
import { statusRoutes } from "./routes/status.js";
import { teamRoutes } from "./routes/teams.js";
import { userRoutes } from "./routes/users.js";

const ROUTES: RouteDef[] = [...statusRoutes, ...userRoutes, ...teamRoutes, ...accessRoutes];

export async function handleKimaiApi(request: SandboxRequest, auth: AuthOptions): Promise<SandboxResponse> {
  const matches = ROUTES.map((route) => ({ route, match: route.pattern.exec(request.path) })).filter(
    (m): m is { route: RouteDef; match: RegExpExecArray } => m.match !== null,
  );
  if (matches.length === 0) return kimaiError(404);
  const hit = matches.find((m) => m.route.methods[request.method] !== undefined);
  if (hit === undefined) {
    const allow = [...new Set(matches.flatMap((m) => Object.keys(m.route.methods)))].join(", ");
    return kimaiError(405, { allow });
  }

  const decoded = decodeBody(request);
  if (!decoded.ok) return kimaiError(400);

  const authResult = await authenticate(request, auth);
  if (!authResult.ok) return authResult.response;

  const handler = hit.route.methods[request.method];
  if (handler === undefined) return kimaiError(405);
  const params = hit.match.slice(1).map((part) => Number(part));
  try {
    return await handler(new Scope(auth.store, authResult.user, request, decoded.data), params);
  } catch (e) {
    if (e instanceof HttpError) return e.response;
    throw e;
  }
}
