// The baseline a per-resource provider gives (Terraform-style: one resource per user, ids from its state
// file): the same preflight, then GET /api/users/{id} for every declared user that has an id, then the same
// diff and rendering as rosterform. It shows what rosterform's single list request saves.
// Usage: node bench/baseline-per-user.mjs REPORT_FILE DIR IDS.json PARALLELISM
// Needs KIMAI_URL and KIMAI_API_TOKEN. Prints the plan; writes {code, ms, maxRssKb, users} to REPORT_FILE.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadDesired, planTarget } from "../dist/commands/planning.js";
import { asKimaiUser } from "../dist/providers/kimai/api.js";
import { remoteRecord } from "../dist/providers/kimai/mapping.js";
import { KimaiProvider } from "../dist/providers/kimai/provider.js";
import { renderPlanText } from "../dist/render/text.js";
import { styleFor } from "../dist/render/style.js";

const [report, dir, idsFile, parallelismArg] = process.argv.slice(2);
const parallelism = Number(parallelismArg ?? 10);
const started = performance.now();
const io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
  isTTY: false,
  cwd: process.cwd(),
};
const state = await loadDesired(dir, undefined, io);
const ids = JSON.parse(readFileSync(idsFile, "utf8"));
const provider = new KimaiProvider({
  url: process.env.KIMAI_URL,
  token: process.env.KIMAI_API_TOKEN,
  workContractPlugin: true,
  connections: parallelism + 2,
});
const { client } = provider;
await client.version();
const me = await client.me();
await client.plugins();
// One GET per declared user the state file knows (users it does not know would be planned as creates).
const wanted = state.users.map((u) => ids[u.username]).filter((id) => id !== undefined);
const users = new Array(wanted.length);
let next = 0;
const worker = async () => {
  while (next < wanted.length) {
    const index = next++;
    const path = `/api/users/${wanted[index]}`;
    users[index] = asKimaiUser((await client.http.send("GET", path)).body, `GET ${path}`);
  }
};
await Promise.all(Array.from({ length: Math.min(parallelism, wanted.length) }, worker));
const snapshot = {
  records: users.map(remoteRecord),
  selfKey: me.username.toLowerCase(),
  notes: [],
  version: "",
  workContractPlugin: true,
  users,
};
const plan = planTarget({ target: "kimai", provider, snapshot }, state);
io.stdout(
  renderPlanText(
    {
      formatVersion: 2,
      tool: "rosterform",
      createdAt: new Date().toISOString(),
      at: state.at,
      targets: [plan],
    },
    styleFor(io),
  ),
);
await provider.close();
writeFileSync(
  report,
  JSON.stringify({
    code: 0,
    ms: performance.now() - started,
    maxRssKb: process.resourceUsage().maxRSS,
    users: users.length,
  }),
);
