// A saved plan is checked, not trusted: hand-edited plan files are refused (exit 3, one line per change naming
// its address) before anything is sent; --only and --target narrow a plan file exactly, or are refused.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  adminSeed,
  BOTH_TARGETS_YAML,
  project,
  removeProject,
  run,
  sandbox,
  seedUser,
  wiwSandbox,
  type Sandbox,
  type WiwSandbox,
} from "./harness.js";

let sb: Sandbox | undefined;
let wiw: WiwSandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sb?.close();
  await wiw?.close();
  if (dir) await removeProject(dir);
  sb = wiw = dir = undefined;
});

const CONFIG = `targets:
  kimai: { url: https://kimai.example.com }
policy:
  unmanaged: report
  protect: [boss]
defaults:
  language: en
  timezone: Europe/Berlin
`;

const user = (name: string, extra = "") => `username: ${name}\nemail: ${name}@example.com\n${extra}`;

interface SavedChange {
  address: string;
  action: string;
  kind: string;
  key: string;
  name: string;
  remoteId?: number | string;
  attrs: { key: string; to: { raw: unknown; human: string; canon: string } }[];
  dependsOn: string[];
}
interface SavedPlan {
  targets: { target: string; changes: SavedChange[]; fingerprints: Record<string, string | null> | null }[];
}

/** admin (the token's own user, id 1), boss (protected, id 2), anna (3) and bob (4); anna and bob get a title. */
async function start(): Promise<{ sb: Sandbox; dir: string }> {
  sb = await sandbox(
    adminSeed({
      users: [...adminSeed().users, seedUser(2, "boss"), seedUser(3, "anna"), seedUser(4, "bob")],
    }),
  );
  dir = await project(
    {
      "users.d/admin.yaml": user("admin", "title: Admin\n"),
      "users.d/boss.yaml": user("boss", "title: Boss\n"),
      "users.d/anna.yaml": user("anna", "title: Planned\n"),
      "users.d/bob.yaml": user("bob", "title: Planned\n"),
    },
    CONFIG,
  );
  return { sb, dir };
}

const writes = async (s: Sandbox | WiwSandbox) =>
  (await s.requests()).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

/** plan --out, the file edited by hand, then apply it: nothing may be sent. */
async function applyEdited(edit: (plan: SavedPlan) => void, ...args: string[]) {
  const { sb, dir } = await start();
  expect((await run(["plan", "--out", "plan.json"], sb.env, dir)).code).toBe(0);
  const file = join(dir, "plan.json");
  const plan = JSON.parse(await readFile(file, "utf8")) as SavedPlan;
  edit(plan);
  await writeFile(file, JSON.stringify(plan, null, 2));
  await sb.clearRequests();
  const apply = await run(["apply", "plan.json", ...args], sb.env, dir);
  expect(await writes(sb), "nothing sent").toEqual([]);
  return apply;
}

const kimai = (plan: SavedPlan) => plan.targets[0]!;
const change = (plan: SavedPlan, key: string) => kimai(plan).changes.find((c) => c.key === key)!;
/** anna's change re-pointed at another server user. */
const repoint = (plan: SavedPlan, key: string, id: number) => {
  const c = change(plan, "anna");
  Object.assign(c, { address: `kimai/user/${key}`, key, name: key, remoteId: id });
};

