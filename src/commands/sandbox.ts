// rosterform sandbox: runs a local Kimai-compatible server and prints {"url","token"} as one JSON line.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { RosterformError } from "../errors.js";
import type { Io } from "../io.js";
import { SeedError, startKimaiSandbox } from "../providers/kimai/sandbox/index.js";
import type { KimaiSeed } from "../providers/kimai/sandbox/index.js";
import { storeFromSeed } from "../providers/kimai/sandbox/seed.js";

export interface SandboxCommandOptions {
  target: "kimai";
  port?: number;
  /** Path of a seed JSON file, relative to io.cwd. */
  seed?: string;
  workContractPlugin?: boolean;
  latencyMs?: number;
}

async function readSeed(path: string, io: Io): Promise<KimaiSeed> {
  const file = resolve(io.cwd, path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const reason = e instanceof Error && "code" in e && e.code === "ENOENT" ? "no such file" : String(e);
    throw new RosterformError(`cannot read seed file ${path}: ${reason}`);
  }
  let seed: unknown;
  try {
    seed = JSON.parse(text);
  } catch (e) {
    throw new RosterformError(
      `seed file ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    storeFromSeed(seed); // validate before binding a port
  } catch (e) {
    if (e instanceof SeedError) throw new RosterformError(`invalid seed file ${path}: ${e.message}`);
    throw e;
  }
  return seed as KimaiSeed;
}

export async function runSandbox(
  options: SandboxCommandOptions,
  io: Io,
): Promise<{ close(): Promise<void> }> {
  if (options.target !== "kimai")
    throw new RosterformError(`no sandbox for target "${String(options.target)}"`);
  const seed = options.seed === undefined ? undefined : await readSeed(options.seed, io);
  const sandbox = await startKimaiSandbox({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(options.workContractPlugin !== undefined ? { workContractPlugin: options.workContractPlugin } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
  });
  io.stdout(`${JSON.stringify({ url: sandbox.url, token: sandbox.token })}\n`);
  return { close: () => sandbox.close() };
}
