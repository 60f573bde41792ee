// Kimai as a rosterform target: preflight + one list to read, one request per kind per user to apply.
import { randomBytes } from "node:crypto";
import { parseAddress } from "../../core/address.js";
import { USER_KIND } from "../../core/kinds.js";
import type { DesiredUser } from "../../core/model.js";
import type { Change, Note } from "../../core/plan.js";
import type { RemoteRecord } from "../../core/records.js";
import { contractChangeEffects, contractNotes, scheduledSwitchEffects } from "./contract-effects.js";
import { HttpError, NetworkError, RosterformError } from "../../errors.js";
import { HttpClient, type HttpClientOptions } from "../../http/client.js";
import { isRetryableStatus } from "../../http/retry.js";
import { LOST_ANSWER_REMARK, sendCheckingFirst } from "../../http/send-checking-first.js";
import { registerSecret } from "../../redact.js";
import type {
  ApplyContext,
  ApplyOutcome,
  DesiredMapping,
  ImportResult,
  Provider,
  RemoteSnapshot,
} from "../../core/provider.js";
import { importUsers } from "./export.js";
import { optedOut } from "./settings.js";
import {
  directoryNotes,
  invalidEmailNote,
  ownedUser,
  ownershipNotes,
  withoutIgnoredEmail,
} from "./ownership.js";
import {
  COLOR_VERSION,
  CONTRACT_VERSION,
  OLDEST_SUPPORTED,
  capabilitiesOf,
  tooOld,
  type KimaiCapabilities,
} from "./versions.js";
import { COLOR_CHOICES, ICU_LEGACY_ZONE_NAMES, LOCALES, TIMEZONES } from "./choices.js";
import { formErrorLines, type KimaiUser } from "./api.js";
import { KimaiClient, type KimaiUserBody } from "./client.js";
import {
  TRUNCATED_AT,
  USER_FIELDS,
  declaredPreferences,
  desiredRecord,
  isUserField,
  remoteRecord,
} from "./mapping.js";
import {
  CONTRACT_PREFERENCES,
  HIDDEN_PREFERENCES,
  PLUGIN_CONTRACT_TYPES,
  PREFERENCES,
  WORK_CONTRACT_BUNDLE,
  preferenceCanon,
  preferenceDefault,
} from "./preferences.js";

const CREATE_ATTEMPTS = 6;
const BUILT_IN_ROLES = ["ROLE_TEAMLEAD", "ROLE_ADMIN", "ROLE_SUPER_ADMIN"];

export interface KimaiProviderOptions {
  url: string;
  token: string;
  workContractPlugin: "auto" | boolean;
  /** YYYY-MM: the last month locked in Kimai; contract impact is counted from the month after. */
  lockedThrough?: string;
  /** targets.kimai.currency: printed after rates (Kimai keeps them without one). */
  currency?: string;
  timeoutMs?: number;
  connections?: number;
  retry?: HttpClientOptions["retry"];
  onRetry?: HttpClientOptions["onRetry"];
  budget?: HttpClientOptions["budget"];
  proxy?: HttpClientOptions["proxy"];
  trace?: HttpClientOptions["trace"];
}

export interface KimaiSnapshot extends RemoteSnapshot {
  version: string;
  capabilities: KimaiCapabilities;
  workContractPlugin: boolean;
  users: KimaiUser[];
}

/** What to do about a username Kimai would need to change (its API cannot; a super admin can in the web UI). */
const RENAME_HINT = (from: string, to: string): string =>
  `a super admin renames "${from}" to "${to}" in Kimai's web UI (Users → ${from} → Edit, double-click the username), or the file keeps username: ${from}; then plan again`;

export class KimaiProvider implements Provider {
  readonly target = "kimai";
  readonly kinds = [USER_KIND];
  readonly endpoint: string;
  readonly client: KimaiClient;
  /** What the server read by read() can do (the version step); undefined before read(). */
  private capabilities: KimaiCapabilities | undefined;
  private plugin = false;

