// Networks as companies have them: a proxy in front of the internet (HTTP_PROXY / HTTPS_PROXY / NO_PROXY,
// here a CONNECT proxy written below), and a Kimai whose certificate comes from a private CA (generated here
// with openssl). Proxy credentials and tokens never reach the output.
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, request as httpRequest, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { connect as netConnect, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { proxyFromEnv } from "../../src/http/proxy.js";
import { project, removeProject, run, sandbox, type Sandbox } from "./harness.js";

const ANNA = "username: anna\nemail: anna@example.com\nname: { first: Anna, last: Schmidt }\n";
const PROXY_USER = "proxy-user";
const PROXY_PASSWORD = "proxy-pa55word-xyz";
const BASIC = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString("base64")}`;

interface Proxy {
  url: string;
  /** "CONNECT host:port" or "GET http://…", as the proxy received them. */
  seen: string[];
  auth: (string | undefined)[];
  close: () => Promise<void>;
}

/** A forward proxy (absolute-URI requests) and a CONNECT tunnel; with `requireAuth`, 407 without our Basic. */
async function startProxy(requireAuth = false): Promise<Proxy> {
  const seen: string[] = [];
  const auth: (string | undefined)[] = [];
  const sockets = new Set<Socket>();
  const allowed = (header: string | undefined) => !requireAuth || header === BASIC;
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    auth.push(req.headers["proxy-authorization"]);
    if (!allowed(req.headers["proxy-authorization"])) {
      res.writeHead(407, { "proxy-authenticate": 'Basic realm="corp"' }).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    delete headers["proxy-connection"];
    const upstream = httpRequest(req.url!, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    auth.push(req.headers["proxy-authorization"]);
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    if (!allowed(req.headers["proxy-authorization"])) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n',
      );
      return;
    }
    const [host, port] = req.url!.split(":");
    const target = netConnect(Number(port), host!, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      target.write(head);
      target.pipe(client);
      client.pipe(target);
    });
    sockets.add(target);
    target.on("close", () => sockets.delete(target));
    target.on("error", () => client.destroy());
    client.on("error", () => target.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    auth,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A private CA and a certificate it signed for 127.0.0.1 (the server sends only its own, as many do). */
async function privateCa(dir: string): Promise<{ key: Buffer; cert: Buffer; ca: Buffer }> {
  const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  ssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=Private CA",
  );
  ssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "server.key",
    "-out",
    "server.csr",
    "-subj",
    "/CN=kimai",
  );
  await import("node:fs/promises").then((fs) =>
    fs.writeFile(join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n"),
  );
  ssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.pem",
    "-days",
    "2",
    "-extfile",
    "ext.cnf",
  );
  return {
    key: await readFile(join(dir, "server.key")),
    cert: await readFile(join(dir, "server.pem")),
    ca: await readFile(join(dir, "ca.pem")),
  };
}

let kimai: Sandbox | undefined;
let proxy: Proxy | undefined;
let dir: string | undefined;
afterEach(async () => {
  await kimai?.close();
  await proxy?.close();
  if (dir) await removeProject(dir);
  kimai = proxy = dir = undefined;
});

function noSecrets(text: string): void {
  expect(text).not.toContain(PROXY_PASSWORD);
  expect(text).not.toContain(BASIC.slice(6));
  if (kimai) expect(text).not.toContain(kimai.token);
}

describe("proxies", () => {
  test("HTTP_PROXY with credentials carries every request; the credentials never show", async () => {
    kimai = await sandbox();
    proxy = await startProxy(true);
    dir = await project({ "users.d/anna.yaml": ANNA });
    const withAuth = proxy.url.replace("http://", `http://${PROXY_USER}:${PROXY_PASSWORD}@`);
    const result = await run(["plan"], { ...kimai.env, HTTP_PROXY: withAuth, NO_COLOR: "1" }, dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("+ anna");
    expect(proxy.seen.length).toBeGreaterThan(1);
    // undici tunnels plain HTTP through CONNECT too; either way every request passed the proxy.
    const host = kimai.url.slice("http://".length);
    expect(
      proxy.seen.filter((s) => !s.startsWith(`GET ${kimai!.url}/api/`) && s !== `CONNECT ${host}`),
    ).toEqual([]);
    expect(proxy.auth.every((a) => a === BASIC)).toBe(true);
    noSecrets(result.stdout + result.stderr);
  });

  test("NO_PROXY exempts a host: nothing goes through the proxy", async () => {
    kimai = await sandbox();
    proxy = await startProxy();
    dir = await project({ "users.d/anna.yaml": ANNA });
    const env = { ...kimai.env, http_proxy: proxy.url, NO_PROXY: "example.com, 127.0.0.1" };
    const result = await run(["plan"], env, dir);
    expect(result.code, result.stderr).toBe(0);
    expect(proxy.seen).toEqual([]);
  });

  test("a proxy that wants credentials: one line saying so, not retried, nothing leaked", async () => {
    proxy = await startProxy(true);
    dir = await project({ "users.d/anna.yaml": ANNA });
    const env = {
      KIMAI_URL: "https://kimai.invalid",
      KIMAI_API_TOKEN: "tok-0123456789",
      HTTPS_PROXY: proxy.url,
    };
    const result = await run(["plan"], env, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `the proxy ${proxy.url} (HTTPS_PROXY) refused to connect (407): proxy authentication required`,
    );
    expect(proxy.seen).toEqual(["CONNECT kimai.invalid:443"]);
    expect(result.stderr).not.toContain("tok-0123456789");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("a proxy that cannot be reached is named in the error, its credentials redacted", async () => {
    dir = await project({ "users.d/anna.yaml": ANNA });
    const env = {
      KIMAI_URL: "https://kimai.invalid",
      KIMAI_API_TOKEN: "tok-0123456789",
      HTTPS_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:1`,
    };
    const result = await run(["plan", "--timeout", "5"], env, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("through the proxy http://[redacted]@127.0.0.1:1 (HTTPS_PROXY)");
    noSecrets(result.stderr);
  }, 60_000);

  test("proxy variables: lower case first, host:port accepted, a bad one is an error naming the variable", () => {
    expect(proxyFromEnv({})).toBeUndefined();
    expect(proxyFromEnv({ HTTPS_PROXY: "http://upper:1", https_proxy: "http://lower:2" })).toMatchObject({
      httpsProxy: "http://lower:2",
      from: { https: "https_proxy" },
    });
    expect(proxyFromEnv({ HTTP_PROXY: "proxy.corp:3128" })?.httpProxy).toBe("http://proxy.corp:3128");
    expect(() => proxyFromEnv({ HTTPS_PROXY: `http://u:${PROXY_PASSWORD}@[bad` })).toThrow(
      /^HTTPS_PROXY "http:\/\/\[redacted\]@\[bad" is not a proxy address; write it like http:\/\/proxy/,
    );
    expect(() => proxyFromEnv({ HTTPS_PROXY: "socks5://proxy:1080" })).toThrow(
      /only http:\/\/ and https:\/\/ proxies/,
    );
  });
});

