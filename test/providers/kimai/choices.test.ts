// Kimai's choice lists exist twice on purpose: the client's (plan-time checks) and the sandbox's own copy.
// They must agree with each other, so a divergence from Kimai in either shows here.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import * as client from "../../../src/providers/kimai/choices.js";
import { PHP_TIMEZONES, PHP_TIMEZONES_SOURCE } from "../../../src/providers/kimai/php-timezones.js";
import * as sandbox from "../../../src/providers/kimai/sandbox/choices.js";

const sorted = (set: Iterable<string>) => [...set].sort();
const FIVE = ["en_DG", "en_NH", "en_RH", "es_EA", "es_IC"];

describe("client and sandbox copies agree", () => {
  test("languages, locales and colours", () => {
    expect(sorted(client.LANGUAGES)).toEqual(sorted(sandbox.LANGUAGES));
    expect(sorted(client.LOCALES)).toEqual(sorted(sandbox.LOCALES));
    expect(client.COLOR_CHOICES).toEqual(sandbox.COLOR_CHOICES);
  });

  test("timezones: PHP's identifiers (client data) equal the sandbox's rule (Node's zones, renamed, + UTC)", () => {
    const php = new Set(client.TIMEZONES);
    const rule = new Set(sandbox.TIMEZONES);
    expect({
      onlyPhp: sorted(php).filter((z) => !rule.has(z)),
      onlySandbox: sorted(rule).filter((z) => !php.has(z)),
    }).toEqual({ onlyPhp: [], onlySandbox: [] });
  });
});

describe("facts from Kimai's source", () => {
  test("the five locales outside config/locales.php are choices (kimai_locales)", () => {
    for (const locale of FIVE) expect(client.LOCALES.has(locale), locale).toBe(true);
    expect(client.LOCALES.size).toBe(303);
  });

  test("the timezone data is PHP's, with its versions: current names only, UTC included", () => {
    expect(PHP_TIMEZONES_SOURCE.php).toMatch(/^\d+\.\d+\.\d+$/);
    expect(PHP_TIMEZONES_SOURCE.tzdata).not.toBe("");
    expect(PHP_TIMEZONES).toContain("UTC");
    expect(PHP_TIMEZONES).toContain("Europe/Kyiv");
    expect(PHP_TIMEZONES).not.toContain("Europe/Kiev");
    expect(PHP_TIMEZONES).not.toContain("Asia/Calcutta");
  });

  test("the sandbox never reads the client's choice data", async () => {
    const dir = fileURLToPath(new URL("../../../src/providers/kimai/sandbox/", import.meta.url));
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".ts"));
    for (const file of files) {
      const text = await readFile(join(dir, file), "utf8");
      expect(text, file).not.toMatch(/from "\.\.\/(\.\.\/)?(choices|php-timezones)\.js"/);
    }
  });
});
