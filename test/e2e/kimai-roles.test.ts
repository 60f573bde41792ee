// Custom Kimai roles (RoleNameValidator: TEST_ROLE, no ROLE_ prefix rule): validate, plan, apply, import.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, expect, test } from "vitest";
import { adminSeed, project, removeProject, run, sandbox, seedUser, type Sandbox } from "./harness.js";

let sb: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = dir = undefined;
});

const seed = () =>
  adminSeed({
    roles: ["PAYROLL"],
    users: [...adminSeed().users, seedUser(2, "carl", { roles: ["TEST_ROLE", "ROLE_TEAMLEAD"] })],
  });

test("import writes custom roles, validate accepts them, and the plan is empty", async () => {
  sb = await sandbox(seed());
  dir = await project({});
  const imported = await run(["import", "--target", "kimai"], sb.env, dir);
  expect(imported.code, imported.stderr).toBe(0);
  const carl = parse(await readFile(join(dir, "users.d", "carl.yaml"), "utf8")) as { roles: string[] };
  expect(carl.roles).toEqual(["ROLE_TEAMLEAD", "TEST_ROLE"]);
  expect((await run(["validate"], {}, dir)).code).toBe(0);
  const plan = await run(["plan", "--detailed-exitcode"], sb.env, dir);
  expect(plan.code, plan.stdout + plan.stderr).toBe(0);
});

test("a role some user holds is applied without a warning; then the plan is empty", async () => {
  sb = await sandbox(seed());
  dir = await project({
    "users.d/dora.yaml": "username: dora\nemail: dora@example.com\nroles: [TEST_ROLE]\n",
  });
  const plan = await run(["plan"], sb.env, dir);
  expect(plan.stdout + plan.stderr).not.toContain("Kimai's API cannot list roles");
  expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
  expect((await sb.state()).users.find((u) => u.username === "dora")?.roles).toEqual(["TEST_ROLE"]);
  expect((await run(["plan", "--detailed-exitcode"], sb.env, dir)).code).toBe(0);
});

test("a role no user holds is a plan-time warning (the API cannot list roles); Kimai decides at apply", async () => {
  sb = await sandbox(seed());
  dir = await project({
    "users.d/dora.yaml": "username: dora\nemail: dora@example.com\nroles: [PAYROLL]\n",
    "users.d/emil.yaml": "username: emil\nemail: emil@example.com\nroles: [NOT_DEFINED]\n",
  });
  const plan = await run(["plan"], sb.env, dir);
  const out = plan.stdout + plan.stderr;
  expect(out).toContain("no Kimai user holds role PAYROLL yet, and Kimai's API cannot list roles");
  expect(out).toContain("no Kimai user holds role NOT_DEFINED yet");
  const apply = await run(["apply", "--yes"], sb.env, dir);
  expect(apply.code).not.toBe(0);
  expect(apply.stdout + apply.stderr).toContain("roles: The selected choice is invalid.");
  const state = await sb.state();
  expect(state.users.find((u) => u.username === "dora")?.roles).toEqual(["PAYROLL"]);
  expect(state.users.find((u) => u.username === "emil")).toBeUndefined();
});
