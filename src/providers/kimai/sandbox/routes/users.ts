// /api/users routes (src/API/UserController.php).

import type { SandboxResponse } from "../../../../sandbox/types.js";
import { DEFAULT_LANGUAGE, DEFAULT_SKIN, SERVER_TIMEZONE } from "../constants.js";
import type { RouteDef, Scope } from "../context.js";
import { entries, isArrayLike } from "../decode.js";
import { HttpError, JSON_HEADERS, json, kimaiError } from "../http-errors.js";
import type { UserRecord } from "../model.js";
import type { PrepareMode } from "../preferences.js";
import {
  coercePreferenceValue,
  contractDefaults,
  normalizePreferenceName,
  preparePreferences,
} from "../preferences.js";
import { userCollectionJson } from "../serialize.js";
import { UserOrderCache, listUsers, parseUserListQuery } from "../user-list.js";
import type { UserFormOptions } from "../user-form.js";
import { cloneUser, submitUserForm, validateSavedUser } from "../user-form.js";

const orderCache = new WeakMap<object, UserOrderCache>();
const LIST_CHUNK = 500;

function entityResponse(scope: Scope, user: UserRecord, mode?: PrepareMode): SandboxResponse {
  const overrides = new Map<number, PrepareMode>(mode === undefined ? [] : [[user.id, mode]]);
  return json(200, scope.renderer(overrides).entity(user));
}

/** Streams the array in chunks so 100,000 full entities never become one string. */
function* streamList(items: Iterable<UserRecord>, render: (user: UserRecord) => string): Generator<string> {
  yield "[";
  let buffer: string[] = [];
  let first = true;
  for (const user of items) {
    buffer.push(render(user));
    if (buffer.length >= LIST_CHUNK) {
      yield (first ? "" : ",") + buffer.join(",");
      first = false;
      buffer = [];
    }
  }
  if (buffer.length > 0) yield (first ? "" : ",") + buffer.join(",");
  yield "]";
}

function list(scope: Scope): SandboxResponse {
  scope.requirePermission("view_user");
  const query = parseUserListQuery(scope.request.query);
  if (query === null) return kimaiError(400);
  let cache = orderCache.get(scope.store);
  if (cache === undefined) {
    cache = new UserOrderCache();
    orderCache.set(scope.store, cache);
  }
  const users = listUsers(scope.store, scope.access, scope.caller, query, cache);
  const renderer = scope.renderer();
  const features = scope.store.features;
  const render = query.full
    ? (u: UserRecord) => renderer.entity(u)
    : (u: UserRecord) => userCollectionJson(u, features);
  return { status: 200, headers: { ...JSON_HEADERS }, body: streamList(users, render) };
}

function getOne(scope: Scope, [id]: number[]): SandboxResponse {
  const user = scope.user(id ?? 0);
  scope.require(scope.access.userVote("view", user, scope.caller));
  return entityResponse(scope, user, "booting");
}

function create(scope: Scope): SandboxResponse {
  scope.requirePermission("create_user");
  const { store, caller, access } = scope;
  // UserService::createNewUser(): defaults, then UserCreateEvent adds the work-contract preferences.
  const draft: UserRecord = {
    id: store.allocateUserId(),
    username: "",
    email: "",
    enabled: true,
    roles: [],
    alias: null,
    title: null,
    accountNumber: null,
    color: null,
    avatar: null,
    supervisorId: null,
    systemAccount: false,
    apiPasswordHash: null,
    hasPassword: false,
    preferences: new Map([
      ["timezone", SERVER_TIMEZONE],
      ["language", DEFAULT_LANGUAGE],
      ["skin", DEFAULT_SKIN],
      ...contractDefaults(store.workContractPlugin, store.features),
    ]),
    teamIds: [],
  };
  const options: UserFormOptions = {
    create: true,
    includeRoles: access.userVote("roles", null, caller),
    includeActiveFlag: true,
    includePreferences: true,
    includeSupervisor: true,
    includePasswordReset: true,
  };
  const outcome = submitUserForm({ store, access, caller }, draft, null, scope.data, options);
  if (!outcome.ok) return outcome.response;
  store.addUser(outcome.user);
  return entityResponse(scope, outcome.user, "created");
}

