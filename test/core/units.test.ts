import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Weekday } from "../../src/core/model.js";
import {
  formatDuration,
  formatHours,
  formatMoney,
  formatWorkDays,
  isRealDate,
  parseDuration,
  parseWorkDays,
} from "../../src/core/units.js";

describe("parseDuration", () => {
  test.each([
    [40, 144000],
    [7.5, 27000],
    [0, 0],
    ["40", 144000],
    ["7.5", 27000],
    ["40h", 144000],
    ["7h30m", 27000],
    ["37h30m", 135000],
    ["450m", 27000],
    ["144000s", 144000],
    ["1h 30m", 5400],
    ["1h30m15s", 5415],
    [" 8H ", 28800],
    ["7:30", 27000],
    ["0.5m", 30],
    [1 / 7200, 1], // half a second rounds to whole seconds
  ])("%j is %i seconds", (input, seconds) => {
    expect(parseDuration(input)).toEqual({ seconds });
  });

  test.each(["40 hours", "", "h", "7h30", "abc", "1d", "30m7h", "1,5h", "--1"])(
    "%j is not a duration",
    (input) => {
      expect(parseDuration(input)).toEqual({
        error: `${JSON.stringify(input)} ${input === "--1" ? "is negative; a duration is 0 or more (write 40h, 37h30m or a number of hours)" : "is not a duration; write 40h, 37h30m or a number of hours"}`,
      });
    },
  );

  test("rejects negatives, NaN and infinity", () => {
    expect(parseDuration(-1)).toEqual({
      error: "-1 is negative; a duration is 0 or more (write 40h, 37h30m or a number of hours)",
    });
    expect(parseDuration("-5h")).toHaveProperty("error");
    expect(parseDuration(Number.NaN)).toEqual({
      error: "NaN is not a duration; write 40h, 37h30m or a number of hours",
    });
    expect(parseDuration(Number.POSITIVE_INFINITY)).toHaveProperty("error");
    expect(parseDuration(1e300)).toEqual({ error: "1e+300 is too large to be a duration" });
  });
});

describe("formatDuration", () => {
  test.each([
    [144000, "40h"],
    [135000, "37h30m"],
    [2700, "45m"],
    [27015, "7h30m15s"],
    [0, "0h"],
    [15, "15s"],
    [3615, "1h15s"],
  ])("%i seconds is %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  test("round-trips through parseDuration for every whole number of seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        expect(parseDuration(formatDuration(seconds))).toEqual({ seconds });
      }),
    );
  });
});

describe("work days", () => {
  test.each([
    ["mon-fri", [1, 2, 3, 4, 5]],
    ["Mon–Fri", [1, 2, 3, 4, 5]],
    ["mon,wed,fri", [1, 3, 5]],
    ["fri, mon, wed, mon", [1, 3, 5]],
    ["mon-wed, sat", [1, 2, 3, 6]],
    ["Monday, tues, thurs", [1, 2, 4]],
    ["none", []],
  ])("%j is %j", (input, days) => {
    expect(parseWorkDays(input)).toEqual({ days });
  });

  test("lists", () => {
    expect(parseWorkDays(["sun", "mon", "tue-wed"])).toEqual({ days: [1, 2, 3, 7] });
    expect(parseWorkDays([])).toEqual({ days: [] });
  });

  test.each([
    [
      "mon-xyz",
      '"mon-xyz" is not a range of days; write mon, tue, wed, thu, fri, sat or sun, a range like mon-fri, or a list',
    ],
    ["fri-mon", '"fri-mon" runs backwards; ranges go Monday to Sunday, e.g. mon-fri'],
    [
      "funday",
      '"funday" is not a day; write mon, tue, wed, thu, fri, sat or sun, a range like mon-fri, or a list',
    ],
    ["mo", '"mo" is not a day; write mon, tue, wed, thu, fri, sat or sun, a range like mon-fri, or a list'],
    [
      "",
      "no work days given; write mon, tue, wed, thu, fri, sat or sun, a range like mon-fri, or a list, or none",
    ],
  ])("%j is refused", (input, error) => {
    expect(parseWorkDays(input)).toEqual({ error });
  });

  test.each([
    [[1, 2, 3, 4, 5], "Mon–Fri"],
    [[1, 3, 5], "Mon, Wed, Fri"],
    [[1, 2], "Mon, Tue"],
    [[1, 2, 3, 5], "Mon–Wed, Fri"],
    [[6, 7], "Sat, Sun"],
    [[], "none"],
  ])("%j formats as %s", (days, text) => {
    expect(formatWorkDays(days as Weekday[])).toBe(text);
  });

  test("round-trip: formatWorkDays then parseWorkDays gives the same days", () => {
    const weekday = fc.constantFrom<Weekday>(1, 2, 3, 4, 5, 6, 7);
    fc.assert(
      fc.property(fc.uniqueArray(weekday, { maxLength: 7 }), (days) => {
        const sorted = [...days].sort((a, b) => a - b);
        expect(parseWorkDays(formatWorkDays(days))).toEqual({ days: sorted });
      }),
    );
  });
});

describe("isRealDate", () => {
  test.each(["2025-01-01", "2024-02-29", "2000-02-29", "2025-12-31"])("%s is real", (d) => {
    expect(isRealDate(d)).toBe(true);
  });
  test.each([
    "2025-02-30",
    "2025-02-29",
    "1900-02-29",
    "2025-13-01",
    "2025-00-10",
    "2025-04-31",
    "2025-1-1",
    "25-01-01",
    "",
  ])("%s is not", (d) => {
    expect(isRealDate(d)).toBe(false);
  });
});

describe("formatHours and formatMoney", () => {
  test("float hours print like every other duration", () => {
    expect(formatHours(38.5)).toBe("38h30m");
    expect(formatHours(40)).toBe("40h");
    expect(formatHours(0)).toBe("0h");
    expect(parseDuration(formatHours(37.25))).toEqual({ seconds: 37.25 * 3600 });
  });
  test("money is never hours; a currency goes after the amount", () => {
    expect(formatMoney(85)).toBe("85");
    expect(formatMoney(21.5, "EUR")).toBe("21.5 EUR");
    expect(formatMoney(84.99999999)).toBe("85");
  });
});
