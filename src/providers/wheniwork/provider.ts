// When I Work as a rosterform target: three list requests to read; one request per kind per user to apply.
import { USER_KIND } from "../../core/kinds.js";
import type { DesiredUser } from "../../core/model.js";
import type { Change, Note } from "../../core/plan.js";
import type { RemoteRecord } from "../../core/records.js";
import { HttpError, NetworkError, RosterformError } from "../../errors.js";
import { HttpClient, type HttpClientOptions, type HttpResponse } from "../../http/client.js";
import { LOST_ANSWER_REMARK, sendCheckingFirst } from "../../http/send-checking-first.js";
import type {
  ApplyContext,
  ApplyOutcome,
  DesiredMapping,
  ImportResult,
  Provider,
  RemoteSnapshot,
} from "../../core/provider.js";
import { errorText, type WiwUser } from "./api.js";
import { WhenIWorkClient, type WiwUserBody } from "./client.js";
import { importUsers } from "./export.js";
import { desiredRecord, displayName, remoteRecord, unmatchedKey, wiwName, type Catalog } from "./mapping.js";
import { Pacer } from "./pacer.js";
import { matchPeople, sameNameWarnings, where } from "./matching.js";
import { optedOut } from "./settings.js";

const CREATE_ATTEMPTS = 6;

export interface WhenIWorkProviderOptions {
  url: string;
  token: string;
  userId?: string;
  /** targets.wheniwork.invite: send the invitation email on create. */
  invite: boolean;
  /** targets.wheniwork.archive.futureShifts */
  futureShifts: "open" | "delete";
  /** targets.wheniwork.currency: how money is printed (When I Work stores amounts without one). */
  currency?: string;
  timeoutMs?: number;
  connections?: number;
  retry?: HttpClientOptions["retry"];
  proxy?: HttpClientOptions["proxy"];
  /** The rate-limit window W-Limit-Remaining counts in (default one minute; shorter in tests). */
  rateWindowMs?: number;
  onRetry?: HttpClientOptions["onRetry"];
  budget?: HttpClientOptions["budget"];
  trace?: HttpClientOptions["trace"];
}

export interface WhenIWorkSnapshot extends RemoteSnapshot {
  users: WiwUser[];
  catalog: Catalog;
}

/** The current docs say throttling "typically" answers 403-class errors; a 403 without a JSON error is one. */
function isThrottle(response: HttpResponse): boolean {
  return response.status === 403 && errorText(response.body) === undefined;
}

export class WhenIWorkProvider implements Provider {
  readonly target = "wheniwork";
  readonly kinds = [USER_KIND];
  readonly endpoint: string;
  readonly client: WhenIWorkClient;

  constructor(private readonly options: WhenIWorkProviderOptions) {
    this.endpoint = options.url.replace(/\/+$/, "");
    const http = new HttpClient({
      baseUrl: this.endpoint,
      headers: { "w-token": options.token, ...(options.userId ? { "w-userid": options.userId } : {}) },
      service: "When I Work",
      ...(options.proxy ? { proxy: options.proxy } : {}),
      // Its throttling windows are a minute long and say no Retry-After: back off for up to about two minutes.
      retry: { retries: 8, baseDelayMs: 500, maxDelayMs: 60_000, ...options.retry },
      retryable: isThrottle,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.connections !== undefined ? { connections: options.connections } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      ...(options.budget ? { budget: options.budget } : {}),
      ...(options.trace ? { trace: options.trace } : {}),
    });
    const reserve = options.connections ?? 4;
    this.client = new WhenIWorkClient(
      http,
      new Pacer({ reserve, ...(options.rateWindowMs ? { windowMs: options.rateWindowMs } : {}) }),
    );
  }

  async read(): Promise<WhenIWorkSnapshot> {
    const [users, positions, locations] = await this.preflight(() =>
      Promise.all([this.client.listUsers(), this.client.listPositions(), this.client.listLocations()]),
    );
    const catalog = { positions, locations };
    const records = users.map((u) => this.remote(u, unmatchedKey(u), displayName(u), catalog));
    return { records, notes: [], users, catalog };
  }

