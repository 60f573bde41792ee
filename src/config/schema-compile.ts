// Compiling the JSON Schemas with ajv: at build time into standalone code (scripts/compile-schemas.mjs writes it to
// schema-validators.cjs beside schemas.ts), or at run time when that code is missing or stale. Same options for
// both (AJV_OPTIONS), so the two give the same errors; test/config/schema-standalone.test.ts compares them.
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import {
  AJV_OPTIONS,
  HTML5_EMAIL,
  SCHEMA_FILES,
  schemaHash,
  type CompiledSchemas,
  type SchemaName,
  type SchemaTexts,
} from "./schemas.js";

function ajvWith(texts: SchemaTexts, source: boolean): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, source } });
  ajv.addFormat("email", HTML5_EMAIL);
  for (const name of Object.keys(SCHEMA_FILES) as SchemaName[]) {
    ajv.addSchema(JSON.parse(texts[name]) as object, SCHEMA_FILES[name]);
  }
  return ajv;
}

/** The validators compiled now (what start-up pays, ~65 ms, when there is no generated code). */
export function compileSchemas(texts: SchemaTexts): CompiledSchemas {
  const ajv = ajvWith(texts, false);
  const get = (name: SchemaName) => {
    const validate = ajv.getSchema(SCHEMA_FILES[name]);
    if (!validate) throw new Error(`schema ${SCHEMA_FILES[name]} did not compile`);
    return validate;
  };
  return {
    rosterform: get("rosterform"),
    user: get("user"),
    contract: get("contract"),
    team: get("team"),
    plan: get("plan"),
  };
}

/** The text of schema-validators.cjs: a CommonJS module exporting the three validators and `schemaHash`. */
export function standaloneModule(texts: SchemaTexts): string {
  const code = standalone.default(ajvWith(texts, true), { ...SCHEMA_FILES });
  return [
    "// Generated from schemas/*.json by scripts/compile-schemas.mjs (npm run build); do not edit.",
    code,
    `exports.schemaHash = ${JSON.stringify(schemaHash(texts))};`,
    "",
  ].join("\n");
}
