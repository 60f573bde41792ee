// Programmatic entry point: a When I Work-compatible HTTP server for tests, the demo and benchmarks.

import { randomBytes } from "node:crypto";
import { startSandboxServer } from "../../../sandbox/server.js";
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from "./constants.js";
import type { SandboxState } from "./context.js";
import { defaultErrorBody } from "./errors.js";
import { RateLimiter } from "./rate-limit.js";
import { handleWhenIWorkApi } from "./router.js";
import { SeedError, defaultSeed, storeFromSeed } from "./seed.js";
import type { WhenIWorkSeed } from "./seed-types.js";
import { exportState } from "./state.js";
import type { WhenIWorkStore } from "./store.js";

export type {
  WhenIWorkSeed,
  WhenIWorkSeedAccount,
  WhenIWorkSeedCatalogItem,
  WhenIWorkSeedInvite,
  WhenIWorkSeedPerson,
  WhenIWorkSeedUser,
} from "./seed-types.js";
export type { EmploymentType } from "./constants.js";
export { SeedError } from "./seed.js";

export interface WhenIWorkSandboxOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Initial state; default: account 1 "Demo Co" with its admin (user 1), positions and locations. */
  seed?: WhenIWorkSeed;
  /** Delay before every /2/ response. */
  latencyMs?: number;
  /** Token to (also) grant to the sandbox's admin; default: the seed's first token, else a random one. */
  token?: string;
  /** Requests per token per minute before throttling; default 100000. */
  rateLimitPerMinute?: number;
  /** Length of a rate-limit window in ms (default one minute), so tests of pacing need not wait minutes. */
  rateWindowMs?: number;
  /** Status of throttled requests: 429 (default) or 403. */
  throttleStatus?: 429 | 403;
}

export interface WhenIWorkSandbox {
  url: string;
  /** An API token (send as W-Token or Authorization: Bearer). */
  token: string;
  /** The account and user the token acts as (send userId as W-UserId when the person has several). */
  accountId: number;
  userId: number;
  close(): Promise<void>;
}

/**
 * The token handed back and whose user it acts as: options.token (granted to the person of the first
 * active admin when the seed lacks it), else the first seeded token with an active user, else a new token
 * for the first active admin (or any active user).
 */
function ensureIdentity(
  store: WhenIWorkStore,
  wanted: string | undefined,
): { token: string; userId: number; accountId: number } {
  const active = [...store.users.values()].filter((u) => !u.is_deleted).sort((a, b) => a.id - b.id);
  const owner = active.find((u) => u.role === 1) ?? active[0];
  const firstUserOf = (personId: number) => store.usersOfPerson(personId).find((u) => !u.is_deleted);
  let token = wanted;
  if (token === undefined) {
    for (const [candidate, personId] of store.tokens) {
      if (firstUserOf(personId) !== undefined) {
        token = candidate;
        break;
      }
    }
  }
  if (token === undefined || !store.tokens.has(token)) {
    if (owner === undefined)
      throw new SeedError("seed.users: needs at least one user who is not deleted, to own the sandbox token");
    token ??= randomBytes(24).toString("hex");
    store.tokens.set(token, owner.login_id);
  }
  const personId = store.tokens.get(token) ?? 0;
  const user = firstUserOf(personId);
  if (user === undefined)
    throw new SeedError(`seed.tokens: the token's person (id ${personId}) has no user who is not deleted`);
  return { token, userId: user.id, accountId: user.account_id };
}

export async function startWhenIWorkSandbox(
  options: WhenIWorkSandboxOptions = {},
): Promise<WhenIWorkSandbox> {
  const limit = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError("sandbox: rateLimitPerMinute must be a positive integer");
  const initialSeed: unknown = options.seed ?? defaultSeed(options.token);
  const store = storeFromSeed(initialSeed);
  const identity = ensureIdentity(store, options.token);
  const identityPerson = store.tokens.get(identity.token) ?? 0;
  const state: SandboxState = { store };
  const limiter = new RateLimiter(limit, Date.now, options.rateWindowMs);
  const routerOptions = { state, limiter, throttleStatus: options.throttleStatus ?? 429 };

  const server = await startSandboxServer(
    {
      handler: (request) => Promise.resolve(handleWhenIWorkApi(request, routerOptions)),
      hooks: {
        exportState: () => exportState(state.store),
        resetState: (seed) => {
          // Without a body: back to the start seed, and the token handed out keeps working.
          const next = storeFromSeed(seed ?? initialSeed);
          if (seed === null && next.persons.has(identityPerson))
            next.tokens.set(identity.token, identityPerson);
          state.store = next;
          limiter.clear();
        },
      },
      latencyMs: options.latencyMs ?? 0,
      defaultFaultBody: defaultErrorBody,
    },
    options.port ?? 0,
  );
  return { url: server.url, ...identity, close: () => server.close() };
}
