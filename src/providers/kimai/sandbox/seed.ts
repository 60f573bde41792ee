// Seed validation (unknown JSON → KimaiStore) and export (KimaiStore → seed JSON, the /__sandbox/state body).

import { randomBytes } from "node:crypto";
import { isPlainObject } from "../../../sandbox/json.js";
import {
  BUILT_IN_ROLES,
  DEFAULT_LANGUAGE,
  DEFAULT_VERSION,
  ROLE_SUPER_ADMIN,
  ROLE_USER,
  SERVER_TIMEZONE,
} from "./constants.js";
import type { UserRecord } from "./model.js";
import { WORK_CONTRACT_DEFAULTS } from "./preferences.js";
import { exportCustomers, exportProjects, readCustomers, readGrants, readProjects } from "./seed-access.js";
import { Reader, SeedError, object } from "./seed-reader.js";

export { SeedError };
import type { KimaiSeed, KimaiSeedTeam, KimaiSeedUser } from "./seed-types.js";
import { KimaiStore, hashApiPassword } from "./store.js";

/** RoleNameValidator (src/Validator/Constraints/RoleNameValidator.php), the sandbox's own copy. */
function isRoleName(role: string): boolean {
  return /^[A-Z_]{5,}$/.test(role) && !/__|^_|_$/.test(role);
}

/** "2.50" → "2.50.0"; anything but MAJOR.MINOR[.PATCH] is a SeedError. */
export function checkedVersion(version: string, where = "Kimai version"): string {
  if (!/^\d+\.\d+(\.\d+)?$/.test(version))
    throw new SeedError(`${where}: "${version}" must look like 2.50 or 2.50.0`);
  return version.split(".").length === 2 ? `${version}.0` : version;
}

/** Preferences held by dedicated seed fields instead of the preferences list. */
const FIELD_PREFERENCES = ["language", "locale", "timezone"] as const;

const USER_FIELDS = [
  "id",
  "username",
  "email",
  "enabled",
  "roles",
  "alias",
  "title",
  "accountNumber",
  "language",
  "locale",
  "timezone",
  "color",
  "avatar",
  "supervisor",
  "systemAccount",
  "preferences",
  "apiPassword",
  "apiPasswordHash",
  "contractSaved",
];

function readUser(value: unknown, where: string): { user: UserRecord; supervisor: number | null } {
  const r = new Reader(object(value, where), where, USER_FIELDS);
  const obj = value as Record<string, unknown>;
  const roles = r.list("roles").map((role, i) => {
    if (typeof role !== "string" || !isRoleName(role)) {
      throw new SeedError(`${where}.roles[${i}]: must be a Kimai role name like "ROLE_ADMIN" or "TEST_ROLE"`);
    }
    if (role === ROLE_USER)
      throw new SeedError(`${where}.roles[${i}]: ROLE_USER is implicit and never stored; remove it`);
    return role;
  });
  const preferences = new Map<string, string | null>();
  r.list("preferences").forEach((item, i) => {
    const pw = `${where}.preferences[${i}]`;
    const p = new Reader(object(item, pw), pw, ["name", "value"]);
    const name = p.string("name");
    const raw = (item as Record<string, unknown>)["value"];
    if (raw !== null && typeof raw !== "string") throw new SeedError(`${pw}.value: must be a string or null`);
    if ((FIELD_PREFERENCES as readonly string[]).includes(name)) {
      throw new SeedError(
        `${pw}.name: "${name}" is set with the user's "${name}" field, not as a preference`,
      );
    }
    if (preferences.has(name)) throw new SeedError(`${pw}.name: duplicate preference "${name}"`);
    preferences.set(name, raw);
  });
  // Saving the contract in Kimai's UI stores all 12 rows: before 2.61 only such users have them.
  if (r.boolean("contractSaved", false)) {
    for (const [name, value] of WORK_CONTRACT_DEFAULTS)
      if (!preferences.has(name)) preferences.set(name, value);
  }
  const language = r.optionalString("language") ?? DEFAULT_LANGUAGE;
  preferences.set("language", language);
  preferences.set("locale", r.optionalString("locale") ?? language);
  preferences.set("timezone", r.optionalString("timezone") ?? SERVER_TIMEZONE);

  let apiPasswordHash: string | null = null;
  if (obj["apiPassword"] !== undefined) apiPasswordHash = hashApiPassword(r.string("apiPassword"));
  const hash = r.nullableString("apiPasswordHash");
  if (hash !== null) {
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw new SeedError(`${where}.apiPasswordHash: must be a sha256 hex digest`);
    if (apiPasswordHash !== null)
      throw new SeedError(`${where}: give apiPassword or apiPasswordHash, not both`);
    apiPasswordHash = hash;
  }
  const user: UserRecord = {
    id: r.id("id"),
    username: r.string("username"),
    email: r.string("email"),
    enabled: r.boolean("enabled", true),
    roles,
    alias: r.nullableString("alias"),
    title: r.nullableString("title"),
    accountNumber: r.nullableString("accountNumber"),
    color: r.nullableString("color"),
    avatar: r.nullableString("avatar"),
    supervisorId: null,
    systemAccount: r.boolean("systemAccount", false),
    apiPasswordHash,
    hasPassword: true,
    preferences,
    teamIds: [],
  };
  return { user, supervisor: r.nullableId("supervisor") };
}

