// npm run demo: plan, apply and plan again against the embedded Kimai and When I Work sandboxes, seeded to
// differ from users.d/.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { loadProject } from "../dist/config/load.js";
import { TARGETS } from "../dist/providers/index.js";
import { startKimaiSandbox } from "../dist/providers/kimai/sandbox/index.js";
import { startWhenIWorkSandbox } from "../dist/providers/wheniwork/sandbox/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli.js");

const { state, diagnostics } = await loadProject(root, { targets: TARGETS });
if (!state) {
  console.error(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join("\n"));
  process.exit(1);
}

// A server that has drifted from users.d/: one user with stale values, one disabled by mistake, one who left
// (enabled: false in users.d) but can still sign in, one person nobody declared, and the super-admin the token
// belongs to.
const declared = state.users.filter((u) => u.enabled);
const base = (id, username, email, extra = {}) => ({
  id,
  username,
  email,
  enabled: true,
  roles: [],
  alias: null,
  title: null,
  accountNumber: null,
  language: "en",
  locale: "en",
  timezone: "Europe/Berlin",
  color: null,
  supervisor: null,
  systemAccount: false,
  preferences: [],
  ...extra,
});
const drifted = declared[0];
const disabled = declared[1];
const offboarded = state.users.find((u) => !u.enabled);
const seed = {
  version: "2.66.0",
  workContractPlugin: true,
  users: [
    base(1, "admin", "admin@example.com", { roles: ["ROLE_SUPER_ADMIN"] }),
    base(2, drifted.username, drifted.email.toUpperCase(), {
      title: "Intern",
      preferences: [
        { name: "work_contract_type", value: "week" },
        { name: "hours_per_week", value: "136800" },
        { name: "work_days_week", value: "1,2,3,4" },
      ],
    }),
    base(3, disabled.username, disabled.email, { enabled: false }),
    base(4, "old.intern", "old.intern@example.com", { alias: "Old Intern" }),
    ...(offboarded ? [base(5, offboarded.username, offboarded.email)] : []),
  ],
  teams: [],
  tokens: { [randomBytes(24).toString("hex")]: 1 },
};

const sandbox = await startKimaiSandbox({ seed, workContractPlugin: true });

// When I Work starts with its default account (positions Barista, Cashier, Manager; locations Main Street,
// Harbour) plus one person who is already there with other hours, created through its API.
const wiw = await startWhenIWorkSandbox({});
const scheduled = declared.find((u) => u.targets?.wheniwork && u.targets.wheniwork !== false) ?? declared[0];
await fetch(`${wiw.url}/2/users`, {
  method: "POST",
  headers: { "W-Token": wiw.token, "content-type": "application/json" },
  body: JSON.stringify({
    email: scheduled.email,
    first_name: "Temp",
    last_name: "Name",
    hours_max: 20,
    invite: false,
  }),
});
const bold = (s) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${s}\x1b[0m` : s);
const env = {
  ...process.env,
  KIMAI_URL: sandbox.url,
  KIMAI_API_TOKEN: sandbox.token,
  WHENIWORK_URL: wiw.url,
  WHENIWORK_TOKEN: wiw.token,
};
let failed = false;
try {
  for (const args of [["plan"], ["apply", "--yes"], ["plan", "--detailed-exitcode"]]) {
    process.stdout.write(`\n${bold(`$ rosterform ${args.join(" ")}`)}\n`);
    // Asynchronous on purpose: the sandbox answers from this process's event loop.
    const status = await new Promise((resolve) => {
      spawn(process.execPath, [cli, ...args, "--dir", root], { env, stdio: "inherit" }).on("close", resolve);
    });
    if (status !== 0) {
      console.error(`\nrosterform ${args.join(" ")} exited ${status}`);
      failed = true;
      break;
    }
  }
} finally {
  await sandbox.close();
  await wiw.close();
}
if (!failed)
  console.log("\nDemo complete: the second plan is empty, so users.d/, Kimai and When I Work agree.");
process.exit(failed ? 1 : 0);
