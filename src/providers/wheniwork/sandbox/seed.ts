// Seed validation: unknown JSON → WhenIWorkStore, filling optional fields with defaults.

import { randomBytes } from "node:crypto";
import { ROLE_ADMIN, ROLE_EMPLOYEE, ROLES } from "./constants.js";
import { resolveEmployment } from "./employment.js";
import type { CatalogRecord, PersonRecord, UserRecord } from "./model.js";
import { EMAIL_PATTERN, SeedError, SeedReader, isCalendarDate, seedObject } from "./seed-reader.js";
import type { WhenIWorkSeed } from "./seed-types.js";
import { WhenIWorkStore, emailKey, hashPassword } from "./store.js";

export { SeedError } from "./seed-reader.js";

const fields = (...names: string[]): ReadonlySet<string> => new Set(names);
const SEED_FIELDS = fields(
  "accounts",
  "persons",
  "users",
  "positions",
  "locations",
  "tokens",
  "invites",
  "shifts",
);
const ACCOUNT_FIELDS = fields("id", "name");
const PERSON_FIELDS = fields("id", "email", "first_name", "last_name", "password", "password_hash");
const CATALOG_FIELDS = fields("id", "account_id", "name", "is_deleted");
const INVITE_FIELDS = fields("user_id", "at", "message");
const SHIFT_FIELDS = fields("id", "account_id", "user_id", "start_time");
const USER_FIELDS = fields(
  "id",
  "account_id",
  "login_id",
  "email",
  "first_name",
  "middle_name",
  "last_name",
  "phone_number",
  "role",
  "employee_code",
  "positions",
  "locations",
  "hours_max",
  "hours_preferred",
  "hourly_rate",
  "position_rates",
  "employment_type",
  "type",
  "is_deleted",
  "is_private",
  "is_trusted",
  "is_hidden",
  "is_payroll",
  "activated",
  "notes",
  "start_date",
  "created_at",
  "updated_at",
  "deleted_at",
  "last_login",
);

/** The state of a sandbox started without a seed: one account, its admin, three positions, two locations. */
export function defaultSeed(token: string = randomBytes(24).toString("hex")): WhenIWorkSeed {
  return {
    accounts: [{ id: 1, name: "Demo Co" }],
    persons: [
      { id: 1, email: "admin@example.com", first_name: "Demo", last_name: "Admin", password: "sandbox" },
    ],
    users: [{ id: 1, account_id: 1, login_id: 1, role: ROLE_ADMIN }],
    positions: [
      { id: 1, account_id: 1, name: "Barista" },
      { id: 2, account_id: 1, name: "Cashier" },
      { id: 3, account_id: 1, name: "Manager" },
      { id: 4, account_id: 1, name: "Old Position", is_deleted: true },
    ],
    locations: [
      { id: 1, account_id: 1, name: "Main Street" },
      { id: 2, account_id: 1, name: "Harbour" },
    ],
    tokens: { [token]: 1 },
    invites: [],
  };
}

function readPerson(item: unknown, where: string): PersonRecord & { named: boolean } {
  const r: SeedReader = new SeedReader(item, where, PERSON_FIELDS);
  const email = r.name("email");
  if (!EMAIL_PATTERN.test(email)) r.fail("email", `"${email}" is not an email address`);
  let passwordHash: string | null = null;
  if (r.has("password")) passwordHash = hashPassword(r.name("password"));
  const hash = r.obj["password_hash"];
  if (hash !== undefined && hash !== null) {
    if (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash))
      r.fail("password_hash", "must be a sha256 hex digest");
    if (passwordHash !== null) throw new SeedError(`${where}: give password or password_hash, not both`);
    passwordHash = hash;
  }
  return {
    id: r.id("id"),
    email,
    first_name: r.string("first_name", ""),
    last_name: r.string("last_name", ""),
    passwordHash,
    named: r.has("first_name") || r.has("last_name"),
  };
}

function readCatalog(
  store: WhenIWorkStore,
  kind: "positions" | "locations",
  item: unknown,
  where: string,
): CatalogRecord {
  const r: SeedReader = new SeedReader(item, where, CATALOG_FIELDS);
  const record: CatalogRecord = {
    id: r.id("id"),
    account_id: r.id("account_id"),
    name: r.name("name"),
    is_deleted: r.boolean("is_deleted", false),
  };
  if (store[kind].has(record.id)) r.fail("id", `duplicate ${kind.slice(0, -1)} id ${record.id}`);
  if (!store.accounts.has(record.account_id)) r.fail("account_id", `no account with id ${record.account_id}`);
  return record;
}

