// npm run bench [-- --quick] [-- --only startup,validate,plan,depth,apply,baseline]
// Runs the rosterform CLI (dist/) as a child process against the Kimai sandbox (another child process) and
// reports wall time (median), peak RSS of the rosterform process and HTTP requests by kind.
// Full run: bench/RESULTS.md. Quick run (< 2 minutes): bench/out/RESULTS.quick.md.
import { spawn } from "node:child_process";
import { writeFileSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import { totalmem, cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { generate } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, "out");
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");
const onlyArg = argv.find((a) => a.startsWith("--only"));
const ONLY = onlyArg
  ? new Set((onlyArg.split("=")[1] ?? argv[argv.indexOf(onlyArg) + 1] ?? "").split(","))
  : null;
const wants = (name) => !ONLY || ONLY.has(name);

const SIZES = QUICK ? [1000, 10_000] : [1000, 10_000, 100_000];
const LATENCIES = QUICK ? [0] : [0, 20];
const DEPTH_SIZES = QUICK ? [10_000] : [10_000, 100_000];
const APPLY_PARALLELISM = QUICK ? [8] : [1, 8, 16];
const APPLY_CHANGES = 1000;
const APPLY_LATENCY = 20;
/** Runs per measurement (median reported); small cases get one warm-up run first (file cache, sandbox JIT). */
const runsFor = (n) => (n >= 100_000 ? 3 : 3);
const warmupFor = (n) => (n >= 100_000 ? 0 : 1);

const log = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------------------------------------
// Children: the sandbox server, and rosterform under the RSS wrapper.

async function startSandbox(seed, latencyMs, name) {
  const seedFile = join(OUT, `${name}.seed.json`);
  writeFileSync(seedFile, JSON.stringify(seed));
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=8192", join(here, "sandbox-server.mjs"), seedFile, String(latencyMs)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const line = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once("line", (l) => resolve(l));
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const { url } = JSON.parse(line);
  return {
    url,
    async requests() {
      const res = await fetch(`${url}/__sandbox/requests`);
      return await res.json();
    },
    async clearRequests() {
      await fetch(`${url}/__sandbox/requests`, { method: "DELETE" });
    },
    async reset(state) {
      const res = await fetch(`${url}/__sandbox/reset`, { method: "POST", body: JSON.stringify(state) });
      if (!res.ok) throw new Error(`sandbox reset: ${res.status} ${await res.text()}`);
    },
    /** Time the sandbox alone needs to answer the full list (what any client would wait for). */
    async listMs(token) {
      const t = performance.now();
      const res = await fetch(`${url}/api/users?visible=3&full=true`, {
        headers: { authorization: `Bearer ${token}` },
      });
      let bytes = 0;
      for await (const chunk of res.body) bytes += chunk.length;
      return { ms: performance.now() - t, bytes };
    },
    stop() {
      return new Promise((resolve) => {
        child.once("exit", resolve);
        child.stdin.end();
      });
    },
  };
}

/** Runs one command as a child; returns wall ms, the wrapper's report, and stdout (last lines kept). */
async function runChild(script, args, env) {
  const report = join(OUT, "report.json");
  rmSync(report, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [join(here, script), report, ...args], {
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout = (stdout + d).slice(-20_000);
  });
  child.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  const wallMs = performance.now() - started;
  let inner;
  try {
    inner = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    throw new Error(`${script} ${args.join(" ")} exited ${code} without a report:\n${stderr}`);
  }
  return { code, wallMs, rssMb: inner.maxRssKb / 1024, innerMs: inner.ms, stdout, stderr };
}

/** Requests by kind: "GET /api/users", "PATCH /api/users/{id}/preferences", … */
function byKind(entries) {
  const counts = {};
  for (const e of entries) {
    const kind = `${e.method} ${e.path.replace(/\/\d+(?=\/|$)/g, "/{id}")}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

const planLine = (stdout) => (/^(Plan: .*|No changes\.)$/m.exec(stdout) ?? [""])[0];

/** Runs `measure` warm-up + runs times; the request log is cleared before each run and read after it. */
async function repeat(label, n, sandbox, measure) {
  const runs = [];
  for (let i = 0; i < warmupFor(n) + runsFor(n); i++) {
    if (sandbox) await sandbox.clearRequests();
    const r = await measure(i);
    if (r.code !== 0 && r.code !== 2) throw new Error(`${label}: exit ${r.code}\n${r.stderr}`);
    r.requests = sandbox ? byKind(await sandbox.requests()) : {};
    const warm = i < warmupFor(n);
    log(
      `  ${label} ${warm ? "warm-up" : `run ${i - warmupFor(n) + 1}`}: ${(r.wallMs / 1000).toFixed(2)} s, ${r.rssMb.toFixed(0)} MB`,
    );
    if (!warm) runs.push(r);
  }
  const last = runs[runs.length - 1];
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    minMs: Math.min(...runs.map((r) => r.wallMs)),
    maxMs: Math.max(...runs.map((r) => r.wallMs)),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
    runs: runs.length,
    requests: last.requests,
    total: Object.values(last.requests).reduce((a, b) => a + b, 0),
    summary: planLine(last.stdout),
    runsMs: runs.map((r) => Math.round(r.wallMs)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios. Each one runs its command and its floor interleaved (floor, command, floor, command, …) so that
// both see the same machine load; the ratio of the medians is the result.

const results = { startup: [], validate: [], plan: [], depth: [], apply: [], baseline: [] };
const projects = new Map();

function project(n, depth) {
  const key = `${n}/${depth ?? "tree"}`;
  if (!projects.has(key)) {
    const t = performance.now();
    const dir = join(OUT, depth === undefined ? `plan-${n}` : `plan-${n}-depth-${depth}`);
    const g = generate({ dir, n, drift: 0.01, depth });
    log(`generated ${key} in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(g.stats)}`);
    projects.set(key, { dir, ...g });
  }
  return projects.get(key);
}

/** Wall time of a plain child process (stdout discarded). */
async function timed(command, args, env = {}) {
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")}: exit ${code}\n${stderr}`);
  return { wallMs: performance.now() - started, rssMb: 0, code };
}

