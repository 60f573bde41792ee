// The JSON Schemas in schemas/ (the same files editors use) as validators, once per process: the standalone code
// `npm run build` generates beside this file (schema-validators.cjs, see schema-compile.ts), or, when that is
// missing or was generated from other schema files, compiled now.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Options, ValidateFunction } from "ajv";

export type SchemaName = "rosterform" | "user" | "contract" | "team" | "plan";

export interface CompiledSchemas {
  rosterform: ValidateFunction;
  user: ValidateFunction;
  contract: ValidateFunction;
  team: ValidateFunction;
  /** A saved plan (plan --out FILE). */
  plan: ValidateFunction;
}

/** schemas/ sits two levels above this file both in src/config and in dist/config. */
export const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);

export const SCHEMA_FILES: Readonly<Record<SchemaName, string>> = {
  rosterform: "rosterform.schema.json",
  user: "user.schema.json",
  contract: "contract.schema.json",
  team: "team.schema.json",
  plan: "plan.schema.json",
};
const NAMES = Object.keys(SCHEMA_FILES) as SchemaName[];

/** The generated code's file name, beside this module. */
export const GENERATED_FILE = "schema-validators.cjs";

/** The HTML5 email pattern, as Kimai (Symfony's Email constraint, html5 mode) checks it. */
export const HTML5_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** ajv's options for both the generated and the run-time compiled validators (formats: email = HTML5_EMAIL). */
export const AJV_OPTIONS = {
  allErrors: true,
  allowUnionTypes: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  // schema-diagnostics.ts reads errors' parentSchema.
  verbose: true,
  // The schemas are checked against the draft-07 meta-schema by test/config/schemas.test.ts instead.
  validateSchema: false,
  inlineRefs: false,
  code: { optimize: false },
} as const satisfies Options;

/** The schema files' text, by name. */
export type SchemaTexts = Record<SchemaName, string>;

export function readSchemaTexts(dir: URL = SCHEMA_DIR): SchemaTexts {
  const read = (name: SchemaName) => readFileSync(new URL(SCHEMA_FILES[name], dir), "utf8");
  return {
    rosterform: read("rosterform"),
    user: read("user"),
    contract: read("contract"),
    team: read("team"),
    plan: read("plan"),
  };
}

/** What generated code is generated from (schema texts, options, email format): it records this and is used
 * only while it equals the hash of the schema files. */
export function schemaHash(texts: SchemaTexts): string {
  const hash = createHash("sha256").update(`${JSON.stringify(AJV_OPTIONS)}\n${HTML5_EMAIL.source}\n`);
  for (const name of NAMES) hash.update(`${name}\n${texts[name]}\n`);
  return hash.digest("hex");
}

export type GeneratedModule = Record<SchemaName, ValidateFunction> & { schemaHash: string };

/** Where the validators came from, for tests. */
export type SchemasOrigin = "generated" | "compiled";

/** The generated validators in `file` if they were generated from `texts`, else undefined. */
export function loadGenerated(file: URL, texts: SchemaTexts): CompiledSchemas | undefined {
  const path = fileURLToPath(file);
  if (!existsSync(path)) return undefined;
  const generated = createRequire(import.meta.url)(path) as Partial<GeneratedModule>;
  if (generated.schemaHash !== schemaHash(texts)) return undefined;
  const { rosterform, user, contract, team, plan } = generated;
  return rosterform && user && contract && team && plan
    ? { rosterform, user, contract, team, plan }
    : undefined;
}

let loaded: Promise<{ compiled: CompiledSchemas; origin: SchemasOrigin }> | undefined;

async function load(): Promise<{ compiled: CompiledSchemas; origin: SchemasOrigin }> {
  const texts = readSchemaTexts();
  const generated = loadGenerated(new URL(GENERATED_FILE, import.meta.url), texts);
  if (generated) return { compiled: generated, origin: "generated" };
  // ajv and its compiler are loaded only here.
  const { compileSchemas } = await import("./schema-compile.js");
  return { compiled: compileSchemas(texts), origin: "compiled" };
}

export async function schemas(): Promise<CompiledSchemas> {
  loaded ??= load();
  return (await loaded).compiled;
}

export async function schemasOrigin(): Promise<SchemasOrigin> {
  loaded ??= load();
  return (await loaded).origin;
}
