// A contract change shows what Kimai will recalculate, in every format, before anyone applies it.
import { afterEach, describe, expect, test } from "vitest";
import { adminSeed, project, removeProject, run, sandbox, seedUser, type Sandbox } from "./harness.js";

const AT = ["--at", "2026-03-31"];
/** Anna as Kimai has her: 40h/week Mon–Fri since 2026-01-01, 30 vacation days. */
const STORED = [
  { name: "work_contract_type", value: "week" },
  { name: "hours_per_week", value: "144000" },
  { name: "work_days_week", value: "1,2,3,4,5" },
  { name: "work_start_day", value: "2026-01-01" },
  { name: "holidays", value: "30" },
];
const anna = (contract: string) => `username: anna
email: anna@example.com
${contract}
`;
const FEWER_HOURS = anna(`contract:
  type: week
  hoursPerWeek: 38h
  workDays: mon-fri
  vacationDays: 25
  start: 2026-01-01`);
const CONFIG = (extra = "", kimai = "") => `targets:
  kimai:
    url: https://kimai.example.com
    workContractPlugin: auto
${kimai}policy:
  unmanaged: ignore
  protect: [admin]
${extra}`;

let sb: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = undefined;
  dir = undefined;
});

async function setUp(files: Record<string, string>, config = CONFIG()) {
  sb = await sandbox(
    adminSeed({ users: [...adminSeed().users, seedUser(2, "anna", { preferences: STORED })] }),
  );
  dir = await project(files, config);
  return { sb, dir };
}

