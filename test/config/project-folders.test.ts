// Nothing in users.d/ or contracts.d/ is skipped in silence: subfolders are read, look-alikes are named.
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadProject } from "../../src/config/load.js";
import { TARGETS } from "../../src/providers/index.js";
import { listYamlFiles } from "../../src/config/index.js";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { load, problems, user, writeProject } from "./project.js";

describe("users.d and contracts.d are read recursively", () => {
  test("people in subfolders are declared; the path is their source in every message", async () => {
    const result = await load({
      "users.d/anna.yaml": user("anna"),
      "users.d/team/bob.yaml": user("bob", "supervisor: anna"),
      "users.d/team/nested/carl.yaml": user("carl", "enabled: maybe"),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'users.d/team/nested/carl.yaml:3:10: enabled must be true or false, not the text "maybe"',
    ]);
    expect(result.counts).toEqual({ users: 3, contractTemplates: 0, teams: 0, files: 4 });
  });

  test("a user in a subfolder gets a source naming the subfolder", async () => {
    const result = await load({ "users.d/team/bob.yaml": user("bob") });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.users[0]?.source.file).toBe("users.d/team/bob.yaml");
  });

  test("templates in a subfolder of contracts.d/ are found", async () => {
    const result = await load({
      "contracts.d/part-time/half.yaml": "name: half\ntype: week\nhoursPerWeek: 20h\nworkDays: mon-fri\n",
      "users.d/anna.yaml": user("anna", "contract: half"),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.state?.users[0]?.contract?.template).toBe("half");
  });

  test("the same username in two folders is a duplicate naming both paths", async () => {
    expect(
      await problems({
        "users.d/a/anna.yaml": "username: anna\nemail: a@example.com\n",
        "users.d/b/anna.yaml": "username: anna\nemail: b@example.com\n",
      }),
    ).toEqual([
      'users.d/a/anna.yaml:1:11: username "anna" is also declared in users.d/b/anna.yaml:1:11 (compared case-insensitively); each person needs their own username',
      'users.d/b/anna.yaml:1:11: username "anna" is also declared in users.d/a/anna.yaml:1:11 (compared case-insensitively); each person needs their own username',
    ]);
  });

  test("hidden folders and links to folders are named, not read", async () => {
    const dir = writeProject({ "users.d/anna.yaml": user("anna"), "users.d/.old/bob.yaml": user("bob") });
    mkdirSync(join(dir, "elsewhere"));
    symlinkSync(join(dir, "elsewhere"), join(dir, "users.d/linked"));
    const result = await loadProject(dir, { targets: TARGETS });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "users.d/.old: warning: not read: hidden folders are skipped; rename it without the dot, or move it out of users.d/",
      "users.d/linked: warning: not read: symbolic links to folders are not followed; move the folder here, or move it out of users.d/",
    ]);
    expect(result.state?.users.map((u) => u.username)).toEqual(["anna"]);
  });
});

describe("files that look meant but are not read are warnings naming each file", () => {
  test("backups, JSON, .yml.txt, merge leftovers and a bare .yaml", async () => {
    const result = await load({
      "users.d/anna.yaml": user("anna"),
      "users.d/bob.yaml.bak": user("bob"),
      "users.d/carl.orig": user("carl"),
      "users.d/dora.json": '{"username": "dora", "email": "dora@example.com"}',
      "users.d/team/emil.yml.txt": user("emil"),
      "users.d/.yaml": user("fred"),
      "users.d/notes.txt": "remember",
      "contracts.d/old.yaml~": "name: old\ntype: none\n",
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "contracts.d/old.yaml~: warning: not read: only files ending in .yaml or .yml are read; rename it to old.yaml if it declares someone, or move it out of contracts.d/",
      "users.d/.yaml: warning: not read: a file named only .yaml is hidden; name it after the username it declares, e.g. anna.yaml, or move it out of users.d/",
      "users.d/bob.yaml.bak: warning: not read: only files ending in .yaml or .yml are read; rename it to bob.yaml if it declares someone, or move it out of users.d/",
      "users.d/carl.orig: warning: not read: only files ending in .yaml or .yml are read; rename it to carl.yaml if it declares someone, or move it out of users.d/",
      "users.d/dora.json: warning: not read: only files ending in .yaml or .yml are read; rename it to dora.yaml if it declares someone, or move it out of users.d/",
      "users.d/notes.txt: warning: not read: only files ending in .yaml or .yml are read; rename it to notes.yaml if it declares someone, or move it out of users.d/",
      "users.d/team/emil.yml.txt: warning: not read: only files ending in .yaml or .yml are read; rename it to emil.yaml if it declares someone, or move it out of users.d/",
    ]);
    expect(result.state?.users.map((u) => u.username)).toEqual(["anna"]);
  });

  test("README.md, .gitkeep and editor swap files are not worth a warning", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna"),
        "users.d/README.md": "# people",
        "users.d/.gitkeep": "",
        "users.d/.anna.yaml.swp": "swap",
        "users.d/.#anna.yaml": "lock",
      }),
    ).toEqual([]);
  });

  test("only look-alikes and nobody declared: both are said", async () => {
    expect(await problems({ "users.d/anna.yaml.bak": user("anna") })).toEqual([
      "users.d/: warning: no .yaml files here; nobody is declared",
      "users.d/anna.yaml.bak: warning: not read: only files ending in .yaml or .yml are read; rename it to anna.yaml if it declares someone, or move it out of users.d/",
    ]);
  });

  test("the reader is exported for other folders (teams.d)", async () => {
    const dir = writeProject({ "teams.d/a/x.yaml": "name: x\n", "teams.d/y.yml": "name: y\n" });
    expect(await listYamlFiles(dir, "teams.d")).toEqual({
      files: ["teams.d/a/x.yaml", "teams.d/y.yml"],
      diagnostics: [],
    });
    expect(await listYamlFiles(dir, "nothing.d")).toEqual({ missing: true });
  });
});

describe("a file named differently from its username", () => {
  test("is a warning with the name to give it, case-insensitively", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna"),
        "users.d/Bob.yaml": user("bob"),
        "users.d/team/c.yaml": user("carl"),
      }),
    ).toEqual([
      'users.d/team/c.yaml:1:11: warning: the file name differs from the username "carl"; rename the file to users.d/team/carl.yaml so people are found where they are expected',
    ]);
  });
});
