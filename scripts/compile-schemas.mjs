// npm run build, after tsc: the JSON Schemas as standalone validators (dist/config/schema-validators.cjs), so no
// command compiles them at start-up (src/config/schema-compile.ts; the tests generate src/config's copy in
// test/global-setup.ts).
import { writeFileSync } from "node:fs";

const dir = new URL("../dist/config/", import.meta.url);
const { GENERATED_FILE, readSchemaTexts } = await import(new URL("schemas.js", dir).href);
const { standaloneModule } = await import(new URL("schema-compile.js", dir).href);
writeFileSync(new URL(GENERATED_FILE, dir), standaloneModule(readSchemaTexts()));
