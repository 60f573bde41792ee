// The standalone validators `npm run build` generates (schema-validators.cjs) match the schemas: generated from
// the schema files as they are, used only while they are, and giving the same errors as compiling the schemas now.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ValidateFunction } from "ajv";
import fc from "fast-check";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { compileSchemas, standaloneModule } from "../../src/config/schema-compile.js";
import {
  GENERATED_FILE,
  loadGenerated,
  readSchemaTexts,
  schemasOrigin,
  type CompiledSchemas,
  type SchemaName,
} from "../../src/config/schemas.js";

const texts = readSchemaTexts();
const beside = new URL(`../../src/config/${GENERATED_FILE}`, import.meta.url);

/** A folder from which the generated code finds ajv's run-time helpers, as it does beside schemas.js. */
const scratches: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join("node_modules", ".rf-schemas-"));
  scratches.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

function generatedIn(dir: string, code: string): URL {
  const file = join(dir, GENERATED_FILE);
  writeFileSync(file, code);
  return pathToFileURL(file);
}

const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => parse(readFileSync(join(dir, f), "utf8")) as unknown);

/** The project's own files, each with every value replaced by wrong ones, removed, or joined by an unknown key. */
function corpus(): [SchemaName, unknown][] {
  const docs: [SchemaName, unknown][] = [
    ["rosterform", parse(readFileSync("rosterform.yaml", "utf8")) as unknown],
    ...yamlIn("users.d").map((d): [SchemaName, unknown] => ["user", d]),
    ...yamlIn("contracts.d").map((d): [SchemaName, unknown] => ["contract", d]),
  ];
  const wrong: unknown[] = [null, 42, -1.5, "x", "", true, [], [1], {}, { bogus: 1 }];
  const out: [SchemaName, unknown][] = [];
  const mutate = (name: SchemaName, doc: unknown, path: string[]): void => {
    const at = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
    if (typeof at !== "object" || at === null || path.length > 4) return;
    for (const key of Object.keys(at)) {
      const edit = (value: unknown, remove = false) => {
        const copy = structuredClone(doc);
        const parent = path.reduce<unknown>(
          (node, k) => (node as Record<string, unknown>)[k],
          copy,
        ) as Record<string, unknown>;
        if (remove) delete parent[key];
        else parent[key] = value;
        out.push([name, copy]);
      };
      edit(undefined, true);
      for (const value of wrong) edit(value);
      mutate(name, doc, [...path, key]);
    }
  };
  for (const [name, doc] of docs) {
    out.push([name, doc], [name, { ...(doc as object), unknownField: 1 }]);
    mutate(name, doc, []);
  }
  return out;
}

function outcome(validate: ValidateFunction, data: unknown) {
  const valid = validate(data);
  return { valid, errors: structuredClone(validate.errors ?? []) };
}

describe("standalone schema validators", () => {
  const generated = loadGenerated(generatedIn(scratch(), standaloneModule(texts)), texts);
  const compiled = compileSchemas(texts);

  it("the tests run the generated validators, generated from the schema files as they are", async () => {
    expect(await schemasOrigin()).toBe("generated");
    expect(readFileSync(beside, "utf8")).toBe(standaloneModule(texts));
    expect(generated).toBeDefined();
  });

  it("code generated from other schema files is not used; neither is a missing file", () => {
    const dir = scratch();
    const other = { ...texts, user: texts.user.replace('"description"', '"description" ') };
    expect(loadGenerated(generatedIn(dir, standaloneModule(other)), texts)).toBeUndefined();
    expect(loadGenerated(pathToFileURL(join(dir, "none.cjs")), texts)).toBeUndefined();
  });

  it("give the same result and errors (with parentSchema) as the schemas compiled now", () => {
    const cases = corpus();
    expect(cases.length).toBeGreaterThan(500);
    let invalid = 0;
    for (const [name, data] of cases) {
      const expected = outcome(compiled[name], data);
      expect(outcome((generated as CompiledSchemas)[name], data)).toEqual(expected);
      if (!expected.valid) invalid += 1;
    }
    expect(invalid).toBeGreaterThan(cases.length / 2);
  });

  it.each(["rosterform", "user", "contract"] as const)("%s: the same on random values", (name) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())), (data) => {
        expect(outcome((generated as CompiledSchemas)[name], data)).toEqual(outcome(compiled[name], data));
      }),
      { numRuns: 300 },
    );
  });
});
