// Each connection problem is one line saying what to do; nothing is sent.
import { writeFile } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import {
  adminSeed,
  project,
  removeProject,
  run,
  sandbox,
  seedUser,
  wiwSandbox,
  type RunResult,
  type Sandbox,
  type WiwSandbox,
} from "./harness.js";

let sb: Sandbox | undefined;
let wiw: WiwSandbox | undefined;
let server: Server | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  await wiw?.close();
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  if (dir) await removeProject(dir);
  sb = wiw = server = dir = undefined;
});

/** One line per retry before it, in the documented shape. */
const RETRY_LINE = /^retrying [A-Z]+ \/\S* in \d+(\.\d)? s \(.+\), attempt \d+ of \d+$/;

/** Exit 1 and exactly one line on stderr, `error: <target>: <message>`, which is returned (after any retry lines). */
function oneLine(r: RunResult, target = "Kimai"): string {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe("");
  const all = r.stderr.split("\n").filter(Boolean);
  const retries = all.filter((l) => l.startsWith("retrying "));
  for (const l of retries) expect(l).toMatch(RETRY_LINE);
  const lines = all.filter((l) => !l.startsWith("retrying "));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]!.startsWith(`error: ${target}: `), lines[0]).toBe(true);
  return lines[0]!.slice(`error: ${target}: `.length);
}

/** A local HTTP server that is not Kimai. */
async function notKimai(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const anna = { "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" };

test("a missing token says how to get one", async () => {
  dir = await project(anna);
  const message = oneLine(await run(["plan"], { KIMAI_URL: "https://kimai.example.com" }, dir));
  expect(message).toMatch(/^KIMAI_API_TOKEN is not set: create an API token in Kimai as a super-admin/);
  expect(message).toContain("in CI: a secret of that name");
  expect(message).toContain("KIMAI_API_TOKEN_FILE");
});

test("a token file that is missing or empty says so", async () => {
  dir = await project(anna);
  const missing = join(dir, "no-such-token");
  expect(
    oneLine(
      await run(["plan"], { KIMAI_URL: "https://kimai.example.com", KIMAI_API_TOKEN_FILE: missing }, dir),
    ),
  ).toBe(
    `KIMAI_API_TOKEN_FILE names ${missing}, which cannot be read (no such file): point it at the file holding the API token, or set KIMAI_API_TOKEN instead`,
  );
  const empty = join(dir, "empty-token");
  await writeFile(empty, "\n");
  expect(
    oneLine(
      await run(["plan"], { KIMAI_URL: "https://kimai.example.com", KIMAI_API_TOKEN_FILE: empty }, dir),
    ),
  ).toBe(`KIMAI_API_TOKEN_FILE ${empty} is empty: put the API token in it`);
});

test("a token file is read when KIMAI_API_TOKEN is absent", async () => {
  sb = await sandbox();
  dir = await project(anna);
  const file = join(dir, "token");
  await writeFile(file, `${sb.token}\n`);
  const r = await run(["plan"], { KIMAI_URL: sb.url, KIMAI_API_TOKEN_FILE: file }, dir);
  expect(r.code, r.stderr).toBe(0);
});

test("a plain-HTTP remote URL is refused before any request", async () => {
  dir = await project(anna);
  const message = oneLine(
    await run(["plan"], { KIMAI_URL: "http://kimai.example.com", KIMAI_API_TOKEN: "t" }, dir),
  );
  expect(message).toBe(
    'KIMAI_URL "http://kimai.example.com" uses plain HTTP, which would send the API token unencrypted; use https:// (plain HTTP is allowed only to localhost)',
  );
});

test("a plain-HTTP URL in rosterform.yaml is found by validate; a KIMAI_URL that is not a URL says how to write it", async () => {
  dir = await project(anna, "targets:\n  kimai:\n    url: http://kimai.internal\n");
  const validate = await run(["validate"], {}, dir);
  expect(validate.code).toBe(1);
  expect(validate.stderr).toMatch(
    /^rosterform\.yaml:3:10: url http:\/\/kimai\.internal uses plain http; write https:/,
  );
  await removeProject(dir);
  dir = await project(anna);
  const bad = await run(["plan"], { KIMAI_URL: "kimai.example.com", KIMAI_API_TOKEN: "t" }, dir);
  expect(oneLine(bad)).toBe(
    'KIMAI_URL "kimai.example.com" is not a URL; write it like https://kimai.example.com',
  );
});

test("a rejected token names the variable", async () => {
  sb = await sandbox();
  dir = await project(anna);
  const message = oneLine(await run(["plan"], { KIMAI_URL: sb.url, KIMAI_API_TOKEN: "wrong-token" }, dir));
  expect(message).toBe(
    `${sb.url} rejected the token (401): check KIMAI_API_TOKEN is a current API token of an enabled user (Kimai: your profile → API access)`,
  );
});

test("a token of a user without ROLE_SUPER_ADMIN: one line naming the user, the role and the fix", async () => {
  const seed = adminSeed();
  seed.users.push(seedUser(2, "clerk", { roles: ["ROLE_ADMIN"] }));
  seed.tokens = { ...seed.tokens, "clerk-token-abcdef": 2 };
  sb = await sandbox(seed);
  dir = await project(anna);
  await sb.clearRequests();
  const message = oneLine(
    await run(["apply", "--yes"], { KIMAI_URL: sb.url, KIMAI_API_TOKEN: "clerk-token-abcdef" }, dir),
  );
  expect(message).toBe(
    'the token belongs to "clerk" with roles [ROLE_ADMIN], but listing, creating and editing users needs ROLE_SUPER_ADMIN: create the API token as a super-admin (best: a dedicated service user) and set it as KIMAI_API_TOKEN; nothing was sent',
  );
  expect((await sb.requests()).filter((r) => r.method !== "GET")).toEqual([]);
});

test("a server that answers 403 to the user list asks for a super-admin token", async () => {
  sb = await sandbox();
  dir = await project(anna);
  await sb.faults([
    { method: "GET", path: "^/api/users$", times: 1, action: { type: "status", status: 403 } },
  ]);
  expect(oneLine(await run(["plan"], sb.env, dir))).toMatch(
    /^the token may not list users \(403\): create the API token as a ROLE_SUPER_ADMIN user/,
  );
});

test("a Kimai older than 2.40 is named with its version and what it lacks", async () => {
  sb = await sandbox(adminSeed({ version: "2.30.0" }));
  dir = await project(anna);
  expect(oneLine(await run(["plan"], sb.env, dir))).toBe(
    `${sb.url}: rosterform needs Kimai 2.40 for the user preferences API (and 2.45 for reading users' email and system-account flag); this server is 2.30.0: upgrade Kimai; nothing was sent`,
  );
});

test("an unreachable server says which URL and what to check", async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  dir = await project(anna);
  const r = await run(
    ["plan", "--timeout", "2"],
    { KIMAI_URL: `http://127.0.0.1:${port}`, KIMAI_API_TOKEN: "t" },
    dir,
  );
  expect(oneLine(r)).toBe(
    `cannot reach http://127.0.0.1:${port} (connection refused): check KIMAI_URL (or targets.kimai.url), that the server is up, and that this machine (or CI runner) can reach it`,
  );
}, 60_000);

