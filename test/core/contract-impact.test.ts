// Hand-computed cases: weekday counts were counted on a calendar, hours multiplied by hand.
import { describe, expect, it } from "vitest";
import {
  contractImpact,
  describeImpact,
  expectedOn,
  formatHoursTotal,
} from "../../src/core/contract-impact.js";
import type { Contract, Weekday } from "../../src/core/model.js";

const H = 3600;
const monFri: Weekday[] = [1, 2, 3, 4, 5];
const week = (hours: number, extra: Partial<Contract> = {}): Contract => ({
  type: "week",
  hoursPerWeek: hours * H,
  workDays: monFri,
  ...extra,
});
const byDay = (hours: Partial<Record<Weekday, number>>, extra: Partial<Contract> = {}): Contract => ({
  type: "day",
  hours: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, (hours[d as Weekday] ?? 0) * H])) as Record<
    Weekday,
    number
  >,
  ...extra,
});

describe("contractImpact", () => {
  it("week to week, fewer hours: 64 work days in 2026-01 … 2026-03 at 8h → 7.6h", () => {
    // Jan 2026: 22 work days, Feb: 20, Mar: 22.
    const impact = contractImpact({
      before: week(40, { start: "2026-01-01" }),
      after: week(38, { start: "2026-01-01" }),
      until: "2026-03-31",
    })!;
    expect(impact.from).toBe("2026-01-01");
    expect(impact.to).toBe("2026-03-31");
    expect(impact.months.map((m) => m.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(impact.months.map((m) => m.before / H)).toEqual([176, 160, 176]);
    expect(impact.before / H).toBe(512);
    expect(impact.after / H).toBeCloseTo(486.4, 6);
    expect(impact.delta / H).toBeCloseTo(-25.6, 6);
    expect(impact.openStart).toBe(false);
    expect(describeImpact(impact)).toEqual([
      "expected hours change for 2026-01 … 2026-03 (3 months): 512h → 486h24m (−25h36m expected, overtime balance +25h36m), unless those months are locked in Kimai",
    ]);
  });

  it("day contract with different weekdays: Mon–Thu 8h → Mon 4h + Fri 8h over one week", () => {
    const impact = contractImpact({
      before: byDay({ 1: 8, 2: 8, 3: 8, 4: 8 }, { start: "2026-03-02" }),
      after: byDay({ 1: 4, 5: 8 }, { start: "2026-03-02" }),
      until: "2026-03-08",
    })!;
    expect(impact.before / H).toBe(32);
    expect(impact.after / H).toBe(12);
    expect(impact.delta / H).toBe(-20);
  });

  it("month contract: 160h spread over the month's work days; a part month counts only days up to the apply date", () => {
    const full = contractImpact({
      before: undefined,
      after: { type: "month", hoursPerMonth: 160 * H, workDays: monFri, start: "2026-02-01" },
      until: "2026-02-28",
    })!;
    expect(full.after / H).toBe(160);
    // Feb 2026 has 20 work days; up to the 13th there are 10 of them: 10 × 8h.
    const part = contractImpact({
      before: undefined,
      after: { type: "month", hoursPerMonth: 160 * H, workDays: monFri, start: "2026-02-01" },
      until: "2026-02-13",
    })!;
    expect(part.after / H).toBe(80);
  });

  it("a contract that starts mid-month counts from its start: 12 work days of 2026-01-15 … 31", () => {
    const impact = contractImpact({
      before: week(40, { start: "2026-01-15" }),
      after: week(20, { start: "2026-01-15" }),
      until: "2026-01-31",
    })!;
    expect(impact.from).toBe("2026-01-15");
    expect(impact.months).toEqual([{ month: "2026-01", before: 96 * H, after: 48 * H }]);
  });

  it("an end date in the past removes the expected hours after it", () => {
    const impact = contractImpact({
      before: week(40, { start: "2026-01-01" }),
      after: week(40, { start: "2026-01-01", end: "2026-01-31" }),
      until: "2026-03-31",
    })!;
    // Feb (20) + Mar (22) work days at 8h no longer expected; January is unchanged.
    expect(impact.months[0]).toEqual({ month: "2026-01", before: 176 * H, after: 176 * H });
    expect(impact.delta / H).toBe(-336);
  });

  it("a leap year counts 29 February: 21 work days in 2028-02", () => {
    const impact = contractImpact({
      before: undefined,
      after: byDay({ 1: 8, 2: 8, 3: 8, 4: 8, 5: 8 }, { start: "2028-02-01" }),
      until: "2028-02-29",
    })!;
    expect(impact.after / H).toBe(168);
    expect(expectedOn(byDay({ 2: 8 }), "2028-02-29")).toBe(8 * H);
  });

  it("vacation days changed mid-year: the whole year's entitlement changes, no hours", () => {
    const impact = contractImpact({
      before: week(40, { start: "2025-01-01", vacationDays: 30 }),
      after: week(40, { start: "2025-01-01", vacationDays: 25 }),
      until: "2026-07-15",
    })!;
    expect(impact.months).toEqual([]);
    expect(impact.vacation).toEqual({ year: 2026, before: 30, after: 25, delta: -5 });
    expect(describeImpact(impact)).toEqual(["vacation days for 2026: 30 → 25 (−5 days for the whole year)"]);
  });

  it("lockedThrough after the start: only the months after it are recalculated", () => {
    const impact = contractImpact({
      before: week(40, { start: "2025-01-01" }),
      after: week(38, { start: "2025-01-01" }),
      until: "2026-03-31",
      lockedThrough: "2026-01",
    })!;
    expect(impact.from).toBe("2026-02-01");
    expect(impact.months.map((m) => m.month)).toEqual(["2026-02", "2026-03"]);
    // 42 work days × 0.4h
    expect(impact.delta / H).toBeCloseTo(-16.8, 6);
  });

  it("lockedThrough before the start: the start bounds it", () => {
    const impact = contractImpact({
      before: week(40, { start: "2026-01-01" }),
      after: week(38, { start: "2026-01-01" }),
      until: "2026-01-31",
      lockedThrough: "2024-06",
    })!;
    expect(impact.from).toBe("2026-01-01");
    expect(impact.delta / H).toBeCloseTo(-22 * 0.4, 6);
  });

  it("lockedThrough December rolls over to January", () => {
    const impact = contractImpact({
      before: week(40),
      after: week(38),
      until: "2026-01-31",
      lockedThrough: "2025-12",
    })!;
    expect(impact.from).toBe("2026-01-01");
    expect(impact.openStart).toBe(false);
  });

  it("no start date and nothing locked: the figure covers this year and says earlier years change too", () => {
    const impact = contractImpact({ before: week(40), after: week(38), until: "2026-01-31" })!;
    expect(impact.from).toBe("2026-01-01");
    expect(impact.openStart).toBe(true);
    expect(describeImpact(impact)[0]).toMatch(/no start date, so earlier years change too$/);
  });

  it("nothing in the past changes: no impact", () => {
    expect(
      contractImpact({
        before: week(40, { start: "2027-01-01" }),
        after: week(38, { start: "2027-01-01" }),
        until: "2026-03-31",
      }),
    ).toBeUndefined();
    expect(
      contractImpact({
        before: week(40, { start: "2026-01-01" }),
        after: week(40, { start: "2026-01-01", publicHolidayGroup: 2 }),
        until: "2026-03-31",
      }),
    ).toBeUndefined();
  });

  it("moving hours between days without changing the total is still an impact", () => {
    const impact = contractImpact({
      before: byDay({ 1: 8 }, { start: "2026-03-02" }),
      after: byDay({ 2: 8 }, { start: "2026-03-02" }),
      until: "2026-03-08",
    })!;
    expect(impact.delta).toBe(0);
    expect(describeImpact(impact)[0]).toContain("same total, spread over other days");
  });
});

describe("formatHoursTotal", () => {
  it("groups thousands and keeps minutes", () => {
    expect(formatHoursTotal(3496 * H)).toBe("3,496h");
    expect(formatHoursTotal(3312 * H + 30 * 60)).toBe("3,312h30m");
    expect(formatHoursTotal(-184 * H)).toBe("−184h");
    expect(formatHoursTotal(0)).toBe("0h");
  });
});
