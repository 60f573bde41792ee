// Before any test: the standalone schema validators beside src/config/schemas.ts, as `npm run build` writes them
// beside dist/config/schemas.js, so the tests run the validators the CLI runs.
import { writeFileSync } from "node:fs";
import { standaloneModule } from "../src/config/schema-compile.js";
import { GENERATED_FILE, readSchemaTexts } from "../src/config/schemas.js";

export default function setup(): void {
  writeFileSync(
    new URL(`../src/config/${GENERATED_FILE}`, import.meta.url),
    standaloneModule(readSchemaTexts()),
  );
}