test("a URL that is not Kimai says to fix KIMAI_URL", async () => {
  sb = await sandbox();
  dir = await project(anna);
  const r = await run(["plan"], { KIMAI_URL: `${sb.url}/api`, KIMAI_API_TOKEN: sb.token }, dir);
  expect(oneLine(r)).toBe(
    `${sb.url}/api has no Kimai API (GET /api/version answered 404): set KIMAI_URL to the address you open Kimai at, without /api`,
  );
});

test("a web page or a login redirect instead of Kimai says to fix KIMAI_URL, in one line", async () => {
  dir = await project(anna);
  const page = await notKimai((_req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end("<html>hi</html>"),
  );
  expect(oneLine(await run(["plan"], { KIMAI_URL: page, KIMAI_API_TOKEN: "t" }, dir))).toBe(
    `${page} does not look like Kimai (GET /api/version answered 200): set KIMAI_URL to the address you open Kimai at, without /api`,
  );
  await new Promise<void>((resolve) => server!.close(() => resolve()));
  const sso = await notKimai((_req, res) => res.writeHead(302, { location: "/login" }).end());
  expect(oneLine(await run(["plan"], { KIMAI_URL: sso, KIMAI_API_TOKEN: "t" }, dir))).toContain(
    "answered 302, a redirect: is a login page or proxy in front of it?",
  );
});

test("a server error is one line, not a body dump; a 503 only after the retries", async () => {
  dir = await project(anna);
  let status = 500;
  const url = await notKimai((_req, res) =>
    res.writeHead(status, { "content-type": "text/html" }).end("<html>".repeat(500)),
  );
  const env = { KIMAI_URL: url, KIMAI_API_TOKEN: "t" };
  expect(oneLine(await run(["plan"], env, dir))).toBe(
    `Kimai at ${url} answered 500 to GET /api/version: the server has a problem; check its logs or try again later`,
  );
  status = 503;
  const busy = await run(["plan"], env, dir);
  expect(oneLine(busy)).toBe(
    `Kimai at ${url} answered 503 to GET /api/version, also after retries: the server has a problem; check its logs or try again later`,
  );
  // Each retry was told, one line each, before the error.
  expect(busy.stderr.split("\n").filter((l) => l.startsWith("retrying GET /api/version in "))).toHaveLength(
    5,
  );
  expect(busy.stderr).toMatch(/retrying GET \/api\/version in \d+(\.\d)? s \(503\), attempt 6 of 6\n/);
}, 60_000);

test("When I Work: a missing, rejected or unreadable token and an unreachable server are one line each", async () => {
  const config = "targets:\n  wheniwork: {}\n";
  dir = await project(anna, config);
  expect(oneLine(await run(["plan"], {}, dir), "When I Work")).toMatch(/^WHENIWORK_TOKEN is not set: /);
  expect(
    oneLine(await run(["plan"], { WHENIWORK_TOKEN_FILE: join(dir, "nope") }, dir), "When I Work"),
  ).toMatch(/^WHENIWORK_TOKEN_FILE names .*nope, which cannot be read \(no such file\)/);
  expect(
    oneLine(
      await run(["plan"], { WHENIWORK_URL: "http://api.example.com", WHENIWORK_TOKEN: "t" }, dir),
      "When I Work",
    ),
  ).toMatch(/^WHENIWORK_URL "http:\/\/api\.example\.com" uses plain HTTP/);
  wiw = await wiwSandbox();
  expect(
    oneLine(await run(["plan"], { WHENIWORK_URL: wiw.url, WHENIWORK_TOKEN: "wrong" }, dir), "When I Work"),
  ).toBe(`${wiw.url} rejected the token (401): log in again and update WHENIWORK_TOKEN (tokens expire)`);
  const closed = wiw.url;
  await wiw.close();
  wiw = undefined;
  expect(
    oneLine(
      await run(["plan", "--timeout", "2"], { WHENIWORK_URL: closed, WHENIWORK_TOKEN: "t" }, dir),
      "When I Work",
    ),
  ).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\): check WHENIWORK_URL/);
}, 60_000);

