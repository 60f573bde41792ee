// The Kimai sandbox for the benchmarks, in its own process so that neither its CPU nor its memory is
// counted as rosterform's. Usage: node bench/sandbox-server.mjs SEED.json LATENCY_MS
// Prints one JSON line {"url": …} when ready; stops on SIGTERM or when stdin closes.
import { readFileSync } from "node:fs";
import { startKimaiSandbox } from "../dist/providers/kimai/sandbox/index.js";

const [seedFile, latency] = process.argv.slice(2);
const seed = JSON.parse(readFileSync(seedFile, "utf8"));
const sandbox = await startKimaiSandbox({ seed, latencyMs: Number(latency ?? 0), workContractPlugin: true });
process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
const stop = () => {
  sandbox.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
