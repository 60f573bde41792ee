// Test helpers: a seeded Kimai sandbox on a random 127.0.0.1 port, spoken to over real HTTP.

import { startKimaiSandbox } from "../../../../src/providers/kimai/sandbox/index.js";
import type { KimaiSandboxOptions, KimaiSeed } from "../../../../src/providers/kimai/sandbox/index.js";

/** Who is who: one user per default role, a disabled one and a system account. */
export const SEED: KimaiSeed = {
  users: [
    {
      id: 1,
      username: "admin",
      email: "admin@example.com",
      roles: ["ROLE_SUPER_ADMIN"],
      apiPassword: "legacy-secret",
    },
    { id: 2, username: "anna", email: "anna@example.com", roles: ["ROLE_ADMIN"] },
    { id: 3, username: "tony", email: "tony@example.com", roles: ["ROLE_TEAMLEAD"], alias: "Tony Teamlead" },
    {
      id: 4,
      username: "john",
      email: "john@example.com",
      title: "Developer",
      supervisor: 3,
      preferences: [
        { name: "hourly_rate", value: "82" },
        { name: "work_monday", value: "28800" },
        { name: "__pw_reset__", value: "0" },
      ],
    },
    { id: 5, username: "dora", email: "dora@example.com", enabled: false },
    { id: 6, username: "bot", email: "bot@example.com", systemAccount: true },
  ],
  teams: [
    {
      id: 1,
      name: "Backend",
      members: [
        { user: 3, teamlead: true },
        { user: 4, teamlead: false },
      ],
    },
  ],
  tokens: {
    "token-admin": 1,
    "token-anna": 2,
    "token-tony": 3,
    "token-john": 4,
    "token-dora": 5,
    "token-expired": { user: 1, expiresAt: "2020-01-01T00:00:00Z" },
  },
};

export type Who = "admin" | "anna" | "tony" | "john" | "dora" | "nobody";

export interface CallOptions {
  as?: Who;
  /** JSON-encoded and sent with Content-Type: application/json. */
  body?: unknown;
  /** Sent as-is, without any Content-Type unless given in headers. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface TestSandbox {
  url: string;
  token: string;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: KimaiSandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startKimaiSandbox({ seed: SEED, ...options });
  return {
    url: sandbox.url,
    token: sandbox.token,
    close: () => sandbox.close(),
    async call(method, path, { as = "admin", body, raw, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      if (as !== "nobody") h["authorization"] = `Bearer token-${as}`;
      // Bytes, not a string: fetch would add "Content-Type: text/plain" to a string body.
      let payload: Uint8Array | string | undefined =
        raw === undefined ? undefined : new TextEncoder().encode(raw);
      if (body !== undefined) {
        payload = JSON.stringify(body);
        h["content-type"] ??= "application/json";
      }
      const response = await fetch(sandbox.url + path, { method, headers: h, body: payload });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === "" ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, text, json };
    },
  };
}

export const asRecord = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;
export const asList = (value: unknown): Array<Record<string, unknown>> =>
  value as Array<Record<string, unknown>>;

/** The 16 keys of a user in a collection (tests/API/APIControllerBaseTestCase.php "UserCollection"). */
export const COLLECTION_KEYS = [
  "accountNumber",
  "alias",
  "apiToken",
  "avatar",
  "color",
  "color-safe",
  "email",
  "enabled",
  "id",
  "initials",
  "language",
  "locale",
  "systemAccount",
  "timezone",
  "title",
  "username",
].sort();

/** The entity shape: the 16 plus roles, teams, memberships, supervisor, preferences. */
export const ENTITY_KEYS = [
  ...COLLECTION_KEYS,
  "memberships",
  "preferences",
  "roles",
  "supervisor",
  "teams",
].sort();

export const keysOf = (value: unknown): string[] => Object.keys(asRecord(value)).sort();

export const prefs = (user: unknown): Record<string, string | null> =>
  Object.fromEntries(
    (asRecord(user)["preferences"] as Array<{ name: string; value: string | null }>).map((p) => [
      p.name,
      p.value,
    ]),
  );
