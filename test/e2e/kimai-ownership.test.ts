// Field ownership (policy.fields.ignore, a user's ignore:) and directory (LDAP) users.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  ROSTERFORM_YAML,
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
  sb = dir = undefined;
});

const IGNORING = ROSTERFORM_YAML.replace(
  "  protect: [admin]\n",
  "  protect: [admin]\n  fields:\n    ignore: [roles, title]\n",
);
const LDAP_DN = { name: "ldap_dn", value: "uid=lena,ou=people,dc=example,dc=com" };

describe("field ownership", () => {
  test("policy.fields.ignore: roles and title are neither compared nor sent; the plan says so", async () => {
    sb = await sandbox(
      adminSeed({
        users: [...adminSeed().users, seedUser(2, "carl", { roles: ["ROLE_ADMIN"], title: "Set by HR" })],
      }),
    );
    dir = await project({
      "rosterform.yaml": IGNORING,
      "users.d/carl.yaml": "username: carl\nemail: carl@example.com\ntitle: Mine\nroles: [ROLE_TEAMLEAD]\n",
      "users.d/dora.yaml": "username: dora\nemail: dora@example.com\ntitle: New\nroles: [ROLE_TEAMLEAD]\n",
    });
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout + plan.stderr).toContain(
      "left to others (neither compared nor sent): roles, title of 2 users (policy.fields.ignore / ignore:)",
    );
    expect(plan.stdout).not.toContain("Set by HR");
    expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
    const state = await sb.state();
    const carl = state.users.find((u) => u.username === "carl")!;
    expect([carl.title, carl.roles]).toEqual(["Set by HR", ["ROLE_ADMIN"]]);
    const dora = state.users.find((u) => u.username === "dora")!;
    expect([dora.title, dora.roles]).toEqual([null, []]);
    expect((await run(["plan", "--detailed-exitcode"], sb.env, dir)).code).toBe(0);
  });

  test("a user's own ignore: [contract, email] leaves those alone for that user", async () => {
    sb = await sandbox(
      adminSeed({ users: [...adminSeed().users, seedUser(2, "carl", { email: "old@example.com" })] }),
    );
    dir = await project({
      "users.d/carl.yaml":
        "username: carl\nemail: carl@example.com\nignore: [contract, email]\ncontract: { type: day, hours: { mon: 8h } }\ntitle: Dev\n",
    });
    expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
    const carl = (await sb.state()).users.find((u) => u.username === "carl")!;
    expect(carl.email).toBe("old@example.com");
    expect(carl.title).toBe("Dev");
    expect(carl.preferences.find((p) => p.name === "work_monday")).toBeUndefined();
    expect((await run(["plan", "--detailed-exitcode"], sb.env, dir)).code).toBe(0);
  });
});

describe("LDAP users (ldap_dn)", () => {
  const seed = (email = "lena@example.com") =>
    adminSeed({
      users: [
        ...adminSeed().users,
        seedUser(2, "lena", { email, title: "From LDAP", preferences: [LDAP_DN] }),
      ],
    });

  test("a declared field LDAP rewrites is a warning; ignoring them leaves a note", async () => {
    sb = await sandbox(seed());
    dir = await project({ "users.d/lena.yaml": "username: lena\nemail: lena@example.com\ntitle: Mine\n" });
    const warned = await run(["plan"], sb.env, dir);
    expect(warned.stdout + warned.stderr).toContain(
      "lena is an LDAP user (ldap_dn): LDAP may rewrite email, title at each login, and rosterform would change them back on every run",
    );
    await removeProject(dir);
    dir = await project({
      "users.d/lena.yaml":
        "username: lena\nemail: lena@example.com\ntitle: Mine\nignore: [email, title, roles, alias]\n",
    });
    const quiet = await run(["plan"], sb.env, dir);
    expect(quiet.stdout + quiet.stderr).toContain(
      "lena is an LDAP user (ldap_dn): its directory fields are left to LDAP",
    );
    expect(quiet.stdout + quiet.stderr).not.toContain("LDAP may rewrite");
  });

  test("import never writes ldap_dn", async () => {
    sb = await sandbox(seed());
    dir = await project({});
    expect((await run(["import", "--target", "kimai"], sb.env, dir)).code).toBe(0);
    const lena = await readFile(join(dir, "users.d", "lena.yaml"), "utf8");
    expect(lena).not.toContain("ldap_dn");
    expect((await run(["plan", "--detailed-exitcode"], sb.env, dir)).code).toBe(0);
  });

  test("an LDAP user whose email is its username: unmanaged, the plan says why Kimai will refuse it", async () => {
    sb = await sandbox(seed("lena"));
    dir = await project({ "users.d/other.yaml": "username: other\nemail: other@example.com\n" });
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout + plan.stderr).toContain(
      'Kimai user lena has email "lena", which is not an email address (an LDAP entry without mail?): Kimai refuses every change to it (400)',
    );
  });

  test("declared, it can be deactivated: the valid email is sent with the change", async () => {
    sb = await sandbox(seed("lena"));
    dir = await project({ "users.d/lena.yaml": "username: lena\nemail: lena@example.com\nenabled: false\n" });
    const plan = await run(["plan"], sb.env, dir);
    expect(plan.stdout + plan.stderr).not.toContain("not an email address");
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const lena = (await sb.state()).users.find((u) => u.username === "lena")!;
    expect([lena.enabled, lena.email]).toEqual([false, "lena@example.com"]);
    expect((await run(["plan", "--detailed-exitcode"], sb.env, dir)).code).toBe(0);
  });
});
