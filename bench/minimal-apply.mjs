// The floor of apply: a minimal client that sends the requests a rosterform apply sent (same preflight and
// list, then the same chain of requests per changed user, in order within a chain, `PARALLELISM` chains at
// a time), with nothing else: no files, no plan, no checks. Chains come from run.mjs (recorded from a
// rosterform apply against the same sandbox); "{new}" in a path is the id the chain's POST answered.
// Usage: node bench/minimal-apply.mjs REPORT_FILE CHAINS.json PARALLELISM   (KIMAI_URL, KIMAI_API_TOKEN)
import { Buffer } from "node:buffer";
import { readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

const [report, chainsFile, parallelismArg] = process.argv.slice(2);
const parallelism = Number(parallelismArg);
const started = performance.now();
const base = new URL(process.env.KIMAI_URL);
const token = process.env.KIMAI_API_TOKEN;
const agent = new Agent({ keepAlive: true, maxSockets: parallelism + 4 });

function send(method, path, body) {
  return new Promise((resolve, reject) => {
    const text = body === null || body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(text ? { "content-type": "application/json", "content-length": Buffer.byteLength(text) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          if (res.statusCode >= 400) reject(new Error(`${method} ${path}: ${res.statusCode}`));
          else resolve(Buffer.concat(chunks));
        });
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

const chains = JSON.parse(readFileSync(chainsFile, "utf8"));
await Promise.all([send("GET", "/api/version"), send("GET", "/api/users/me"), send("GET", "/api/plugins")]);
await send("GET", "/api/users?visible=3&full=true");
let next = 0;
const worker = async () => {
  while (next < chains.length) {
    let created;
    for (const step of chains[next++]) {
      const answer = await send(step.method, step.path.replace("{new}", created), step.body);
      if (step.method === "POST") created = JSON.parse(answer.toString("utf8")).id;
    }
  }
};
await Promise.all(Array.from({ length: parallelism }, worker));
agent.destroy();
writeFileSync(
  report,
  JSON.stringify({ code: 0, ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }),
);
