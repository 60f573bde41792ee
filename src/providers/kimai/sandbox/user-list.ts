// GET /api/users: strict query parameters, visibility, permission criteria, ordering and the term filter.

import type { UserRecord } from "./model.js";
import type { Access } from "./permissions.js";
import { canSeeAllData } from "./permissions.js";
import { compileSearchTerm } from "./search.js";
import type { KimaiStore } from "./store.js";

export interface UserListQuery {
  visible: 1 | 2 | 3;
  orderBy: "id" | "username" | "alias" | "email";
  order: "ASC" | "DESC";
  term: string | null;
  full: boolean;
}

/** FOSRest strict QueryParams: a value that fails its requirement (case-sensitive) is a 400; "" means unset. */
export function parseUserListQuery(query: URLSearchParams): UserListQuery | null {
  const get = (name: string): string | null => {
    if (query.has(`${name}[]`)) return "\u0000invalid"; // PHP array parameter: never matches a requirement
    const values = query.getAll(name);
    const value = values[values.length - 1];
    return value === undefined || value === "" ? null : value;
  };
  const check = (value: string | null, allowed: readonly string[]) =>
    value === null || allowed.includes(value);
  const visible = get("visible");
  const orderBy = get("orderBy");
  const order = get("order");
  const full = get("full");
  if (!check(visible, ["1", "2", "3"]) || !check(orderBy, ["id", "username", "alias", "email"])) return null;
  if (!check(order, ["ASC", "DESC"]) || !check(full, ["0", "1", "true", "false"])) return null;
  return {
    visible: visible === null ? 1 : (Number(visible) as 1 | 2 | 3),
    orderBy: (orderBy ?? "username") as UserListQuery["orderBy"],
    order: (order ?? "ASC") as UserListQuery["order"],
    term: query.get("term"),
    full: full === "1" || full === "true",
  };
}

type SortKey = (u: UserRecord) => string | number | null;
const SORT_KEYS: Record<UserListQuery["orderBy"], SortKey> = {
  id: (u) => u.id,
  username: (u) => u.username.toLowerCase(),
  alias: (u) => (u.alias === null ? null : u.alias.toLowerCase()),
  email: (u) => u.email.toLowerCase(),
};

/** Sorted user lists per orderBy, rebuilt only when the store changed (repeated big lists stay O(n)). */
export class UserOrderCache {
  private revision = -1;
  private readonly sorted = new Map<string, UserRecord[]>();

  ascending(store: KimaiStore, orderBy: UserListQuery["orderBy"]): UserRecord[] {
    if (store.revision !== this.revision) {
      this.sorted.clear();
      this.revision = store.revision;
    }
    let list = this.sorted.get(orderBy);
    if (list === undefined) {
      const keyOf = SORT_KEYS[orderBy];
      const keyed = [...store.users.values()].map((user) => ({ user, key: keyOf(user) }));
      // MySQL: NULLs first in ascending order; case-insensitive collation; ties by id.
      keyed.sort((a, b) => {
        if (a.key === b.key) return a.user.id - b.user.id;
        if (a.key === null) return -1;
        if (b.key === null) return 1;
        return a.key < b.key ? -1 : 1;
      });
      list = keyed.map((k) => k.user);
      this.sorted.set(orderBy, list);
    }
    return list;
  }
}

/** The users the list returns, in order. */
export function* listUsers(
  store: KimaiStore,
  access: Access,
  caller: UserRecord,
  query: UserListQuery,
  cache: UserOrderCache,
): Generator<UserRecord> {
  const sorted = cache.ascending(store, query.orderBy);
  const matches = query.term === null || query.term === "" ? null : compileSearchTerm(query.term);
  const seesAll = canSeeAllData(caller);
  const visibleTo = (user: UserRecord) =>
    seesAll || user.id === caller.id || access.isTeamleadOfUser(caller, user);
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const user = sorted[query.order === "ASC" ? i : n - 1 - i];
    if (user === undefined) continue;
    if (query.visible === 1 && !user.enabled) continue;
    if (query.visible === 2 && user.enabled) continue;
    if (!visibleTo(user)) continue;
    if (matches !== null && !matches(user)) continue;
    yield user;
  }
}
