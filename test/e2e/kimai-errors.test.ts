// Each connection problem is one line saying what to do; nothing is sent.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { project, removeProject, run, sandbox, type Sandbox } from "./harness.js";

let sb: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = undefined;
  dir = undefined;
});

const anna = { "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" };

test("a missing token says how to get one", async () => {
  dir = await project(anna);
  const r = await run(["plan"], { KIMAI_URL: "https://kimai.example.com" }, dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^error: Kimai: KIMAI_API_TOKEN is not set: create an API token in Kimai/);
});

test("a plain-HTTP remote URL is refused before any request", async () => {
  dir = await project(anna);
  const r = await run(["plan"], { KIMAI_URL: "http://kimai.example.com", KIMAI_API_TOKEN: "t" }, dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('KIMAI_URL "http://kimai.example.com" uses plain HTTP');
});

test("a rejected token names the variable", async () => {
  sb = await sandbox();
  dir = await project(anna);
  const r = await run(["plan"], { KIMAI_URL: sb.url, KIMAI_API_TOKEN: "wrong-token" }, dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("rejected the token (401): check KIMAI_API_TOKEN");
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
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`cannot reach Kimai at http://127.0.0.1:${port}: connection refused`);
}, 60_000);

test("a URL that is not Kimai says to fix KIMAI_URL", async () => {
  sb = await sandbox();
  dir = await project(anna);
  const r = await run(["plan"], { KIMAI_URL: `${sb.url}/api`, KIMAI_API_TOKEN: sb.token }, dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("has no Kimai API");
  expect(r.stderr).toContain("without /api");
});

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
