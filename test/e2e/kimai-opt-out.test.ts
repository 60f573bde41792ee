// kimai: false keeps a person out of Kimai (someone only in When I Work), as wheniwork: false does for When I Work.
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

test("a person with kimai: false is not created; one Kimai still has enabled is reported and deactivated", async () => {
  sb = await sandbox(
    adminSeed({
      users: [...adminSeed().users, seedUser(2, "gone"), seedUser(3, "left", { enabled: false })],
    }),
  );
  dir = await project(
    {
      "users.d/admin.yaml": "username: admin\nemail: admin@example.com\n",
      "users.d/erik.yaml": "username: erik\nemail: erik@example.com\nkimai: false\n",
      "users.d/gone.yaml": "username: gone\nemail: gone@example.com\nkimai: false\n",
      "users.d/left.yaml": "username: left\nemail: left@example.com\nkimai: false\n",
    },
    DEACTIVATE,
  );
  const plan = await run(["plan", "--detailed-exitcode"], sb.env, dir);
  expect(plan.code, plan.stdout + plan.stderr).toBe(2);
  expect(plan.stdout).not.toContain("erik");
  expect(plan.stdout).toContain("gone has kimai: false (users.d/gone.yaml:1) but is an enabled Kimai user");
  expect(plan.stdout).toMatch(/Plan: 1 to deactivate/);
  expect(plan.stdout).not.toContain("left.yaml");
  expect(plan.stdout).not.toMatch(/^ {2}. left /m);
  expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
  const after = await run(["plan", "--detailed-exitcode"], sb.env, dir);
  expect(after.code, after.stdout).toBe(0);
  expect((await sb.state()).users.map((u) => u.username).sort()).toEqual(["admin", "gone", "left"]);
});

test("a supervisor with kimai: false is a plan-time error; kimai: { } is a validate error", async () => {
  sb = await sandbox();
  dir = await project({
    "users.d/boss.yaml": "username: boss\nemail: boss@example.com\nkimai: false\n",
    "users.d/worker.yaml": "username: worker\nemail: worker@example.com\nsupervisor: boss\n",
  });
  const plan = await run(["plan"], sb.env, dir);
  expect(plan.code).toBe(1);
  expect(plan.stdout + plan.stderr).toContain(
    "users.d/worker.yaml: supervisor boss has kimai: false (users.d/boss.yaml), and a Kimai supervisor must be in Kimai",
  );
  const bad = await project({ "users.d/x.yaml": "username: xx\nemail: x@example.com\nkimai: {}\n" });
  try {
    const validate = await run(["validate"], {}, bad);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain("users.d/x.yaml:3");
  } finally {
    await removeProject(bad);
  }
});
