// Plan-time checks against what the Kimai server holds, and explained preference errors at apply.
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

const file = (name: string, extra = "") => `username: ${name}\nemail: ${name}@example.com\n${extra}`;
const withUsers = (...users: ReturnType<typeof seedUser>[]) =>
  adminSeed({ users: [...adminSeed().users, ...users] });

async function planOutput(files: Record<string, string>, seed = adminSeed()) {
  sb = await sandbox(seed);
  dir = await project(files);
  const r = await run(["plan"], sb.env, dir);
  return { ...r, out: r.stdout + r.stderr };
}

describe("supervisors Kimai would refuse", () => {
  test("a system account as supervisor is a plan-time error", async () => {
    const r = await planOutput(
      { "users.d/anna.yaml": file("anna", "supervisor: bot\n"), "users.d/bot.yaml": file("bot") },
      withUsers(seedUser(2, "bot", { systemAccount: true })),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain("users.d/anna.yaml: supervisor bot is a system account in Kimai");
  });

  test("a supervisor disabled on the server but declared (enabled) in users.d is fine: reactivated first", async () => {
    const seed = withUsers(seedUser(2, "boss", { enabled: false }));
    const ok = await planOutput(
      { "users.d/anna.yaml": file("anna", "supervisor: boss\n"), "users.d/boss.yaml": file("boss") },
      seed,
    );
    expect(ok.out).not.toContain("is disabled in Kimai");
    expect(ok.code, ok.out).toBe(0);
    const apply = await run(["apply", "--yes"], sb!.env, dir!);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect((await run(["plan", "--detailed-exitcode"], sb!.env, dir!)).code).toBe(0);
  });
});

describe("cross-uniqueness of usernames and emails", () => {
  test("an email equal to another user's username, and a new username equal to another user's email", async () => {
    const seed = withUsers(
      seedUser(2, "carl", { email: "c@example.com" }),
      seedUser(3, "x@example.com", { email: "x2@example.com" }),
    );
    const r = await planOutput(
      {
        "users.d/anna.yaml": "username: anna\nemail: x@example.com\n",
        "users.d/c@example.com.yaml": "username: c@example.com\nemail: other@example.com\n",
      },
      seed,
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('email x@example.com is the username of Kimai user "x@example.com"');
    expect(r.out).toContain('username c@example.com is the email of Kimai user "carl"');
    expect((await sb!.requests()).filter((q) => q.method !== "GET")).toEqual([]);
  });
});

describe("preferences", () => {
  test("a hidden preference (skin) gets a true message, not 'Kimai has no preference'", async () => {
    const r = await planOutput({ "users.d/anna.yaml": file("anna", "preferences: { skin: dark }\n") });
    expect(r.out).toContain('preference "skin" exists in Kimai, but its API never shows it');
    expect(r.out).not.toContain("Kimai has no preference");
  });

  test("a 404 on the preferences PATCH names the preferences and the likely cause", async () => {
    sb = await sandbox(adminSeed({ workContractPlugin: false }));
    dir = await project({
      "rosterform.yaml": ROSTERFORM_YAML.replace("workContractPlugin: auto", "workContractPlugin: true"),
      "users.d/anna.yaml": file("anna", "contract: { type: week, hoursPerWeek: 40h }\n"),
    });
    const r = await run(["apply", "--yes"], sb.env, dir);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(
      "Kimai does not know one of the preferences sent for anna (work_contract_type, hours_per_week); likely: hours_per_week: the Working contract plugin may be disabled or outdated",
    );
  });

  test("a 403 on the preferences PATCH says which permission is likely missing", async () => {
    sb = await sandbox(withUsers(seedUser(2, "anna")));
    dir = await project({ "users.d/anna.yaml": file("anna", "rates: { hourly: 50 }\n") });
    await sb.faults([
      { method: "PATCH", path: "/preferences$", times: 1, action: { type: "status", status: 403 } },
    ]);
    const r = await run(["apply", "--yes"], sb.env, dir);
    expect(r.stdout + r.stderr).toContain(
      "Kimai refused one of the preferences sent for anna (hourly_rate); likely: the token's user may not change them: hourly_rate/internal_rate need hourly-rate_other_profile",
    );
  });
});

describe("lengths and choices as Kimai counts them", () => {
  test("alias length in code points: 31 emoji fit in 60; 61 characters do not", async () => {
    const emoji = "😀".repeat(31);
    const ok = await planOutput({ "users.d/anna.yaml": file("anna", `alias: "${emoji}"\n`) });
    expect(ok.out).not.toContain("characters; Kimai keeps at most");
    await sb?.close();
    await removeProject(dir!);
    const long = await planOutput({ "users.d/anna.yaml": file("anna", `alias: "${"ä".repeat(61)}"\n`) });
    expect(long.out).toContain("alias is too long; write at most 60 characters");
  });

  test("the five locales outside config/locales.php are accepted and applied", async () => {
    sb = await sandbox();
    dir = await project({
      "users.d/anna.yaml": file("anna", "locale: es_IC\n"),
      "users.d/bert.yaml": file("bert", "locale: en_DG\n"),
    });
    const apply = await run(["apply", "--yes"], sb.env, dir);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect((await run(["plan", "--detailed-exitcode"], sb.env, dir)).code).toBe(0);
  });
});
