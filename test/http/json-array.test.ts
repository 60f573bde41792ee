import fc from "fast-check";
import { expect, test } from "vitest";
import { JsonArrayParser } from "../../src/http/json-array.js";

/** What the client did before streaming: one JSON.parse of the whole text, undefined when it fails. */
function wholeParse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function streamed(text: string, cuts: number[]): unknown {
  const bytes = Buffer.from(text, "utf8");
  const parser = new JsonArrayParser((value) => value);
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    parser.write(bytes.subarray(from, cut));
    from = cut;
  }
  parser.write(bytes.subarray(from));
  const result = parser.end();
  return result.array ? result.items : result.value;
}

const cuts = fc.array(fc.nat(), { maxLength: 8 });

test("any JSON value, cut into chunks anywhere, parses as JSON.parse does", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue()),
      cuts,
      fc.constantFrom("", " ", "\n", "\t\r\n "),
      (value, at, space) => {
        const text = JSON.stringify(value, null, space === "" ? undefined : 1).replace(/\n/g, `${space}\n`);
        expect(streamed(text, at)).toEqual(wholeParse(text));
      },
    ),
  );
});

test("arrays with escapes, unicode and nesting", () => {
  const text = JSON.stringify([
    { a: 'quote " and backslash \\ and \\" both', b: ["x", { c: "ü€😀" }], d: null },
    "plain \\",
    12.5e3,
    true,
    [],
    {},
    [[["deep"]]],
  ]);
  for (let cut = 0; cut <= text.length; cut++) expect(streamed(text, [cut])).toEqual(JSON.parse(text));
});

test("malformed text gives undefined, as a failed JSON.parse did", () => {
  const bad = [
    "[1,]",
    "[,1]",
    "[1 2]",
    '[{"a":1}{"b":2}]',
    "[1]]",
    "[1] x",
    '[{"a":1]',
    '["open',
    "[",
    "[tru]",
    "[1,",
    '[{"a" 1}]',
    "[:]",
  ];
  for (const text of bad) {
    expect(wholeParse(text)).toBeUndefined();
    for (let cut = 0; cut <= text.length; cut++) expect(streamed(text, [cut])).toBeUndefined();
  }
});

test("a leading byte order mark is skipped; empty and blank bodies are undefined", () => {
  expect(streamed("\uFEFF[1,2]", [])).toEqual([1, 2]);
  expect(streamed("", [])).toBeUndefined();
  expect(streamed("  \n", [])).toBeUndefined();
  expect(streamed(' {"code":500} ', [3])).toEqual({ code: 500 });
});

test("each element goes through the callback with its index; its result is kept", () => {
  const parser = new JsonArrayParser((value, index) => ({ index, value }));
  parser.write(Buffer.from('[{"id":1},{"id'));
  parser.write(Buffer.from('":2}]'));
  expect(parser.end()).toEqual({
    array: true,
    items: [
      { index: 0, value: { id: 1 } },
      { index: 1, value: { id: 2 } },
    ],
  });
});