  /** Matches people to server users (matching.ts); plan-time errors for names, notes for what a match means. */
  desired(users: readonly DesiredUser[], snapshot: WhenIWorkSnapshot): DesiredMapping {
    const matching = matchPeople(users, snapshot.users);
    const errors: string[] = [...matching.errors];
    const notes: Note[] = sameNameWarnings(users, snapshot.users, matching);
    const ignore: string[] = [];
    const matched = new Set<number>();
    const remote: RemoteRecord[] = [];
    const records = [];
    for (const user of users) {
      const key = user.username.toLowerCase();
      const match = matching.matches.get(user);
      const found = match?.user;
      if (found) matched.add(found.id);
      if (optedOut(user)) {
        if (!found || found.is_deleted) {
          ignore.push(key, ...(found ? [unmatchedKey(found)] : []));
          continue;
        }
        // Opted out but still there: reported, and archived like any undeclared user under unmanaged: deactivate
        // (under the person's key, so policy.protect and the limits apply as to anyone).
        remote.push(this.remote(found, key, displayName(found), snapshot.catalog));
        notes.push({
          level: "warning",
          key,
          message: `${user.username} has wheniwork: false (${where(user)}) but is in When I Work as ${displayName(found)}: archived under policy.unmanaged: deactivate, otherwise left as it is`,
        });
        continue;
      }
      records.push(desiredRecord(user, snapshot.catalog, errors, this.options.currency));
      if (!found) {
        if (user.enabled && !wiwName(user)) {
          errors.push(
            `${where(user)}: ${user.username} would be created in When I Work, which needs a first and last name; add name: { first: …, last: … } (or wheniwork.name), or wheniwork: false to keep them out`,
          );
        }
        continue;
      }
      if (match.via === "previously") {
        notes.push({
          level: "info",
          key,
          message: `${user.username} is When I Work user ${displayName(found)}, found by the former email ${match.formerEmail} (previously): the email is updated, no second user is created`,
        });
      }
      remote.push(this.remote(found, key, user.username, snapshot.catalog));
    }
    for (const u of snapshot.users) {
      if (!matched.has(u.id)) remote.push(this.remote(u, unmatchedKey(u), displayName(u), snapshot.catalog));
    }
    const byId = new Map(snapshot.users.map((u) => [u.id, u]));
    return {
      records,
      remote,
      ignore,
      errors,
      notes,
      switched: (user) =>
        optedOut(user) || !user.nextContract
          ? undefined
          : desiredRecord(
              { ...user, contract: user.nextContract.contract },
              snapshot.catalog,
              [],
              this.options.currency,
            ),
      effects: (change) =>
        this.effects(change, byId.get(Number(change.remoteId))).map((line) => ({
          code: "side-effect",
          lines: [line],
        })),
    };
  }

  /** What else happens in When I Work when a change is applied, and what the reviewer should know about the user. */
  private effects(change: Change, user: WiwUser | undefined): string[] {
    const out: string[] = [];
    const changed = (key: string) => change.attrs.some((a) => a.key === key);
    if (change.action === "create") {
      out.push(
        this.options.invite
          ? "sends an invitation email/SMS (targets.wheniwork.invite: true); an active user may take a paid seat"
          : "no invitation is sent (targets.wheniwork.invite: false): they cannot log in until invited from When I Work",
      );
    }
    if (change.action !== "create" && (changed("hourly_rate") || changed("position_rates"))) {
      out.push("the new rate applies from the next shift; shifts already worked keep the old one");
    }
    if (change.action !== "create" && changed("email")) {
      out.push("the login's email changes in every When I Work workplace of this person");
    }
    if (change.action === "deactivate") {
      out.push(
        this.options.futureShifts === "delete"
          ? "their future shifts are deleted (targets.wheniwork.archive.futureShifts: delete)"
          : "their future shifts become open shifts (targets.wheniwork.archive.futureShifts: open)",
      );
      if (user?.last_login) out.push(`last logged in ${user.last_login}`);
    }
    if (user?.activated === false && change.action !== "deactivate") {
      out.push("their invitation is still pending (not activated in When I Work)");
    }
    return out;
  }

  async apply(change: Change, _ctx: ApplyContext): Promise<ApplyOutcome> {
    const body: WiwUserBody = {};
    for (const a of change.attrs) {
      if (a.key === "enabled") continue;
      body[a.key] = a.to.raw;
    }
    try {
      if (change.action === "create") return await this.create(change, body);
      const id = Number(change.remoteId);
      if (change.action === "reactivate") {
        await this.client.updateUser(id, { ...body, reactivate: true });
        return {};
      }
      if (Object.keys(body).length > 0) await this.client.updateUser(id, body);
      if (change.action === "deactivate") await this.archive(id);
      return {};
    } catch (error) {
      throw explain(error);
    }
  }