const floorRead = (dir) => timed(process.execPath, [join(here, "floor-read.mjs"), dir]);
const curlList = (url, token) =>
  timed("curl", [
    "-sS",
    "-o",
    "/dev/null",
    "-H",
    `authorization: Bearer ${token}`,
    `${url}/api/users?visible=3&full=true`,
  ]);

/**
 * Runs every step of `round` in order, warm-up + runs times; returns the medians by step name. Steps return
 * { wallMs, rssMb, … }; for a step named "cli" the sandbox request log is cleared before and read after.
 */
async function interleaved(label, n, round, sandbox, warmup = warmupFor(n)) {
  const runs = {};
  for (let i = 0; i < warmup + runsFor(n); i++) {
    const warm = i < warmup;
    const line = [];
    for (const [name, step] of Object.entries(round)) {
      if (name === "cli" && sandbox) await sandbox.clearRequests();
      const r = await step(i);
      if (r.code !== 0 && r.code !== 2) throw new Error(`${label} ${name}: exit ${r.code}\n${r.stderr}`);
      if (name === "cli") r.requests = sandbox ? byKind(await sandbox.requests()) : {};
      line.push(`${name} ${(r.wallMs / 1000).toFixed(2)} s`);
      if (!warm) (runs[name] ??= []).push(r);
    }
    log(`  ${label} ${warm ? "warm-up" : `run ${i - warmup + 1}`}: ${line.join(", ")}`);
  }
  const out = {};
  for (const [name, rs] of Object.entries(runs)) {
    const last = rs[rs.length - 1];
    out[name] = {
      wallMs: median(rs.map((r) => r.wallMs)),
      minMs: Math.min(...rs.map((r) => r.wallMs)),
      maxMs: Math.max(...rs.map((r) => r.wallMs)),
      rssMb: Math.max(...rs.map((r) => r.rssMb)),
      runs: rs.length,
      requests: last.requests ?? {},
      total: Object.values(last.requests ?? {}).reduce((a, b) => a + b, 0),
      summary: planLine(last.stdout ?? ""),
    };
  }
  return out;
}

