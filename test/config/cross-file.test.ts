// Rules across files: unique usernames and emails, supervisors, roles and timezones.
import { describe, expect, test } from "vitest";
import { load, problems, user } from "./project.js";

describe("identities", () => {
  test("a duplicate username (case-insensitive) is reported in both files, each naming the other", async () => {
    const result = await load({
      "users.d/anna.yaml": user("anna.schmidt"),
      "users.d/anna2.yaml": "username: Anna.Schmidt\nemail: other@example.com\n",
    });
    expect(result.diagnostics).toEqual([
      {
        file: "users.d/anna.yaml",
        line: 1,
        column: 11,
        code: "user.duplicate-username",
        message:
          'username "anna.schmidt" is also declared in users.d/anna2.yaml:1:11 (compared case-insensitively); each person needs their own username',
        severity: "error",
      },
      {
        file: "users.d/anna2.yaml",
        line: 1,
        column: 11,
        code: "user.duplicate-username",
        message:
          'username "Anna.Schmidt" is also declared in users.d/anna.yaml:1:11 (compared case-insensitively); each person needs their own username',
        severity: "error",
      },
    ]);
    expect(result.state).toBeUndefined();
  });

  test("a duplicate email", async () => {
    expect(
      await problems({
        "users.d/a.yaml": "username: aa\nemail: same@example.com\n",
        "users.d/b.yaml": "username: bb\nemail: SAME@example.com\n",
        "users.d/c.yaml": "username: cc\nemail: same@Example.com\n",
      }),
    ).toEqual([
      'users.d/a.yaml:2:8: email "same@example.com" is also declared in users.d/b.yaml:2:8, users.d/c.yaml:2:8 (compared case-insensitively); each person needs their own email',
      'users.d/b.yaml:2:8: email "SAME@example.com" is also declared in users.d/a.yaml:2:8, users.d/c.yaml:2:8 (compared case-insensitively); each person needs their own email',
      'users.d/c.yaml:2:8: email "same@Example.com" is also declared in users.d/a.yaml:2:8, users.d/b.yaml:2:8 (compared case-insensitively); each person needs their own email',
    ]);
  });

  test("a username declared in many files names three others and counts the rest", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`users.d/u${i}.yaml`] = `username: same\nemail: u${i}@example.com\n`;
    const result = await load(files);
    expect(result.diagnostics[0]?.message).toBe(
      'username "same" is also declared in users.d/u1.yaml:1:11, users.d/u2.yaml:1:11, users.d/u3.yaml:1:11 and 2 more (compared case-insensitively); each person needs their own username',
    );
    expect(result.diagnostics).toHaveLength(6);
  });

  test("a username that is someone else's email", async () => {
    expect(
      await problems({
        "users.d/a.yaml": "username: bb@example.com\nemail: aa@example.com\n",
        "users.d/bb.yaml": "username: bb\nemail: bb@example.com\n",
      }),
    ).toEqual([
      'users.d/a.yaml:1:11: username "bb@example.com" is the email of users.d/bb.yaml:2:8; Kimai refuses a username that is another user\'s email',
    ]);
  });
});

