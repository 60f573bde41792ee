// The JSON Schemas are valid draft-07, strict, and every property carries a description for editors.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";

const FILES = [
  "rosterform.schema.json",
  "user.schema.json",
  "contract.schema.json",
  "team.schema.json",
  "plan.schema.json",
];
const load = (file: string): unknown => JSON.parse(readFileSync(`schemas/${file}`, "utf8"));

/** Every object under a "properties" key, with its path. */
function properties(node: unknown, path = "#"): [string, Record<string, unknown>][] {
  if (typeof node !== "object" || node === null) return [];
  const out: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && typeof value === "object" && value !== null) {
      for (const [name, schema] of Object.entries(value)) {
        // Conditions (if: {properties: {type: {const: week}}}) and forbidden fields (hours: false) are not fields.
        if (typeof schema === "object" && !path.includes("/if")) {
          out.push([`${path}/properties/${name}`, schema as Record<string, unknown>]);
        }
      }
    }
    out.push(...properties(value, `${path}/${key}`));
  }
  return out;
}

describe("schemas/", () => {
  test("compile under ajv's strict mode with meta-schema validation", () => {
    const ajv = new Ajv({
      allErrors: true,
      allowUnionTypes: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
    });
    ajv.addFormat("email", /@/);
    for (const file of FILES) ajv.addSchema(load(file) as object, file);
    for (const file of FILES) {
      expect(ajv.validateSchema(load(file) as object), JSON.stringify(ajv.errors)).toBe(true);
      expect(ajv.getSchema(file)).toBeTypeOf("function");
    }
  });

  test.each(FILES)("%s: every property has a description (directly or through its $ref)", (file) => {
    const undocumented = properties(load(file))
      .filter(([, schema]) => typeof schema.description !== "string" && typeof schema.$ref !== "string")
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  test.each(FILES)("%s: every object schema forbids unknown fields", (file) => {
    const open: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== "object" || node === null) return;
      const schema = node as Record<string, unknown>;
      const condition = path.endsWith("/if");
      if (schema.type === "object" && schema.additionalProperties === undefined && !condition)
        open.push(path);
      for (const [key, value] of Object.entries(schema)) visit(value, `${path}/${key}`);
    };
    visit(load(file), "#");
    expect(open).toEqual([]);
  });
});
