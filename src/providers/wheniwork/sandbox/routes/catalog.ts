// GET /2/positions and GET /2/locations: the caller's account only. Deleted entries are hidden unless
// show_deleted=true (the sandbox treats locations like positions here). Names may repeat.

import { jsonResponse } from "../../../../sandbox/json.js";
import { catalogView } from "../catalog-view.js";
import type { RouteDef, RouteInput } from "../context.js";
import { boolParam } from "../query.js";

function list(kind: "positions" | "locations") {
  return (input: RouteInput) => {
    const caller = input.caller();
    const showDeleted = boolParam(input.request.query, "show_deleted", false);
    const items = [...input.store.catalogOfAccount(kind, caller.account.id)]
      .filter((r) => showDeleted || !r.is_deleted)
      .map(catalogView);
    return jsonResponse(200, { [kind]: items });
  };
}

export const catalogRoutes: RouteDef[] = [
  { pattern: /^\/2\/positions$/, methods: { GET: list("positions") } },
  { pattern: /^\/2\/locations$/, methods: { GET: list("locations") } },
];
