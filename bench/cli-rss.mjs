// Runs the rosterform CLI (dist/cli.js) in this process, then reports its peak RSS and in-process time.
// Usage: node bench/cli-rss.mjs REPORT_FILE -- <rosterform arguments…>
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { main } from "../dist/cli.js";
import { processIo } from "../dist/io.js";

const [report, separator, ...args] = process.argv.slice(2);
if (!report || separator !== "--") {
  process.stderr.write("usage: node bench/cli-rss.mjs REPORT_FILE -- ARGS…\n");
  process.exit(64);
}
const started = performance.now();
const code = await main(args, processIo());
const ms = performance.now() - started;
// maxRSS is in kilobytes.
writeFileSync(report, JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }));
process.exitCode = code;
