// Legacy login (D16): POST /2/login with W-Key and {username|email, password} mints a token and answers
// {login:{id,first_name,last_name,email,token}, users:[...], accounts:[...]}. GET /2/login lists the
// token's users and accounts (step 2 of the current flow), without the token.

import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { isPlainObject, jsonResponse } from "../../../../sandbox/json.js";
import { ErrorCode } from "../constants.js";
import type { RouteDef } from "../context.js";
import { ApiError, badRequest } from "../errors.js";
import type { PersonRecord } from "../model.js";
import type { WhenIWorkStore } from "../store.js";
import { hashPassword } from "../store.js";
import { userView, viewerRights } from "../user-view.js";

function loginBody(store: WhenIWorkStore, person: PersonRecord, token?: string) {
  const users = store.usersOfPerson(person.id).filter((u) => !u.is_deleted);
  const accounts = users.flatMap((u) => {
    const account = store.accounts.get(u.account_id);
    return account === undefined ? [] : [{ id: account.id, name: account.name }];
  });
  return {
    login: {
      id: person.id,
      first_name: person.first_name,
      last_name: person.last_name,
      email: person.email,
      ...(token !== undefined ? { token } : {}),
    },
    users: users.map((u) => userView(store, u, viewerRights(u))),
    accounts,
  };
}

function developerKey(headers: IncomingHttpHeaders, body: Record<string, unknown>): string {
  const header = headers["w-key"];
  const key = (Array.isArray(header) ? header[0] : header) ?? body["key"];
  return typeof key === "string" ? key.trim() : "";
}

export const loginRoutes: RouteDef[] = [
  {
    pattern: /^\/2\/login$/,
    methods: {
      POST: (input) => {
        const body = input.body();
        if (!isPlainObject(body))
          throw badRequest(ErrorCode.InvalidBody, "The request body must be a JSON object");
        // Any non-empty developer key is accepted; a missing one is refused like a bad one.
        if (developerKey(input.request.headers, body) === "") {
          throw new ApiError(
            401,
            ErrorCode.MissingDeveloperKey,
            "Missing developer key: send the W-Key header",
          );
        }
        const login = body["username"] ?? body["email"];
        const password = body["password"];
        const person = typeof login === "string" ? input.store.personByEmailAddress(login) : undefined;
        if (
          person === undefined ||
          person.passwordHash === null ||
          typeof password !== "string" ||
          hashPassword(password) !== person.passwordHash
        ) {
          throw new ApiError(401, ErrorCode.LoginFailed, "Invalid username or password");
        }
        const token = randomBytes(24).toString("hex");
        input.store.tokens.set(token, person.id);
        return jsonResponse(200, loginBody(input.store, person, token));
      },
      GET: (input) => jsonResponse(200, loginBody(input.store, input.person())),
    },
  },
];
