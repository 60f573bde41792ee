// Issue 14 item 2: money printed as money (with the currency a target declares), durations one way in every
// format and for both systems, and import writing the same units for both.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  adminSeed,
  project,
  removeProject,
  run,
  sandbox,
  seedUser,
  wiwSandbox,
  type Sandbox,
  type WiwSandbox,
} from "./harness.js";

let kimai: Sandbox | undefined;
let wiw: WiwSandbox | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await kimai?.close();
  await wiw?.close();
  kimai = wiw = undefined;
  await Promise.all(dirs.splice(0).map(removeProject));
});

const CONFIG = `targets:
  kimai:
    url: https://kimai.example.com
    workContractPlugin: auto
    currency: EUR
  wheniwork:
    url: https://api.wheniwork.com
    currency: EUR
policy:
  unmanaged: report
  protect: [admin]
`;

const BEA = `username: bea
email: bea@example.com
name: { first: Bea, last: Keller }
rates: { hourly: 90, internal: 60 }
contract: { type: week, hoursPerWeek: 38h30m, workDays: mon-fri }
wheniwork:
  hoursMax: 40.25
`;

async function start(): Promise<Record<string, string>> {
  kimai = await sandbox(
    adminSeed({
      users: [
        seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] }),
        seedUser(2, "bea", {
          alias: "Bea Keller",
          preferences: [
            { name: "hourly_rate", value: "85.00" },
            { name: "internal_rate", value: "60" },
          ],
        }),
      ],
    }),
  );
  wiw = await wiwSandbox();
  return { ...kimai.env, ...wiw.env };
}

describe("money and durations, both systems", () => {
  test("rates read as money with the target's currency in text and markdown; hours one way; apply then plan is empty", async () => {
    const env = await start();
    const dir = await project({ "users.d/bea.yaml": BEA }, CONFIG);
    dirs.push(dir);
    const text = await run(["plan"], env, dir);
    expect(text.code, text.stderr).toBe(0);
    const [kimaiPart, wiwPart] = text.stdout.split("When I Work (");
    // Kimai stored "85.00": it reads 85, never as hours, never as the raw string.
    expect(kimaiPart).toMatch(/rates.hourly +85 EUR → 90 EUR\n/);
    expect(kimaiPart).not.toContain("rates.internal");
    expect(kimaiPart).toMatch(/ hoursPerWeek +0h → 38h30m\n/);
    expect(wiwPart).toMatch(/rates.hourly +90 EUR\n/);
    expect(wiwPart).toMatch(/wheniwork.hoursMax +40h15m\n/);
    expect(wiwPart).toMatch(/contract \(weekly hours\) +38h30m\n/);
    expect(text.stdout).not.toMatch(/\d+(\.\d+)?h\b.*EUR|EUR.*\d+h\b/);

    const markdown = await run(["plan", "--format", "markdown"], env, dir);
    expect(markdown.stdout).toContain("| <code>rates.hourly</code> | 85 EUR | 90 EUR |");
    expect(markdown.stdout).toContain("| &emsp;<code>hoursPerWeek</code> | 0h | 38h30m |");
    expect(markdown.stdout).toContain("| <code>contract (weekly hours)</code> |  | 38h30m |");

    const json = JSON.parse((await run(["plan", "--format", "json"], env, dir)).stdout) as {
      targets: { changes: { attrs: { key: string; to: { human: string } }[] }[] }[];
    };
    const human = (t: number, key: string) =>
      json.targets[t]!.changes[0]!.attrs.find((a) => a.key === key)?.to.human;
    expect(human(0, "hourly_rate")).toBe("90 EUR");
    expect(human(0, "hours_per_week")).toBe("38h30m");
    expect(human(1, "hours_preferred")).toBe("38h30m");

    const apply = await run(["apply", "--yes"], env, dir);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const again = await run(["plan", "--detailed-exitcode"], env, dir);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });

  test("import writes durations and money the same way for both systems", async () => {
    const env = await start();
    const dir = await project({ "users.d/bea.yaml": BEA }, CONFIG);
    dirs.push(dir);
    expect((await run(["apply", "--yes"], env, dir)).code).toBe(0);
    const files: Record<string, string> = {};
    for (const target of ["kimai", "wheniwork"]) {
      const other = await project({}, CONFIG);
      dirs.push(other);
      const imported = await run(["import", "--target", target], env, other);
      expect(imported.code, imported.stderr).toBe(0);
      files[target] = await readFile(join(other, "users.d", "bea.yaml"), "utf8");
    }
    expect(files.kimai).toContain("hoursPerWeek: 38h30m\n");
    expect(files.wheniwork).toContain("hoursPreferred: 38h30m\n");
    expect(files.wheniwork).toContain("hoursMax: 40h15m\n");
    for (const text of Object.values(files)) expect(text).toMatch(/rates:\n {2}hourly: 90\n/);
  });
});
