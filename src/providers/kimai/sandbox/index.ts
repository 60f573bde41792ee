// Programmatic entry point: a Kimai-compatible HTTP server for tests, the demo and benchmarks.

import { randomBytes } from "node:crypto";
import { startSandboxServer } from "../../../sandbox/server.js";
import { LegacyFailureLimiter } from "./auth.js";
import type { AuthOptions } from "./auth.js";
import { ROLE_SUPER_ADMIN, reasonPhrase } from "./constants.js";
import { handleKimaiApi } from "./router.js";
import { checkedVersion, exportSeed, storeFromSeed } from "./seed.js";
import type { KimaiSeed } from "./seed-types.js";
import type { KimaiStore } from "./store.js";

export type {
  KimaiSeed,
  KimaiSeedPreference,
  KimaiSeedTeam,
  KimaiSeedTeamMember,
  KimaiSeedToken,
  KimaiSeedUser,
} from "./seed-types.js";
export { SeedError, checkedVersion } from "./seed.js";

export interface KimaiSandboxOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Initial state; default: super-admin "admin" (id 1) with one random token. */
  seed?: KimaiSeed;
  /** Overrides the seed's workContractPlugin. */
  workContractPlugin?: boolean;
  /** Overrides the seed's version: the Kimai release to play, e.g. "2.50" or "2.50.0". */
  kimaiVersion?: string;
  /** Delay before every /api response. */
  latencyMs?: number;
  /** Bearer token to (also) grant; default: the seed's token, else a random one. */
  token?: string;
  /** Kimai sleeps 200–500 ms on every X-AUTH-USER/X-AUTH-TOKEN request; default [0, 0] (no sleep). */
  legacyAuthDelayMs?: readonly [number, number];
}

export interface KimaiSandbox {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The token handed back to the caller: options.token (attached to the seed's first enabled super-admin),
 * else the first seeded token of an enabled super-admin, else any seeded token, else a new random one.
 */
function ensureToken(store: KimaiStore, wanted: string | undefined): string {
  const admins = [...store.users.values()].filter((u) => u.enabled && u.roles.includes(ROLE_SUPER_ADMIN));
  const owner = admins[0] ?? store.users.values().next().value;
  if (wanted !== undefined) {
    if (owner === undefined) throw new Error("sandbox: a token needs at least one user in the seed");
    if (!store.tokens.has(wanted)) store.tokens.set(wanted, { userId: owner.id, expiresAt: null });
    return wanted;
  }
  const adminIds = new Set(admins.map((u) => u.id));
  for (const [token, record] of store.tokens) if (adminIds.has(record.userId)) return token;
  const first = store.tokens.keys().next().value;
  if (first !== undefined) return first;
  if (owner === undefined) return "";
  const token = randomBytes(24).toString("hex");
  store.tokens.set(token, { userId: owner.id, expiresAt: null });
  return token;
}

export async function startKimaiSandbox(options: KimaiSandboxOptions = {}): Promise<KimaiSandbox> {
  const build = (seed: unknown): KimaiStore => {
    const store = storeFromSeed(seed);
    if (options.workContractPlugin !== undefined) store.workContractPlugin = options.workContractPlugin;
    if (options.kimaiVersion !== undefined) store.version = checkedVersion(options.kimaiVersion);
    return store;
  };
  const auth: AuthOptions = {
    store: build(options.seed),
    limiter: new LegacyFailureLimiter(),
    legacyDelayMs: options.legacyAuthDelayMs ?? [0, 0],
  };
  const token = ensureToken(auth.store, options.token);

  const server = await startSandboxServer(
    {
      handler: (request) => handleKimaiApi(request, auth),
      hooks: {
        exportState: () => exportSeed(auth.store),
        resetState: (seed) => {
          auth.store = storeFromSeed(seed);
          auth.limiter.reset();
        },
      },
      latencyMs: options.latencyMs ?? 0,
      defaultFaultBody: (status) => ({ code: status, message: reasonPhrase(status) }),
    },
    options.port ?? 0,
  );
  return { url: server.url, token, close: () => server.close() };
}