describe("contract impact", () => {
  test("text, Markdown and JSON show the recalculated months in hours next to the change", async () => {
    const { sb, dir } = await setUp({ "users.d/anna.yaml": FEWER_HOURS });
    const text = await run(["plan", ...AT], sb.env, dir);
    expect(text.code, text.stderr).toBe(0);
    // 64 work days in 2026-01 … 2026-03 at 8h, then at 7.6h.
    expect(text.stdout).toContain(
      "! expected hours change for 2026-01 … 2026-03 (3 months): 512h → 486h24m (−25h36m expected, overtime balance +25h36m), unless those months are locked in Kimai",
    );
    expect(text.stdout).toContain("! vacation days for 2026: 30 → 25 (−5 days for the whole year)");
    expect(text.stdout).toContain("not counted: public holidays");
    // The figures stand under anna's change, before the summary.
    expect(text.stdout.indexOf("~ anna")).toBeLessThan(text.stdout.indexOf("! expected hours"));

    const md = await run(["plan", "--format", "markdown", ...AT], sb.env, dir);
    expect(md.stdout).toMatch(
      /<summary>.*<code>anna<\/code> update — ⚠️ rewrites past expected hours<\/summary>/,
    );
    expect(md.stdout).toContain("> ⚠️ expected hours change for 2026-01 … 2026-03 (3 months)");

    const json = await run(["plan", "--format", "json", ...AT], sb.env, dir);
    const plan = JSON.parse(json.stdout) as {
      targets: {
        changes: { address: string; impact?: Record<string, unknown>; effects?: { code: string }[] }[];
      }[];
    };
    const change = plan.targets[0]!.changes.find((c) => c.address === "kimai/user/anna")!;
    expect(change.effects?.[0]?.code).toBe("contract-impact");
    expect(change.impact).toMatchObject({
      from: "2026-01-01",
      to: "2026-03-31",
      before: 512 * 3600,
      delta: -25.6 * 3600,
      vacation: { year: 2026, before: 30, after: 25, delta: -5 },
    });
    expect(
      (change.impact!.months as { month: string; before: number }[]).map((m) => [m.month, m.before / 3600]),
    ).toEqual([
      ["2026-01", 176],
      ["2026-02", 160],
      ["2026-03", 176],
    ]);
  });

  test("targets.kimai.lockedThrough bounds the figure to the months after it", async () => {
    const { sb, dir } = await setUp(
      { "users.d/anna.yaml": FEWER_HOURS },
      CONFIG("", "    lockedThrough: 2026-01\n"),
    );
    const text = await run(["plan", ...AT], sb.env, dir);
    // Feb (20) + Mar (22) work days: 336h → 319h12m.
    expect(text.stdout).toContain("expected hours change for 2026-02 … 2026-03 (2 months): 336h → 319h12m");
  });

  test("policy.contractChanges: refuse exits 3 with what to do, sends nothing; --force applies; plan is then empty", async () => {
    const { sb, dir } = await setUp(
      { "users.d/anna.yaml": FEWER_HOURS },
      CONFIG("  contractChanges: refuse\n"),
    );
    const plan = await run(["plan", ...AT], sb.env, dir);
    expect(plan.code).toBe(3);
    expect(plan.stdout).toContain("contract changes for anna would rewrite past, unlocked months");
    expect(plan.stdout).toContain("lock those months in Kimai first, or make the change effective-dated");

    await sb.clearRequests();
    const refused = await run(["apply", "--yes", ...AT], sb.env, dir);
    expect(refused.code).toBe(3);
    const writes = (await sb.requests()).filter((r) => r.method !== "GET");
    expect(writes).toEqual([]);

    const forced = await run(["apply", "--yes", "--force", ...AT], sb.env, dir);
    expect(forced.code, forced.stderr).toBe(0);
    const prefs = (await sb.state()).users.find((u) => u.username === "anna")!.preferences;
    expect(prefs).toContainEqual({ name: "hours_per_week", value: "136800" });
    const again = await run(["plan", "--detailed-exitcode", ...AT], sb.env, dir);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain("No changes.");
  });

  test("a change that touches no contract field, and a create, carry no impact", async () => {
    const { sb, dir } = await setUp({
      "users.d/anna.yaml": `username: anna\nemail: anna@example.com\ntitle: Lead\n`,
      "users.d/bert.yaml": `username: bert\nemail: bert@example.com\ncontract: { type: week, hoursPerWeek: 40h, workDays: mon-fri, start: 2025-01-01 }\n`,
    });
    const json = await run(["plan", "--format", "json", ...AT], sb.env, dir);
    const plan = JSON.parse(json.stdout) as {
      targets: { changes: { effects?: unknown; impact?: unknown }[] }[];
    };
    expect(plan.targets[0]!.changes).toHaveLength(2);
    for (const c of plan.targets[0]!.changes) {
      expect(c.effects).toBeUndefined();
      expect(c.impact).toBeUndefined();
    }
  });

  test("a scheduled switch says which months Kimai will recalculate when it happens, in text and Markdown", async () => {
    const { sb, dir } = await setUp({
      "users.d/anna.yaml": anna(`contracts:
  - { from: 2026-01-01, type: week, hoursPerWeek: 40h, workDays: mon-fri, vacationDays: 30, start: 2026-01-01 }
  - { from: 2026-06-01, type: week, hoursPerWeek: 20h, workDays: mon-fri, vacationDays: 30, start: 2026-01-01 }`),
    });
    const text = await run(["plan", ...AT], sb.env, dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("No changes.");
    expect(text.stdout).toMatch(
      /2026-06-01 {2}anna → week: 20h\/week, Mon–Fri\n {8}! on 2026-06-01: expected hours change for 2026-01 … 2026-05 \(5 months\)/,
    );
    expect(text.stdout).not.toContain("on 2026-06-01: not counted");
    const md = await run(["plan", "--format", "markdown", ...AT], sb.env, dir);
    expect(md.stdout).toContain("**Scheduled contract changes**");
    expect(md.stdout).toContain(
      "  - ⚠️ on 2026-06-01: expected hours change for 2026-01 … 2026-05 (5 months)",
    );
  });

  test("notes for contracts that make no sense on the plan's date", async () => {
    const { sb, dir } = await setUp({
      "users.d/anna.yaml": anna(
        `contract: { type: week, hoursPerWeek: 40h, workDays: mon-fri, vacationDays: 30, start: 2026-01-01, end: 2026-02-28 }`,
      ),
      "users.d/carl.yaml": `username: carl\nemail: carl@example.com\ncontracts:\n  - { from: 2026-06-01, type: day, hours: { mon: 8h } }\n`,
    });
    const text = await run(["plan", ...AT], sb.env, dir);
    expect(text.stdout).toContain("anna is enabled but their contract ended on 2026-02-28");
    expect(text.stdout).toContain("carl has no contract in force on 2026-03-31, only one from 2026-06-01");
  });

  test("a lockedThrough that is not a month is a validate error naming file and line", async () => {
    dir = await project({}, CONFIG("", "    lockedThrough: 2026-13\n"));
    const bad = await run(["validate"], {}, dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr + bad.stdout).toMatch(
      /rosterform\.yaml:5:\d+: .*2026-13 is not a month; write YYYY-MM/,
    );
    await removeProject(dir);
    dir = await project({}, CONFIG("", "    lockedThrough: March\n"));
    const shape = await run(["validate"], {}, dir);
    expect(shape.code).toBe(1);
    expect(shape.stderr + shape.stdout).toMatch(/rosterform\.yaml:5:\d+: .*lockedThrough/);
  });
});
