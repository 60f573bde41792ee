// The fast parser must agree with the yaml package on everything it accepts: same data, same positions.
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fastParseYaml } from "../../src/config/fast-yaml.js";
import { parseYaml } from "../../src/config/parse-yaml.js";

type Val =
  | { t: "scalar"; raw: string }
  | { t: "flowseq"; items: string[] }
  | { t: "flowmap"; entries: [string, string][] }
  | { t: "map"; entries: [string, Val][] }
  | { t: "seq"; items: Val[]; compact: boolean };

const TOKENS = [
  "anna",
  "Main Street",
  "40h",
  "7h30m",
  "7.5",
  "12",
  "-3",
  "0",
  "007",
  "+5",
  "1e3",
  "0x1F",
  "0o17",
  ".5",
  "1.",
  ".inf",
  ".nan",
  "true",
  "False",
  "TRUE",
  "yes",
  "no",
  "null",
  "~",
  "Null",
  "2025-01-01",
  "a:b",
  "x #y",
  "x#y",
  "O'Brien",
  "#ff0000",
  "-",
  "- x",
  "a: b",
  "a:",
  "[x",
  "]",
  "{x",
  "&a",
  "*a",
  "!t",
  "|",
  ">",
  "@x",
  "`x",
  "%x",
  "?x",
  ":x",
  "'q'",
  "'it''s'",
  '"q"',
  '"a\\nb"',
  '"a # b"',
  "'a, b'",
  '"',
  "'",
  "1_000",
  "http://x.y/#z",
  "a  b",
  "ROLE_ADMIN",
  "mon-fri",
  "é",
  "日本",
  "-x",
  "x ,y",
  "a,b",
  "12345678901234567890",
  "1.50",
  "-0",
];

const keyArb = fc.constantFrom(
  "a",
  "b",
  "username",
  "first_weekday",
  "work.day",
  "x-y",
  "mon",
  "true",
  "null",
  "_k",
  "K1",
);
const SAFE_TOKENS = [
  "anna",
  "Main Street",
  "40h",
  "7.5",
  "12",
  "-3",
  "true",
  "null",
  "2025-01-01",
  "'q'",
  '"q"',
  "x#y",
];
// Mostly plain tokens, so that many documents stay inside the fast path; tricky ones now and then.
const tokenArb = fc.oneof(
  { arbitrary: fc.constantFrom(...SAFE_TOKENS), weight: 6 },
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9 ]{0,6}[a-z0-9]$/), weight: 3 },
  { arbitrary: fc.constantFrom(...TOKENS), weight: 1 },
);

const valArb: fc.Arbitrary<Val> = fc.letrec<{ val: Val }>((tie) => ({
  val: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ t: fc.constant("scalar" as const), raw: tokenArb }),
    fc.record({ t: fc.constant("flowseq" as const), items: fc.array(tokenArb, { maxLength: 4 }) }),
    fc.record({
      t: fc.constant("flowmap" as const),
      entries: fc.array(fc.tuple(keyArb, tokenArb), { maxLength: 3 }),
    }),
    fc.record({
      t: fc.constant("map" as const),
      entries: fc.array(fc.tuple(keyArb, tie("val")), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      t: fc.constant("seq" as const),
      items: fc.array(tie("val"), { minLength: 1, maxLength: 3 }),
      compact: fc.boolean(),
    }),
  ),
})).val;

function inline(v: Val): string | undefined {
  if (v.t === "scalar") return v.raw;
  if (v.t === "flowseq") return `[${v.items.join(", ")}]`;
  if (v.t === "flowmap") return `{ ${v.entries.map(([k, x]) => `${k}: ${x}`).join(", ")} }`;
  return undefined;
}

function renderMap(entries: [string, Val][], indent: number, comments: boolean): string[] {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of entries) {
    const text = inline(value);
    if (text !== undefined) lines.push(`${pad}${key}: ${text}${comments ? " # note" : ""}`);
    else if (value.t === "map")
      lines.push(`${pad}${key}:`, ...renderMap(value.entries, indent + 2, comments));
    else if (value.t === "seq")
      lines.push(`${pad}${key}:`, ...renderSeq(value.items, value.compact ? indent : indent + 2, comments));
  }
  return lines;
}

function renderSeq(items: Val[], indent: number, comments: boolean): string[] {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  for (const item of items) {
    const text = inline(item);
    if (text !== undefined) lines.push(`${pad}- ${text}`);
    else if (item.t === "map") {
      const [first, ...rest] = renderMap(item.entries, indent + 2, comments);
      lines.push(`${pad}- ${(first ?? "").trimStart()}`, ...rest);
    } else lines.push(`${pad}-`, ...renderSeq(item.t === "seq" ? item.items : [], indent + 2, comments));
  }
  return lines;
}

function agree(text: string): boolean {
  const fast = fastParseYaml(text);
  if (!fast) return false;
  const full = parseYaml(text, "x.yaml");
  expect(full.diagnostics, text).toEqual([]);
  expect(fast.data, text).toEqual(full.parsed?.data);
  expect(fast.tree, text).toEqual(full.parsed?.tree);
  return true;
}

describe("fast YAML parser", () => {
  test("agrees with the yaml package on random documents it accepts", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyArb, valArb), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (entries, comments) => {
          const unique = [...new Map(entries).entries()];
          const text = ["# header", ...renderMap(unique, 0, comments), ""].join("\n");
          if (agree(text)) accepted++;
        },
      ),
      { numRuns: 3000 },
    );
    // The generator is built so that many documents are plain enough for the fast path.
    expect(accepted).toBeGreaterThan(300);
  });

  test("accepts every committed example, so validating them is fast", () => {
    for (const dir of ["users.d", "contracts.d"]) {
      for (const name of readdirSync(dir)) {
        expect(agree(readFileSync(`${dir}/${name}`, "utf8")), name).toBe(true);
      }
    }
    expect(agree(readFileSync("rosterform.yaml", "utf8"))).toBe(true);
  });

  test.each([
    ["anchors", "a: &x 1\nb: *x\n"],
    ["block scalars", "a: |\n  text\n"],
    ["multi-line plain scalars", "a: one\n  two\n"],
    ["duplicate keys", "a: 1\na: 2\n"],
    ["tabs", "a:\n\tb: 1\n"],
    ["escapes", 'a: "x\\ty"\n'],
    ["__proto__", "__proto__: 1\n"],
    ["a list at the root", "- a\n"],
    ["documents", "a: 1\n---\nb: 2\n"],
    ["odd numbers", "a: 1e3\n"],
    ["nested flow", "a: [[1]]\n"],
    ["empty", "# nothing\n"],
  ])("leaves %s to the complete parser", (_what, text) => {
    expect(fastParseYaml(text)).toBeUndefined();
  });
});
