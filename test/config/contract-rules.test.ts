// Units, limits and dates inside contracts, and effective-dated lists.
import { describe, expect, test } from "vitest";
import { load, problems, user } from "./project.js";

const anna = (...extra: string[]) => ({ "users.d/anna.yaml": user("anna", ...extra) });

describe("contract values", () => {
  test.each([
    [
      "hoursPerWeek",
      "week",
      "40 hours",
      'hoursPerWeek "40 hours" is not a duration; write 40h, 37h30m or a number of hours',
      "duration.invalid",
    ],
    [
      "hoursPerWeek",
      "week",
      "-5h",
      'hoursPerWeek "-5h" is negative; a duration is 0 or more (write 40h, 37h30m or a number of hours)',
      "value.negative",
    ],
    [
      "hoursPerWeek",
      "week",
      "-5",
      "hoursPerWeek -5 is negative; a duration is 0 or more (write 40h, 37h30m or a number of hours)",
      "value.negative",
    ],
    [
      "hoursPerWeek",
      "week",
      "169h",
      "hoursPerWeek 169h is more than a week has (168h)",
      "duration.too-large",
    ],
    [
      "hoursPerMonth",
      "month",
      "745h",
      "hoursPerMonth 745h is more than a month has (744h)",
      "duration.too-large",
    ],
    [
      "hoursPerWeek",
      "week",
      "true",
      "hoursPerWeek must be a duration such as 40h, 37h30m or a number of hours",
      "duration.invalid",
    ],
  ])("%s: %s %j", async (field, type, value, message, code) => {
    const result = await load({ "contracts.d/t.yaml": `type: ${type}\n${field}: ${value}\n`, ...anna() });
    expect(result.diagnostics).toEqual([
      { file: "contracts.d/t.yaml", line: 2, column: field.length + 3, code, message, severity: "error" },
    ]);
  });

  test("hours per day over 24h, negative and unparsable day hours", async () => {
    expect(
      await problems(
        anna("contract:", "  type: day", "  hours: { mon: 25h, tue: -1, wed: 8 hours, thu: 24h }"),
      ),
    ).toEqual([
      "users.d/anna.yaml:5:17: hours.mon 25h is more than a day has (24h)",
      "users.d/anna.yaml:5:27: hours.tue -1 is negative; a duration is 0 or more (write 40h, 37h30m or a number of hours)",
      'users.d/anna.yaml:5:36: hours.wed "8 hours" is not a duration; write 40h, 37h30m or a number of hours',
    ]);
  });

  test("an unknown day in hours is an unknown field with a suggestion", async () => {
    expect(await problems(anna("contract:", "  type: day", "  hours:", "    monday: 8h"))).toEqual([
      'users.d/anna.yaml:6:5: unknown field "monday"; did you mean "mon"?',
    ]);
  });

  test("work days outside mon..sun", async () => {
    expect(await problems(anna("contract: { type: week, workDays: [mon, fun] }"))).toEqual([
      'users.d/anna.yaml:3:35: workDays: "fun" is not a day; write mon, tue, wed, thu, fri, sat or sun, a range like mon-fri, or a list',
    ]);
    expect(await problems(anna("contract: { type: month, workDays: sat-mon }"))).toEqual([
      'users.d/anna.yaml:3:36: workDays: "sat-mon" runs backwards; ranges go Monday to Sunday, e.g. mon-fri',
    ]);
  });

  test("impossible and malformed dates; end before start", async () => {
    expect(
      await problems(anna("contract:", "  type: none", "  start: 2025-02-30", "  end: 1.1.2026")),
    ).toEqual([
      "users.d/anna.yaml:5:10: start 2025-02-30 does not exist in the calendar; check the month and day",
      'users.d/anna.yaml:6:8: end "1.1.2026" is not a date; write YYYY-MM-DD, e.g. 2025-01-01',
    ]);
    expect(await problems(anna("contract: { type: none, start: 2025-06-01, end: 2025-05-31 }"))).toEqual([
      "users.d/anna.yaml:3:49: end 2025-05-31 is before start 2025-06-01; the last working day cannot come before the first",
    ]);
  });
});

describe("effective-dated contracts", () => {
  const ft = { "contracts.d/ft.yaml": "type: week\nhoursPerWeek: 40h\n" };

  test("entries out of date order and duplicate dates", async () => {
    const result = await load({
      ...ft,
      ...anna(
        "contracts:",
        "  - { from: 2026-01-01, use: ft }",
        "  - { from: 2025-01-01, use: ft }",
        "  - { from: 2026-01-01, type: none }",
      ),
    });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`)).toEqual([
      "5:13 contracts.order: contracts are not in date order: 2025-01-01 comes after 2026-01-01; list entries from the earliest to the latest",
      "6:13 contracts.duplicate-date: contracts[0] already starts on 2026-01-01; each entry needs its own date",
    ]);
  });

  test("contract and contracts together", async () => {
    expect(
      await problems({ ...ft, ...anna("contract: ft", "contracts: [{ from: 2025-01-01, use: ft }]") }),
    ).toEqual([
      "users.d/anna.yaml:4:1: both contract and contracts are given; keep contract for one contract, or contracts for effective-dated ones",
    ]);
  });

  test("an impossible from date", async () => {
    expect(await problems({ ...ft, ...anna("contracts: [{ from: 2025-02-29, use: ft }]") })).toEqual([
      "users.d/anna.yaml:3:21: from 2025-02-29 does not exist in the calendar; check the month and day",
    ]);
  });

  test("unknown templates, in contract and in use:", async () => {
    expect(
      await problems({
        ...ft,
        ...anna("contracts:", "  - { from: 2025-01-01, use: fulltime }", "  - { from: 2026-01-01, use: ft }"),
      }),
    ).toEqual(['users.d/anna.yaml:4:30: unknown contract template "fulltime"; known templates: ft']);
    expect(
      await problems({ "contracts.d/full-time-40h.yaml": "type: week\n", ...anna("contract: full-time-4h") }),
    ).toEqual([
      'users.d/anna.yaml:3:11: unknown contract template "full-time-4h"; did you mean "full-time-40h"?',
    ]);
    expect(await problems(anna("contract: full-time-40h"))).toEqual([
      'users.d/anna.yaml:3:11: unknown contract template "full-time-40h"; contracts.d/ has no templates: create contracts.d/full-time-40h.yaml or write the contract inline',
    ]);
  });

  test("a template with errors is reported once, in its own file", async () => {
    expect(
      await problems({
        "contracts.d/ft.yaml": "type: week\nhoursPerWeek: lots\n",
        ...anna("contract: ft"),
        "users.d/bob.yaml": user("bob", "contract: ft"),
      }),
    ).toEqual([
      'contracts.d/ft.yaml:2:15: hoursPerWeek "lots" is not a duration; write 40h, 37h30m or a number of hours',
    ]);
  });

  test("a template file that cannot be parsed does not make its users fail too", async () => {
    expect(await problems({ "contracts.d/ft.yaml": "type: [week\n", ...anna("contract: ft") })).toEqual([
      "contracts.d/ft.yaml:2:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  test("two templates with one name", async () => {
    expect(
      await problems({
        "contracts.d/a.yaml": "name: ft\ntype: none\n",
        "contracts.d/b.yaml": "name: ft\ntype: none\n",
        ...anna(),
      }),
    ).toEqual([
      'contracts.d/a.yaml:1:7: contract template "ft" is also defined in contracts.d/b.yaml; template names must be unique',
      'contracts.d/b.yaml:1:7: contract template "ft" is also defined in contracts.d/a.yaml; template names must be unique',
    ]);
  });
});
