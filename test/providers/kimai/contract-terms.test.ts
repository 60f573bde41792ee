import { describe, expect, it } from "vitest";
import { contractFromPreferences } from "../../../src/providers/kimai/contract-terms.js";

const from = (prefs: Record<string, string | null>) => contractFromPreferences((name) => prefs[name]);

describe("contractFromPreferences", () => {
  it("reads a plugin week contract in seconds and 1..7 day numbers", () => {
    expect(
      from({
        work_contract_type: "week",
        hours_per_week: "144000",
        work_days_week: "5,1,2,3,4",
        holidays: "30",
        work_start_day: "2025-01-01",
      }),
    ).toEqual({
      type: "week",
      hoursPerWeek: 144000,
      workDays: [1, 2, 3, 4, 5],
      vacationDays: 30,
      start: "2025-01-01",
    });
  });

  it("a user with no stored preferences has Kimai's defaults: type none, no vacation days", () => {
    expect(from({})).toEqual({ type: "none", vacationDays: 0 });
  });

  it("day contracts read every weekday, missing days as 0", () => {
    const c = from({ work_contract_type: "day", work_monday: "28800", work_friday: "14400" });
    expect(c.hours).toEqual({ 1: 28800, 2: 0, 3: 0, 4: 0, 5: 14400, 6: 0, 7: 0 });
  });

  it("an unknown mode counts as none and an invalid date as unset, as Kimai reads them", () => {
    const c = from({ work_contract_type: "shift", work_start_day: "2026-02-30", work_last_day: "soon" });
    expect(c).toEqual({ type: "none", vacationDays: 0 });
  });
});
