// Secrets never reach an output: an echoing, hostile server in front of the Kimai sandbox repeats every request
// (headers, body, a URL with credentials) in its error answers; every output channel and file is searched.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { redact, registerSecret } from "../../src/redact.js";
import { adminSeed, project, removeProject, run, sandbox, seedUser, type Sandbox } from "./harness.js";

let sb: Sandbox | undefined;
let proxy: Server | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await sb?.close();
  if (proxy) await new Promise<void>((resolve) => proxy!.close(() => resolve()));
  for (const d of dirs.splice(0)) await removeProject(d);
  sb = proxy = undefined;
});

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Forwards to `upstream`; answers `echo(req)` requests itself with a WAF-like page repeating the request. */
async function echoingProxy(
  upstream: string,
  echo: (method: string, path: string) => number | undefined,
  seen: string[],
): Promise<string> {
  proxy = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      seen.push(body);
      const status = echo(req.method ?? "GET", req.url ?? "/");
      if (status !== undefined) {
        const page = [
          `<html><body><h1>Request blocked</h1><pre>${req.method} ${req.url}`,
          ...Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`),
          body,
          `retry at https://waf-user:waf-pass@waf.example.com/unblock?api_key=k-12345&token=${String(req.headers.authorization)}#session-99</pre></body></html>`,
        ].join("\n");
        res.writeHead(status, { "content-type": "text/html" }).end(page);
        return;
      }
      const answer = await fetch(`${upstream}${req.url}`, {
        method: req.method ?? "GET",
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => k === "authorization" || k === "content-type"),
        ) as Record<string, string>,
        ...(body ? { body } : {}),
      });
      res
        .writeHead(answer.status, {
          "content-type": answer.headers.get("content-type") ?? "application/json",
        })
        .end(await answer.text());
    })();
  });
  await new Promise<void>((resolve) => proxy!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(await readFile(join(entry.parentPath, entry.name), "utf8"));
  }
  return out;
}

test("plan, apply and import against an echoing server print and write no token, password or URL secret", async () => {
  const token = "tok-Very-Secret-4711-abcdefghijklmnop";
  sb = await sandbox(
    adminSeed({
      tokens: { [token]: 1 },
      users: [
        seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] }),
        seedUser(2, "bob", { title: "Old title" }),
      ],
    }),
  );
  const seen: string[] = [];
  // Creates and updates are answered by the "WAF" with a page that repeats the request.
  const url = await echoingProxy(
    sb.url,
    (method) => (method === "POST" ? 400 : method === "PATCH" ? 422 : undefined),
    seen,
  );
  const dir = await project({
    "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n",
    "users.d/carl.yaml": "username: carl\nemail: carl@example.com\n",
    "users.d/bob.yaml": "username: bob\nemail: bob@example.com\ntitle: New title\n",
  });
  dirs.push(dir);
  const out = await mkdtemp(join(tmpdir(), "rosterform-import-"));
  dirs.push(out);
  const env = { KIMAI_URL: url, KIMAI_API_TOKEN: `${token}\n` };
  const runs = [
    await run(["plan"], env, dir),
    await run(["plan", "--format", "json", "--out", "plan.json"], env, dir),
    await run(["plan", "--format", "markdown"], env, dir),
    await run(["apply", "--yes"], env, dir),
    await run(["apply", "--yes", "--format", "json"], env, dir),
    await run(["apply", "plan.json"], env, dir),
    await run(["import", "--target", "kimai", "--out", out], env, dir),
  ];
  // The runs did reach the server and failed on the echoed answers (the test would prove nothing otherwise).
  expect(runs[3]!.code).toBe(1);
  expect(runs[3]!.stderr).toContain("answered 400");
  expect(runs[4]!.stdout).toContain('"status": "failed"');
  const passwords = seen.flatMap((b) => [...b.matchAll(/"plainPassword":"([^"]+)"/g)].map((m) => m[1]!));
  expect(passwords.length).toBeGreaterThanOrEqual(4);
  const texts = [
    ...runs.flatMap((r) => [r.stdout, r.stderr]),
    ...(await filesUnder(dir)),
    ...(await filesUnder(out)),
  ];
  const all = texts.join("\n");
  expect(all).toContain("[redacted]");
  for (const secret of [token, ...passwords, "waf-pass", "k-12345", "session-99"]) {
    expect(all.includes(secret), `${secret} leaked`).toBe(false);
  }
}, 60_000);