describe.skipIf(!hasOpenssl())("a Kimai behind a private CA", () => {
  let certs: { key: Buffer; cert: Buffer; ca: Buffer };
  let tmp: string;
  let https: ReturnType<typeof createHttpsServer>;
  let httpsUrl: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "rosterform-ca-"));
    certs = await privateCa(tmp);
    https = createHttpsServer({ key: certs.key, cert: certs.cert }, (_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
    httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    https.closeAllConnections();
    await new Promise<void>((resolve) => https.close(() => resolve()));
    await rm(tmp, { recursive: true, force: true });
  });

  const MESSAGE = (url: string) =>
    `the certificate of ${url} is not trusted (unable to verify the first certificate): if your Kimai uses a private CA (or a proxy inspects TLS), set NODE_EXTRA_CA_CERTS=/path/ca.pem`;

  test("an untrusted certificate is said as such, with the fix; not retried, no stack", async () => {
    dir = await project({ "users.d/anna.yaml": ANNA });
    const env = { KIMAI_URL: httpsUrl, KIMAI_API_TOKEN: "tok-0123456789" };
    const result = await run(["plan"], env, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(MESSAGE(httpsUrl));
    expect(result.stderr).not.toContain("retrying");
    expect(result.stderr).not.toContain("cannot reach");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("through HTTPS_PROXY (a CONNECT tunnel) the same message", async () => {
    proxy = await startProxy();
    dir = await project({ "users.d/anna.yaml": ANNA });
    const env = { KIMAI_URL: httpsUrl, KIMAI_API_TOKEN: "tok-0123456789", HTTPS_PROXY: proxy.url };
    const result = await run(["plan"], env, dir);
    expect(result.code).toBe(1);
    expect(proxy.seen).toEqual([`CONNECT ${httpsUrl.slice("https://".length)}`]);
    expect(result.stderr).toContain(MESSAGE(httpsUrl));
  });

  test("the CA it names is the one that makes the certificate trusted (NODE_EXTRA_CA_CERTS in a fresh node)", async () => {
    // NODE_EXTRA_CA_CERTS is read when node starts: a child process checks that this CA is the fix.
    const script = `require("node:https").get(${JSON.stringify(httpsUrl)}, (r) => { console.log(r.statusCode); r.resume(); }).on("error", (e) => { console.log(e.code); });`;
    const node = (extra: Record<string, string>) =>
      new Promise<string>((resolve) =>
        execFile(process.execPath, ["-e", script], { env: { PATH: process.env.PATH, ...extra } }, (_e, out) =>
          resolve(out.trim()),
        ),
      );
    expect(await node({})).toBe("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    expect(await node({ NODE_EXTRA_CA_CERTS: join(tmp, "ca.pem") })).toBe("200");
  });
});
