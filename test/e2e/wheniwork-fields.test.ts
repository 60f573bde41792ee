// Every writable field of When I Work's User, declared under `wheniwork:` in human units: sent, stored,
// compared (0/1 flags, float tolerance, phone digits), imported; apply then plan is empty.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { project, removeProject, run, wiwSandbox, type WiwSandbox } from "./harness.js";

let wiw: WiwSandbox | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await wiw?.close();
  wiw = undefined;
  await Promise.all(dirs.splice(0).map(removeProject));
});

const CONFIG = (extra = "") =>
  `targets:\n  wheniwork:\n    url: https://api.wheniwork.com\n${extra}policy:\n  unmanaged: report\n`;

const BEA = `username: bea
email: bea@example.com
name: { first: Bea, last: Keller }
rates: { hourly: 85 }
wheniwork:
  role: employee
  positions: [Barista, Cashier]
  employment: hourly_exempt
  hoursMax: 38h30m
  hoursPreferred: 20
  phone: "+1 (555) 123-4567"
  notes: Prefers mornings
  hidden: false
  payroll: true
  private: true
  trusted: true
  startDate: 2025-03-01
  positionRates: { Barista: 2.5, Cashier: 0.75 }
`;

type User = Record<string, unknown> & { email: string };

async function bea(): Promise<User> {
  const state = (await wiw!.state()) as unknown as { users: User[] };
  return state.users.find((u) => u.email === "bea@example.com")!;
}

describe("When I Work: every User field", () => {
  test("apply sends every field in the API's units; plan again is empty", async () => {
    wiw = await wiwSandbox();
    const dir = await project({ "users.d/bea.yaml": BEA }, CONFIG("    currency: EUR\n"));
    dirs.push(dir);
    const plan = await run(["plan"], wiw.env, dir);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/rates.hourly +85 EUR\n/);
    expect(plan.stdout).toMatch(/wheniwork.hoursMax +38h30m\n/);
    expect(plan.stdout).toMatch(/wheniwork.hoursPreferred +20h\n/);
    expect(plan.stdout).toMatch(/wheniwork.positionRates +Barista \+2\.5 EUR, Cashier \+0\.75 EUR\n/);
    expect(plan.stdout).toMatch(/wheniwork.trusted +yes\n/);
    expect(plan.stdout).toMatch(/wheniwork.startDate +2025-03-01\n/);

    const apply = await run(["apply", "--yes"], wiw.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    const stored = await bea();
    expect(stored).toMatchObject({
      first_name: "Bea",
      last_name: "Keller",
      role: 3,
      employment_type: "hourly_exempt",
      type: 5,
      hours_max: 38.5,
      hours_preferred: 20,
      hourly_rate: 85,
      phone_number: "+1 (555) 123-4567",
      notes: "Prefers mornings",
      is_hidden: false,
      is_payroll: true,
      is_private: true,
      is_trusted: 1,
      start_date: "2025-03-01",
      position_rates: { "1": 2.5, "2": 0.75 },
    });
    const again = await run(["plan", "--detailed-exitcode"], wiw.env, dir);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });

  test("a phone number kept as digits only, a float off by rounding and is_trusted 0/1 are no change", async () => {
    wiw = await wiwSandbox({
      accounts: [{ id: 1, name: "Demo Co" }],
      users: [
        { id: 1, account_id: 1, email: "admin@example.com", role: 1 },
        {
          id: 2,
          account_id: 1,
          email: "bea@example.com",
          first_name: "Bea",
          last_name: "Keller",
          phone_number: "15551234567",
          hours_max: 38.500000001,
          hours_preferred: 20,
          hourly_rate: 84.99999999,
          is_trusted: 1,
          is_payroll: true,
          is_private: true,
          notes: "Prefers mornings",
          start_date: "2025-03-01",
          employment_type: "hourly_exempt",
          positions: [1, 2],
          position_rates: { "1": 2.5, "2": 0.75 },
        },
      ],
      positions: [
        { id: 1, account_id: 1, name: "Barista" },
        { id: 2, account_id: 1, name: "Cashier" },
      ],
      tokens: { "fields-token": 1 },
    } as never);
    const dir = await project({ "users.d/bea.yaml": BEA }, CONFIG());
    dirs.push(dir);
    const env = { ...wiw.env, WHENIWORK_TOKEN: "fields-token" };
    const plan = await run(["plan", "--detailed-exitcode"], env, dir);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });

  test("changing one field sends only that field; clearing start date and position rates", async () => {
    wiw = await wiwSandbox();
    const dir = await project({ "users.d/bea.yaml": BEA }, CONFIG());
    dirs.push(dir);
    expect((await run(["apply", "--yes"], wiw.env, dir)).code).toBe(0);
    const changed = BEA.replace("trusted: true", "trusted: false")
      .replace("startDate: 2025-03-01", 'startDate: ""')
      .replace("positionRates: { Barista: 2.5, Cashier: 0.75 }", "positionRates: {}");
    const dir2 = await project({ "users.d/bea.yaml": changed }, CONFIG());
    dirs.push(dir2);
    const validate = await run(["validate"], {}, dir2);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain("users.d/bea.yaml:");
    const fixed = changed.replace('  startDate: ""\n', "");
    const dir3 = await project({ "users.d/bea.yaml": fixed }, CONFIG());
    dirs.push(dir3);
    const plan = await run(["plan"], wiw.env, dir3);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/wheniwork.trusted +yes → no/);
    expect(plan.stdout).toMatch(/wheniwork.positionRates +Barista \+2\.5, Cashier \+0\.75 → \(none\)/);
    expect((await run(["apply", "--yes"], wiw.env, dir3)).code).toBe(0);
    expect(await bea()).toMatchObject({ is_trusted: 0, position_rates: {}, start_date: "2025-03-01" });
    expect((await run(["plan", "--detailed-exitcode"], wiw.env, dir3)).code).toBe(0);
  });

  test("import writes every field in human units (durations like Kimai's); plan after import is empty", async () => {
    wiw = await wiwSandbox();
    const dir = await project({ "users.d/bea.yaml": BEA }, CONFIG());
    dirs.push(dir);
    expect((await run(["apply", "--yes"], wiw.env, dir)).code).toBe(0);
    const other = await project({}, CONFIG());
    dirs.push(other);
    const imported = await run(["import", "--target", "wheniwork"], wiw.env, other);
    expect(imported.code, imported.stderr).toBe(0);
    const text = await readFile(join(other, "users.d", "bea.yaml"), "utf8");
    for (const line of [
      "hoursMax: 38h30m",
      "hoursPreferred: 20h",
      "phone: +1 (555) 123-4567",
      "payroll: true",
      "private: true",
      "trusted: true",
      "startDate: 2025-03-01",
      "Barista: 2.5",
      "Cashier: 0.75",
      "employment: hourly_exempt",
    ]) {
      expect(text).toContain(line);
    }
    expect((await run(["validate"], {}, other)).code).toBe(0);
    const plan = await run(["plan", "--detailed-exitcode"], wiw.env, other);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });
});