function patch(scope: Scope, [id]: number[]): SandboxResponse {
  const { store, caller, access } = scope;
  const target = scope.user(id ?? 0);
  scope.require(access.userVote("edit", target, caller));
  const self = target.id === caller.id;
  const options: UserFormOptions = {
    create: false,
    includeRoles: access.userVote("roles", target, caller),
    includeActiveFlag: !self,
    includePreferences: access.userVote("preferences", target, caller),
    includeSupervisor: access.userVote("supervisor", target, caller),
    includePasswordReset: access.userVote("password", target, caller),
  };
  const outcome = submitUserForm({ store, access, caller }, target, target.id, scope.data, options);
  if (!outcome.ok) return outcome.response;
  const updated = outcome.user;
  if (self) {
    // The caller was prepared for this request; saving it persists the in-memory default preferences.
    for (const pref of preparePreferences(updated, "booting", scope.prepareContext)) {
      if (!updated.preferences.has(pref.name)) updated.preferences.set(pref.name, pref.value);
    }
  }
  if (updated.email !== target.email) store.setEmail(target, updated.email);
  Object.assign(target, { ...updated, email: target.email }); // email already moved in the index
  store.touch();
  return entityResponse(scope, target);
}

/** PATCH /api/users/{id}/preferences: [{name, value}, …], all or nothing. */
function patchPreferences(scope: Scope, [id]: number[]): SandboxResponse {
  const { store, caller, access } = scope;
  const target = scope.user(id ?? 0);
  scope.require(access.userVote("edit", target, caller));
  const rows = preparePreferences(target, "full", scope.prepareContext);
  const byName = new Map(rows.map((row) => [row.name, row]));
  let dirty = false;
  for (const [, item] of entries(scope.data)) {
    if (!isArrayLike(item) || Array.isArray(item)) throw new HttpError(400);
    if (!("name" in item) || !("value" in item)) throw new HttpError(400);
    const name = item["name"];
    if (typeof name === "object" && name !== null) throw new HttpError(400);
    const row = byName.get(normalizePreferenceName(name ?? ""));
    if (row === undefined) throw new HttpError(404);
    // Before 2.53 a disabled preference was written like any other.
    if (!row.enabled && store.features.strictPreferences) throw new HttpError(403);
    row.value = coercePreferenceValue(row.name, item["value"] ?? null, row.value);
    dirty = true;
  }
  if (dirty) {
    // Since 2.53 UserService::saveUser() validates the whole user first (before: the repository saved it).
    if (store.features.strictPreferences) {
      const invalid = validateSavedUser({ store, access, caller }, target);
      if (invalid !== null) return invalid;
    }
    // Saving persists every prepared row, defaults included.
    const updated = cloneUser(target);
    updated.preferences = new Map(rows.map((row) => [row.name, row.value]));
    Object.assign(target, updated);
    store.touch();
  }
  return entityResponse(scope, target, "full");
}

function me(scope: Scope): SandboxResponse {
  return entityResponse(scope, scope.caller, "booting");
}

/** Roles and API tokens are not modelled: every id is unknown, and entity lookup precedes permission checks. */
function unknownEntity(): SandboxResponse {
  return kimaiError(404);
}

export const userRoutes: RouteDef[] = [
  { pattern: /^\/api\/users$/, methods: { GET: list, POST: create } },
  { pattern: /^\/api\/users\/me$/, methods: { GET: me } },
  { pattern: /^\/api\/users\/(\d+)$/, methods: { GET: getOne, PATCH: patch } },
  { pattern: /^\/api\/users\/(\d+)\/preferences$/, methods: { PATCH: patchPreferences } },
  { pattern: /^\/api\/users\/roles\/(\d+)$/, methods: { DELETE: unknownEntity } },
  { pattern: /^\/api\/users\/api-token\/(\d+)$/, methods: { DELETE: unknownEntity } },
];
