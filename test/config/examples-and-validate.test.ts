// The committed examples validate clean, and `rosterform validate` prints and exits as documented.
import { describe, expect, test } from "vitest";
import { runValidate } from "../../src/commands/validate.js";
import { loadProject } from "../../src/config/load.js";
import { TARGETS } from "../../src/providers/index.js";
import type { Io } from "../../src/io.js";
import { user, writeProject } from "./project.js";

function memoryIo(cwd = process.cwd()): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    env: {},
    isTTY: false,
    cwd,
  };
  return io;
}

describe("the committed examples", () => {
  test("validate with no diagnostic at all", async () => {
    const result = await loadProject(".", { targets: TARGETS, at: "2026-11-23" });
    expect(result.diagnostics).toEqual([]);
    expect(result.counts).toEqual({ users: 8, contractTemplates: 4, teams: 0, files: 13 });
    const users = result.state?.users ?? [];
    expect(users.map((u) => u.username)).not.toContain("admin");
    expect(new Set(users.map((u) => u.contract?.type))).toEqual(new Set(["week", "month", "day", "none"]));
    expect(users.some((u) => u.enabled === false)).toBe(true);
    expect(users.find((u) => u.username === "jonas.weber")?.nextContract?.from).toBe("2027-01-01");
    expect(users.find((u) => u.username === "anna.schmidt")?.contract?.template).toBe("full-time-40h");
    // A supervisor chain of depth three or more: jonas → anna → erika → max.
    const supervisorOf = new Map(users.map((u) => [u.username, u.supervisor]));
    let depth = 0;
    for (let name: string | null | undefined = "jonas.weber"; name; name = supervisorOf.get(name)) depth++;
    expect(depth).toBeGreaterThanOrEqual(4);
  });

  test("the contract of anna.schmidt changes on 2026-01-01", async () => {
    const before = await loadProject(".", { targets: TARGETS, at: "2025-12-31" });
    expect(before.state?.users.find((u) => u.username === "anna.schmidt")?.contract?.template).toBe(
      "part-time-20h",
    );
  });
});

describe("runValidate", () => {
  test("text: a valid project prints a summary on stdout and exits 0", async () => {
    const io = memoryIo();
    expect(await runValidate({ dir: ".", format: "text", at: "2026-11-23" }, io)).toBe(0);
    expect(io.out).toBe("✓ 8 users, 4 contract templates: valid (13 files read).\n");
    expect(io.err).toBe("");
  });

  test("text: errors on stderr, one line each, then the count; exit 1", async () => {
    const dir = writeProject({
      "users.d/anna.yaml": user("anna", "enabled: maybe", "roles: [ROLE_USER]"),
      "users.d/bob.yaml": "username: bob\nemail: nope\n",
    });
    // Run from the project folder: files are named from where the command runs.
    const io = memoryIo(dir);
    expect(await runValidate({ dir, format: "text" }, io)).toBe(1);
    expect(io.err).toBe(
      [
        'users.d/anna.yaml:3:10: enabled must be true or false, not the text "maybe"',
        "users.d/anna.yaml:4:9: warning: ROLE_USER is implicit (every user has it) and Kimai refuses it in roles; remove it",
        'users.d/bob.yaml:2:8: email "nope" is not an email address; write e.g. anna.schmidt@example.com',
        "2 errors, 1 warning in 2 files (3 files read).",
        "",
      ].join("\n"),
    );
    expect(io.out).toBe("");
  });

  test("text: warnings alone still exit 0", async () => {
    const dir = writeProject({ "users.d/anna.yaml": user("anna", "roles: [ROLE_USER]") });
    const io = memoryIo();
    expect(await runValidate({ dir, format: "text" }, io)).toBe(0);
    expect(io.err).toContain("0 errors, 1 warning in 1 file (2 files read).\n");
    expect(io.out).toBe("✓ 1 user, 0 contract templates: valid (2 files read).\n");
  });

  test("json: versioned, machine-readable", async () => {
    const dir = writeProject({ "users.d/anna.yaml": user("anna", "enabled: maybe") });
    const io = memoryIo();
    expect(await runValidate({ dir, format: "json" }, io)).toBe(1);
    expect(JSON.parse(io.out)).toEqual({
      formatVersion: 1,
      valid: false,
      diagnostics: [
        {
          file: "users.d/anna.yaml",
          line: 3,
          column: 10,
          code: "schema.type",
          severity: "error",
          message: 'enabled must be true or false, not the text "maybe"',
        },
      ],
      summary: {
        errors: 1,
        warnings: 0,
        filesWithProblems: 1,
        users: 1,
        contractTemplates: 0,
        teams: 0,
        filesRead: 2,
      },
    });
    expect(io.err).toBe("");
  });

  test("a relative --dir resolves against the Io's cwd", async () => {
    const dir = writeProject({ "users.d/anna.yaml": user("anna") });
    const io = memoryIo(dir);
    expect(await runValidate({ dir: ".", format: "json" }, io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ valid: true, diagnostics: [] });
  });
});