describe("supervisors", () => {
  test("unknown supervisor, with a suggestion", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna", "supervisor: max.musterman"),
        "users.d/max.mustermann.yaml": user("max.mustermann"),
      }),
    ).toEqual([
      'users.d/anna.yaml:3:13: supervisor "max.musterman" is not a username in users.d/; did you mean "max.mustermann"?',
    ]);
  });

  test("supervisors match case-insensitively and normalise to the declared spelling", async () => {
    const result = await load({
      "users.d/anna.yaml": user("anna", "supervisor: MAX"),
      "users.d/Max.yaml": user("Max"),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.users.find((u) => u.username === "anna")?.supervisor).toBe("Max");
  });

  test("supervising yourself", async () => {
    expect(await problems({ "users.d/anna.yaml": user("anna", "supervisor: Anna") })).toEqual([
      "users.d/anna.yaml:3:13: anna cannot be their own supervisor; name someone else, or remove supervisor",
    ]);
  });

  test("a cycle is named in every file of the cycle", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna", "supervisor: bob"),
        "users.d/bob.yaml": user("bob", "supervisor: carl"),
        "users.d/carl.yaml": user("carl", "supervisor: anna"),
        "users.d/dora.yaml": user("dora", "supervisor: anna"),
      }),
    ).toEqual([
      "users.d/anna.yaml:3:13: supervisor cycle: anna → bob → carl → anna; someone in this chain must have no supervisor, or one outside it",
      "users.d/bob.yaml:3:13: supervisor cycle: anna → bob → carl → anna; someone in this chain must have no supervisor, or one outside it",
      "users.d/carl.yaml:3:13: supervisor cycle: anna → bob → carl → anna; someone in this chain must have no supervisor, or one outside it",
    ]);
  });

  test("an off-boarded supervisor of an enabled user", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna", "supervisor: max"),
        "users.d/max.yaml": user("max", "enabled: false"),
        "users.d/paul.yaml": user("paul", "enabled: false", "supervisor: max"),
      }),
    ).toEqual([
      'users.d/anna.yaml:3:13: supervisor "max" is off-boarded (enabled: false in users.d/max.yaml) and Kimai accepts only an enabled supervisor; name an enabled supervisor',
    ]);
  });

  test("a supervisor whose file is broken is not reported as unknown as well", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna", "supervisor: max"),
        "users.d/max.yaml": "username: [max\n",
      }),
    ).toEqual([
      "users.d/max.yaml:2:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  test("null means explicitly none", async () => {
    const result = await load({ "users.d/anna.yaml": user("anna", "supervisor: null") });
    expect(result.state?.users[0]?.supervisor).toBeNull();
  });

  test("a chain of 3,000 supervisors is checked without recursion", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++)
      files[`users.d/u${i}.yaml`] = user(`u${i}`, ...(i > 0 ? [`supervisor: u${i - 1}`] : []));
    const result = await load(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.users).toHaveLength(3000);
  });
});

describe("roles and time zones", () => {
  test("ROLE_USER is implicit (a warning), other roles follow Kimai's role-name rule", async () => {
    const result = await load({
      "users.d/anna.yaml": user("anna", "roles: [ROLE_USER, admin, role_teamlead, Role-X]"),
    });
    const rule =
      "Kimai's roles are ROLE_TEAMLEAD, ROLE_ADMIN, ROLE_SUPER_ADMIN and custom ones: 5 or more capital letters and underscores, e.g. TEST_ROLE";
    expect(
      result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`),
    ).toEqual([
      "3:9 warning role.implicit-user: ROLE_USER is implicit (every user has it) and Kimai refuses it in roles; remove it",
      `3:20 error role.invalid: role "admin" is not a Kimai role name; write ROLE_ADMIN (${rule})`,
      `3:42 error role.invalid: role "Role-X" is not a Kimai role name; write e.g. ROLE_TEAMLEAD (${rule})`,
    ]);
  });

  test("custom roles without ROLE_ are accepted (Kimai's tests create TEST_ROLE); bad names are not", async () => {
    const ok = await load({
      "users.d/anna.yaml": user("anna", "roles: [TEST_ROLE, PAYROLL, ROLE_TEAMLEAD]"),
    });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.state?.users[0]?.roles).toEqual(["PAYROLL", "ROLE_TEAMLEAD", "TEST_ROLE"]);
    const bad = await load({
      "users.d/anna.yaml": user("anna", "roles: [TEST__ROLE, _TEST, TEST_, ABCD, payroll]"),
    });
    expect(bad.diagnostics.map((d) => d.message.split(";")[0])).toEqual([
      'role "TEST__ROLE" is not a Kimai role name',
      'role "_TEST" is not a Kimai role name',
      'role "TEST_" is not a Kimai role name',
      'role "ABCD" is not a Kimai role name',
      'role "payroll" is not a Kimai role name',
    ]);
    expect(bad.diagnostics[4]?.message).toContain("write PAYROLL (roles are upper case)");
  });

  test("unknown and mis-spelt time zones", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna", "timezone: Europe/Berln"),
        "users.d/bob.yaml": user("bob", "timezone: europe/berlin"),
        "users.d/carl.yaml": user("carl", "timezone: Mars/Olympus"),
      }),
    ).toEqual([
      'users.d/anna.yaml:3:11: timezone "Europe/Berln" is not a known time zone; did you mean "Europe/Berlin"?',
      'users.d/bob.yaml:3:11: timezone "europe/berlin" is spelt differently; write Europe/Berlin',
      'users.d/carl.yaml:3:11: timezone "Mars/Olympus" is not a known time zone; write an IANA time zone such as Europe/Berlin or UTC',
    ]);
  });
});