describe("a hand-edited saved plan is refused before any write, one line per change", () => {
  test("a change re-pointed at a protected user", async () => {
    const apply = await applyEdited((p) => repoint(p, "boss", 2));
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain(
      "Kimai: kimai/user/boss: protected by policy.protect: rosterform never changes it",
    );
    expect(apply.stderr).toContain("nothing was changed");
  });

  test("a change re-pointed at the token's own user", async () => {
    const apply = await applyEdited((p) => repoint(p, "admin", 1));
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain(
      "Kimai: kimai/user/admin: the token's own user: rosterform never changes it",
    );
  });

  test("fingerprints: {} does not turn the stale check off: every change without one is refused", async () => {
    const apply = await applyEdited((p) => (kimai(p).fingerprints = {}));
    expect(apply.code).toBe(3);
    for (const who of ["anna", "bob"])
      expect(apply.stderr).toContain(
        `Kimai: kimai/user/${who}: has no fingerprint in the plan, so its server state cannot be checked`,
      );
  });

  test("fingerprints: null is a one-line schema error, not a TypeError", async () => {
    const apply = await applyEdited((p) => (kimai(p).fingerprints = null));
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(
      "plan.json is damaged or edited (/targets/0/fingerprints must be object): plan again with rosterform plan --out plan.json",
    );
    expect(apply.stderr).not.toMatch(/TypeError|at .*\.ts:/);
    expect(apply.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("an action the schema does not know is refused in one line", async () => {
    const apply = await applyEdited((p) => (change(p, "anna").action = "purge"));
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("/targets/0/changes/0/action must be equal to one of the allowed values");
  });

  test("a key/id pair that does not match the server", async () => {
    const apply = await applyEdited((p) => (change(p, "anna").remoteId = 4));
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain(
      "Kimai: kimai/user/anna: the plan names id 4, but the server's anna is id 3",
    );
  });

  test("an injected change for an undeclared user", async () => {
    const apply = await applyEdited((p) => {
      const ghost = { ...structuredClone(change(p, "anna")), address: "kimai/user/ghost", key: "ghost" };
      Object.assign(ghost, { name: "ghost", action: "create" });
      delete ghost.remoteId;
      kimai(p).changes.push(ghost);
      kimai(p).fingerprints!["kimai/user/ghost"] = null;
    });
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain(
      "Kimai: kimai/user/ghost: today's users.d and policy would not make this change",
    );
    expect(apply.stderr).not.toContain("kimai/user/anna:");
  });

  test("a value edited in the plan", async () => {
    const apply = await applyEdited((p) => {
      const title = change(p, "anna").attrs.find((a) => a.key === "title")!;
      title.to = { raw: "Owner", human: '"Owner"', canon: "Owner" };
    });
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain(
      "Kimai: kimai/user/anna: today's users.d and policy would not make this change",
    );
  });

  test("a change listed twice", async () => {
    const apply = await applyEdited((p) => kimai(p).changes.push(structuredClone(change(p, "anna"))));
    expect(apply.code).toBe(3);
    expect(apply.stderr).toContain("Kimai: kimai/user/anna: listed more than once in the plan");
  });
});

describe("--only and --target with a plan file narrow it exactly, or are refused", () => {
  test("--only anna applies anna's change alone and says so; bob's is left", async () => {
    const { sb, dir } = await start();
    expect((await run(["plan", "--out", "plan.json"], sb.env, dir)).code).toBe(0);
    await sb.clearRequests();
    const apply = await run(["apply", "plan.json", "--only", "anna"], sb.env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stderr).toContain(
      "Applying 1 of the 2 changes in plan.json (--only anna); the others are left for later",
    );
    expect(await writes(sb)).toEqual(["PATCH /api/users/3"]);
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout).toContain("1 to update");
    expect(plan.stdout).toMatch(/~ bob/);
    expect(plan.stdout).not.toMatch(/~ anna/);
  });

  test("--only naming someone the plan has no change for is refused", async () => {
    const { sb, dir } = await start();
    expect((await run(["plan", "--out", "plan.json"], sb.env, dir)).code).toBe(0);
    await sb.clearRequests();
    const apply = await run(["apply", "plan.json", "--only", "anna,boss"], sb.env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("--only boss: plan.json has no change for this user; nothing was changed");
    expect(await writes(sb)).toEqual([]);
  });

  test("--only leaving out a change the selected one waits for is refused, offering the line with it", async () => {
    sb = await sandbox();
    dir = await project({
      "users.d/lead.yaml": user("lead"),
      "users.d/dev.yaml": user("dev", "supervisor: lead\n"),
    });
    expect((await run(["plan", "--out", "plan.json"], sb.env, dir)).code).toBe(0);
    await sb.clearRequests();
    const apply = await run(["apply", "plan.json", "--only", "dev"], sb.env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("--only leaves out lead, which the selected changes wait for");
    expect(apply.stderr).toContain("rosterform apply plan.json --only dev lead");
    expect(await writes(sb)).toEqual([]);
  });

  test("--target kimai applies Kimai's part of a two-target plan and sends nothing to When I Work", async () => {
    sb = await sandbox();
    wiw = await wiwSandbox();
    const env = { ...sb.env, ...wiw.env };
    dir = await project(
      { "users.d/anna.yaml": `${user("anna")}name: { first: Anna, last: X }\n` },
      BOTH_TARGETS_YAML,
    );
    expect((await run(["plan", "--out", "plan.json"], env, dir)).code).toBe(0);
    await sb.clearRequests();
    await wiw.clearRequests();
    const apply = await run(["apply", "plan.json", "--target", "kimai"], env, dir);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stderr).toContain("Applying 1 of the 2 changes in plan.json (--target kimai)");
    expect(await writes(wiw)).toEqual([]);
    expect((await sb.state()).users.map((u) => u.username)).toEqual(["admin", "anna"]);
    // the Kimai part is done; the rest of the plan is still When I Work's
    const again = await run(["plan"], env, dir);
    expect(again.stdout).toContain("When I Work: Plan: 1 to create.");
    expect(again.stdout).not.toContain("Kimai: Plan");
  });

  test("--target naming a target the plan does not hold is refused", async () => {
    sb = await sandbox();
    wiw = await wiwSandbox();
    const env = { ...sb.env, ...wiw.env };
    dir = await project(
      { "users.d/anna.yaml": `${user("anna")}name: { first: Anna, last: X }\n` },
      BOTH_TARGETS_YAML,
    );
    expect((await run(["plan", "--target", "kimai", "--out", "plan.json"], env, dir)).code).toBe(0);
    await sb.clearRequests();
    const apply = await run(["apply", "plan.json", "--target", "wheniwork"], env, dir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("--target wheniwork: plan.json has no plan for When I Work");
    expect(await writes(sb)).toEqual([]);
    expect(await writes(wiw)).toEqual([]);
  });
});
