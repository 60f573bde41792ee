// Identifiers are what they look like: a slip in a username is refused before anything is sent, and values
// Kimai trims converge instead of being planned again on every run.
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

test('username "anna " is an error naming file:line:col and the fix; nothing is sent', async () => {
  sb = await sandbox();
  dir = await project({
    "users.d/anna.yaml": 'username: "anna "\nemail: anna@example.com\n',
    "users.d/bob.yaml": 'username: "bo\\u200Bb"\nemail: bob@example.com\n',
  });
  for (const command of [["plan"], ["apply", "--yes"]]) {
    const result = await run(command, sb.env, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'users.d/anna.yaml:1:11: username "anna " ends with white space; write "anna"',
    );
    expect(result.stderr).toContain('users.d/bob.yaml:1:11: username "bo\\u{200b}b" holds the invisible');
    expect(result.stderr).not.toContain("\u200b");
  }
  expect(await sb.requests()).toEqual([]);
  expect((await sb.state()).users.map((u) => u.username)).toEqual(["admin"]);
});

test("title, account number and alias are compared trimmed, as Kimai stores them: apply, then no changes", async () => {
  sb = await sandbox(adminSeed({ users: [...adminSeed().users, seedUser(2, "anna", { title: "Intern" })] }));
  dir = await project({
    "users.d/anna.yaml":
      'username: anna\nemail: anna@example.com\ntitle: "Intern "\naccountNumber: " 1042"\nalias: "Anna S. "\n',
    "users.d/bob.yaml": 'username: bob\nemail: bob@example.com\ntitle: " Lead"\n',
  });
  const apply = await run(["apply", "--yes"], sb.env, dir);
  expect(apply.code, apply.stderr).toBe(0);
  const state = await sb.state();
  const anna = state.users.find((u) => u.username === "anna");
  expect([anna?.title, anna?.accountNumber, anna?.alias]).toEqual(["Intern", "1042", "Anna S."]);
  const again = await run(["plan"], sb.env, dir);
  expect(again.stdout).toContain("No changes.");
});

test("text and Markdown output escape control and invisible characters in values from the server", async () => {
  const forged = "eve\u001b[2K\r+ mallory (create)\u202e";
  sb = await sandbox(
    adminSeed({
      users: [...adminSeed().users, seedUser(2, forged, { email: "eve@example.com", title: "x" })],
    }),
  );
  dir = await project({ "users.d/anna.yaml": "username: anna\nemail: anna@example.com\n" });
  const escaped = "eve\\u{001b}[2K\\u{000d}+ mallory (create)\\u{202e}";
  const text = await run(["plan"], sb.env, dir);
  expect(text.code, text.stderr).toBe(0);
  expect(text.stdout).toContain(`· ${escaped} (enabled) is on the server but not in users.d`);
  expect(["\u001b", "\r", "\u202e"].filter((c) => text.stdout.includes(c))).toEqual([]);
  const md = await run(["plan", "--format", "markdown"], sb.env, dir);
  expect(["\u001b", "\r", "\u202e"].filter((c) => md.stdout.includes(c))).toEqual([]);
  expect(md.stdout).toContain("eve\\\\u{001b}");
  expect((await run(["apply", "--yes"], sb.env, dir)).code).toBe(0);
  expect((await run(["plan"], sb.env, dir)).stdout).toContain("No changes.");
});
