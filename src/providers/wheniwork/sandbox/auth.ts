// Who is calling: the token (W-Token or Authorization: Bearer) names a person; W-UserId picks which of the
// person's users (one per account) acts. Tokens in the query string or cookies are not accepted, so they
// can never end up in the request log.

import type { IncomingHttpHeaders } from "node:http";
import { ErrorCode } from "./constants.js";
import { ApiError } from "./errors.js";
import type { AccountRecord, PersonRecord, UserRecord } from "./model.js";
import type { WhenIWorkStore } from "./store.js";

export interface Caller {
  person: PersonRecord;
  user: UserRecord;
  account: AccountRecord;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The token sent, if any: W-Token first, then Authorization: Bearer. */
export function readToken(headers: IncomingHttpHeaders): string | undefined {
  const wToken = header(headers, "w-token")?.trim();
  if (wToken) return wToken;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(headers, "authorization") ?? "");
  return match?.[1];
}

export function authenticatePerson(store: WhenIWorkStore, token: string | undefined): PersonRecord {
  if (token === undefined) {
    throw new ApiError(401, ErrorCode.Unauthorized, "Missing token: send W-Token or Authorization: Bearer");
  }
  const personId = store.tokens.get(token);
  const person = personId === undefined ? undefined : store.persons.get(personId);
  if (person === undefined) throw new ApiError(401, ErrorCode.Unauthorized, "Invalid or expired token");
  return person;
}

/**
 * The acting user. Deleted users cannot act. Strict choice: a person with active users in several accounts
 * must send W-UserId (400 otherwise), and a W-UserId that is not one of the person's active users is a 401.
 */
export function authenticate(
  store: WhenIWorkStore,
  headers: IncomingHttpHeaders,
  token: string | undefined,
): Caller {
  const person = authenticatePerson(store, token);
  const users = store.usersOfPerson(person.id).filter((u) => !u.is_deleted);
  const wanted = header(headers, "w-userid")?.trim();
  let user: UserRecord | undefined;
  if (wanted !== undefined && wanted !== "") {
    user = users.find((u) => String(u.id) === wanted);
    if (user === undefined) {
      throw new ApiError(
        401,
        ErrorCode.InvalidUserId,
        `W-UserId ${wanted} is not one of this login's active users`,
      );
    }
  } else if (users.length > 1) {
    throw new ApiError(
      400,
      ErrorCode.UserIdRequired,
      `This login has users in ${users.length} accounts; send W-UserId with one of: ${users.map((u) => u.id).join(", ")}`,
    );
  } else {
    user = users[0];
  }
  if (user === undefined)
    throw new ApiError(401, ErrorCode.Unauthorized, "This login has no active user in any account");
  const account = store.accounts.get(user.account_id);
  if (account === undefined)
    throw new ApiError(401, ErrorCode.Unauthorized, "The user's account no longer exists");
  return { person, user, account };
}