  constructor(private readonly options: KimaiProviderOptions) {
    this.endpoint = options.url.replace(/\/+$/, "");
    const http = new HttpClient({
      baseUrl: this.endpoint,
      headers: { authorization: `Bearer ${options.token}` },
      service: "Kimai",
      ...(options.proxy ? { proxy: options.proxy } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.connections !== undefined ? { connections: options.connections } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      ...(options.budget ? { budget: options.budget } : {}),
      ...(options.trace ? { trace: options.trace } : {}),
    });
    this.client = new KimaiClient(http);
  }

  async read(): Promise<KimaiSnapshot> {
    const version = await this.preflight(() => this.client.version());
    const old = tooOld(version.version);
    if (old !== undefined) throw new RosterformError(`${this.endpoint}: ${old}`);
    const capabilities = capabilitiesOf(version.version);
    this.capabilities = capabilities;
    const me = await this.preflight(() => this.client.me());
    const roles = me.roles ?? [];
    if (!roles.includes("ROLE_SUPER_ADMIN")) {
      throw new RosterformError(
        `the token belongs to "${me.username}" with roles [${roles.join(", ") || "ROLE_USER"}], but listing, creating and editing users needs ROLE_SUPER_ADMIN: create the API token as a super-admin (best: a dedicated service user) and set it as KIMAI_API_TOKEN; nothing was sent`,
      );
    }
    const plugin =
      this.options.workContractPlugin === "auto"
        ? (await this.preflight(() => this.client.plugins())).some((p) => p.name === WORK_CONTRACT_BUNDLE)
        : this.options.workContractPlugin;
    this.plugin = plugin;
    const users = await this.preflight(() => this.client.listUsers());
    const notes: Note[] = [];
    return {
      records: users.map((u) => remoteRecord(u, capabilities, this.options.currency)),
      selfKey: me.username.toLowerCase(),
      notes,
      version: version.version,
      capabilities,
      workContractPlugin: plugin,
      users,
    };
  }

  desired(everyone: readonly DesiredUser[], snapshot: KimaiSnapshot, at: string): DesiredMapping {
    const errors: string[] = [];
    const remoteByKey = new Map(snapshot.users.map((u) => [u.username.toLowerCase(), u]));
    const { kept: declaredUsers, ignore, notes: optOutNotes } = optOuts(everyone, remoteByKey);
    const notes: Note[] = [...optOutNotes, ...ownershipNotes(declaredUsers)];
    // Fields left to others are neither checked, compared nor sent: every check below sees the owned user.
    const users = declaredUsers.map(ownedUser);
    const emailOwner = new Map(snapshot.users.map((u) => [u.email.toLowerCase(), u.username]));
    const desiredByKey = new Map(users.map((u) => [u.username.toLowerCase(), u]));
    // Kimai's API lists no roles: the ones it knows for sure are the built-in ones and those users hold.
    const knownRoles = new Set([...BUILT_IN_ROLES, ...snapshot.users.flatMap((u) => u.roles ?? [])]);
    for (const user of users) {
      const where = user.source.file;
      const key = user.username.toLowerCase();
      const contract = user.contract;
      notes.push(...contractNotes(user, at));
      if (contract && PLUGIN_CONTRACT_TYPES.has(contract.type) && !snapshot.workContractPlugin) {
        errors.push(
          `${where}: a "${contract.type}" contract needs Kimai's Working contract plugin, which this server does not have; use type day (hours per weekday) or none, or install the plugin (or set targets.kimai.workContractPlugin: true if detection is wrong)`,
        );
      }
      const next = user.nextContract;
      if (next && PLUGIN_CONTRACT_TYPES.has(next.contract.type) && !snapshot.workContractPlugin) {
        notes.push({
          level: "warning",
          key,
          message: `${user.username}'s contract from ${next.from} is "${next.contract.type}", which needs the Working contract plugin this server lacks: that apply will fail`,
        });
      }
      for (const [field, max] of Object.entries(TRUNCATED_AT)) {
        const value = user[field as "alias" | "title" | "accountNumber"];
        // Kimai counts characters (code points, mb_strlen), not UTF-16 units: "😀" is one.
        const length = value === undefined ? 0 : [...value].length;
        if (length > max) {
          errors.push(
            `${where}: ${field} is ${length} characters; Kimai keeps at most ${max} and cuts the rest silently: shorten it`,
          );
        }
      }
      const outside = user.supervisor ? optedOutBoss(user.supervisor, everyone) : undefined;
      if (outside) {
        errors.push(
          `${where}: supervisor ${outside.username} has kimai: false (${outside.source.file}), and a Kimai supervisor must be in Kimai: choose another supervisor, or remove kimai: false there`,
        );
      }
      // Checked only where the supervisor or email is sent: Kimai validates submitted fields only.
      const self = remoteByKey.get(key);
      const boss = user.supervisor ? remoteByKey.get(user.supervisor.toLowerCase()) : undefined;
      const sendsBoss = boss !== undefined && self?.supervisor?.id !== boss.id;
      const sendsEmail =
        self === undefined ||
        (!user.ignore?.includes("email") && self.email.toLowerCase() !== user.email.toLowerCase());
      notes.push(...directoryNotes(user, self));
      if (sendsBoss && boss.systemAccount) {
        errors.push(
          `${where}: supervisor ${boss.username} is a system account in Kimai, and Kimai offers only enabled people (no system accounts) as supervisors: choose another supervisor`,
        );
      } else if (
        sendsBoss &&
        !boss.enabled &&
        desiredByKey.get(boss.username.toLowerCase())?.enabled !== true
      ) {
        errors.push(
          `${where}: supervisor ${boss.username} is disabled in Kimai, and Kimai offers only enabled users as supervisors: choose another supervisor, or enable ${boss.username} (enabled: true in their file)`,
        );
      }
      if (user.timezone !== undefined && !TIMEZONES.has(user.timezone)) {
        const current = ICU_LEGACY_ZONE_NAMES[user.timezone];
        errors.push(
          `${where}: Kimai does not accept timezone "${user.timezone}"; ${current ? `write its current name, ${current}` : "write an IANA name such as Europe/Berlin"}`,
        );
      }
      if (user.locale !== undefined && !LOCALES.has(user.locale)) {
        errors.push(
          `${where}: Kimai does not know locale "${user.locale}"; write one such as de_DE or en_GB`,
        );
      }
      if (user.color !== undefined && !snapshot.capabilities.readsColor) {
        errors.push(
          `${where}: rosterform needs Kimai ${COLOR_VERSION} for color (${snapshot.version} reports a generated display colour, not the stored one, so the plan could never settle); this server is ${snapshot.version}: remove color or upgrade Kimai`,
        );
      } else if (user.color !== undefined && !COLOR_CHOICES.includes(user.color)) {
        notes.push({
          level: "warning",
          key,
          message: `${where}: color ${user.color} is not one of Kimai's default colour choices (${COLOR_CHOICES.join(", ")}); unless your Kimai's theme.color_choices allows it, Kimai will refuse it`,
        });
      }
      for (const role of user.roles ?? []) {
        if (!knownRoles.has(role)) {
          notes.push({
            level: "warning",
            key,
            message: `${where}: no Kimai user holds role ${role} yet, and Kimai's API cannot list roles: unless ${role} is defined in Kimai (System → Roles), Kimai refuses it ("The selected choice is invalid")`,
          });
        }
      }
      const remote = remoteByKey.get(key);
      const storedValues = new Map((remote?.preferences ?? []).map((p) => [p.name, p.value]));
      const stored = new Set(storedValues.keys());
      const declared = declaredPreferences(user);
      if (!snapshot.capabilities.contractOnEveryUser) {
        // Before 2.61 these rows exist only once the contract was saved in Kimai's UI: a PATCH naming them 404s.
        const missing = Object.entries(declared)
          .filter(([name]) => CONTRACT_PREFERENCES.has(name) && !stored.has(name))
          .filter(
            ([name, value]) =>
              preferenceCanon(name, value) !== preferenceCanon(name, preferenceDefault(name)),
          )
          .map(([name]) => name);
        if (missing.length > 0) {
          const fix = remote
            ? `save ${user.username}'s contract once in Kimai (Users → ${user.username} → Contract), then plan again`
            : `leave the contract out until the user exists and its contract was saved once in Kimai, or upgrade Kimai`;
          errors.push(
            `${where}: rosterform needs Kimai ${CONTRACT_VERSION} for setting work-contract preferences (${missing.join(", ")}) of a user whose contract was never saved in Kimai${remote ? "" : " (every user created through the API)"}; this server is ${snapshot.version}: ${fix}`,
          );
        }
      }
      for (const name of Object.keys(declared)) {
        if (
          (USER_FIELDS as readonly string[]).includes(name) ||
          ["language", "locale", "timezone"].includes(name)
        ) {
          errors.push(
            `${where}: preference "${name}" is a user field in Kimai: write it as a top-level field`,
          );
          continue;
        }
        const spec = PREFERENCES[name];
        if (spec?.plugin && !snapshot.workContractPlugin) {
          if (!contract || !PLUGIN_CONTRACT_TYPES.has(contract.type)) {
            errors.push(`${where}: preference "${name}" exists only with Kimai's Working contract plugin`);
          }
        } else if (HIDDEN_PREFERENCES.has(name)) {
          errors.push(
            `${where}: preference "${name}" exists in Kimai, but its API never shows it, so rosterform could not compare it and would send it on every apply: remove it and set it in Kimai (the user's settings)`,
          );
        } else if (!spec && !stored.has(name)) {
          errors.push(
            `${where}: Kimai has no preference "${name}" for ${user.username}; known names: ${Object.keys(PREFERENCES).join(", ")}`,
          );
        }
      }
      const usernameHolder = remoteByKey.get(user.email.toLowerCase());
      if (sendsEmail && usernameHolder && usernameHolder.username.toLowerCase() !== key) {
        errors.push(
          `${where}: email ${user.email} is the username of Kimai user "${usernameHolder.username}"; Kimai refuses an email equal to another user's username: change the email`,
        );
      }
      const emailHolder = emailOwner.get(key);
      if (self === undefined && emailHolder !== undefined && emailHolder.toLowerCase() !== key) {
        errors.push(
          `${where}: username ${user.username} is the email of Kimai user "${emailHolder}"; Kimai refuses a username equal to another user's email: choose another username`,
        );
      }
      const owner = emailOwner.get(user.email.toLowerCase());
      const former = remote
        ? undefined
        : user.previously?.usernames.find((name) => remoteByKey.has(name.toLowerCase()));
      if (former !== undefined) {
        errors.push(
          `${where}: ${user.username} was "${former}" in Kimai (previously), and Kimai's API cannot change a username: ${RENAME_HINT(former, user.username)}`,
        );
      } else if (sendsEmail && owner !== undefined && owner.toLowerCase() !== key) {
        errors.push(
          `${where}: email ${user.email} already belongs to Kimai user "${owner}"; Kimai needs unique emails: change one of them${remote ? "" : `. If "${owner}" is this person under a former username, note that Kimai's API cannot change a username: ${RENAME_HINT(owner, user.username)}`}`,
        );
      }
    }
    for (const remote of snapshot.users) {
      const note = invalidEmailNote(remote, desiredByKey.get(remote.username.toLowerCase()));
      if (note) notes.push(note);
    }
    const lockedThrough = this.options.lockedThrough;
    return {
      records: users.map((u) =>
        withoutIgnoredEmail(
          desiredRecord(u, this.options.currency),
          u,
          remoteByKey.has(u.username.toLowerCase()),
        ),
      ),
      ignore,
      errors,
      notes,
      effects: (change) => contractChangeEffects(change, userRecord(snapshot, change.key), at, lockedThrough),
      switched: (user) => {
        if (optedOut(user)) return undefined;
        const owned = ownedUser(user);
        return owned.nextContract
          ? desiredRecord({ ...owned, contract: owned.nextContract.contract }, this.options.currency)
          : undefined;
      },
      scheduledEffects: (user) =>
        scheduledSwitchEffects(user, userRecord(snapshot, user.username.toLowerCase()), lockedThrough),
    };
  }

  async apply(change: Change, ctx: ApplyContext): Promise<ApplyOutcome> {
    const fields: KimaiUserBody = {};
    const prefs: { name: string; value: string | null }[] = [];
    for (const a of change.attrs) {
      if (!isUserField(a.key)) {
        prefs.push({ name: a.key, value: a.to.raw === null ? null : String(a.to.raw) });
      } else if (a.key === "supervisor") {
        const ref = a.to.refs?.[0];
        fields.supervisor = ref === undefined ? null : resolveRef(ctx, ref, change.name);
      } else {
        fields[a.key] = a.to.raw as KimaiUserBody[string];
      }
    }
    try {
      if (change.action === "create") return await this.create(change.name, fields, prefs);
      const id = Number(change.remoteId);
      if (Object.keys(fields).length > 0) await this.client.patchUser(id, fields);
      if (prefs.length > 0) await this.setPreferences(id, change.name, prefs);
      return {};
    } catch (error) {
      throw explain(error);
    }
  }

  export(
    snapshot: KimaiSnapshot,
    defaults: Readonly<Record<string, unknown>>,
    declared: readonly DesiredUser[],
  ): ImportResult {
    // Kimai 2.45 reports a generated colour for everyone: never write it into user files.
    const users = snapshot.capabilities.readsColor
      ? snapshot.users
      : snapshot.users.map((u) => ({ ...u, color: null }));
    return importUsers(users, defaults, declared, snapshot.capabilities, this.options.currency);
  }

  async close(): Promise<void> {
    await this.client.http.close();
  }

  private async create(
    username: string,
    fields: KimaiUserBody,
    prefs: { name: string; value: string | null }[],
  ): Promise<ApplyOutcome> {
    // A password nobody knows: people sign in after a reset, or through SSO. Never printed or stored.
    const password = randomBytes(24).toString("base64url");
    registerSecret(password);
    const body: KimaiUserBody = {
      username,
      plainPassword: password,
      ...fields,
      enabled: true,
    };
    const { value: user, foundAfterLoss } = await sendCheckingFirst({
      send: () => this.client.createUser(body),
      check: () => this.client.findByUsername(username),
      pause: (attempt, retryAfter, reason) =>
        this.client.http.pause("POST", "/api/users", attempt, retryAfter, reason),
      attempts: CREATE_ATTEMPTS,
    });
    // Kimai stores the contract preferences at their defaults on create: send only what differs.
    const differing = prefs.filter(
      (p) => preferenceCanon(p.name, p.value) !== preferenceCanon(p.name, preferenceDefault(p.name)),
    );
    if (differing.length > 0) await this.setPreferences(user.id, username, differing);
    return { id: user.id, ...(foundAfterLoss ? { remarks: [LOST_ANSWER_REMARK] } : {}) };
  }

  /** PATCH …/preferences; a 404 or 403 names the preferences sent and the likely cause. */
  private async setPreferences(
    id: number,
    username: string,
    prefs: { name: string; value: string | null }[],
  ): Promise<void> {
    try {
      await this.client.patchPreferences(id, prefs);
    } catch (error) {
      if (!(error instanceof HttpError) || (error.status !== 404 && error.status !== 403)) throw error;
      const names = prefs.map((p) => p.name);
      const causes: string[] = [];
      if (error.status === 404) {
        const contract = names.filter((n) => CONTRACT_PREFERENCES.has(n));
        const plugin = names.filter((n) => PREFERENCES[n]?.plugin);
        const other = names.filter((n) => !CONTRACT_PREFERENCES.has(n) && !PREFERENCES[n]?.plugin);
        const version = this.capabilities?.version ?? "this version";
        if (contract.length > 0 && this.capabilities?.contractOnEveryUser === false)
          causes.push(
            `${contract.join(", ")}: Kimai ${version} has them only once the contract was saved in its UI (2.61+ on every user)`,
          );
        if (plugin.length > 0)
          causes.push(
            `${plugin.join(", ")}: ${this.plugin ? "the Working contract plugin may be disabled or outdated" : "they need the Working contract plugin"}`,
          );
        if (other.length > 0 && causes.length === 0)
          causes.push(
            `${other.join(", ")}: not a preference on this server (was the plugin that registered it removed?)`,
          );
      } else {
        causes.push(
          "the token's user may not change them: hourly_rate/internal_rate need hourly-rate_other_profile, work-contract preferences contract_other_profile (Kimai 2.63+); Kimai answers 403 for disabled preferences since 2.53",
        );
      }
      throw new HttpError(error.method, error.path, error.status, error.body, [
        `Kimai ${error.status === 404 ? "does not know" : "refused"} one of the preferences sent for ${username} (${names.join(", ")}); likely: ${causes.join("; ")}`,
      ]);
    }
  }

  /** Turns the common preflight failures into one line saying what to do. */
  private async preflight<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (
        error instanceof HttpError &&
        error.status === 401 &&
        error.path === "/api/version" &&
        error.body !== ""
      ) {
        // Since 2.14 a Bearer token is always read: a bad one is an empty 401. A JSON 401 means Kimai saw no auth.
        throw new RosterformError(
          `${this.endpoint} does not accept API tokens (GET /api/version answered 401 as if no token was sent): Kimai older than 2.14 has no API tokens, and rosterform needs Kimai ${OLDEST_SUPPORTED.version} or newer: upgrade Kimai (or, if it is newer, check that no proxy drops the Authorization header); nothing was sent`,
        );
      }
      if (error instanceof HttpError && error.status === 401) {
        throw new RosterformError(
          `${this.endpoint} rejected the token (401): check KIMAI_API_TOKEN is a current API token of an enabled user (Kimai: your profile → API access)`,
        );
      }
      if (error instanceof HttpError && error.status === 403) {
        throw new RosterformError(
          `the token may not ${error.path.startsWith("/api/users") ? "list users" : `call ${error.path}`} (403): create the API token as a ROLE_SUPER_ADMIN user (best: a dedicated service user) and set it as KIMAI_API_TOKEN`,
        );
      }
      if (error instanceof HttpError && error.path === "/api/version" && error.status < 400) {
        const redirect = error.status >= 300 ? ", a redirect: is a login page or proxy in front of it?" : "";
        throw new RosterformError(
          `${this.endpoint} does not look like Kimai (GET /api/version answered ${error.status}${redirect}): set KIMAI_URL to the address you open Kimai at, without /api`,
        );
      }
      if (error instanceof HttpError && error.status >= 500) {
        throw new RosterformError(
          `Kimai at ${this.endpoint} answered ${error.status} to ${error.method} ${error.path}${isRetryableStatus(error.status) ? ", also after retries" : ""}: the server has a problem; check its logs or try again later`,
        );
      }
      if (error instanceof HttpError && error.status === 404) {
        throw new RosterformError(
          `${this.endpoint} has no Kimai API (${error.method} ${error.path} answered 404): set KIMAI_URL to the address you open Kimai at, without /api`,
        );
      }
      if (error instanceof NetworkError) {
        throw new RosterformError(
          `cannot reach ${this.endpoint} (${error.reason}): check KIMAI_URL (or targets.kimai.url), that the server is up, and that this machine (or CI runner) can reach it`,
        );
      }
      throw error;
    }
  }
}

