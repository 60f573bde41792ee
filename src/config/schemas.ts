// The JSON Schemas in schemas/ (the same files editors use), compiled once per process.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";

export type SchemaName = "rosterform" | "user" | "contract";

export interface CompiledSchemas {
  rosterform: ValidateFunction;
  user: ValidateFunction;
  contract: ValidateFunction;
}

/** schemas/ sits two levels above this file both in src/config and in dist/config. */
const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);
const FILES: Record<SchemaName, string> = {
  rosterform: "rosterform.schema.json",
  user: "user.schema.json",
  contract: "contract.schema.json",
};

/** The HTML5 email pattern, as Kimai (Symfony's Email constraint, html5 mode) checks it. */
export const HTML5_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

let compiled: CompiledSchemas | undefined;

export function schemas(): CompiledSchemas {
  if (compiled) return compiled;
  const ajv = new Ajv({
    allErrors: true,
    allowUnionTypes: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    verbose: true,
    // Start-up time matters (validate runs once per process): these halve compilation. The schemas are
    // checked against the draft-07 meta-schema by test/config/schemas.test.ts instead of on every start.
    validateSchema: false,
    inlineRefs: false,
    code: { optimize: false },
  });
  ajv.addFormat("email", HTML5_EMAIL);
  for (const file of Object.values(FILES)) {
    const schema: unknown = JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), "utf8"));
    ajv.addSchema(schema as object, file);
  }
  const get = (name: SchemaName): ValidateFunction => {
    const validate = ajv.getSchema(FILES[name]);
    if (!validate) throw new Error(`schema ${FILES[name]} did not compile`);
    return validate;
  };
  compiled = { rosterform: get("rosterform"), user: get("user"), contract: get("contract") };
  return compiled;
}
