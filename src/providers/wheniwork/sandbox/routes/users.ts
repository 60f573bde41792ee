// /2/users and /2/users/{id}: list, read, create, partial update, soft delete.

import { jsonResponse } from "../../../../sandbox/json.js";
import type { Caller } from "../auth.js";
import type { RouteDef, RouteInput } from "../context.js";
import { forbidden, userNotFound } from "../errors.js";
import type { UserRecord } from "../model.js";
import { canManageUsers } from "../permissions.js";
import { boolParam } from "../query.js";
import { parseUserWrite } from "../user-input.js";
import { listUsers } from "../user-list.js";
import { userView, viewerRights } from "../user-view.js";
import { createUser, deleteUser, updateUser } from "../user-write.js";

/** A user of the caller's account, deleted or not; any other id (or a non-number) is a 404. */
function findUser(input: RouteInput, caller: Caller): UserRecord {
  const raw = input.param(0);
  const user = /^\d+$/.test(raw) ? input.store.users.get(Number(raw)) : undefined;
  if (user === undefined || user.account_id !== caller.account.id) throw userNotFound(raw);
  return user;
}

function managerCaller(input: RouteInput): Caller {
  const caller = input.caller();
  if (!canManageUsers(caller.user)) throw forbidden();
  return caller;
}

const userResponse = (input: RouteInput, user: UserRecord, caller: Caller) =>
  jsonResponse(200, { user: userView(input.store, user, viewerRights(caller.user)) });

export const userRoutes: RouteDef[] = [
  {
    pattern: /^\/2\/users$/,
    methods: {
      GET: (input) => listUsers(input.store, input.caller().user, input.request.query),
      POST: (input) => {
        const caller = managerCaller(input);
        const write = parseUserWrite(input.store, caller.account.id, input.body(), {
          employment_type: "hourly",
          type: 1,
        });
        return userResponse(input, createUser(input.store, caller.account.id, write), caller);
      },
    },
  },
  {
    pattern: /^\/2\/users\/([^/]+)$/,
    methods: {
      GET: (input) => {
        const caller = input.caller();
        return userResponse(input, findUser(input, caller), caller);
      },
      PUT: (input) => {
        const caller = managerCaller(input);
        const user = findUser(input, caller);
        const write = parseUserWrite(input.store, caller.account.id, input.body(), user);
        return userResponse(input, updateUser(input.store, user, write), caller);
      },
      DELETE: (input) => {
        const caller = managerCaller(input);
        const query = input.request.query;
        // D16 names the flag delete_shifts, the current docs deleted_shifts: either is read.
        const deleteShifts =
          boolParam(query, "delete_shifts", false) || boolParam(query, "deleted_shifts", false);
        deleteUser(input.store, findUser(input, caller), caller.user, deleteShifts);
        return jsonResponse(200, { success: true });
      },
    },
  },
];