async function startupScenario() {
  const cli = join(here, "..", "dist", "cli.js");
  const r = await interleaved("start-up", 1000, {
    node: () => timed(process.execPath, ["-e", "0"]),
    version: () => timed(process.execPath, [cli, "--version"]),
    help: () => timed(process.execPath, [cli, "--help"]),
  });
  results.startup.push(r);
}

async function validateScenario(n) {
  const p = project(n);
  const r = await interleaved(`validate ${n}`, n, {
    floor: () => floorRead(p.dir),
    cli: () => runChild("cli-rss.mjs", ["--", "validate", "--dir", p.dir]),
  });
  results.validate.push({ n, ...r });
}

/** plan against its floor: reading the files, then receiving the list (curl), in the same run. */
async function planAgainstFloor(label, n, p, latencyMs) {
  const sandbox = await startSandbox(p.seed, latencyMs, label.replace(/[^a-z0-9-]+/gi, "-"));
  try {
    const env = { KIMAI_URL: sandbox.url, KIMAI_API_TOKEN: p.token };
    const list = await sandbox.listMs(p.token);
    const r = await interleaved(
      label,
      n,
      {
        read: () => floorRead(p.dir),
        curl: () => curlList(sandbox.url, p.token),
        cli: () => runChild("cli-rss.mjs", ["--", "plan", "--dir", p.dir], env),
      },
      sandbox,
    );
    return { n, latencyMs, listMb: list.bytes / 1e6, floorMs: r.read.wallMs + r.curl.wallMs, ...r };
  } finally {
    await sandbox.stop();
  }
}

async function planScenario(n, latencyMs) {
  results.plan.push(await planAgainstFloor(`plan ${n} @${latencyMs}ms`, n, project(n), latencyMs));
}

async function depthScenario(n, depth) {
  const r = await planAgainstFloor(`plan ${n} depth ${depth}`, n, project(n, depth), 0);
  results.depth.push({ depth, ...r });
}

/** The requests of one rosterform apply (request log), as chains per changed user for minimal-apply.mjs. */
async function recordChains(sandbox, token) {
  const log = await sandbox.requests();
  const listed = await fetch(`${sandbox.url}/api/users?visible=3`, {
    headers: { authorization: `Bearer ${token}` },
  }).then((res) => res.json());
  const idOf = new Map(listed.map((u) => [u.username, u.id]));
  const createdBy = new Map(); // new id → username
  for (const e of log)
    if (e.method === "POST" && e.path === "/api/users")
      createdBy.set(idOf.get(e.body.username), e.body.username);
  const chains = new Map();
  for (const e of log) {
    if (e.method === "GET") continue;
    const id = Number(/^\/api\/users\/(\d+)/.exec(e.path)?.[1]);
    const created = e.method === "POST" ? e.body.username : createdBy.get(id);
    const key = created === undefined ? `id ${id}` : `new ${created}`;
    const path = created === undefined || e.method === "POST" ? e.path : e.path.replace(/\/\d+/, "/{new}");
    if (!chains.has(key)) chains.set(key, []);
    chains.get(key).push({ method: e.method, path, body: e.body });
  }
  return [...chains.values()];
}