function readCatalogIds(
  store: WhenIWorkStore,
  kind: "positions" | "locations",
  r: SeedReader,
  accountId: number,
): number[] {
  const ids = r.ids(kind);
  ids.forEach((id, i) => {
    if (store[kind].get(id)?.account_id !== accountId) {
      r.fail(`${kind}[${i}]`, `no ${kind.slice(0, -1)} ${id} in account ${accountId}`);
    }
  });
  return [...new Set(ids)];
}

function readPositionRates(store: WhenIWorkStore, r: SeedReader, accountId: number): Record<string, number> {
  const raw = r.obj["position_rates"];
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return {};
  const rates = seedObject(raw, `${r.where}.position_rates`);
  const out: Record<string, number> = {};
  for (const [key, rate] of Object.entries(rates)) {
    const position = /^[1-9]\d*$/.test(key) ? store.positions.get(Number(key)) : undefined;
    if (position?.account_id !== accountId)
      r.fail(`position_rates.${key}`, `no position ${key} in account ${accountId}`);
    if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0)
      r.fail(`position_rates.${key}`, "must be a number >= 0");
    out[key] = rate;
  }
  return out;
}

function resolvePerson(
  store: WhenIWorkStore,
  r: SeedReader,
  userId: number,
  firstName: string,
  lastName: string,
): PersonRecord {
  const email = r.optionalString("email");
  if (email !== undefined && !EMAIL_PATTERN.test(email))
    r.fail("email", `"${email}" is not an email address`);
  const loginId = r.optionalId("login_id");
  if (loginId !== undefined) {
    const person = store.persons.get(loginId);
    if (person === undefined) r.fail("login_id", `no person with id ${loginId}`);
    if (email !== undefined && emailKey(email) !== emailKey(person.email)) {
      r.fail(
        "email",
        `"${email}" differs from the email of person ${loginId} ("${person.email}"); emails belong to persons`,
      );
    }
    return person;
  }
  if (email === undefined) r.fail("email", "required when login_id is not given");
  return (
    store.personByEmailAddress(email) ??
    // A person created for a user takes the user's id when it is free, so simple seeds can say tokens: {"t": 1}.
    store.addPerson({
      ...(store.persons.has(userId) ? {} : { id: userId }),
      email,
      first_name: firstName,
      last_name: lastName,
      passwordHash: null,
    })
  );
}

function readUser(store: WhenIWorkStore, item: unknown, where: string, now: number): UserRecord {
  const r: SeedReader = new SeedReader(item, where, USER_FIELDS);
  const id = r.id("id");
  if (store.users.has(id)) r.fail("id", `duplicate user id ${id}`);
  const accountId = r.id("account_id");
  if (!store.accounts.has(accountId)) r.fail("account_id", `no account with id ${accountId}`);
  const firstName = r.string("first_name", "");
  const lastName = r.string("last_name", "");
  const person = resolvePerson(store, r, id, firstName, lastName);
  const other = store.memberOf(accountId, person.id);
  if (other !== undefined) {
    r.fail("email", `"${person.email}" already belongs to user ${other.id} of account ${accountId}`);
  }
  const role = r.obj["role"] ?? ROLE_EMPLOYEE;
  if (typeof role !== "number" || !ROLES.has(role)) r.fail("role", `must be one of ${[...ROLES].join(", ")}`);
  const employment = resolveEmployment(r.obj["employment_type"], r.obj["type"], {
    employment_type: "hourly",
    type: 1,
  });
  if ("error" in employment) throw new SeedError(`${where}: ${employment.error}`);
  const trusted = r.obj["is_trusted"];
  if (trusted !== undefined && trusted !== 0 && trusted !== 1 && typeof trusted !== "boolean") {
    r.fail("is_trusted", "must be 0, 1, true or false");
  }
  const startDate = r.obj["start_date"];
  if (
    startDate !== undefined &&
    startDate !== null &&
    (typeof startDate !== "string" || !isCalendarDate(startDate))
  ) {
    r.fail("start_date", "must be a date like 2025-01-31, or null");
  }
  const isDeleted = r.boolean("is_deleted", false);
  const createdAt = r.dateTime("created_at") ?? now;
  const updatedAt = r.dateTime("updated_at") ?? createdAt;
  return {
    id,
    account_id: accountId,
    login_id: person.id,
    first_name: r.has("first_name") ? firstName : person.first_name,
    middle_name: r.string("middle_name", ""),
    last_name: r.has("last_name") ? lastName : person.last_name,
    phone_number: r.string("phone_number", ""),
    employee_code: r.string("employee_code", ""),
    role,
    positions: readCatalogIds(store, "positions", r, accountId),
    locations: readCatalogIds(store, "locations", r, accountId),
    hours_max: r.amount("hours_max"),
    hours_preferred: r.amount("hours_preferred"),
    hourly_rate: r.amount("hourly_rate"),
    position_rates: readPositionRates(store, r, accountId),
    employment_type: employment.employment_type,
    type: employment.type,
    is_deleted: isDeleted,
    is_private: r.boolean("is_private", false),
    is_trusted: trusted === 1 || trusted === true ? 1 : 0,
    is_hidden: r.boolean("is_hidden", false),
    is_payroll: r.boolean("is_payroll", false),
    activated: r.boolean("activated", true),
    notes: r.string("notes", ""),
    start_date: typeof startDate === "string" ? startDate : null,
    created_at: createdAt,
    updated_at: updatedAt,
    deleted_at: isDeleted ? (r.dateTime("deleted_at") ?? updatedAt) : null,
    last_login: r.dateTime("last_login"),
  };
}

