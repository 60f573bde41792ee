// POST /2/users/invite ({ids:[...]} or {send_all:true}, optional message) and POST /2/users/invite/{id}.
// Every invitation sent is recorded in the state's "invites" list.

import { isPlainObject, jsonResponse } from "../../../../sandbox/json.js";
import type { RouteDef, RouteInput } from "../context.js";
import { ErrorCode } from "../constants.js";
import { badRequest, forbidden, userNotFound } from "../errors.js";
import type { UserRecord } from "../model.js";
import { canManageUsers } from "../permissions.js";
import type { WhenIWorkStore } from "../store.js";
import { recordInvite } from "../user-write.js";

function readMessage(body: Record<string, unknown>): string | undefined {
  const message = body["message"];
  if (message !== undefined && message !== null && typeof message !== "string") {
    throw badRequest(ErrorCode.InvalidInvite, "message must be a string");
  }
  return message ?? undefined;
}

function sendInvites(store: WhenIWorkStore, users: readonly UserRecord[], message: string | undefined) {
  const now = Date.now();
  for (const user of users) recordInvite(store, user.id, now, message);
  return jsonResponse(200, {
    count: users.length,
    email: users.filter((u) => store.emailOf(u) !== "").length,
    sms: users.filter((u) => u.phone_number !== "").length,
    success: true,
  });
}

function manager(input: RouteInput) {
  const caller = input.caller();
  if (!canManageUsers(caller.user)) throw forbidden();
  return caller;
}

export const inviteRoutes: RouteDef[] = [
  {
    pattern: /^\/2\/users\/invite$/,
    methods: {
      POST: (input) => {
        const caller = manager(input);
        const body = input.body();
        if (!isPlainObject(body))
          throw badRequest(ErrorCode.InvalidBody, "The request body must be a JSON object");
        const message = readMessage(body);
        const ids = body["ids"];
        if (body["send_all"] === true) {
          // Everyone active in the account who has never logged in.
          const users = [...input.store.usersOfAccount(caller.account.id)].filter(
            (u) => !u.is_deleted && u.last_login === null,
          );
          return sendInvites(input.store, users, message);
        }
        if (!Array.isArray(ids) || ids.length === 0) {
          throw badRequest(ErrorCode.InvalidInvite, "Send ids (a list of user ids) or send_all: true");
        }
        // One invalid id rejects the whole request (D16).
        const users = (ids as unknown[]).map((id) => {
          const user = typeof id === "number" ? input.store.users.get(id) : undefined;
          if (user === undefined || user.account_id !== caller.account.id || user.is_deleted) {
            throw badRequest(
              ErrorCode.InvalidInvite,
              `Cannot invite ${JSON.stringify(id)}: no such active user in this account`,
            );
          }
          return user;
        });
        return sendInvites(input.store, [...new Set(users)], message);
      },
    },
  },
  {
    pattern: /^\/2\/users\/invite\/([^/]+)$/,
    methods: {
      POST: (input) => {
        const caller = manager(input);
        const raw = input.param(0);
        const user = /^\d+$/.test(raw) ? input.store.users.get(Number(raw)) : undefined;
        if (user === undefined || user.account_id !== caller.account.id || user.is_deleted)
          throw userNotFound(raw);
        const body = input.body();
        return sendInvites(input.store, [user], isPlainObject(body) ? readMessage(body) : undefined);
      },
    },
  },
];