test("a server that hangs is timed out and retried", async () => {
  sb = await sandbox();
  dir = await project(anna);
  await sb.faults([{ method: "GET", path: "^/api/users$", times: 1, action: { type: "hang" } }]);
  const r = await run(["plan", "--timeout", "1"], sb.env, dir);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain("Plan: 1 to create");
});

test("invalid YAML stops before any request, with file:line:col", async () => {
  sb = await sandbox();
  dir = await project({
    "users.d/anna.yaml":
      "username: anna\nemail: anna@example.com\ncontract: { type: week, hoursPerWeek: 40 hours }\n",
  });
  await sb.clearRequests();
  const r = await run(["apply", "--yes"], sb.env, dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/users\.d\/anna\.yaml:3:\d+: /);
  expect(await sb.requests()).toEqual([]);
});

test("an answer that is not what Kimai sends is named as such, not as an unreachable server", async () => {
  sb = await sandbox();
  dir = await project(anna);
  await sb.faults([
    {
      method: "GET",
      path: "^/api/users$",
      times: 1,
      action: { type: "status", status: 200, body: { users: [] } },
    },
  ]);
  const shape = await run(["plan"], sb.env, dir);
  expect(shape.code).toBe(1);
  expect(shape.stderr).toContain("GET /api/users: expected a JSON array of users");
  expect(shape.stderr).not.toContain("cannot reach");
  expect(shape.stderr).toMatch(
    /^error: Kimai: GET \/api\/users: expected a JSON array of users: is the URL right/,
  );
});

test("/api/users/me with roles as a string is refused, not passed as a super-admin by substring", async () => {
  const seen: string[] = [];
  const url = await notKimai((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.setHeader("content-type", "application/json");
    if (req.url === "/api/version") res.end(JSON.stringify({ version: "2.66.0", versionId: 26600 }));
    else if (req.url === "/api/users/me")
      res.end(JSON.stringify({ id: 1, username: "svc", roles: "NOT_ROLE_SUPER_ADMIN" }));
    else res.end("[]");
  });
  dir = await project(anna);
  const message = oneLine(
    await run(["apply", "--yes"], { KIMAI_URL: url, KIMAI_API_TOKEN: "tok-0123456789" }, dir),
  );
  expect(message).toContain(
    'GET /api/users/me: expected roles as a list of role names, got "NOT_ROLE_SUPER_ADMIN"',
  );
  expect(seen).toEqual(["GET /api/version", "GET /api/users/me"]);
});