/** Builds the state from a seed (undefined = the default seed), or throws a SeedError naming the offending path. */
export function storeFromSeed(input: unknown, now = Date.now()): WhenIWorkStore {
  const r: SeedReader = new SeedReader(input ?? defaultSeed(), "seed", SEED_FIELDS);
  const store = new WhenIWorkStore();

  r.list("accounts").forEach((item, i) => {
    const a: SeedReader = new SeedReader(item, `seed.accounts[${i}]`, ACCOUNT_FIELDS);
    const id = a.id("id");
    if (store.accounts.has(id)) a.fail("id", `duplicate account id ${id}`);
    store.addAccount({ id, name: a.name("name") });
  });

  const unnamed = new Set<number>();
  r.list("persons").forEach((item, i) => {
    const where = `seed.persons[${i}]`;
    const { named, ...person } = readPerson(item, where);
    if (store.persons.has(person.id)) throw new SeedError(`${where}.id: duplicate person id ${person.id}`);
    const other = store.personByEmailAddress(person.email);
    if (other !== undefined)
      throw new SeedError(`${where}.email: "${person.email}" is already the email of person ${other.id}`);
    store.addPerson(person);
    if (!named) unnamed.add(person.id);
  });

  for (const kind of ["positions", "locations"] as const) {
    r.list(kind).forEach((item, i) =>
      store.addCatalog(kind, readCatalog(store, kind, item, `seed.${kind}[${i}]`)),
    );
  }

  r.list("users").forEach((item, i) => {
    const user = readUser(store, item, `seed.users[${i}]`, now);
    store.putUser(user);
    // A person seeded without a name takes that of their first user (as login responses show it).
    if (unnamed.delete(user.login_id)) {
      const person = store.persons.get(user.login_id);
      if (person !== undefined) {
        store.persons.set(person.id, { ...person, first_name: user.first_name, last_name: user.last_name });
      }
    }
  });

  const tokens = r.obj["tokens"];
  if (tokens !== undefined) {
    for (const [token, personId] of Object.entries(seedObject(tokens, "seed.tokens"))) {
      const where = `seed.tokens[${JSON.stringify(token)}]`;
      if (token.length < 2 || token.length > 200 || /\s/.test(token)) {
        throw new SeedError(`${where}: a token has 2 to 200 characters and no spaces`);
      }
      if (typeof personId !== "number" || !store.persons.has(personId)) {
        throw new SeedError(`${where}: must be the id of a seeded person`);
      }
      store.tokens.set(token, personId);
    }
  }

  r.list("invites").forEach((item, i) => {
    const v: SeedReader = new SeedReader(item, `seed.invites[${i}]`, INVITE_FIELDS);
    const userId = v.id("user_id");
    if (!store.users.has(userId)) v.fail("user_id", `no user with id ${userId}`);
    const at = v.dateTime("at");
    if (at === null) v.fail("at", "required");
    const message = v.optionalString("message");
    store.invites.push({
      user_id: userId,
      at: new Date(at).toISOString(),
      ...(message !== undefined ? { message } : {}),
    });
  });

  r.list("shifts").forEach((item, i) => {
    const v: SeedReader = new SeedReader(item, `seed.shifts[${i}]`, SHIFT_FIELDS);
    const id = v.id("id");
    if (store.shifts.has(id)) v.fail("id", `duplicate shift id ${id}`);
    const accountId = v.id("account_id");
    if (!store.accounts.has(accountId)) v.fail("account_id", `no account with id ${accountId}`);
    const userId = v.obj["user_id"];
    if (userId !== 0) {
      const owner = store.users.get(v.id("user_id"));
      if (owner?.account_id !== accountId)
        v.fail("user_id", `no user ${String(userId)} in account ${accountId}`);
    }
    const start = v.dateTime("start_time");
    if (start === null) v.fail("start_time", "required");
    store.shifts.set(id, {
      id,
      account_id: accountId,
      user_id: userId === 0 ? 0 : v.id("user_id"),
      start_time: start,
    });
  });
  return store;
}
