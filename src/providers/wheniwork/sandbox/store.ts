// The sandbox state in Maps, with the indexes the routes need so no request scans every user:
// persons by email (emails are unique across persons), users per account and per (account, person).

import { createHash } from "node:crypto";
import type {
  AccountRecord,
  CatalogRecord,
  InviteRecord,
  PersonRecord,
  ShiftRecord,
  UserRecord,
} from "./model.js";

export const emailKey = (email: string): string => email.trim().toLowerCase();

export function hashPassword(plain: string): string {
  return createHash("sha256").update(plain).digest("hex");
}

const memberKey = (accountId: number, personId: number): string => `${accountId}:${personId}`;

export class WhenIWorkStore {
  readonly accounts = new Map<number, AccountRecord>();
  readonly persons = new Map<number, PersonRecord>();
  readonly users = new Map<number, UserRecord>();
  readonly positions = new Map<number, CatalogRecord>();
  readonly locations = new Map<number, CatalogRecord>();
  /** Token → person id. */
  readonly tokens = new Map<string, number>();
  readonly invites: InviteRecord[] = [];
  readonly shifts = new Map<number, ShiftRecord>();

  private readonly personByEmail = new Map<string, number>();
  /** Account id → its user ids, in creation order. */
  private readonly accountUsers = new Map<number, Set<number>>();
  /** Person id → their user ids (one per account). */
  private readonly personUsers = new Map<number, Set<number>>();
  private readonly memberUser = new Map<string, number>();
  private nextPersonId = 1;
  private nextUserId = 1;

  addAccount(account: AccountRecord): void {
    this.accounts.set(account.id, account);
    this.accountUsers.set(account.id, new Set());
  }

  addPerson(person: Omit<PersonRecord, "id"> & { id?: number }): PersonRecord {
    const record: PersonRecord = { ...person, id: person.id ?? this.nextPersonId };
    this.persons.set(record.id, record);
    this.personByEmail.set(emailKey(record.email), record.id);
    this.nextPersonId = Math.max(this.nextPersonId, record.id + 1);
    return record;
  }

  personByEmailAddress(email: string): PersonRecord | undefined {
    const id = this.personByEmail.get(emailKey(email));
    return id === undefined ? undefined : this.persons.get(id);
  }

  /** Changes a person's email (and so that of all their users); the caller checks it is free. */
  setPersonEmail(person: PersonRecord, email: string): PersonRecord {
    if (this.personByEmail.get(emailKey(person.email)) === person.id)
      this.personByEmail.delete(emailKey(person.email));
    const updated = { ...person, email };
    this.persons.set(person.id, updated);
    this.personByEmail.set(emailKey(email), person.id);
    return updated;
  }

  allocateUserId(): number {
    return this.nextUserId++;
  }

  /** Adds a user or replaces one with the same id (account and person never change). */
  putUser(user: UserRecord): void {
    const isNew = !this.users.has(user.id);
    this.users.set(user.id, user);
    if (!isNew) return;
    this.accountUsers.get(user.account_id)?.add(user.id);
    let mine = this.personUsers.get(user.login_id);
    if (mine === undefined) this.personUsers.set(user.login_id, (mine = new Set()));
    mine.add(user.id);
    this.memberUser.set(memberKey(user.account_id, user.login_id), user.id);
    this.nextUserId = Math.max(this.nextUserId, user.id + 1);
  }

  /** The account's users in creation order. */
  *usersOfAccount(accountId: number): Generator<UserRecord> {
    for (const id of this.accountUsers.get(accountId) ?? []) {
      const user = this.users.get(id);
      if (user !== undefined) yield user;
    }
  }

  usersOfPerson(personId: number): UserRecord[] {
    const out: UserRecord[] = [];
    for (const id of this.personUsers.get(personId) ?? []) {
      const user = this.users.get(id);
      if (user !== undefined) out.push(user);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** The person's user in that account, deleted or not. */
  memberOf(accountId: number, personId: number): UserRecord | undefined {
    const id = this.memberUser.get(memberKey(accountId, personId));
    return id === undefined ? undefined : this.users.get(id);
  }

  emailOf(user: UserRecord): string {
    return this.persons.get(user.login_id)?.email ?? "";
  }

  addCatalog(kind: "positions" | "locations", record: CatalogRecord): void {
    this[kind].set(record.id, record);
  }

  *catalogOfAccount(kind: "positions" | "locations", accountId: number): Generator<CatalogRecord> {
    for (const record of this[kind].values()) if (record.account_id === accountId) yield record;
  }
}
