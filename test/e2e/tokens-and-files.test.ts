// Tokens from the environment are trimmed like token files and checked before anything is sent; the plan
// file is private (0600) also when it replaces an existing file.
import { chmod, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import {
  project,
  removeProject,
  run,
  sandbox,
  wiwSandbox,
  type Sandbox,
  type WiwSandbox,
} from "./harness.js";

let sb: Sandbox | undefined;
let wiw: WiwSandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  await wiw?.close();
  if (dir) await removeProject(dir);
  sb = wiw = dir = undefined;
});

const ANNA = { "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" };

test("an environment token with a trailing newline or spaces is trimmed and works", async () => {
  sb = await sandbox();
  dir = await project(ANNA);
  for (const token of [`${sb.token}\n`, `  ${sb.token}\r\n`, `\t${sb.token} `]) {
    const r = await run(["plan"], { KIMAI_URL: sb.url, KIMAI_API_TOKEN: token }, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("1 to create");
  }
});

test("a whitespace-only, control-character or non-ASCII token is one clear line; nothing is sent, nothing retried", async () => {
  sb = await sandbox();
  wiw = await wiwSandbox();
  dir = await project(ANNA);
  const cases: [string, RegExp][] = [
    [" \n\t", /KIMAI_API_TOKEN holds only whitespace: set it to the API token/],
    [
      `${sb.token.slice(0, 4)}\u0007${sb.token.slice(4)}`,
      /KIMAI_API_TOKEN: the API token contains a control character \(U\+0007 at position 5\)/,
    ],
    [`${sb.token}\nsecond-line`, /contains a control character \(U\+000A/],
    [`\u201c${sb.token}\u201d`, /contains a non-ASCII character \(U\+201C at position 1\)/],
    [`tök-${sb.token}`, /contains a non-ASCII character \(U\+00F6 at position 2\)/],
  ];
  await sb.clearRequests();
  for (const [token, message] of cases) {
    const r = await run(["plan"], { KIMAI_URL: sb.url, KIMAI_API_TOKEN: token }, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain("retrying");
    expect(r.stderr).not.toContain("cannot reach");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toContain(sb.token);
  }
  expect(await sb.requests()).toHaveLength(0);
  const wiwDir = await project(ANNA, "targets:\n  wheniwork: { url: https://api.wheniwork.com }\n");
  try {
    await wiw.clearRequests();
    const r = await run(["plan"], { WHENIWORK_URL: wiw.url, WHENIWORK_TOKEN: "abc\u00a0def" }, wiwDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/WHENIWORK_TOKEN: the token contains a non-ASCII character \(U\+00A0/);
    expect(await wiw.requests()).toHaveLength(0);
  } finally {
    await removeProject(wiwDir);
  }
});

test("plan --out replaces an existing file as 0600, and a new one is 0600", async () => {
  sb = await sandbox();
  dir = await project(ANNA);
  const file = join(dir, "plan.json");
  await writeFile(file, "old plan\n");
  await chmod(file, 0o644);
  const r = await run(["plan", "--out", "plan.json"], sb.env, dir);
  expect(r.code, r.stderr).toBe(0);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const fresh = join(dir, "fresh.json");
  expect((await run(["plan", "--out", "fresh.json"], sb.env, dir)).code).toBe(0);
  expect((await stat(fresh)).mode & 0o777).toBe(0o600);
});
