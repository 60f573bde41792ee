// import writes users.d from the server; plan right after is empty.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, expect, test } from "vitest";
import { adminSeed, project, removeProject, run, sandbox, seedUser, type Sandbox } from "./harness.js";

let sb: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = undefined;
  dir = undefined;
});

test("import round-trips every contract type, rates, roles, supervisors and disabled users", async () => {
  const seed = adminSeed({
    users: [
      seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] }),
      seedUser(2, "boss", {
        alias: "The Boss",
        title: "CEO",
        roles: ["ROLE_ADMIN"],
        timezone: "UTC",
        preferences: [
          { name: "work_contract_type", value: "week" },
          { name: "hours_per_week", value: "135000" },
          { name: "work_days_week", value: "1,2,3,4" },
          { name: "hourly_rate", value: "120.5" },
          { name: "holidays", value: "30" },
          { name: "work_start_day", value: "2024-03-01" },
        ],
      }),
      seedUser(3, "worker", {
        supervisor: 2,
        language: "de",
        locale: "de",
        preferences: [
          { name: "work_contract_type", value: "day" },
          { name: "work_monday", value: "28800" },
          { name: "work_friday", value: "14400" },
          { name: "first_weekday", value: "sunday" },
          { name: "internal_rate", value: "40" },
        ],
      }),
      seedUser(4, "monthly", {
        enabled: false,
        preferences: [
          { name: "work_contract_type", value: "month" },
          { name: "hours_per_month", value: "576000" },
          { name: "work_days_month", value: "1,3,5" },
          { name: "public_holiday_group", value: "2" },
        ],
      }),
      seedUser(5, "plain"),
    ],
  });
  sb = await sandbox(seed);
  dir = await project({});
  const imported = await run(["import", "--target", "kimai"], sb.env, dir);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toContain("Wrote 5 user file(s) to");
  const files = (await readdir(join(dir, "users.d"))).sort();
  expect(files).toEqual(["admin.yaml", "boss.yaml", "monthly.yaml", "plain.yaml", "worker.yaml"]);
  const boss = await readFile(join(dir, "users.d", "boss.yaml"), "utf8");
  expect(boss.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/user.schema.json");
  expect(parse(boss)).toEqual({
    username: "boss",
    email: "boss@example.com",
    alias: "The Boss",
    title: "CEO",
    timezone: "UTC",
    roles: ["ROLE_ADMIN"],
    rates: { hourly: 120.5 },
    contract: {
      type: "week",
      hoursPerWeek: "37h30m",
      workDays: "mon-thu",
      vacationDays: 30,
      start: "2024-03-01",
    },
  });
  expect(parse(await readFile(join(dir, "users.d", "plain.yaml"), "utf8"))).toEqual({
    username: "plain",
    email: "plain@example.com",
  });
  const validate = await run(["validate"], {}, dir);
  expect(validate.code, validate.stderr).toBe(0);
  const plan = await run(["plan", "--detailed-exitcode"], sb.env, dir);
  expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  expect(plan.stdout).toContain("No changes.");
});

test("import keeps what existing files say (reported) unless --overwrite", async () => {
  sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(2, "anna", { title: "Server" })] }));
  dir = await project({ "users.d/anna.yaml": "username: anna\nemail: anna@example.com\ntitle: Mine\n" });
  const kept = await run(["import", "--target", "kimai"], sb.env, dir);
  expect(kept.stderr).toContain(
    "warning: users.d/anna.yaml: kept title: Mine (kimai has Server); the next plan changes it in kimai",
  );
  expect(await readFile(join(dir, "users.d", "anna.yaml"), "utf8")).toBe(
    "username: anna\nemail: anna@example.com\ntitle: Mine\n",
  );
  await run(["import", "--target", "kimai", "--overwrite"], sb.env, dir);
  expect(await readFile(join(dir, "users.d", "anna.yaml"), "utf8")).toContain("title: Server");
});
