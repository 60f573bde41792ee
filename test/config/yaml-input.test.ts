// Bad input of every kind gives one clear diagnostic, never a crash or a hang.
import { execFileSync } from "node:child_process";
import { chmodSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadProject } from "../../src/config/load.js";
import { TARGETS } from "../../src/providers/index.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { load, problems, user, writeProject } from "./project.js";

describe("YAML input", () => {
  test("a syntax error points where the yaml package found it", async () => {
    expect(await problems({ "users.d/ab.yaml": "username: ab\nemail: [ab@example.com\nname: x\n" })).toEqual([
      "users.d/ab.yaml:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  test("a duplicate key", async () => {
    const result = await load({
      "users.d/ab.yaml": "username: ab\nemail: a@example.com\nemail: b@example.com\n",
    });
    expect(result.diagnostics).toEqual([
      {
        file: "users.d/ab.yaml",
        line: 3,
        column: 1,
        code: "yaml.duplicate-key",
        message: 'duplicate key "email"; each field may appear once — remove one',
        severity: "error",
      },
    ]);
    expect(result.state).toBeUndefined();
  });

  test("tabs used for indentation", async () => {
    expect(
      await problems({ "users.d/ab.yaml": "username: ab\nemail: ab@example.com\nname:\n\tfirst: A\n" }),
    ).toEqual([
      "users.d/ab.yaml:4:1: a tab is used for indentation; YAML indents with spaces only — replace the tab with spaces",
    ]);
  });

  test("a UTF-8 BOM is a warning and the file is still read", async () => {
    const result = await load({ "users.d/ab.yaml": `\uFEFF${user("ab")}` });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "users.d/ab.yaml:1:1: warning: the file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
    ]);
    expect(result.state?.users.map((u) => u.username)).toEqual(["ab"]);
  });

  test("CRLF line endings are a warning; positions stay right", async () => {
    const result = await load({ "users.d/ab.yaml": user("ab", "enabled: maybe").replace(/\n/g, "\r\n") });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "users.d/ab.yaml: warning: the file has Windows line endings (CRLF); it is read as is, but save it with LF endings (git: core.autocrlf=input)",
      'users.d/ab.yaml:3:10: enabled must be true or false, not the text "maybe"',
    ]);
  });

  test("bytes that are not UTF-8 point at the first bad byte", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("username: ab\nemail: ab@example.com\ntitle: Caf"),
      Buffer.from([0xe9, 0x0a]),
    ]);
    expect(await problems({ "users.d/ab.yaml": latin1 })).toEqual([
      "users.d/ab.yaml:3:11: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8 (it looks like Latin-1 or Windows-1252)",
    ]);
  });

  test("UTF-16 is named", async () => {
    expect(await problems({ "users.d/ab.yaml": Buffer.from(`\uFEFF${user("ab")}`, "utf16le") })).toEqual([
      "users.d/ab.yaml: the file is UTF-16; save it as UTF-8",
    ]);
  });

  test.each([
    ["an empty file", ""],
    ["only comments", "# nothing yet\n\n"],
  ])("%s", async (_what, text) => {
    expect(await problems({ "users.d/ab.yaml": text })).toEqual([
      "users.d/ab.yaml: the file is empty; write a mapping of fields, e.g. username: anna",
    ]);
  });

  test.each([
    ["a list", "- username: ab\n", "a list"],
    ["a scalar", "just some text\n", "a single value"],
  ])("a file that is %s", async (_what, text, found) => {
    expect(await problems({ "users.d/ab.yaml": text })).toEqual([
      `users.d/ab.yaml:1:1: expected a mapping of fields (key: value on each line), found ${found}`,
    ]);
  });

  test("more than one document", async () => {
    expect(await problems({ "users.d/ab.yaml": `${user("ab")}---\n${user("cd")}` })).toEqual([
      "users.d/ab.yaml:3:1: this file holds more than one YAML document (---); keep one document per file",
    ]);
  });

  test("an alias bomb (billion laughs) is refused quickly", async () => {
    const lines = ["username: ab", "email: ab@example.com", "a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
      ["g", "f"],
    ]) {
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(", ")}]`);
    }
    const started = Date.now();
    expect(await problems({ "users.d/ab.yaml": `${lines.join("\n")}\n` })).toEqual([
      'users.d/ab.yaml: too many alias expansions (more than 100): the file looks like a "billion laughs" attack; write the values out instead of nesting *aliases',
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("a few aliases are fine", async () => {
    const text = "username: ab\nemail: &mail ab@example.com\npreferences: { a: *mail }\n";
    const result = await load({ "users.d/ab.yaml": text });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.users[0]?.preferences).toEqual({ a: "ab@example.com" });
  });

  test("deep nesting is refused without a crash, in flow and in block style", async () => {
    const flow = await load({
      "users.d/ab.yaml": `${user("ab")}preferences: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
    });
    expect(flow.diagnostics.map((d) => d.code)).toEqual(["yaml.too-deep"]);
    let block = `${user("ab")}preferences:\n`;
    for (let depth = 1; depth < 1200; depth++) block += `${" ".repeat(depth)}a:\n`;
    const result = await load({ "users.d/ab.yaml": block });
    expect(result.state).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  test("an unclosed bracket is reported once, not once per following line", async () => {
    expect(
      (await problems({ "users.d/ab.yaml": `${user("ab")}roles: ${"[".repeat(300)}\n` })).length,
    ).toBeLessThanOrEqual(3);
  });

  test("a file with hundreds of problems shows the first 50 and a count of the rest", async () => {
    const text = `${user("ab")}${Array.from({ length: 120 }, (_, i) => `field${i}: x`).join("\n")}\n`;
    const result = await load({ "users.d/ab.yaml": text });
    expect(result.diagnostics).toHaveLength(51);
    expect(result.diagnostics[50]).toEqual({
      file: "users.d/ab.yaml",
      line: 53,
      column: 1,
      code: "file.too-many-problems",
      message: "70 more problems in this file are not shown (70 errors); fix the ones above first",
      severity: "error",
    });
  });

  test("__proto__, constructor and prototype keys are errors and never reach a prototype", async () => {
    const text = [
      "username: ab",
      "email: ab@example.com",
      "__proto__: { polluted: yes }",
      "name: { first: A, last: B, constructor: { prototype: { polluted: yes } } }",
      "preferences:",
      "  prototype: x",
      "",
    ].join("\n");
    const result = await load({ "users.d/ab.yaml": text });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'users.d/ab.yaml:3:1: the key "__proto__" is not allowed (it could alter JavaScript object prototypes); remove it',
      'users.d/ab.yaml:4:28: the key "constructor" is not allowed (it could alter JavaScript object prototypes); remove it',
      'users.d/ab.yaml:6:3: the key "prototype" is not allowed (it could alter JavaScript object prototypes); remove it',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
  });

  test("files over 1 MiB are refused before parsing", async () => {
    const big = `${user("ab")}# ${"x".repeat(1024 * 1024)}\n`;
    expect(await problems({ "users.d/ab.yaml": big })).toEqual([
      `users.d/ab.yaml: the file is ${Buffer.byteLength(big)} bytes; files over 1 MiB (1048576 bytes) are refused before parsing — a user file is a few lines`,
    ]);
  });

  test("a directory named *.yaml is a folder like any other (read); an unreadable file (a broken link)", async () => {
    const dir = writeProject({ "users.d/ab.yaml": user("ab"), "users.d/team.yaml/cd.yaml": user("cd") });
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "users.d/gone.yaml"));
    const result = await loadProject(dir, { targets: TARGETS });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "users.d/gone.yaml: the file cannot be read: it does not exist (a broken symbolic link?)",
    ]);
    expect(result.counts.files).toBe(4);
  });

  test.skipIf(process.platform === "win32")(
    "a named pipe, directly or through a link, never hangs",
    async () => {
      const dir = writeProject({ "users.d/ab.yaml": user("ab") });
      execFileSync("mkfifo", [join(dir, "pipe")]);
      execFileSync("mkfifo", [join(dir, "users.d/fifo.yaml")]);
      symlinkSync(join(dir, "pipe"), join(dir, "users.d/linked.yaml"));
      expect((await loadProject(dir, { targets: TARGETS })).diagnostics.map(formatDiagnostic)).toEqual([
        "users.d/fifo.yaml: this is not a regular file; replace it with a YAML file",
        "users.d/linked.yaml: the file cannot be read: it is not a regular file (a pipe?)",
      ]);
    },
  );

  test.skipIf(process.getuid?.() === 0)("a file without read permission", async () => {
    const dir = writeProject({ "users.d/ab.yaml": user("ab") });
    chmodSync(join(dir, "users.d/ab.yaml"), 0o000);
    expect((await loadProject(dir, { targets: TARGETS })).diagnostics.map(formatDiagnostic)).toEqual([
      "users.d/ab.yaml: the file cannot be read: permission denied",
    ]);
  });

  test("dot files and other extensions are not read; .yml is", async () => {
    const result = await load({
      "users.d/.ab.yaml.swp": "garbage",
      "users.d/README.md": "# people",
      "users.d/cd.yml": user("cd"),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.state?.users.map((u) => u.username)).toEqual(["cd"]);
  });

  test("every problem in every file is reported in one run, sorted by file, line and column", async () => {
    const result = await load({
      "users.d/bb.yaml": "username: bb\nemail: nope\nenabled: 1\n",
      "users.d/aa.yaml": "username: aa\n\temail: x\n",
      "contracts.d/t.yaml": "type: weekly\n",
    });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "contracts.d/t.yaml:1:7 schema.enum",
      "users.d/aa.yaml:2:1 yaml.tab-indent",
      "users.d/bb.yaml:2:8 schema.format",
      "users.d/bb.yaml:3:10 schema.type",
    ]);
  });
});