function defaultSeed(): KimaiSeed {
  return {
    users: [
      { id: 1, username: "admin", email: "admin@example.com", enabled: true, roles: [ROLE_SUPER_ADMIN] },
    ],
    tokens: { [randomBytes(24).toString("hex")]: 1 },
  };
}

/** Builds the state from a seed, or throws a SeedError naming the offending path. */
export function storeFromSeed(input: unknown): KimaiStore {
  const seed = object(input ?? defaultSeed(), "seed");
  const r = new Reader(seed, "seed", [
    "version",
    "workContractPlugin",
    "roles",
    "users",
    "customers",
    "projects",
    "teams",
    "tokens",
  ]);
  const version = checkedVersion(r.optionalString("version") ?? DEFAULT_VERSION, "seed.version");
  const store = new KimaiStore(version, r.boolean("workContractPlugin", false));

  r.list("roles").forEach((role, i) => {
    if (typeof role !== "string" || !isRoleName(role) || (BUILT_IN_ROLES as readonly string[]).includes(role))
      throw new SeedError(
        `seed.roles[${i}]: must be a custom role name like "TEST_ROLE" (built-in roles need no entry)`,
      );
    store.customRoles.add(role);
  });
  const supervisors: Array<[UserRecord, number | null, string]> = [];
  r.list("users").forEach((item, i) => {
    const where = `seed.users[${i}]`;
    const { user, supervisor } = readUser(item, where);
    if (store.users.has(user.id)) throw new SeedError(`${where}.id: duplicate user id ${user.id}`);
    for (const [field, value] of [
      ["username", user.username],
      ["email", user.email],
    ] as const) {
      const other = store.userByUsername(value) ?? store.userByEmail(value);
      if (other !== undefined) {
        throw new SeedError(
          `${where}.${field}: "${value}" is already the username or email of user ${other.id}`,
        );
      }
    }
    for (const role of user.roles)
      if (!(BUILT_IN_ROLES as readonly string[]).includes(role)) store.customRoles.add(role);
    store.addUser(user);
    supervisors.push([user, supervisor, where]);
  });
  for (const [user, supervisor, where] of supervisors) {
    if (supervisor === null) continue;
    if (!store.users.has(supervisor))
      throw new SeedError(`${where}.supervisor: no user with id ${supervisor}`);
    if (supervisor === user.id)
      throw new SeedError(`${where}.supervisor: a user cannot be their own supervisor`);
    user.supervisorId = supervisor;
  }

  readCustomers(r.list("customers"), store);
  readProjects(r.list("projects"), store);
  r.list("teams").forEach((item, i) => {
    const where = `seed.teams[${i}]`;
    const t = new Reader(object(item, where), where, [
      "id",
      "name",
      "color",
      "members",
      "customers",
      "projects",
    ]);
    const id = t.id("id");
    const name = t.string("name");
    if (store.teams.has(id)) throw new SeedError(`${where}.id: duplicate team id ${id}`);
    if (store.teamByName(name) !== undefined)
      throw new SeedError(`${where}.name: duplicate team name "${name}"`);
    const team = store.createTeam(name, t.nullableString("color"), id);
    t.list("members").forEach((m, j) => {
      const mw = `${where}.members[${j}]`;
      const mr = new Reader(object(m, mw), mw, ["user", "teamlead"]);
      const userId = mr.id("user");
      if (!store.users.has(userId)) throw new SeedError(`${mw}.user: no user with id ${userId}`);
      if (team.members.has(userId)) throw new SeedError(`${mw}.user: user ${userId} is listed twice`);
      store.addMember(team, userId, mr.boolean("teamlead", false));
    });
    readGrants(t, where, team, store);
  });

  const tokens = seed["tokens"];
  if (tokens !== undefined) {
    for (const [token, value] of Object.entries(object(tokens, "seed.tokens"))) {
      const where = `seed.tokens[${JSON.stringify(token)}]`;
      if (token.length < 2 || token.length > 100)
        throw new SeedError(`${where}: a token has 2 to 100 characters`);
      let userId: unknown = value;
      let expiresAt: number | null = null;
      if (isPlainObject(value)) {
        const tr = new Reader(value, where, ["user", "expiresAt"]);
        userId = tr.id("user");
        const expiry = tr.nullableString("expiresAt");
        if (expiry !== null) {
          expiresAt = Date.parse(expiry);
          if (Number.isNaN(expiresAt)) throw new SeedError(`${where}.expiresAt: must be an ISO date-time`);
        }
      }
      if (typeof userId !== "number" || !store.users.has(userId)) {
        throw new SeedError(`${where}: must be the id of a seeded user (or {"user": id, "expiresAt": ...})`);
      }
      store.tokens.set(token, { userId, expiresAt });
    }
  }
  return store;
}