test("--debug traces every request against an echoing server and prints no token", async () => {
  const token = "tok-Debug-Secret-0815-qrstuvwxyz";
  sb = await sandbox(adminSeed({ tokens: { [token]: 1 } }));
  const seen: string[] = [];
  // The first user list and every create are answered by the "WAF" repeating the request, token included.
  let lists = 0;
  const url = await echoingProxy(
    sb.url,
    (method, path) =>
      method === "GET" && path.startsWith("/api/users?") && lists++ === 0
        ? 503
        : method === "POST"
          ? 400
          : undefined,
    seen,
  );
  const dir = await project({ "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" });
  dirs.push(dir);
  const env = { KIMAI_URL: url, KIMAI_API_TOKEN: token };
  const runs = [await run(["plan", "--debug"], env, dir), await run(["apply", "--yes", "--debug"], env, dir)];
  const stderr = runs.map((r) => r.stderr).join("\n");
  // The trace is there (the retried 503 and the refused create included), and the echoed page reached us.
  expect(stderr).toMatch(/^debug: GET http:\/\/127\.0\.0\.1:\d+\/api\/users\?\[redacted\] → 503 in \d+ ms$/m);
  expect(stderr).toMatch(/\(attempt 2, a retry\)$/m);
  expect(stderr).toMatch(/^debug: POST http:\/\/127\.0\.0\.1:\d+\/api\/users → 400 in \d+ ms$/m);
  expect(stderr).toContain("answered 400");
  const all = runs.flatMap((r) => [r.stdout, r.stderr]).join("\n");
  for (const secret of [token, "waf-pass", "k-12345", "session-99"]) {
    expect(all.includes(secret), `${secret} leaked`).toBe(false);
  }
}, 60_000);

test("a KIMAI_URL with credentials, a query or a fragment is refused without printing them", async () => {
  const dir = await project({ "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" });
  dirs.push(dir);
  for (const url of [
    "https://bot:hunter2-pass@kimai.example.com",
    "https://kimai.example.com/?api_key=key-98765",
    "https://kimai.example.com/#frag-55555",
  ]) {
    const r = await run(["plan"], { KIMAI_URL: url, KIMAI_API_TOKEN: "tok-123456" }, dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/KIMAI_URL https:\/\/.*\[redacted\].* must not (contain credentials|have a)/);
    expect(r.stderr).not.toMatch(/hunter2|key-98765|frag-55555/);
  }
});

test("validate refuses a URL with credentials or a query in rosterform.yaml, naming the line, not the secret", async () => {
  const dir = await project(
    { "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" },
    "targets:\n  kimai:\n    url: https://bot:hunter2-pass@kimai.example.com\n",
  );
  dirs.push(dir);
  const r = await run(["validate"], {}, dir);
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).toMatch(/rosterform\.yaml:3:\d+: .*must not contain credentials/);
  expect(r.stdout + r.stderr).not.toContain("hunter2");
  await rm(join(dir, "rosterform.yaml"));
});

test("redact masks registered secrets in their echoed forms and every URL's userinfo, query and fragment", () => {
  registerSecret('pa"ss/wörd-42');
  expect(redact('{"password":"pa\\"ss/wörd-42"}')).toBe('{"password":"[redacted]"}');
  expect(redact("x=pa%22ss%2Fw%C3%B6rd-42")).toBe("x=[redacted]");
  expect(redact("see http://u:p@h.example/a/b?x=1#f, and https://ok.example/path.")).toBe(
    "see http://[redacted]@h.example/a/b?[redacted]#[redacted] and https://ok.example/path.",
  );
});
