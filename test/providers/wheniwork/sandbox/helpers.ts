// Test helpers: a When I Work sandbox on a random port, driven over real HTTP with the global fetch.

import { afterEach } from "vitest";
import { startWhenIWorkSandbox } from "../../../../src/providers/wheniwork/sandbox/index.js";
import type {
  WhenIWorkSandbox,
  WhenIWorkSandboxOptions,
  WhenIWorkSeed,
  WhenIWorkSeedUser,
} from "../../../../src/providers/wheniwork/sandbox/index.js";

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are asserted with toEqual/toMatchObject
  json: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Token sent as W-Token; null sends none. Default: the sandbox token. */
  token?: string | null;
  /** Send the token as Authorization: Bearer instead of W-Token. */
  bearer?: boolean;
  headers?: Record<string, string>;
}

export interface Harness extends WhenIWorkSandbox {
  api(method: string, path: string, options?: CallOptions): Promise<Reply>;
  control(method: string, path: string, body?: unknown): Promise<Reply>;
}

const running: WhenIWorkSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function start(options: WhenIWorkSandboxOptions = {}): Promise<Harness> {
  const sandbox = await startWhenIWorkSandbox(options);
  running.push(sandbox);
  const api = async (method: string, path: string, o: CallOptions = {}): Promise<Reply> => {
    const token = o.token === undefined ? sandbox.token : o.token;
    const headers: Record<string, string> = { ...o.headers };
    if (token !== null) {
      if (o.bearer) headers["authorization"] = `Bearer ${token}`;
      else headers["w-token"] = token;
    }
    if (o.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      ...(o.body !== undefined ? { body: typeof o.body === "string" ? o.body : JSON.stringify(o.body) } : {}),
    });
    return reply(res);
  };
  const control = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${sandbox.url}/__sandbox/${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
        : {}),
    });
    return reply(res);
  };
  return { ...sandbox, api, control };
}

export const ADMIN_TOKEN = "admin-token";
export const MANAGER_TOKEN = "manager-token";
export const SUPERVISOR_TOKEN = "supervisor-token";
export const EMPLOYEE_TOKEN = "employee-token";
export const MULTI_TOKEN = "multi-account-token";

export function user(over: Partial<WhenIWorkSeedUser> & { id: number }): WhenIWorkSeedUser {
  return {
    account_id: 1,
    email: `user${over.id}@example.com`,
    first_name: `First${over.id}`,
    last_name: `Last${over.id}`,
    ...over,
  };
}

/**
 * Two accounts. Account 1: admin 1, manager 2, supervisor 3, employee 4, private employee 5, deleted 6,
 * pending 7. Account 2: admin 20 (its own person) and user 21, the second user of person 4's login
 * ("multi"), whose first user is employee 4.
 */
export function teamSeed(): WhenIWorkSeed {
  return {
    accounts: [
      { id: 1, name: "Demo Co" },
      { id: 2, name: "Other Co" },
    ],
    persons: [
      { id: 4, email: "erin@example.com", first_name: "Erin", last_name: "Employee", password: "erin-pass" },
    ],
    users: [
      user({ id: 1, email: "ada@example.com", first_name: "Ada", last_name: "Admin", role: 1 }),
      user({ id: 2, email: "max@example.com", first_name: "Max", last_name: "Manager", role: 2 }),
      user({
        id: 3,
        email: "sue@example.com",
        first_name: "Sue",
        last_name: "Supervisor",
        role: 5,
        locations: [2],
      }),
      { id: 4, account_id: 1, login_id: 4, role: 3, positions: [1], locations: [1] },
      user({
        id: 5,
        email: "pia@example.com",
        first_name: "Pia",
        last_name: "Private",
        is_private: true,
        locations: [1],
      }),
      user({ id: 6, email: "del@example.com", first_name: "Dee", last_name: "Deleted", is_deleted: true }),
      user({ id: 7, email: "pen@example.com", first_name: "Penny", last_name: "Pending", activated: false }),
      user({
        id: 20,
        account_id: 2,
        email: "otto@example.com",
        first_name: "Otto",
        last_name: "Other",
        role: 1,
      }),
      { id: 21, account_id: 2, login_id: 4, role: 2, positions: [10] },
    ],
    positions: [
      { id: 1, account_id: 1, name: "Barista" },
      { id: 2, account_id: 1, name: "Cashier" },
      { id: 3, account_id: 1, name: "Old Position", is_deleted: true },
      { id: 10, account_id: 2, name: "Barista" },
    ],
    locations: [
      { id: 1, account_id: 1, name: "Main Street" },
      { id: 2, account_id: 1, name: "Harbour" },
      { id: 3, account_id: 1, name: "Closed Site", is_deleted: true },
      { id: 10, account_id: 2, name: "Airport" },
    ],
    tokens: {
      [ADMIN_TOKEN]: 1,
      [MANAGER_TOKEN]: 2,
      [SUPERVISOR_TOKEN]: 3,
      [EMPLOYEE_TOKEN]: 5,
      [MULTI_TOKEN]: 4,
    },
  };
}

export async function startTeam(
  options: Omit<WhenIWorkSandboxOptions, "seed" | "token"> = {},
): Promise<Harness> {
  return start({ ...options, seed: teamSeed(), token: ADMIN_TOKEN });
}
