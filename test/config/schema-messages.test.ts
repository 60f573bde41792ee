// Schema problems are reported at the offending node with what to write instead.
import { describe, expect, test } from "vitest";
import { load, problems, user } from "./project.js";

const anna = (...extra: string[]) => ({ "users.d/anna.yaml": user("anna", ...extra) });

describe("schema messages", () => {
  test("the design's example: a duration that does not parse, inside an inline contract", async () => {
    const text = [
      "# yaml-language-server: $schema=../schemas/user.schema.json",
      "username: anna",
      "email: anna@example.com",
      "name: { first: Anna, last: Schmidt }",
      "roles: [ROLE_TEAMLEAD]",
      "contract:",
      "  type: week",
      "  workDays: mon-fri",
      '  hoursPerWeek: "40 hours"',
      "",
    ].join("\n");
    expect(await problems({ "users.d/anna.yaml": text })).toEqual([
      'users.d/anna.yaml:9:17: hoursPerWeek "40 hours" is not a duration; write 40h, 37h30m or a number of hours',
    ]);
  });

  test("an unknown field points at the key and suggests the nearest name", async () => {
    const result = await load(anna("contract:", "  type: week", "  hoursPerWek: 40h"));
    expect(result.diagnostics).toEqual([
      {
        file: "users.d/anna.yaml",
        line: 5,
        column: 3,
        code: "schema.unknown-field",
        message: 'unknown field "hoursPerWek"; did you mean "hoursPerWeek"?',
        severity: "error",
      },
    ]);
  });

  test("an unknown field without a near name lists what is allowed", async () => {
    expect(await problems(anna("rates: { hourly: 5, bonus: 3 }"))).toEqual([
      'users.d/anna.yaml:3:21: unknown field "bonus"; allowed here: hourly, internal',
    ]);
  });

  test("a contract field at the top of a user file says where it belongs", async () => {
    expect(await problems(anna("hoursPerWeek: 40h"))).toEqual([
      'users.d/anna.yaml:3:1: unknown field "hoursPerWeek"; hoursPerWeek belongs to a contract — put it under contract: (or in a template in contracts.d/)',
    ]);
  });

  test("enum values are listed, with a suggestion when close", async () => {
    expect(await problems(anna("wheniwork: { role: employe }"))).toEqual([
      'users.d/anna.yaml:3:20: wheniwork.role "employe" is not allowed; did you mean "employee"? (one of: admin, manager, supervisor, employee)',
    ]);
  });

  test("missing required fields say what to add", async () => {
    expect(await problems({ "users.d/anna.yaml": "username: anna\nname: { first: Anna }\n" })).toEqual([
      'users.d/anna.yaml:1:1: missing required field "email"; add email: anna.schmidt@example.com',
      'users.d/anna.yaml:2:7: missing required field "last" in name; add last: Schmidt',
    ]);
  });

  test("wrong types: quote numbers meant as text; yes is not a boolean", async () => {
    expect(await problems(anna("accountNumber: 1042", "enabled: yes", "roles: ROLE_ADMIN"))).toEqual([
      'users.d/anna.yaml:3:16: accountNumber must be text, not the number 1042; quote it: "1042"',
      'users.d/anna.yaml:4:10: enabled must be true or false, not the text "yes"',
      'users.d/anna.yaml:5:8: roles must be a list, e.g. [ROLE_TEAMLEAD], not the text "ROLE_ADMIN"',
    ]);
  });

  test("an unquoted colour is a comment, and the message says so", async () => {
    expect(await problems(anna("color: #3366ff"))).toEqual([
      'users.d/anna.yaml:3:1: color has no value (# starts a comment in YAML: quote the colour, "#3366ff"); write a value or remove the field',
    ]);
  });

  test("patterns and formats", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": 'username: a/b\nemail: anna-at-example.com\ncolor: "red"\nlocale: "German"\n',
      }),
    ).toEqual([
      'users.d/anna.yaml:1:11: username "a/b" may not contain / < > " or =',
      'users.d/anna.yaml:2:8: email "anna-at-example.com" is not an email address; write e.g. anna.schmidt@example.com',
      'users.d/anna.yaml:3:8: color "red" is not a colour; write a quoted hex value like "#3366ff"',
      'users.d/anna.yaml:4:9: locale "German" is not a locale; write e.g. de, de_AT or en_GB',
    ]);
  });

  test("negative numbers", async () => {
    expect(
      await problems(anna("rates: { hourly: -5 }", "contract: { type: none, vacationDays: -3 }")),
    ).toEqual([
      "users.d/anna.yaml:3:18: rates.hourly must not be negative (found -5); write 0 or more",
      "users.d/anna.yaml:4:39: vacationDays must not be negative (found -3); write 0 or more",
    ]);
  });

  test("too long for Kimai", async () => {
    expect(await problems(anna(`title: ${"x".repeat(51)}`))).toEqual([
      "users.d/anna.yaml:3:8: title is too long; write at most 50 characters (Kimai would cut the rest)",
    ]);
  });

  test("wheniwork is a mapping or false; contract is a name or a mapping", async () => {
    expect(await problems(anna("wheniwork: true", "contract: 40"))).toEqual([
      "users.d/anna.yaml:3:12: wheniwork must be a mapping of When I Work settings (role, positions, …), or false to leave this person out, not true",
      "users.d/anna.yaml:4:11: contract must be a template name (e.g. full-time-40h) or a contract mapping such as { type: week, hoursPerWeek: 40h }, not the number 40",
    ]);
  });

  test("fields that do not belong to the contract's type", async () => {
    expect(
      await problems({
        "contracts.d/a.yaml": "type: week\nhoursPerWeek: 40h\nhours: { mon: 8h }\n",
        "contracts.d/b.yaml": "type: day\nhoursPerWeek: 40h\nworkDays: mon-fri\n",
        "contracts.d/c.yaml": "type: none\nhoursPerMonth: 100h\nvacationDays: 20\n",
        "contracts.d/d.yaml": "type: month\nhoursPerWeek: 40h\n",
        ...anna(),
      }),
    ).toEqual([
      "contracts.d/a.yaml:3:1: hours does not belong to a week contract (a week contract takes hoursPerWeek, workDays, plus vacationDays, publicHolidayGroup, start, end); remove it, or change type to day",
      "contracts.d/b.yaml:2:1: hoursPerWeek does not belong to a day contract (a day contract takes hours, plus vacationDays, publicHolidayGroup, start, end); remove it, or change type to week",
      "contracts.d/b.yaml:3:1: workDays does not belong to a day contract (a day contract takes hours, plus vacationDays, publicHolidayGroup, start, end); remove it, or change type to week or month",
      "contracts.d/c.yaml:2:1: hoursPerMonth does not belong to a none contract (a none contract takes no working time, plus vacationDays, publicHolidayGroup, start, end); remove it, or change type to month",
      "contracts.d/d.yaml:2:1: hoursPerWeek does not belong to a month contract (a month contract takes hoursPerMonth, workDays, plus vacationDays, publicHolidayGroup, start, end); remove it, or change type to week",
    ]);
  });

  test("a contracts entry with use: takes nothing else", async () => {
    expect(
      await problems({
        "contracts.d/ft.yaml": "type: week\n",
        ...anna("contracts:", "  - { from: 2025-01-01, use: ft, vacationDays: 3 }"),
      }),
    ).toEqual([
      'users.d/anna.yaml:4:34: unknown field "vacationDays"; an entry with use: takes only from and use — remove use: to write the contract inline',
    ]);
  });

  test("an entry of contracts must be a mapping", async () => {
    expect(await problems(anna("contracts: [full-time-40h]"))).toEqual([
      'users.d/anna.yaml:3:13: contracts[0] must be a mapping such as { from: 2025-01-01, use: full-time-40h }, not the text "full-time-40h"',
    ]);
  });
});