  export(
    snapshot: WhenIWorkSnapshot,
    _defaults: Readonly<Record<string, unknown>>,
    declared: readonly DesiredUser[],
  ): ImportResult {
    return importUsers(snapshot.users, snapshot.catalog, declared, this.options.currency);
  }

  private remote(user: WiwUser, key: string, name: string, catalog: Catalog): RemoteRecord {
    return remoteRecord(user, key, name, catalog, this.options.currency);
  }

  async close(): Promise<void> {
    await this.client.http.close();
  }

  private async create(change: Change, fields: WiwUserBody): Promise<ApplyOutcome> {
    const email = String(fields.email ?? "");
    // The name is in `fields`: a person without one is a plan-time error, never an invented name.
    const body: WiwUserBody = { ...fields, invite: this.options.invite };
    const { value: user, foundAfterLoss } = await sendCheckingFirst({
      send: () => this.client.createUser(body),
      check: () => this.client.findByEmail(email),
      pause: (attempt, retryAfter, reason) =>
        this.client.http.pause("POST", "/2/users", attempt, retryAfter, reason),
      attempts: CREATE_ATTEMPTS,
    });
    return { id: user.id, ...(foundAfterLoss ? { remarks: [LOST_ANSWER_REMARK] } : {}) };
  }

  /** DELETE is repeated only after checking: a lost answer may mean it happened. */
  private async archive(id: number): Promise<void> {
    await sendCheckingFirst({
      send: async () => {
        await this.client.archiveUser(id, this.options.futureShifts === "delete");
        return true;
      },
      check: async () => ((await this.client.getUser(id)).is_deleted ? true : undefined),
      pause: (attempt, retryAfter, reason) =>
        this.client.http.pause("DELETE", `/2/users/${id}`, attempt, retryAfter, reason),
      attempts: CREATE_ATTEMPTS,
    });
  }

  /**
   * After a 401 with W-UserId sent: the login's users when the token works without W-UserId and the id is not
   * one of them; undefined when the token itself is the problem (or this cannot be told).
   */
  private async loginUsersIfUserIdIsWrong(): Promise<{ id: number; account_id: number }[] | undefined> {
    const userId = this.options.userId;
    if (userId === undefined) return undefined;
    const http = new HttpClient({
      baseUrl: this.endpoint,
      headers: { "w-token": this.options.token },
      retry: { retries: 0 },
      service: "When I Work",
      ...(this.options.proxy ? { proxy: this.options.proxy } : {}),
      ...(this.options.trace ? { trace: this.options.trace } : {}),
    });
    try {
      const users = await new WhenIWorkClient(http).loginUsers();
      return users.some((u) => String(u.id) === userId) ? undefined : users;
    } catch {
      return undefined;
    } finally {
      await http.close();
    }
  }

  private async preflight<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) {
        const wrongUser = await this.loginUsersIfUserIdIsWrong();
        if (wrongUser) {
          const list = wrongUser.map((u) => `${u.id} (account ${u.account_id})`).join(", ");
          throw new RosterformError(
            `WHENIWORK_USER_ID ${this.options.userId} is not one of this login's users (401); the token is fine. Its users: ${list || "none"}. Set WHENIWORK_USER_ID to the one of the account to manage`,
          );
        }
        throw new RosterformError(
          `${this.endpoint} rejected the token (401): log in again and update WHENIWORK_TOKEN (tokens expire)`,
        );
      }
      if (error instanceof HttpError && error.status === 403) {
        throw new RosterformError(
          `When I Work refused to list users (403${errorText(safeJson(error.body)) ? `: ${errorText(safeJson(error.body))}` : ""}): the token's user must be a manager or admin of the account (set WHENIWORK_USER_ID to pick the account)`,
        );
      }
      if (error instanceof NetworkError) {
        throw new RosterformError(
          `cannot reach ${this.endpoint} (${error.reason}): check WHENIWORK_URL (or targets.wheniwork.url) and that this machine (or CI runner) can reach it`,
        );
      }
      throw error;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function explain(error: unknown): unknown {
  if (error instanceof HttpError && error.status >= 400 && error.status < 500) {
    const text = errorText(safeJson(error.body));
    if (text) return new HttpError(error.method, error.path, error.status, "", [`When I Work said: ${text}`]);
  }
  return error;
}
