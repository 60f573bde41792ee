// The user writes behind POST/PUT/DELETE /2/users: create (or reactivate by email), partial update,
// soft delete, invitations. Records are replaced, never mutated (see model.ts).

import { ErrorCode, ROLE_EMPLOYEE } from "./constants.js";
import { nextUpdatedAt } from "./dates.js";
import { ApiError, badRequest, userNotFound } from "./errors.js";
import type { UserRecord } from "./model.js";
import type { UserWrite } from "./user-input.js";
import type { WhenIWorkStore } from "./store.js";

export function recordInvite(store: WhenIWorkStore, userId: number, now: number, message?: string): void {
  store.invites.push({ user_id: userId, at: new Date(now).toISOString(), ...(message ? { message } : {}) });
}

function applyWrite(store: WhenIWorkStore, user: UserRecord, write: UserWrite, now: number): UserRecord {
  if (write.email !== undefined) {
    const person = store.persons.get(user.login_id);
    const owner = store.personByEmailAddress(write.email);
    if (owner !== undefined && owner.id !== user.login_id) {
      throw badRequest(ErrorCode.DuplicateEmail, `The email ${write.email} is already in use`);
    }
    // The email belongs to the person: changing it changes it for all their users, in every account.
    if (person !== undefined && person.email !== write.email) store.setPersonEmail(person, write.email);
  }
  const restore = write.reactivate && user.is_deleted;
  const updated: UserRecord = {
    ...user,
    ...write.patch,
    ...(restore ? { is_deleted: false, deleted_at: null } : {}),
    updated_at: nextUpdatedAt(user.updated_at, now),
  };
  store.putUser(updated);
  return updated;
}

/** POST /2/users. Returns the created (or, with reactivate, restored) user. */
export function createUser(
  store: WhenIWorkStore,
  accountId: number,
  write: UserWrite,
  now = Date.now(),
): UserRecord {
  if (write.email === undefined)
    throw badRequest(ErrorCode.EmailRequired, "email is required to create a user");
  let person = store.personByEmailAddress(write.email);
  const existing = person === undefined ? undefined : store.memberOf(accountId, person.id);
  if (existing !== undefined) {
    if (existing.is_deleted && write.reactivate)
      return applyWrite(store, existing, { ...write, email: undefined }, now);
    throw badRequest(
      ErrorCode.DuplicateEmail,
      existing.is_deleted
        ? `The email ${write.email} belongs to deleted user ${existing.id}; send reactivate: true to restore it`
        : `A user with the email ${write.email} already exists in this account (user ${existing.id})`,
    );
  }
  person ??= store.addPerson({
    email: write.email,
    first_name: write.patch.first_name ?? "",
    last_name: write.patch.last_name ?? "",
    passwordHash: null,
  });
  const user: UserRecord = {
    id: store.allocateUserId(),
    account_id: accountId,
    login_id: person.id,
    first_name: person.first_name,
    middle_name: "",
    last_name: person.last_name,
    phone_number: "",
    employee_code: "",
    role: ROLE_EMPLOYEE,
    positions: [],
    locations: [],
    hours_max: 0,
    hours_preferred: 0,
    hourly_rate: 0,
    position_rates: {},
    employment_type: "hourly",
    type: 1,
    is_deleted: false,
    is_private: false,
    is_trusted: 0,
    is_hidden: false,
    is_payroll: false,
    activated: true,
    notes: "",
    start_date: null,
    ...write.patch,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    last_login: null,
  };
  store.putUser(user);
  if (write.invite) recordInvite(store, user.id, now);
  return user;
}

/** PUT /2/users/{id}: a partial merge; arrays sent replace the stored ones. */
export function updateUser(
  store: WhenIWorkStore,
  user: UserRecord,
  write: UserWrite,
  now = Date.now(),
): UserRecord {
  return applyWrite(store, user, write, now);
}

/**
 * DELETE /2/users/{id}: soft delete. A user that is already deleted is reported as not found. The user's
 * future shifts become open shifts (user 0), or are deleted with `deleteShifts`. Returns how many changed
 * (the answer stays `{success: true}`: D16's `modified_shifts` has no documented shape).
 */
export function deleteUser(
  store: WhenIWorkStore,
  user: UserRecord,
  caller: UserRecord,
  deleteShifts: boolean,
  now = Date.now(),
): number {
  if (user.is_deleted) throw userNotFound(String(user.id));
  if (user.id === caller.id)
    throw new ApiError(400, ErrorCode.CannotDeleteSelf, "You cannot delete your own user");
  let modified = 0;
  for (const shift of [...store.shifts.values()]) {
    if (shift.user_id !== user.id || shift.start_time <= now) continue;
    modified++;
    if (deleteShifts) store.shifts.delete(shift.id);
    else store.shifts.set(shift.id, { ...shift, user_id: 0 });
  }
  store.putUser({
    ...user,
    is_deleted: true,
    deleted_at: now,
    updated_at: nextUpdatedAt(user.updated_at, now),
  });
  return modified;
}
