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

// ---------------------------------------------------------------------------------------------------------
// Slimming one key (Kimai's nested supervisor chains): equal to a full parse, then cutting the key down.

const SUPERVISOR = { key: "supervisor", keep: ["id", "username"] } as const;

/** The reference: JSON.parse of the whole text, then every object element's supervisor object cut down. */
function parsedThenSlimmed(text: string): unknown {
  const value = wholeParse(text);
  if (!Array.isArray(value)) return value;
  for (const element of value as unknown[]) {
    if (typeof element !== "object" || element === null || Array.isArray(element)) continue;
    const user = element as Record<string, unknown>;
    if (!Object.hasOwn(user, "supervisor")) continue;
    const boss = user.supervisor;
    if (typeof boss !== "object" || boss === null || Array.isArray(boss)) continue;
    const kept: Record<string, unknown> = {};
    for (const k of SUPERVISOR.keep)
      if (Object.hasOwn(boss, k)) kept[k] = (boss as Record<string, unknown>)[k];
    user.supervisor = kept;
  }
  return value;
}

function slimStreamed(text: string, chunks: (bytes: Buffer) => Buffer[]) {
  const parser = new JsonArrayParser((value) => value, SUPERVISOR);
  for (const chunk of chunks(Buffer.from(text, "utf8"))) parser.write(chunk);
  const result = parser.end();
  return { value: result.array ? result.items : result.value, stats: parser.stats };
}

const atCuts =
  (at: number[]) =>
  (bytes: Buffer): Buffer[] => {
    const out: Buffer[] = [];
    let from = 0;
    for (const cut of [...at.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
      out.push(bytes.subarray(from, cut));
      from = cut;
    }
    out.push(bytes.subarray(from));
    return out;
  };

const everyBytes =
  (size: number) =>
  (bytes: Buffer): Buffer[] => {
    const out: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
    return out;
  };

interface OrgUser {
  id: number;
  username: string;
  [extra: string]: unknown;
}

/** Kimai-like users whose supervisor is a full nested entity, as deep as the chain goes. */
function kimaiList(users: OrgUser[], bossOf: (number | null)[], supervisorFirst: boolean): unknown[] {
  const entity = (i: number, seen: Set<number>): Record<string, unknown> => {
    const boss = bossOf[i] ?? null;
    const nested = boss === null || seen.has(boss) ? null : entity(boss, new Set([...seen, i]));
    const { id, username, ...rest } = users[i]!;
    return supervisorFirst
      ? { id, supervisor: nested, username, ...rest }
      : { id, username, ...rest, supervisor: nested };
  };
  return users.map((_, i) => entity(i, new Set()));
}

const org = fc
  .integer({ min: 1, max: 24 })
  .chain((n) =>
    fc.record({
      users: fc.array(
        fc.record({
          username: fc.string({ maxLength: 12 }),
          alias: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 })),
          extra: fc.jsonValue({ maxDepth: 2 }),
        }),
        { minLength: n, maxLength: n },
      ),
      // Each user's supervisor is one of the few users before it (chains of random depth), or nobody.
      bosses: fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4 }), {
        minLength: n,
        maxLength: n,
      }),
      supervisorFirst: fc.boolean(),
      spaced: fc.boolean(),
    }),
  )
  .map(({ users, bosses, supervisorFirst, spaced }) => {
    const people = users.map((u, i) => ({ id: i + 1, ...u }));
    const bossOf = bosses.map((b, i) => (b === null || i - b < 0 ? null : i - b));
    const list = kimaiList(people, bossOf, supervisorFirst);
    return spaced ? JSON.stringify(list, null, 2) : JSON.stringify(list);
  });

test("slimming supervisors: any org chart, cut into chunks anywhere, equals a full parse then slimming", () => {
  fc.assert(
    fc.property(org, fc.array(fc.nat(), { maxLength: 30 }), (text, at) => {
      expect(slimStreamed(text, atCuts(at)).value).toStrictEqual(parsedThenSlimmed(text));
    }),
    { numRuns: 300 },
  );
});

test("slimming supervisors: small fixed chunk sizes (values cached across chunk boundaries)", () => {
  fc.assert(
    fc.property(org, fc.integer({ min: 1, max: 300 }), (text, size) => {
      expect(slimStreamed(text, everyBytes(size)).value).toStrictEqual(parsedThenSlimmed(text));
    }),
    { numRuns: 300 },
  );
});

