// Stopping apply with a signal: the first SIGINT/SIGTERM starts no more changes, waits for those in flight,
// prints and writes the partial result and exits 130/143; a second signal ends it at once. A real process,
// against a slow sandbox.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { startKimaiSandbox, type KimaiSandbox } from "../../src/providers/kimai/sandbox/index.js";
import { buildCli, spawnCli, type BuiltCli } from "../support/spawn-cli.js";
import { adminSeed, project, removeProject, type FullSeed } from "./harness.js";

let cli: BuiltCli;
let sb: KimaiSandbox | undefined;
let dir: string | undefined;
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(async () => cli.remove());
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = dir = undefined;
});

const NAMES = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"];

async function setUp(latencyMs: number) {
  sb = await startKimaiSandbox({ seed: adminSeed(), latencyMs });
  dir = await project(
    Object.fromEntries(NAMES.map((n) => [`users.d/${n}.yaml`, `username: ${n}\nemail: ${n}@example.com\n`])),
  );
  return { KIMAI_URL: sb.url, KIMAI_API_TOKEN: sb.token };
}

async function created(): Promise<string[]> {
  const state = (await (await fetch(`${sb!.url}/__sandbox/state`)).json()) as FullSeed;
  return state.users.map((u) => u.username).filter((n) => NAMES.includes(n));
}

interface JsonResult {
  targets: { results: { user: string; status: string; error?: string }[] }[];
}

test("the first SIGINT lets the change in flight finish, starts no other, prints the partial result, exits 130", async () => {
  const env = await setUp(150);
  const p = spawnCli(cli, ["apply", "--yes", "--format", "json", "--parallelism", "1"], env, dir!);
  await p.waitFor(/✓ \[1\/8\]/);
  p.child.kill("SIGINT");
  const exit = await p.exited;
  expect(exit.code, p.stderr()).toBe(130);
  expect(p.stderr()).toMatch(/SIGINT: starting no more changes; waiting up to 30 s for those in flight/);
  expect(p.stderr()).toContain("apply stopped by SIGINT; run rosterform plan to see what is left");
  expect(p.stderr()).not.toContain("internal error");
  const result = JSON.parse(p.stdout()) as JsonResult;
  const results = result.targets[0]!.results;
  expect(results).toHaveLength(8);
  const applied = results.filter((r) => r.status === "applied").map((r) => r.user);
  const notStarted = results.filter((r) => r.status === "not-started");
  expect(applied.length).toBeGreaterThanOrEqual(1);
  expect(applied.length).toBeLessThan(8);
  expect(applied.length + notStarted.length).toBe(8);
  expect(notStarted[0]!.error).toBe("not started: apply was stopped by SIGINT");
  // Everything done on the server is reported, and nothing more was done.
  expect((await created()).sort()).toEqual([...applied].sort());
}, 60_000);

test("SIGTERM in text mode: the summary says stopped; exit 143", async () => {
  const env = await setUp(150);
  const p = spawnCli(cli, ["apply", "--yes", "--parallelism", "2"], env, dir!);
  await p.waitFor(/✓ \[1\/8\]/);
  p.child.kill("SIGTERM");
  const exit = await p.exited;
  expect(exit.code, p.stderr()).toBe(143);
  expect(p.stdout()).toMatch(/Apply stopped: (\d+ created|nothing applied); (.*, )?\d+ not started\./);
  const n = Number(/Apply stopped: (\d+) created/.exec(p.stdout())?.[1] ?? 0);
  expect((await created()).length).toBe(n);
}, 60_000);

test("a second signal ends the run at once, even with a change hanging in flight", async () => {
  const env = await setUp(0);
  await fetch(`${sb!.url}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify([{ method: "POST", path: "^/api/users$", after: 1, action: { type: "hang" } }]),
  });
  const p = spawnCli(cli, ["apply", "--yes", "--parallelism", "1", "--timeout", "120"], env, dir!);
  await p.waitFor(/✓ \[1\/8\]/);
  await new Promise((r) => setTimeout(r, 300));
  p.child.kill("SIGTERM");
  await p.waitFor(/waiting up to 120 s/);
  const second = Date.now();
  p.child.kill("SIGTERM");
  const exit = await p.exited;
  expect(exit.code).toBe(143);
  expect(exit.at - second).toBeLessThan(3000);
  expect(p.stderr()).toContain("stopped at once (second SIGTERM)");
}, 60_000);
