// rosterform sandbox: runs a local Kimai- or When I Work-compatible server and prints one JSON line when
// ready: {"url","token"} (Kimai) or {"url","token","accountId","userId"} (When I Work).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { RosterformError } from "../errors.js";
import type { Io } from "../io.js";
import { SeedError, checkedVersion, startKimaiSandbox } from "../providers/kimai/sandbox/index.js";
import type { KimaiSeed } from "../providers/kimai/sandbox/index.js";
import { storeFromSeed } from "../providers/kimai/sandbox/seed.js";
import {
  SeedError as WhenIWorkSeedError,
  startWhenIWorkSandbox,
} from "../providers/wheniwork/sandbox/index.js";
import type { WhenIWorkSeed } from "../providers/wheniwork/sandbox/index.js";

export interface SandboxCommandOptions {
  target: "kimai" | "wheniwork";
  port?: number;
  /** Path of a seed JSON file, relative to io.cwd. */
  seed?: string;
  /** Kimai only. */
  workContractPlugin?: boolean;
  /** Kimai only: the release to play ("2.50" or "2.50.0"), overriding the seed's version. */
  kimaiVersion?: string;
  latencyMs?: number;
  /** When I Work only: requests per token per minute before throttling (default 100000). */
  rateLimitPerMinute?: number;
  /** When I Work only: status of throttled requests, 429 (default) or 403. */
  throttleStatus?: 429 | 403;
}

async function readSeedJson(path: string, io: Io): Promise<unknown> {
  const file = resolve(io.cwd, path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const reason = e instanceof Error && "code" in e && e.code === "ENOENT" ? "no such file" : String(e);
    throw new RosterformError(`cannot read seed file ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new RosterformError(
      `seed file ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

async function readKimaiSeed(path: string, io: Io): Promise<KimaiSeed> {
  const seed = await readSeedJson(path, io);
  try {
    storeFromSeed(seed); // validate before binding a port
  } catch (e) {
    if (e instanceof SeedError) throw new RosterformError(`invalid seed file ${path}: ${e.message}`);
    throw e;
  }
  return seed as KimaiSeed;
}

async function runKimai(options: SandboxCommandOptions, io: Io): Promise<{ close(): Promise<void> }> {
  if (options.kimaiVersion !== undefined) {
    try {
      checkedVersion(options.kimaiVersion, "--kimai-version");
    } catch (e) {
      if (e instanceof SeedError) throw new RosterformError(e.message);
      throw e;
    }
  }
  const seed = options.seed === undefined ? undefined : await readKimaiSeed(options.seed, io);
  let sandbox: Awaited<ReturnType<typeof startKimaiSandbox>>;
  try {
    sandbox = await startKimaiSandbox({
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(options.workContractPlugin !== undefined ? { workContractPlugin: options.workContractPlugin } : {}),
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
      ...(options.kimaiVersion !== undefined ? { kimaiVersion: options.kimaiVersion } : {}),
    });
  } catch (e) {
    if (e instanceof Error && "code" in e && e.code === "EADDRINUSE") {
      throw new RosterformError(
        `cannot start the sandbox: port ${options.port ?? 0} on 127.0.0.1 is already in use`,
      );
    }
    throw e;
  }
  io.stdout(`${JSON.stringify({ url: sandbox.url, token: sandbox.token })}\n`);
  return { close: () => sandbox.close() };
}

async function runWhenIWork(options: SandboxCommandOptions, io: Io): Promise<{ close(): Promise<void> }> {
  const seed =
    options.seed === undefined ? undefined : ((await readSeedJson(options.seed, io)) as WhenIWorkSeed);
  let sandbox;
  try {
    // The seed is validated before the port is bound.
    sandbox = await startWhenIWorkSandbox({
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
      ...(options.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
      ...(options.throttleStatus !== undefined ? { throttleStatus: options.throttleStatus } : {}),
    });
  } catch (e) {
    if (e instanceof WhenIWorkSeedError) {
      throw new RosterformError(`invalid seed file ${options.seed ?? "(none)"}: ${e.message}`);
    }
    throw e;
  }
  const { url, token, accountId, userId } = sandbox;
  io.stdout(`${JSON.stringify({ url, token, accountId, userId })}\n`);
  return { close: () => sandbox.close() };
}

export async function runSandbox(
  options: SandboxCommandOptions,
  io: Io,
): Promise<{ close(): Promise<void> }> {
  switch (options.target) {
    case "kimai":
      return runKimai(options, io);
    case "wheniwork":
      return runWhenIWork(options, io);
    default:
      throw new RosterformError(`no sandbox for target "${String(options.target as unknown)}"`);
  }
}