describe("project layout", () => {
  test("a missing rosterform.yaml says how to create it", async () => {
    expect(await problems({ "rosterform.yaml": null, "users.d/ab.yaml": user("ab") })).toEqual([
      "rosterform.yaml: not found; create rosterform.yaml in the project directory with at least: targets: { kimai: { url: https://kimai.example.com } }",
    ]);
  });

  test("rosterform.yml instead of rosterform.yaml", async () => {
    expect(
      await problems({
        "rosterform.yaml": null,
        "rosterform.yml": "targets: { kimai: {} }\n",
        "users.d/ab.yaml": user("ab"),
      }),
    ).toEqual([
      "rosterform.yml: rename rosterform.yml to rosterform.yaml; that is the name rosterform reads",
    ]);
  });

  test("contracts.d is optional; an empty users.d is a warning", async () => {
    const result = await load({});
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "users.d/: warning: no .yaml files here; nobody is declared",
    ]);
    expect(result.state?.users).toEqual([]);
  });

  test("a missing project directory", async () => {
    const result = await loadProject("/nonexistent/rosterform-project", { targets: TARGETS });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["project.missing-dir"]);
  });

  test("an impossible --at date", async () => {
    const result = await load({ "users.d/ab.yaml": user("ab") }, "2025-02-30");
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      '--at: --at "2025-02-30" is not a date; write YYYY-MM-DD, e.g. 2025-01-01',
    ]);
    expect(result.state).toBeUndefined();
  });
});