function resolveRef(ctx: ApplyContext, ref: string, who: string): number {
  const id = ctx.idOf(ref);
  if (id === undefined) {
    throw new RosterformError(`${who}: supervisor ${parseAddress(ref)?.key ?? ref} is not on the server`);
  }
  return Number(id);
}

/** A 400 names the fields Kimai rejected. */
function explain(error: unknown): unknown {
  if (error instanceof HttpError && error.status === 400) {
    let body: unknown;
    try {
      body = JSON.parse(error.body);
    } catch {
      return error;
    }
    const lines = formErrorLines(body);
    if (lines.length > 0) {
      return new HttpError(error.method, error.path, 400, "", [`Kimai said: ${lines.join("; ")}`]);
    }
  }
  return error;
}

const usersByKey = new WeakMap<RemoteSnapshot, Map<string, RemoteRecord>>();

/** The server's user record by key, indexed once per snapshot. */
function userRecord(snapshot: RemoteSnapshot, key: string): RemoteRecord | undefined {
  let index = usersByKey.get(snapshot);
  if (!index) {
    index = new Map(snapshot.records.filter((r) => r.kind === USER_KIND.kind).map((r) => [r.key, r]));
    usersByKey.set(snapshot, index);
  }
  return index.get(key);
}

/**
 * People with `kimai: false` are not Kimai's: ignored when Kimai has no such user or has them disabled; when an
 * enabled Kimai user has their username, reported and treated as unmanaged (deactivated under unmanaged:
 * deactivate).
 */
function optOuts(
  everyone: readonly DesiredUser[],
  remoteByKey: ReadonlyMap<string, KimaiUser>,
): { kept: DesiredUser[]; ignore: string[]; notes: Note[] } {
  const kept: DesiredUser[] = [];
  const ignore: string[] = [];
  const notes: Note[] = [];
  for (const user of everyone) {
    if (!optedOut(user)) {
      kept.push(user);
      continue;
    }
    const key = user.username.toLowerCase();
    const remote = remoteByKey.get(key);
    if (!remote?.enabled) {
      ignore.push(key);
      continue;
    }
    notes.push({
      level: "warning",
      key,
      message: `${user.username} has kimai: false (${user.source.file}:${user.source.line}) but is an enabled Kimai user: deactivated under policy.unmanaged: deactivate, otherwise left as it is`,
    });
  }
  return { kept, ignore, notes };
}

function optedOutBoss(name: string, everyone: readonly DesiredUser[]): DesiredUser | undefined {
  const boss = everyone.find((u) => u.username.toLowerCase() === name.toLowerCase());
  return boss && optedOut(boss) ? boss : undefined;
}
