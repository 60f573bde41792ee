// A slip in the layout of users.d/ never off-boards people: subfolders are read, look-alikes are named.
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

const DEACTIVATE = `targets:\n  kimai: { url: https://kimai.example.com }\npolicy:\n  unmanaged: deactivate\n  protect: [admin]\n`;
const user = (name: string, extra = "") => `username: ${name}\nemail: ${name}@example.com\n${extra}`;

test("people in a subfolder of users.d/ are managed, not deactivated as unmanaged", async () => {
  sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(2, "anna"), seedUser(3, "bob")] }));
  dir = await project(
    {
      "users.d/team/anna.yaml": user("anna", "title: Intern\n"),
      "users.d/team/nested/bob.yaml": user("bob"),
      "users.d/carl.yaml": user("carl"),
    },
    DEACTIVATE,
  );
  const plan = await run(["plan"], sb.env, dir);
  expect(plan.code, plan.stderr).toBe(0);
  expect(plan.stdout).not.toContain("deactivate)");
  expect(plan.stdout).toContain("Plan: 1 to create, 1 to update.");
  const apply = await run(["apply", "--yes"], sb.env, dir);
  expect(apply.code, apply.stderr).toBe(0);
  const state = await sb.state();
  expect(state.users.filter((u) => !u.enabled).map((u) => u.username)).toEqual([]);
  expect(state.users.find((u) => u.username === "anna")?.title).toBe("Intern");
  expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
});

test("a look-alike file (anna.yaml.bak) is named on stderr by plan, apply and validate", async () => {
  sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(2, "anna")] }));
  dir = await project({ "users.d/anna.yaml": user("anna"), "users.d/bob.yaml.bak": user("bob") });
  const warning =
    "users.d/bob.yaml.bak: warning: not read: only files ending in .yaml or .yml are read; rename it to bob.yaml if it declares someone, or move it out of users.d/";
  const validate = await run(["validate"], {}, dir);
  expect(validate.stderr).toContain(warning);
  expect(validate.stdout).toBe("✓ 1 user, 0 contract templates: valid (2 files read).\n");
  const plan = await run(["plan"], sb.env, dir);
  expect(plan.stderr).toContain(warning);
  expect(plan.stdout).toContain("No changes.");
  const apply = await run(["apply", "--yes"], sb.env, dir);
  expect(apply.code, apply.stderr).toBe(0);
  expect(apply.stderr).toContain(warning);
  expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
});
