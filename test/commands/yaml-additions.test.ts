// Import's edits of existing user files: new fields spliced in, every byte that was there kept.
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { addFields } from "../../src/commands/yaml-additions.js";

const FILE = `# yaml-language-server: $schema=../schemas/user.schema.json
# Anna joined in 2021.
username: anna   # the key
email: "anna@example.com"
name: { first: Anna, last: Schmidt }

title: 'Backend Engineer'
roles:
- ROLE_TEAMLEAD
rates:
  hourly: 85 # billed
  # internal comes from finance
contract:
  type: week
  hoursPerWeek: 40h
  workDays: [mon, tue]
notes: >
  folded
  text
`;

describe("addFields", () => {
  test("top-level blocks are appended; the text before them is the file byte for byte", () => {
    const out = addFields(FILE, {
      wheniwork: { role: "employee", positions: ["Barista"], hoursPreferred: "20h" },
    });
    expect(out.text.startsWith(FILE)).toBe(true);
    expect(out.text.slice(FILE.length)).toBe(
      "wheniwork:\n  role: employee\n  positions:\n    - Barista\n  hoursPreferred: 20h\n",
    );
    expect(out.added).toEqual(["wheniwork"]);
    expect(parse(out.text).wheniwork.positions).toEqual(["Barista"]);
  });

  test("keys go into the mappings the file has, at their indentation; comments, quoting and order stay", () => {
    const out = addFields(FILE, {
      rates: { hourly: 85, internal: 40 },
      name: { first: "Anna", last: "Schmidt" },
    });
    const expected = FILE.replace(
      "  # internal comes from finance\n",
      "  internal: 40\n  # internal comes from finance\n",
    );
    expect(out.text).toBe(expected);
    expect(out.added).toEqual(["rates.internal"]);
    expect(out.kept).toEqual([]);
  });

  test("a flow mapping gets the key inside its braces", () => {
    const out = addFields("username: a\nemail: a@example.com\nrates: { hourly: 85 }\n", {
      rates: { internal: 40 },
    });
    expect(out.text).toBe("username: a\nemail: a@example.com\nrates: { hourly: 85, internal: 40 }\n");
  });

  test("a different value already in the file is kept and reported", () => {
    const out = addFields(FILE, { title: "CEO", rates: { hourly: 90 } });
    expect(out.text).toBe(FILE);
    expect(out.kept).toEqual([
      { path: "title", file: "Backend Engineer", value: "CEO" },
      { path: "rates.hourly", file: 85, value: 90 },
    ]);
  });

  test("an opt-out line carries its reason as a comment; a file without a final newline gets one first", () => {
    const out = addFields("username: a\nemail: a@example.com", { kimai: false }, "not in Kimai");
    expect(out.text).toBe("username: a\nemail: a@example.com\nkimai: false # not in Kimai\n");
    expect(parse(out.text)).toEqual({ username: "a", email: "a@example.com", kimai: false });
  });
});
