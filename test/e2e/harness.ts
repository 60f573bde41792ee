// End-to-end helpers: a temp project on disk, the CLI run in-process, the sandbox driven over HTTP.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "../../src/cli.js";
import type { Io } from "../../src/io.js";
import {
  startKimaiSandbox,
  type KimaiSeed,
  type KimaiSeedUser,
} from "../../src/providers/kimai/sandbox/index.js";
import { startWhenIWorkSandbox, type WhenIWorkSeed } from "../../src/providers/wheniwork/sandbox/index.js";

/** A seed as the tests build it, and the state as the sandbox returns it: every field present. */
export type StateUser = Required<
  Omit<KimaiSeedUser, "apiPassword" | "apiPasswordHash" | "avatar" | "contractSaved">
>;
export interface FullSeed extends KimaiSeed {
  users: StateUser[];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env,
    isTTY: false,
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export const ROSTERFORM_YAML = `targets:
  kimai:
    url: https://kimai.example.com
    workContractPlugin: auto
policy:
  unmanaged: report
  protect: [admin]
defaults:
  language: en
  timezone: Europe/Berlin
`;

/** A project folder with rosterform.yaml and the given files (path -> content). */
export async function project(files: Record<string, string>, config = ROSTERFORM_YAML): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rosterform-e2e-"));
  await writeFile(join(dir, "rosterform.yaml"), config);
  await mkdir(join(dir, "users.d"), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export async function removeProject(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export const ADMIN_TOKEN = "e2e-admin-token-0123456789";

export function adminSeed(extra: Partial<FullSeed> = {}): FullSeed {
  return {
    version: "2.66.0",
    workContractPlugin: true,
    users: [seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] })],
    teams: [],
    tokens: { [ADMIN_TOKEN]: 1 },
    ...extra,
  };
}

export function seedUser(id: number, username: string, over: Partial<StateUser> = {}): StateUser {
  return {
    id,
    username,
    email: `${username}@example.com`,
    enabled: true,
    roles: [],
    alias: null,
    title: null,
    accountNumber: null,
    language: "en",
    locale: "en",
    timezone: "Europe/Berlin",
    color: null,
    supervisor: null,
    systemAccount: false,
    preferences: [],
    ...over,
  };
}

/** A running sandbox and its /__sandbox/ controls. */
export interface SandboxHandle<State> {
  url: string;
  token: string;
  env: Record<string, string>;
  close(): Promise<void>;
  state(): Promise<State>;
  requests(): Promise<SandboxRequest[]>;
  clearRequests(): Promise<void>;
  faults(rules: unknown[]): Promise<void>;
}

export type Sandbox = SandboxHandle<FullSeed>;

export interface SandboxRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export async function sandbox(
  seed: KimaiSeed = adminSeed(),
  options: { workContractPlugin?: boolean } = {},
): Promise<Sandbox> {
  const s = await startKimaiSandbox({
    seed,
    ...(options.workContractPlugin !== undefined ? { workContractPlugin: options.workContractPlugin } : {}),
  });
  const control = controlClient(s.url);
  return {
    url: s.url,
    token: s.token,
    env: { KIMAI_URL: s.url, KIMAI_API_TOKEN: s.token },
    close: () => s.close(),
    state: async () => (await control("GET", "state")) as FullSeed,
    ...controls(control),
  };
}

export type WiwSandbox = SandboxHandle<WhenIWorkState>;

export interface WhenIWorkState {
  users: {
    id: number;
    email: string;
    first_name: string;
    last_name: string;
    role: number;
    positions: number[];
    locations: number[];
    hours_max: number;
    hours_preferred: number;
    hourly_rate: number;
    employee_code: string;
    employment_type: string;
    is_deleted: boolean;
  }[];
  positions: { id: number; name: string; is_deleted: boolean }[];
  locations: { id: number; name: string; is_deleted: boolean }[];
  invites: { user_id: number }[];
}

export async function wiwSandbox(seed?: WhenIWorkSeed): Promise<WiwSandbox> {
  const s = await startWhenIWorkSandbox(seed ? { seed } : {});
  const control = controlClient(s.url);
  return {
    url: s.url,
    token: s.token,
    env: { WHENIWORK_URL: s.url, WHENIWORK_TOKEN: s.token },
    close: () => s.close(),
    state: async () => (await control("GET", "state")) as WhenIWorkState,
    ...controls(control),
  };
}

type Control = ReturnType<typeof controlClient>;

/** The /__sandbox/ endpoints both sandboxes share. */
function controls(control: Control) {
  return {
    requests: async () => {
      const r = (await control("GET", "requests")) as SandboxRequest[] | { requests: SandboxRequest[] };
      return Array.isArray(r) ? r : r.requests;
    },
    clearRequests: async () => void (await control("DELETE", "requests")),
    faults: async (rules: unknown[]) => void (await control("POST", "faults", rules)),
  };
}

function controlClient(url: string) {
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/__sandbox/${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
        : {}),
    });
    if (res.status >= 400) throw new Error(`sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
}

export const BOTH_TARGETS_YAML = `targets:
  kimai:
    url: https://kimai.example.com
    workContractPlugin: auto
  wheniwork:
    url: https://api.wheniwork.com
policy:
  unmanaged: report
  protect: [admin]
defaults:
  language: en
  timezone: Europe/Berlin
`;
