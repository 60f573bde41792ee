// Safe defaults for mass changes: without policy.limits a default applies; declaring nobody under
// unmanaged: deactivate is refused; a refusal names its target on stderr; --force reads as overridden.
import { afterEach, describe, expect, test } from "vitest";
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
const writes = async (s: Sandbox) => (await s.requests()).filter((r) => r.method !== "GET");

/** admin + u0..u(n-2): n users on the server. */
function seed(n: number) {
  const others = Array.from({ length: n - 1 }, (_, i) => seedUser(i + 2, `u${i}`));
  return adminSeed({ users: [...adminSeed().users, ...others] });
}
const declared = (keys: number[], extra = "") =>
  Object.fromEntries(keys.map((i) => [`users.d/u${i}.yaml`, user(`u${i}`, extra)]));

describe("default limits", () => {
  test("deactivating more than 30% of 12 users without policy.limits is refused (exit 3, stderr names Kimai); --force applies and reads as overridden; then the plan is empty", async () => {
    sb = await sandbox(seed(12));
    // 6 of the 11 others declared: 5 to deactivate, over 30% of 12 (= 4)
    dir = await project(declared([0, 1, 2, 3, 4, 5]), DEACTIVATE);
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.code).toBe(3);
    const refusal =
      "5 users to deactivate exceed the default limit (30% of 12 users = 4; policy.limits.user.deactivate is not set)";
    expect(plan.stdout).toContain(`✗ refused: ${refusal}; review the plan and re-run with --force`);
    expect(plan.stderr).toContain(`error: Kimai: refused: ${refusal}`);
    await sb.clearRequests();
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain(`error: Kimai: refused: ${refusal}`);
    expect(await writes(sb)).toEqual([]);
    const forced = await run(["apply", "--yes", "--force"], sb.env, dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(`! overridden by --force: ${refusal}`);
    expect(forced.stdout).not.toContain("re-run with --force");
    expect((await sb.state()).users.filter((u) => !u.enabled)).toHaveLength(5);
    expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
  });

  test("updates: more than 30% of 12 users refused, and a plan near the default shows it", async () => {
    sb = await sandbox(seed(12));
    dir = await project({ ...declared([0, 1, 2, 3, 4], "title: Lead\n") });
    const refused = await run(["plan"], sb.env, dir);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      "error: Kimai: refused: 5 users to update exceed the default limit (30% of 12 users = 4; policy.limits.user.update is not set)",
    );
    await removeProject(dir);
    dir = await project({ ...declared([0, 1, 2], "title: Lead\n") });
    const near = await run(["plan"], sb.env, dir);
    expect(near.code, near.stderr).toBe(0);
    expect(near.stdout).toContain(
      "3 users to update, within the default limit (30% of 12 users = 4; policy.limits.user.update is not set): at most 4",
    );
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
  });

  test("a plan --force that overrides a limit says overridden, not re-run with --force, in text and Markdown", async () => {
    sb = await sandbox(seed(12));
    dir = await project(declared([0]), DEACTIVATE);
    const text = await run(["plan", "--force"], sb.env, dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("! overridden by --force: 10 users to deactivate exceed the default limit");
    expect(text.stdout).not.toContain("re-run with --force");
    const md = await run(["plan", "--force", "--format", "markdown"], sb.env, dir);
    expect(md.stdout).toContain("**Overridden by --force:** 10 users to deactivate exceed the default limit");
    const json = JSON.parse((await run(["plan", "--force", "--format", "json"], sb.env, dir)).stdout) as {
      targets: { refusals: { code: string; overridden?: boolean }[] }[];
    };
    expect(json.targets[0]!.refusals).toMatchObject([{ code: "limit", overridden: true }]);
  });
});

describe("declaring nobody", () => {
  test("an empty users.d under unmanaged: deactivate is refused (exit 3) even within the limits; --force goes ahead; then empty", async () => {
    sb = await sandbox(seed(3));
    dir = await project({}, DEACTIVATE);
    const message =
      "Kimai: refused: users.d declares no users, and policy.unmanaged: deactivate would deactivate 2 of the 3 users on the server";
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.code).toBe(3);
    expect(plan.stderr).toContain(`error: ${message}`);
    await sb.clearRequests();
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain(`error: ${message}; check that users.d/ is there`);
    expect(await writes(sb)).toEqual([]);
    const forced = await run(["apply", "--yes", "--force"], sb.env, dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain("! overridden by --force: users.d declares no users");
    expect((await sb.state()).users.filter((u) => !u.enabled).map((u) => u.username)).toEqual(["u0", "u1"]);
    const again = await run(["plan"], sb.env, dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No changes.");
  });
});
