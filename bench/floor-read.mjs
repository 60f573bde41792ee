// The floor of validate (and the file part of plan's floor): start Node, read every project file and
// parse it with the project's own fast YAML reader (the full `yaml` package only where that declines),
// nothing else: no schemas, no rules, no output. Usage: node bench/floor-read.mjs DIR
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fastParseYaml } from "../dist/config/fast-yaml.js";

const dir = process.argv[2];
let files = 0;
let slow = 0;
const parse = async (path) => {
  const text = readFileSync(path, "utf8");
  files++;
  if (fastParseYaml(text) !== undefined) return;
  slow++;
  const { parse: fullParse } = await import("yaml");
  fullParse(text);
};
await parse(join(dir, "rosterform.yaml"));
for (const sub of ["users.d", "contracts.d"]) {
  for (const name of readdirSync(join(dir, sub), { recursive: true })) {
    if (typeof name === "string" && /\.ya?ml$/.test(name)) await parse(join(dir, sub, name));
  }
}
process.stdout.write(`${files} files (${slow} by the full parser)\n`);
