// Every place that tells people how to install rosterform names the same repository and the version in
// package.json, and none of them relies on the npm registry, where rosterform is not published yet.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  repository: { url: string };
  homepage: string;
};
const VERSION = PACKAGE.version;
const REPOSITORY = PACKAGE.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(ROOT.length + 1));
}

const DOCUMENTS = [
  "README.md",
  ...filesUnder("examples"),
  ...filesUnder(".github"),
  ...filesUnder("src").filter((f) => f.endsWith(".ts")),
];

function occurrences(pattern: RegExp): { file: string; match: RegExpExecArray }[] {
  return DOCUMENTS.flatMap((file) =>
    [...readFileSync(join(ROOT, file), "utf8").matchAll(pattern)].map((match) => ({ file, match })),
  );
}

describe("install references", () => {
  test("package.json names the repository", () => {
    expect(REPOSITORY).toMatch(/^https:\/\/github\.com\/[\w.-]+\/rosterform$/);
    expect(PACKAGE.homepage).toBe(`${REPOSITORY}#readme`);
  });

  test("every link to the repository is the one in package.json", () => {
    const links = occurrences(/https:\/\/github\.com\/[\w.-]+\/rosterform\b/g);
    expect(links.length).toBeGreaterThan(3);
    for (const { file, match } of links) expect(`${file}: ${match[0]}`).toBe(`${file}: ${REPOSITORY}`);
  });

  test("every written-out version is package.json's", () => {
    const versions = [
      ...occurrences(/releases\/download\/v([\w.-]+)\/rosterform-([\w.-]+?)\.tgz/g),
      ...occurrences(/rosterform\.git#v([\w.-]+)/g),
      ...occurrences(/\brosterform@v?(\d[\w.-]*\w)/g),
      ...occurrences(/ROSTERFORM_VERSION: "([^"]*)"/g),
    ];
    expect(versions.length).toBeGreaterThan(5);
    for (const { file, match } of versions) {
      for (const v of match.slice(1))
        expect(`${file}: ${match[0]} → ${v}`).toBe(`${file}: ${match[0]} → ${VERSION}`);
    }
  });

  test("nothing installs from the npm registry, except where it says 'once published'", () => {
    for (const { file, match } of occurrences(/npx --yes rosterform|npm (?:install|i) -g rosterform\b.*/g)) {
      const line = match.input.slice(match.input.lastIndexOf("\n", match.index) + 1).split("\n")[0]!;
      const context = match.input.slice(Math.max(0, match.index - 200), match.index);
      expect(`${file}: ${line}`).toMatch(/npm install -g rosterform/);
      expect(context, `${file}: ${line}`).toMatch(/once (it is|rosterform is)\s+published/i);
    }
  });
});