async function applyScenario() {
  const dir = join(OUT, "apply-1000");
  const g = generate({ dir, n: APPLY_CHANGES + APPLY_CHANGES / 10, mode: "apply", changes: APPLY_CHANGES });
  log(`generated the apply project: ${JSON.stringify(g.stats)}`);
  const sandbox = await startSandbox(g.seed, APPLY_LATENCY, "apply");
  const chainsFile = join(OUT, "apply-chains.json");
  try {
    const env = { KIMAI_URL: sandbox.url, KIMAI_API_TOKEN: g.token };
    // Record the chains once (the requests do not depend on parallelism).
    await sandbox.reset(g.seed);
    await sandbox.clearRequests();
    await runChild("cli-rss.mjs", ["--", "apply", "--yes", "--dir", dir], env);
    const chains = await recordChains(sandbox, g.token);
    writeFileSync(chainsFile, JSON.stringify(chains));
    const minimalRequests = 4 + chains.reduce((a, c) => a + c.length, 0);
    for (const parallelism of APPLY_PARALLELISM) {
      const r = await interleaved(
        `apply p=${parallelism}`,
        APPLY_CHANGES,
        {
          minimal: async () => {
            await sandbox.reset(g.seed);
            return runChild("minimal-apply.mjs", [chainsFile, String(parallelism)], env);
          },
          cli: async () => {
            await sandbox.reset(g.seed);
            await sandbox.clearRequests();
            return runChild(
              "cli-rss.mjs",
              ["--", "apply", "--yes", "--parallelism", String(parallelism), "--dir", dir],
              env,
            );
          },
        },
        sandbox,
        0, // the recording run above warmed the sandbox up
      );
      const boundMs = (r.cli.total * APPLY_LATENCY) / parallelism;
      results.apply.push({ parallelism, boundMs, minimalRequests, ...r });
    }
    // The second plan after an apply is empty.
    await sandbox.reset(g.seed);
    await runChild("cli-rss.mjs", ["--", "apply", "--yes", "--parallelism", "16", "--dir", dir], env);
    const again = await runChild("cli-rss.mjs", ["--", "plan", "--dir", dir], env);
    if (planLine(again.stdout) !== "No changes.")
      throw new Error(`plan after apply: ${planLine(again.stdout)}`);
  } finally {
    await sandbox.stop();
  }
}