export function exportUser(user: UserRecord): KimaiSeedUser {
  const preferences = [...user.preferences]
    .filter(([name]) => !(FIELD_PREFERENCES as readonly string[]).includes(name))
    .map(([name, value]) => ({ name, value }));
  const language = user.preferences.get("language") ?? DEFAULT_LANGUAGE;
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    enabled: user.enabled,
    roles: [...user.roles],
    alias: user.alias,
    title: user.title,
    accountNumber: user.accountNumber,
    language,
    locale: user.preferences.get("locale") ?? language,
    timezone: user.preferences.get("timezone") ?? SERVER_TIMEZONE,
    color: user.color,
    avatar: user.avatar,
    supervisor: user.supervisorId,
    systemAccount: user.systemAccount,
    preferences,
    apiPasswordHash: user.apiPasswordHash,
  };
}

export function exportSeed(store: KimaiStore): Required<KimaiSeed> {
  const teams: KimaiSeedTeam[] = [...store.teams.values()].map((team) => ({
    id: team.id,
    name: team.name,
    color: team.color,
    members: [...team.members].map(([user, teamlead]) => ({ user, teamlead })),
    customers: [...team.customerIds],
    projects: [...team.projectIds],
  }));
  const tokens: Required<KimaiSeed>["tokens"] = {};
  for (const [token, record] of store.tokens) {
    tokens[token] =
      record.expiresAt === null
        ? record.userId
        : { user: record.userId, expiresAt: new Date(record.expiresAt).toISOString() };
  }
  return {
    version: store.version,
    workContractPlugin: store.workContractPlugin,
    roles: [...store.customRoles],
    users: [...store.users.values()].map(exportUser),
    customers: exportCustomers(store),
    projects: exportProjects(store),
    teams,
    tokens,
  };
}
