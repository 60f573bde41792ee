// Faults never create duplicates or lose a change; safety checks refuse before anything is sent.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  ADMIN_TOKEN,
  adminSeed,
  project,
  removeProject,
  run,
  sandbox,
  seedUser,
  type Sandbox,
} from "./harness.js";

let sb: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  if (dir) await removeProject(dir);
  sb = undefined;
  dir = undefined;
});

const user = (name: string, extra = "") => `username: ${name}\nemail: ${name}@example.com\n${extra}`;
const team = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `users.d/u${i}.yaml`,
      user(`u${i}`, "contract: { type: week, hoursPerWeek: 38h, workDays: mon-fri }\n"),
    ]),
  );

async function converged(s: Sandbox, d: string, n: number) {
  const state = await s.state();
  const names = state.users.map((u) => u.username).filter((u) => u !== "admin");
  expect(names.length, "no duplicate users").toBe(new Set(names).size);
  expect(names).toHaveLength(n);
  const plan = await run(["plan"], s.env, d);
  expect(plan.stdout).toContain("No changes.");
}

describe("faults", () => {
  test("503s on every kind of request are retried and the apply converges", async () => {
    sb = await sandbox();
    dir = await project(team(4));
    await sb.faults([
      { method: "POST", path: "^/api/users$", times: 2, action: { type: "status", status: 503 } },
      { method: "PATCH", path: "/preferences$", times: 2, action: { type: "status", status: 503 } },
    ]);
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    await converged(sb, dir, 4);
  });

  test("429 with Retry-After is honoured", async () => {
    sb = await sandbox();
    dir = await project(team(1));
    await sb.faults([
      {
        method: "POST",
        path: "^/api/users$",
        times: 1,
        action: { type: "status", status: 429, headers: { "Retry-After": "1" } },
      },
    ]);
    const started = Date.now();
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await converged(sb, dir, 1);
  });

  test("a create whose response is lost (committed, then the connection dropped) is found, not created twice", async () => {
    sb = await sandbox();
    dir = await project(team(3));
    await sb.faults([
      { method: "POST", path: "^/api/users$", times: 3, action: { type: "commitThenReset" } },
    ]);
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stderr).toContain("not created twice");
    await converged(sb, dir, 3);
    // the preferences were still set after the lost answer
    const u0 = (await sb.state()).users.find((u) => u.username === "u0")!;
    expect(u0.preferences.find((p) => p.name === "hours_per_week")?.value).toBe("136800");
  });

  test("a lost create of a username Kimai's search syntax reads specially (a:b, !x) is found exactly", async () => {
    sb = await sandbox();
    dir = await project({
      "users.d/team:lead.yaml": "username: 'team:lead'\nemail: tl@example.com\n",
      "users.d/!bang.yaml": "username: '!bang'\nemail: bang@example.com\n",
    });
    await sb.faults([
      { method: "POST", path: "^/api/users$", times: 2, action: { type: "commitThenReset" } },
    ]);
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stderr).toContain("not created twice");
    await converged(sb, dir, 2);
  });

  test("dropped connections before the server acts are retried", async () => {
    sb = await sandbox();
    dir = await project(team(2));
    await sb.faults([
      { method: "POST", path: "^/api/users$", times: 1, action: { type: "reset" } },
      { method: "PATCH", times: 1, action: { type: "reset" } },
      { method: "GET", path: "^/api/users$", times: 1, action: { type: "reset" } },
    ]);
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    await converged(sb, dir, 2);
  });

  test("one user's failure does not stop the others; dependents are skipped; exit 1; a re-run converges", async () => {
    sb = await sandbox();
    dir = await project({
      "users.d/boss.yaml": user("boss"),
      "users.d/report.yaml": user("report", "supervisor: boss\n"),
      "users.d/other.yaml": user("other"),
    });
    // changes run in key order with --parallelism 1: the first create is boss's
    await sb.faults([
      { method: "POST", path: "^/api/users$", times: 1, action: { type: "status", status: 500 } },
    ]);
    const apply = await run(["apply", "--yes", "--parallelism", "1"], sb.env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/✗ .*create boss failed/);
    expect(apply.stderr).toMatch(/↷ .*create report skipped: depends on boss, which failed/);
    expect(apply.stdout).toContain("1 failed, 1 skipped.");
    const again = await run(["apply", "--yes"], sb.env, dir);
    expect(again.code, again.stderr).toBe(0);
    await converged(sb, dir, 3);
  });
});

