// rosterform show PLANFILE: a plan saved against the sandbox is printed again with no project, no server and
// no token; what is not a plan is refused in one line.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterEach, expect, test } from "vitest";
import { adminSeed, project, removeProject, run, sandbox, seedUser, type Sandbox } from "./harness.js";

let sb: Sandbox | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await sb?.close();
  sb = undefined;
  for (const d of dirs.splice(0)) await removeProject(d);
});

const ANNA = `username: anna.schmidt
email: anna.schmidt@example.com
title: Backend Engineer
`;

test("show prints a saved plan as plan printed it, in every format, offline", async () => {
  sb = await sandbox(
    adminSeed({ users: [seedUser(1, "admin", { roles: ["ROLE_SUPER_ADMIN"] }), seedUser(2, "max")] }),
  );
  const dir = await project({ "users.d/anna.schmidt.yaml": ANNA });
  dirs.push(dir);
  const planned = await run(["plan", "--out", "plan.json"], sb.env, dir);
  expect(planned.code).toBe(0);
  const markdown = await run(["plan", "--format", "markdown"], sb.env, dir);
  await sb.close();
  sb = undefined;

  // Elsewhere: no rosterform.yaml, no KIMAI_* variables, the server gone.
  const elsewhere = await mkdtemp(join(tmpdir(), "rosterform-show-"));
  dirs.push(elsewhere);
  const planFile = join(dir, "plan.json");
  const text = await run(["show", planFile], {}, elsewhere);
  expect(text.stderr).toBe("");
  expect(text.code).toBe(0);
  expect(text.stdout).toBe(planned.stdout);
  expect(text.stdout).toContain("+ anna.schmidt");
  expect(text.stdout).toContain("Kimai: Plan: 1 to create.");

  const md = await run(["show", planFile, "--format", "markdown"], {}, elsewhere);
  expect(md.code).toBe(0);
  // The same comment as plan --format markdown made (but for the date it was made on, identical here).
  expect(md.stdout).toBe(markdown.stdout);
  expect(new MarkdownIt().render(md.stdout)).toContain("anna.schmidt");

  const json = await run(["show", planFile, "--format", "json"], {}, elsewhere);
  expect(json.code).toBe(0);
  const parsed = JSON.parse(json.stdout) as { tool: string; targets: { summary: unknown }[] };
  expect(parsed.tool).toBe("rosterform");
  expect(parsed.targets[0]?.summary).toMatchObject({ create: 1 });
});

test.each([
  ["missing.json", undefined, /^error: cannot read plan file missing\.json \(no such file\)\n$/],
  [
    "broken.json",
    '{"tool": "rosterform",\n  "targets": [',
    /^error: broken\.json is not JSON \(.*\); write it/,
  ],
  ["other.json", '{"hello": "world"}', /^error: other\.json is not a rosterform plan; write one with/],
  ["old.json", '{"tool": "rosterform", "formatVersion": 1, "targets": []}', /made by an older rosterform/],
])("show refuses %s in one line (exit 1)", async (name, content, message) => {
  const dir = await mkdtemp(join(tmpdir(), "rosterform-show-"));
  dirs.push(dir);
  if (content !== undefined) await writeFile(join(dir, name), content);
  const r = await run(["show", name], {}, dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
});

test("apply reads a plan file through the same loader (one message for a bad file)", async () => {
  const dir = await project({ "users.d/anna.schmidt.yaml": ANNA });
  dirs.push(dir);
  await writeFile(join(dir, "plan.json"), "not json\nat all");
  const shown = await run(["show", "plan.json"], {}, dir);
  const applied = await run(["apply", "plan.json"], {}, dir);
  expect(applied.code).toBe(1);
  expect(applied.stderr).toBe(shown.stderr);
  await rm(join(dir, "plan.json"));
});