test("a supervisor chain of depth 1 and of depth 10: each supervisor is parsed once, the rest compared", () => {
  for (const depth of [1, 10]) {
    // 10 teams of 20 people under a chain of `depth` managers.
    const people: OrgUser[] = [];
    const bossOf: (number | null)[] = [];
    for (let d = 0; d < depth; d++) {
      people.push({ id: people.length + 1, username: `boss${d}`, title: "x".repeat(500) });
      bossOf.push(d === 0 ? null : d - 1);
    }
    for (let k = 0; k < 200; k++) {
      people.push({ id: people.length + 1, username: `u${k}`, title: "y".repeat(500), emoji: '😀\\"' });
      bossOf.push(depth - 1);
    }
    const text = JSON.stringify(kimaiList(people, bossOf, false));
    for (const size of [1, 7, 1000, 65_536, text.length]) {
      const { value, stats } = slimStreamed(text, everyBytes(size));
      expect(value).toStrictEqual(parsedThenSlimmed(text));
      if (size < 100) continue; // keys cut by nearly every chunk end: slimmed after parsing instead
      expect(stats.misses).toBeLessThanOrEqual(depth + 2); // each distinct supervisor about once
      expect(stats.hits).toBeGreaterThanOrEqual(180); // the rest: a key cut by a chunk end
    }
  }
});

test("slimming: a value like a cached one but different later, escaped or repeated keys, -0", () => {
  const boss = { id: 1, username: "anna", supervisor: null, title: "Chief" };
  const cases = [
    // Same first bytes as the cached supervisor, different after: parsed, not taken from the cache.
    [
      { id: 2, username: "b", supervisor: boss },
      { id: 3, username: "c", supervisor: { ...boss, title: "Chief of staff" } },
      { id: 4, username: "d", supervisor: boss },
    ],
    // The key twice: the last one counts, as in JSON.parse.
    '[{"id":2,"supervisor":{"id":1,"username":"a","x":1},"supervisor":{"id":9,"username":"z"}}]',
    '[{"id":2,"supervisor":{"id":1,"username":"a"},"supervisor":null}]',
    // An escaped key is the same key.
    '[{"id":2,"supervis\\u006fr":{"id":1,"username":"a","x":[1,2]}}]',
    // Fields missing or odd; nested "supervisor" keys deeper down are left alone.
    '[{"supervisor":{"x":1}},{"supervisor":{"id":-0,"username":"n"}},{"supervisor":[1]},{"supervisor":"s"}]',
    '[{"a":{"supervisor":{"id":1,"username":"a","x":1}}},[{"supervisor":{"id":1}}],"supervisor"]',
    '[ { "supervisor" : { "id" : 1 , "username" : "a" , "x" : { } } } , { "supervisor" :{ "id" : 1 , "username" : "a" , "x" : { } } } ]',
  ];
  for (const c of cases) {
    const text = typeof c === "string" ? c : JSON.stringify(c);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(slimStreamed(text, atCuts([cut, cut + 5])).value).toStrictEqual(parsedThenSlimmed(text));
    }
  }
});

test("slimming: a malformed value in place of a cached one is still malformed", () => {
  const boss = JSON.stringify({ id: 1, username: "anna", supervisor: null, title: "Chief" });
  const bad = [
    `[{"id":2,"supervisor":${boss}},{"id":3,"supervisor":${boss.slice(0, -1)}]`,
    `[{"id":2,"supervisor":${boss}},{"id":3,"supervisor":${boss.replace("Chief", 'Ch"ief')}}]`,
    `[{"id":2,"supervisor":${boss}},{"id":3,"supervisor":${boss}]`,
    `[{"id":2,"supervisor":${boss}},{"id":3,"supervisor":${boss}}}]`,
    `[{"id":2,"supervisor":${boss}},{"id":3,"supervisor":${boss},}]`,
    `[{"id":2,"supervisor":${boss}},{"id":3,"supervisor":${boss.replace("}", "]")}}]`,
    `[{"id":2,"supervisor":${boss}},["supervisor":${boss}]]`,
  ];
  for (const text of bad) {
    expect(wholeParse(text)).toBeUndefined();
    for (let cut = 0; cut <= text.length; cut++)
      expect(slimStreamed(text, atCuts([cut])).value).toBeUndefined();
  }
});