async function baselineScenario(latencyMs, parallelisms) {
  const n = 1000;
  const p = project(n);
  const idsFile = join(OUT, `ids-${n}.json`);
  writeFileSync(idsFile, JSON.stringify(p.ids));
  const sandbox = await startSandbox(p.seed, latencyMs, `baseline-${latencyMs}`);
  try {
    const env = { KIMAI_URL: sandbox.url, KIMAI_API_TOKEN: p.token };
    const ours = await repeat(`rosterform plan ${n} @${latencyMs}ms`, n, sandbox, () =>
      runChild("cli-rss.mjs", ["--", "plan", "--dir", p.dir], env),
    );
    for (const parallelism of parallelisms) {
      const theirs = await repeat(`per-user GET p=${parallelism} @${latencyMs}ms`, n, sandbox, () =>
        runChild("baseline-per-user.mjs", [p.dir, idsFile, String(parallelism)], env),
      );
      // Same changes (the baseline cannot see unmanaged users, which are notes, not changes).
      if (theirs.summary !== ours.summary)
        throw new Error(`baseline plan "${theirs.summary}" vs "${ours.summary}"`);
      results.baseline.push({ n, latencyMs, parallelism, ours, theirs });
    }
  } finally {
    await sandbox.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report.

const s = (ms) => (ms / 1000).toFixed(2);
const kinds = (req) =>
  Object.entries(req)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${v} × \`${k}\``)
    .join(", ") || "none";

const x = (a, b) => `${(a / b).toFixed(2)}×`;
const range = (r) => `${s(r.minMs)}–${s(r.maxMs)}`;

function markdown(meta) {
  const out = [];
  out.push(`# rosterform benchmarks${QUICK ? " (quick run)" : ""}`, "");
  out.push(
    `Machine: ${meta.cpus} × ${meta.cpuModel} (\`nproc\` = ${meta.nproc}), ${meta.memGb} GiB memory, Node ${process.version}, ${meta.date}.`,
    `Load average at the start: ${meta.load}. Total bench time: ${(meta.totalMs / 60000).toFixed(1)} min. Command: \`npm run bench${QUICK ? " -- --quick" : ""}\`.`,
    "",
    "Every command is measured against its **floor in the same run**, interleaved (floor, command, floor,",
    "command, …; medians of the runs, after one warm-up below 100,000 users), so both see the same machine",
    "load: the ratio is the result, absolute times move with the load. Wall time is measured around each",
    "child process (Node start-up included); peak RSS is the rosterform process's `maxRSS`; the Kimai sandbox",
    "runs in a separate process and is not counted. Requests are read from the sandbox's request log.",
    "",
    "Floors: _node_ = `node -e 0`; _read_ = `bench/floor-read.mjs` (start Node, read every project file and",
    "parse it with the project's own YAML reader, nothing else); _list_ = `curl` of `GET /api/users` (every",
    "byte the server sends, discarded); _minimal client_ = `bench/minimal-apply.mjs` (the same preflight, list",
    "and per-user request chains a rosterform apply sent, recorded from its request log, on `node:http`).",
    "",
  );
  if (results.startup.length) {
    const r = results.startup[0];
    out.push(
      "## start-up",
      "",
      "| command | wall (median) | min–max | ratio to `node -e 0` |",
      "|---|---:|---:|---:|",
      `| \`node -e 0\` | ${s(r.node.wallMs)} s | ${range(r.node)} s | 1× |`,
      `| \`rosterform --version\` | ${s(r.version.wallMs)} s | ${range(r.version)} s | ${x(r.version.wallMs, r.node.wallMs)} |`,
      `| \`rosterform --help\` | ${s(r.help.wallMs)} s | ${range(r.help)} s | ${x(r.help.wallMs, r.node.wallMs)} |`,
      "",
    );
  }
  if (results.validate.length) {
    out.push(
      "## validate",
      "",
      "| files | validate (median) | min–max | floor: read | ratio | peak RSS | runs |",
      "|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const r of results.validate)
      out.push(
        `| ${r.n.toLocaleString("en")} | ${s(r.cli.wallMs)} s | ${range(r.cli)} s | ${s(r.floor.wallMs)} s | ${x(r.cli.wallMs, r.floor.wallMs)} | ${r.cli.rssMb.toFixed(0)} MB | ${r.cli.runs} |`,
      );
    out.push("");
  }
  const planRow = (r, first) =>
    `| ${first} | ${s(r.cli.wallMs)} s | ${range(r.cli)} s | ${s(r.read.wallMs)} + ${s(r.curl.wallMs)} = ${s(r.floorMs)} s | **${x(r.cli.wallMs, r.floorMs)}** | ${r.cli.rssMb.toFixed(0)} MB | ${r.listMb.toFixed(0)} MB | ${r.cli.total}: ${kinds(r.cli.requests)} | ${r.cli.summary} |`;
  if (results.plan.length) {
    out.push(
      "## plan (1% drift; org chart: 8 reports per manager)",
      "",
      "| users | latency | plan (median) | min–max | floor: read + list | ratio | peak RSS | list size | requests | plan |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    );
    for (const r of results.plan) out.push(planRow(r, `${r.n.toLocaleString("en")} | ${r.latencyMs} ms`));
    out.push("");
  }
  if (results.depth.length) {
    out.push(
      "## plan by supervisor depth (every user nests a supervisor chain this deep; latency 0 ms)",
      "",
      "| users | depth | plan (median) | min–max | floor: read + list | ratio | peak RSS | list size | requests | plan |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    );
    for (const r of results.depth) out.push(planRow(r, `${r.n.toLocaleString("en")} | ${r.depth}`));
    const byN = new Map();
    for (const r of results.depth) byN.set(r.n, { ...byN.get(r.n), [r.depth]: r });
    out.push("");
    for (const [n, d] of byN)
      if (d[1] && d[10])
        out.push(
          `${n.toLocaleString("en")} users: depth 10 ÷ depth 1 = ${x(d[10].cli.wallMs, d[1].cli.wallMs)} (plan), ${x(d[10].floorMs, d[1].floorMs)} (floor).`,
        );
    out.push("");
  }
  if (results.apply.length) {
    out.push(
      `## apply: ${APPLY_CHANGES.toLocaleString("en")} changes (half creates, half updates), sandbox latency ${APPLY_LATENCY} ms`,
      "",
      "Bound = requests × latency ÷ parallelism (what no client can beat).",
      "",
      "| parallelism | apply (median) | min–max | minimal client | ratio | bound | apply ÷ bound | minimal ÷ bound | peak RSS | requests (apply / minimal) |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    );
    for (const r of results.apply)
      out.push(
        `| ${r.parallelism} | ${s(r.cli.wallMs)} s | ${range(r.cli)} s | ${s(r.minimal.wallMs)} s | **${x(r.cli.wallMs, r.minimal.wallMs)}** | ${s(r.boundMs)} s | ${x(r.cli.wallMs, r.boundMs)} | ${x(r.minimal.wallMs, r.boundMs)} | ${r.cli.rssMb.toFixed(0)} MB | ${r.cli.total} / ${r.minimalRequests}: ${kinds(r.cli.requests)} |`,
      );
    out.push("");
  }
  if (results.baseline.length) {
    out.push(
      "## Baseline: one GET per user (what a per-resource provider does) vs rosterform's one list",
      "",
      "At 1,000 users (enough to show the ratio: the baseline grows by one request per user). The baseline",
      "(`bench/baseline-per-user.mjs`) sends the same preflight, then `GET /api/users/{id}` for every declared",
      "user its state knows, then computes the same plan with rosterform's own diff (checked: same summary line).",
      "",
      "| latency | strategy | wall (median) | peak RSS | requests | requests ratio | time ratio |",
      "|---:|---|---:|---:|---:|---:|---:|",
    );
    const seen = new Set();
    for (const b of results.baseline) {
      if (!seen.has(b.latencyMs)) {
        seen.add(b.latencyMs);
        out.push(
          `| ${b.latencyMs} ms | rosterform (one list) | ${s(b.ours.wallMs)} s | ${b.ours.rssMb.toFixed(0)} MB | ${b.ours.total} | 1× | 1× |`,
        );
      }
      out.push(
        `| ${b.latencyMs} ms | per-user GET, parallelism ${b.parallelism} | ${s(b.theirs.wallMs)} s | ${b.theirs.rssMb.toFixed(0)} MB | ${b.theirs.total} | ${(b.theirs.total / b.ours.total).toFixed(0)}× | ${(b.theirs.wallMs / b.ours.wallMs).toFixed(1)}× |`,
      );
    }
    out.push("");
  }
  out.push("<!-- analysis -->", "");
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true });
const t0 = performance.now();
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(", ");
log(`rosterform bench${QUICK ? " --quick" : ""}: sizes ${SIZES.join(", ")}; load ${load}`);
if (wants("startup")) await startupScenario();
if (wants("validate")) for (const n of SIZES) await validateScenario(n);
if (wants("plan")) for (const n of SIZES) for (const l of LATENCIES) await planScenario(n, l);
if (wants("depth")) for (const n of DEPTH_SIZES) for (const d of [1, 10]) await depthScenario(n, d);
if (wants("apply")) await applyScenario();
if (ONLY ? wants("baseline") : !QUICK) {
  await baselineScenario(0, [10]);
  await baselineScenario(20, QUICK ? [10] : [10, 1]);
}
const meta = {
  nproc: cpus().length,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? "?",
  memGb: (totalmem() / 2 ** 30).toFixed(1),
  date: new Date().toISOString().slice(0, 10),
  totalMs: performance.now() - t0,
  load,
};
const md = markdown(meta);
writeFileSync(
  join(OUT, QUICK ? "results.quick.json" : "results.json"),
  JSON.stringify({ meta, results }, null, 2),
);
const target = QUICK ? join(OUT, "RESULTS.quick.md") : join(here, "RESULTS.md");
// A full run keeps the hand-written analysis below the marker in bench/RESULTS.md.
let analysis = "";
try {
  const previous = readFileSync(target, "utf8");
  const at = previous.indexOf("<!-- analysis -->");
  if (at >= 0) analysis = previous.slice(at + "<!-- analysis -->".length).replace(/^\n+/, "");
} catch {
  // first run
}
writeFileSync(target, `${md}${analysis}`);
process.stdout.write(md);
log(`\nwritten to ${target} in ${(meta.totalMs / 60000).toFixed(1)} min`);