describe("safety", () => {
  test("policy.limits refuses with exit 3 and sends nothing; --force goes ahead", async () => {
    const strays = Array.from({ length: 5 }, (_, i) => seedUser(i + 2, `stray${i}`));
    sb = await sandbox(adminSeed({ users: [...adminSeed().users, ...strays] }));
    dir = await project(
      {},
      `targets:\n  kimai: { url: https://kimai.example.com }\npolicy:\n  unmanaged: deactivate\n  protect: [admin]\n  limits: { deactivate: 10% }\n`,
    );
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.code).toBe(3);
    expect(plan.stdout).toContain(
      "5 users to deactivate exceed policy.limits.user.deactivate (10% of 6 users = 1)",
    );
    await sb.clearRequests();
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code).toBe(3);
    expect((await sb.requests()).filter((r) => r.method !== "GET")).toEqual([]);
    const forced = await run(["apply", "--yes", "--force"], sb.env, dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await sb.state()).users.filter((u) => !u.enabled).map((u) => u.username)).toHaveLength(5);
  });

  test("protected users and the token's own user are never changed", async () => {
    sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(2, "boss")] }));
    dir = await project(
      {
        "users.d/admin.yaml": user("admin", "title: Changed\n"),
        "users.d/boss.yaml": user("boss", "title: Changed\n"),
      },
      `targets:\n  kimai: { url: https://kimai.example.com }\npolicy:\n  protect: [Boss]\n`,
    );
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout).toContain("admin is the token's own user: not changed (differs in title)");
    expect(plan.stdout).toContain("boss is protected by policy.protect: not changed (differs in title)");
    expect(plan.stdout).toContain("No changes.");
  });

  test("a saved plan is refused (exit 3) when a planned user changed on the server, naming it", async () => {
    sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(2, "anna")] }));
    dir = await project({
      "users.d/anna.yaml": user("anna", "title: Planned\n"),
      "users.d/new.yaml": user("new"),
    });
    expect((await run(["plan", "--out", "plan.json"], sb.env, dir)).code).toBe(0);
    // someone edits anna in Kimai between plan and apply
    await fetch(`${sb.url}/api/users/2`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "Edited by hand" }),
    });
    await sb.clearRequests();
    const apply = await run(["apply", "plan.json"], sb.env, dir);
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain("Kimai: user anna changed on the server");
    expect((await sb.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });

  test("a saved plan applies as planned when nothing changed, then plans empty", async () => {
    sb = await sandbox();
    dir = await project({ "users.d/new.yaml": user("new") });
    expect((await run(["plan", "--out", "plan.json"], sb.env, dir)).code).toBe(0);
    const apply = await run(["apply", "plan.json"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
  });

  test("a saved plan is refused when a user it would create appeared meanwhile", async () => {
    sb = await sandbox();
    dir = await project({ "users.d/new.yaml": user("new") });
    expect((await run(["plan", "--out", "plan.json"], sb.env, dir)).code).toBe(0);
    await fetch(`${sb.url}/api/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        username: "new",
        email: "other@example.com",
        plainPassword: "12345678",
        enabled: true,
      }),
    });
    const apply = await run(["apply", "plan.json"], sb.env, dir);
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain("Kimai: user new appeared on the server");
  });

  test("a week contract on a server without the Working contract plugin is a plan-time error; nothing is sent", async () => {
    sb = await sandbox(adminSeed({ workContractPlugin: false }), { workContractPlugin: false });
    dir = await project({
      "users.d/anna.yaml": user("anna", "contract: { type: week, hoursPerWeek: 40h }\n"),
    });
    await sb.clearRequests();
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(
      'users.d/anna.yaml: a "week" contract needs Kimai\'s Working contract plugin',
    );
    expect((await sb.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });

  test("a token without ROLE_SUPER_ADMIN is a plan-time error naming the role", async () => {
    const seed = adminSeed();
    seed.users.push(seedUser(2, "clerk", { roles: ["ROLE_ADMIN"] }));
    seed.tokens = { "clerk-token-abcdef": 2 };
    sb = await sandbox(seed);
    dir = await project({ "users.d/anna.yaml": user("anna") });
    const plan = await run(["plan"], { KIMAI_URL: sb.url, KIMAI_API_TOKEN: "clerk-token-abcdef" }, dir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('the token belongs to "clerk" with roles [ROLE_ADMIN]');
    expect(plan.stderr).toContain("ROLE_SUPER_ADMIN");
  });

  test("secrets: the token and generated passwords appear in no output and no plan file", async () => {
    sb = await sandbox();
    dir = await project(team(2));
    const outputs = [
      await run(["plan", "--out", "plan.json", "--format", "json"], sb.env, dir),
      await run(["apply", "plan.json", "--format", "json"], sb.env, dir),
      await run(["plan", "--format", "markdown"], sb.env, dir),
    ];
    const planFile = await readFile(join(dir, "plan.json"), "utf8");
    const passwords = (await sb.requests()).flatMap((r) => {
      const body = r.body as { plainPassword?: string } | null;
      return body && typeof body.plainPassword === "string" && body.plainPassword !== "[redacted]"
        ? [body.plainPassword]
        : [];
    });
    for (const text of [planFile, ...outputs.flatMap((o) => [o.stdout, o.stderr])]) {
      expect(text).not.toContain(sb.token);
      for (const p of passwords) expect(text).not.toContain(p);
      expect(text).not.toMatch(/plainPassword/);
    }
  });

  test("a colour outside Kimai's palette is warned about at plan time, and Kimai's refusal is explained", async () => {
    sb = await sandbox();
    dir = await project({ "users.d/anna.yaml": user("anna", 'color: "#3366ff"\n') });
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout).toContain(
      "! users.d/anna.yaml: color #3366ff is not one of Kimai's default colour choices",
    );
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("hint: Kimai said: color: The selected choice is invalid.");
  });

  test("a timezone name or locale Kimai (PHP) does not accept is a plan-time error naming what to write; nothing is sent", async () => {
    sb = await sandbox();
    dir = await project({ "users.d/anna.yaml": user("anna", "timezone: Europe/Kiev\nlocale: xx_YY\n") });
    await sb.clearRequests();
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(
      'users.d/anna.yaml: Kimai does not accept timezone "Europe/Kiev"; write its current name, Europe/Kyiv',
    );
    expect((await sb.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });
});
