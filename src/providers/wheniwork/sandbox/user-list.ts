// GET /2/users: filters over one account's users, answered as one unpaged, streamed {"users":[...]} body.
// The matching records are collected first (a snapshot: records are replaced, never mutated) and serialised
// lazily in chunks, so 100,000 users never become one giant string.

import type { SandboxResponse } from "../../../sandbox/types.js";
import { forbidden } from "./errors.js";
import type { UserRecord } from "./model.js";
import { hidesContact, isSupervisorOrAbove } from "./permissions.js";
import { boolParam, idListParam } from "./query.js";
import type { WhenIWorkStore } from "./store.js";
import { userView, viewerRights } from "./user-view.js";
import type { ViewerRights } from "./user-view.js";
import { catalogView } from "./catalog-view.js";

const USERS_PER_CHUNK = 500;

interface UserFilter {
  deleted: "hide" | "show" | "only";
  pending: "hide" | "show" | "only";
  locations: Set<number> | null;
  ids: Set<number> | null;
  search: string | null;
}

function readFilter(query: URLSearchParams, caller: UserRecord): UserFilter {
  const onlyDeleted = boolParam(query, "only_deleted", false);
  const showDeleted = boolParam(query, "show_deleted", false);
  if ((onlyDeleted || showDeleted) && !isSupervisorOrAbove(caller)) throw forbidden();
  const onlyPending = boolParam(query, "only_pending", false);
  const showPending = boolParam(query, "show_pending", true);
  const locations = idListParam(query, "location_id");
  const search = query.get("search")?.trim().toLowerCase() ?? "";
  return {
    deleted: onlyDeleted ? "only" : showDeleted ? "show" : "hide",
    pending: onlyPending ? "only" : showPending ? "show" : "hide",
    // location_id=0 means every location, as on the sites endpoints.
    locations: locations === null || locations.has(0) ? null : locations,
    ids: idListParam(query, "ids"),
    search: search === "" ? null : search,
  };
}

function matches(store: WhenIWorkStore, user: UserRecord, filter: UserFilter, caller: UserRecord): boolean {
  if (filter.deleted === "hide" && user.is_deleted) return false;
  if (filter.deleted === "only" && !user.is_deleted) return false;
  if (filter.pending === "hide" && !user.activated) return false;
  if (filter.pending === "only" && user.activated) return false;
  if (filter.locations !== null && !user.locations.some((id) => filter.locations?.has(id))) return false;
  if (filter.search !== null) {
    const needle = filter.search;
    const names = [user.first_name, user.last_name, `${user.first_name} ${user.last_name}`];
    if (!hidesContact(user, caller)) names.push(store.emailOf(user));
    if (!names.some((text) => text.toLowerCase().includes(needle))) return false;
  }
  return true;
}

function* listChunks(
  store: WhenIWorkStore,
  users: readonly UserRecord[],
  rights: ViewerRights,
  objects: string,
): Generator<string> {
  yield '{"users":[';
  for (let i = 0; i < users.length; i += USERS_PER_CHUNK) {
    const batch = users.slice(i, i + USERS_PER_CHUNK).map((u) => JSON.stringify(userView(store, u, rights)));
    yield (i === 0 ? "" : ",") + batch.join(",");
  }
  yield `]${objects}}`;
}

export function listUsers(
  store: WhenIWorkStore,
  caller: UserRecord,
  query: URLSearchParams,
): SandboxResponse {
  const filter = readFilter(query, caller);
  const accountId = caller.account_id;
  const selected: UserRecord[] = [];
  if (filter.ids !== null) {
    for (const id of filter.ids) {
      const user = store.users.get(id);
      if (user?.account_id === accountId && matches(store, user, filter, caller)) selected.push(user);
    }
  } else {
    for (const user of store.usersOfAccount(accountId))
      if (matches(store, user, filter, caller)) selected.push(user);
  }
  // include_objects (default true, D16): the account's active locations and positions ride along as extra keys.
  let objects = "";
  if (boolParam(query, "include_objects", true)) {
    const active = (kind: "positions" | "locations") =>
      [...store.catalogOfAccount(kind, accountId)].filter((r) => !r.is_deleted).map(catalogView);
    objects = `,"locations":${JSON.stringify(active("locations"))},"positions":${JSON.stringify(active("positions"))}`;
  }
  return {
    status: 200,
    headers: { "content-type": "application/json" },
    body: listChunks(store, selected, viewerRights(caller), objects),
  };
}
