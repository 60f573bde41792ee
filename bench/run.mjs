// npm run bench [-- --quick] [-- --only validate,plan,apply,baseline]
// Runs the rosterform CLI (dist/) as a child process against the Kimai sandbox (another child process) and
// reports wall time (median), peak RSS of the rosterform process and HTTP requests by kind.
// Full run: bench/RESULTS.md. Quick run (< 2 minutes): bench/out/RESULTS.quick.md.
import { spawn } from "node:child_process";
import { writeFileSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import { totalmem, cpus } from "node:os";
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
const LATENCIES = [0, 20];
const APPLY_PARALLELISM = QUICK ? [8, 16] : [1, 4, 8, 16];
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
// Scenarios.

const results = { validate: [], plan: [], apply: [], baseline: [] };
const projects = new Map();

function project(n) {
  if (!projects.has(n)) {
    const t = performance.now();
    const dir = join(OUT, `plan-${n}`);
    const g = generate({ dir, n, drift: 0.01 });
    log(
      `generated ${n} users in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(g.stats)}`,
    );
    projects.set(n, { dir, ...g });
  }
  return projects.get(n);
}

async function validateScenario(n) {
  const p = project(n);
  const r = await repeat(`validate ${n}`, n, null, () =>
    runChild("cli-rss.mjs", ["--", "validate", "--dir", p.dir]),
  );
  results.validate.push({ n, ...r });
}

async function planScenario(n, latencyMs) {
  const p = project(n);
  const sandbox = await startSandbox(p.seed, latencyMs, `plan-${n}-${latencyMs}`);
  try {
    const env = { KIMAI_URL: sandbox.url, KIMAI_API_TOKEN: p.token };
    const list = await sandbox.listMs(p.token);
    const r = await repeat(`plan ${n} @${latencyMs}ms`, n, sandbox, () =>
      runChild("cli-rss.mjs", ["--", "plan", "--dir", p.dir], env),
    );
    results.plan.push({ n, latencyMs, listMs: list.ms, listMb: list.bytes / 1e6, ...r });
  } finally {
    await sandbox.stop();
  }
}

async function applyScenario() {
  const dir = join(OUT, "apply-1000");
  const g = generate({ dir, n: APPLY_CHANGES + APPLY_CHANGES / 10, mode: "apply", changes: APPLY_CHANGES });
  log(`generated the apply project: ${JSON.stringify(g.stats)}`);
  const sandbox = await startSandbox(g.seed, APPLY_LATENCY, "apply");
  try {
    const env = { KIMAI_URL: sandbox.url, KIMAI_API_TOKEN: g.token };
    for (const parallelism of APPLY_PARALLELISM) {
      const r = await repeat(`apply p=${parallelism}`, APPLY_CHANGES, sandbox, async () => {
        await sandbox.reset(g.seed);
        await sandbox.clearRequests();
        return runChild(
          "cli-rss.mjs",
          ["--", "apply", "--yes", "--parallelism", String(parallelism), "--dir", dir],
          env,
        );
      });
      const boundMs = (r.total * APPLY_LATENCY) / parallelism;
      results.apply.push({ parallelism, boundMs, ratio: r.wallMs / boundMs, ...r });
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

function markdown(meta) {
  const out = [];
  out.push(`# rosterform benchmarks${QUICK ? " (quick run)" : ""}`, "");
  out.push(
    `Machine: ${meta.cpus} × ${meta.cpuModel} (\`nproc\` = ${meta.nproc}), ${meta.memGb} GiB memory, Node ${process.version}, ${meta.date}.`,
    `Total bench time: ${(meta.totalMs / 60000).toFixed(1)} min. Command: \`npm run bench${QUICK ? " -- --quick" : ""}\`.`,
    "",
    "Each figure is the median of the runs shown (after one warm-up run below 100,000 users). Wall time is",
    "measured around the `rosterform` child process (Node start-up included); peak RSS is that process's",
    "`process.resourceUsage().maxRSS` (the highest of the runs); the Kimai sandbox runs in a separate",
    "process and is not counted. Requests are read from the sandbox's `/__sandbox/requests` log.",
    "",
  );
  if (results.validate.length) {
    out.push(
      "## validate",
      "",
      "| files | wall (median) | min–max | peak RSS | runs |",
      "|---:|---:|---:|---:|---:|",
    );
    for (const r of results.validate)
      out.push(
        `| ${r.n.toLocaleString("en")} | ${s(r.wallMs)} s | ${s(r.minMs)}–${s(r.maxMs)} s | ${r.rssMb.toFixed(0)} MB | ${r.runs} |`,
      );
    out.push("");
  }
  if (results.plan.length) {
    out.push(
      "## plan (1% drift)",
      "",
      "| users | latency | wall (median) | min–max | peak RSS | requests | sandbox list alone | plan |",
      "|---:|---:|---:|---:|---:|---|---:|---|",
    );
    for (const r of results.plan)
      out.push(
        `| ${r.n.toLocaleString("en")} | ${r.latencyMs} ms | ${s(r.wallMs)} s | ${s(r.minMs)}–${s(r.maxMs)} s | ${r.rssMb.toFixed(0)} MB | ${r.total}: ${kinds(r.requests)} | ${s(r.listMs)} s (${r.listMb.toFixed(0)} MB) | ${r.summary} |`,
      );
    out.push(
      "",
      "_sandbox list alone_: the time the sandbox needs to produce and send the full user list to a client that",
      "only counts the bytes (its size in brackets): part of every plan's wall time that belongs to the server.",
      "",
    );
  }
  if (results.apply.length) {
    out.push(
      `## apply: ${APPLY_CHANGES.toLocaleString("en")} changes (half creates, half updates), sandbox latency ${APPLY_LATENCY} ms`,
      "",
      "Lower bound = requests × latency ÷ parallelism.",
      "",
      "| parallelism | wall (median) | min–max | lower bound | wall ÷ bound | peak RSS | requests |",
      "|---:|---:|---:|---:|---:|---:|---|",
    );
    for (const r of results.apply)
      out.push(
        `| ${r.parallelism} | ${s(r.wallMs)} s | ${s(r.minMs)}–${s(r.maxMs)} s | ${s(r.boundMs)} s | ${r.ratio.toFixed(2)}× | ${r.rssMb.toFixed(0)} MB | ${r.total}: ${kinds(r.requests)} |`,
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
log(`rosterform bench${QUICK ? " --quick" : ""}: sizes ${SIZES.join(", ")}`);
if (wants("validate")) for (const n of SIZES) await validateScenario(n);
if (wants("plan")) for (const n of SIZES) for (const l of LATENCIES) await planScenario(n, l);
if (wants("apply")) await applyScenario();
if (wants("baseline")) {
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
