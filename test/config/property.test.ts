// Random valid user documents (written by the yaml package, in any style it picks) load without a
// diagnostic and normalise to exactly what was generated.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { loadProject } from "../../src/config/load.js";
import { TARGETS } from "../../src/providers/index.js";
import type { Contract, Weekday } from "../../src/core/model.js";
import { formatDuration, formatWorkDays } from "../../src/core/units.js";
import { writeProject } from "./project.js";

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** A duration written as canonical text, as a number of hours, or in minutes. */
const durationArb = (maxHours: number) =>
  fc
    .integer({ min: 0, max: maxHours * 60 })
    .chain((minutes) =>
      fc.constantFrom<[string | number, number]>(
        [formatDuration(minutes * 60), minutes * 60],
        [`${minutes}m`, minutes * 60],
        [minutes % 60 === 0 ? minutes / 60 : formatDuration(minutes * 60), minutes * 60],
      ),
    );

const daysArb = fc
  .uniqueArray(fc.constantFrom<Weekday>(1, 2, 3, 4, 5, 6, 7), { minLength: 1, maxLength: 7 })
  .chain((days) =>
    fc.constantFrom<[string | string[], Weekday[]]>(
      [days.map((d) => DAY_NAMES[d - 1] ?? "mon"), [...days].sort()],
      [days.map((d) => DAY_NAMES[d - 1]).join(","), [...days].sort()],
      [formatWorkDays(days), [...days].sort()],
    ),
  );

type Generated = [Record<string, unknown>, Contract];

const contractArb: fc.Arbitrary<Generated> = fc.oneof(
  fc
    .tuple(durationArb(168), daysArb, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }))
    .map(([[hoursText, seconds], [daysText, days], vacationDays]): Generated => [
      {
        type: "week",
        hoursPerWeek: hoursText,
        workDays: daysText,
        ...(vacationDays !== undefined ? { vacationDays } : {}),
      },
      {
        type: "week",
        hoursPerWeek: seconds,
        workDays: days,
        ...(vacationDays !== undefined ? { vacationDays } : {}),
      },
    ]),
  fc.tuple(durationArb(744), daysArb).map(([[hoursText, seconds], [daysText, days]]): Generated => [
    { type: "month", hoursPerMonth: hoursText, workDays: daysText },
    { type: "month", hoursPerMonth: seconds, workDays: days },
  ]),
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 6 }), durationArb(24)), { maxLength: 7 })
    .map((entries): Generated => {
      const written: Record<string, string | number> = {};
      const hours = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 } as Record<Weekday, number>;
      for (const [day, [text, seconds]] of entries) {
        written[DAY_NAMES[day] ?? "mon"] = text;
        hours[(day + 1) as Weekday] = seconds;
      }
      return [
        { type: "day", hours: written },
        { type: "day", hours },
      ];
    }),
  fc.constant<Generated>([
    { type: "none", start: "2024-02-29", end: "2030-12-31" },
    { type: "none", start: "2024-02-29", end: "2030-12-31" },
  ]),
);

const userArb = fc.record({
  username: fc.stringMatching(/^[a-z][a-z0-9._-]{1,15}$/),
  name: fc.record({
    first: fc.stringMatching(/^[A-Z][a-z]{0,8}$/),
    last: fc.stringMatching(/^[A-Z][a-z' -]{0,12}[a-z]$/),
  }),
  title: fc.option(fc.stringMatching(/^[A-Za-z0-9 .,&()-]{0,50}$/), { nil: undefined }),
  enabled: fc.option(fc.boolean(), { nil: undefined }),
  roles: fc.subarray(["ROLE_ADMIN", "ROLE_TEAMLEAD", "role_super_admin"]),
  timezone: fc.constantFrom("Europe/Berlin", "UTC", "America/New_York"),
  rates: fc.option(fc.record({ hourly: fc.integer({ min: 0, max: 500 }) }), { nil: undefined }),
  preferences: fc.dictionary(
    fc.stringMatching(/^[a-z_]{1,12}$/).filter((k) => !FORBIDDEN.has(k)),
    fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()),
    { maxKeys: 4 },
  ),
  contract: contractArb,
  wheniwork: fc.oneof(
    fc.constant(false as const),
    fc.record({
      role: fc.constantFrom("employee", "manager"),
      positions: fc.subarray(["Barista", "Cashier"]),
    }),
  ),
});

describe("property: random valid users", () => {
  test("load without a diagnostic and normalise to what was generated", async () => {
    const dir = writeProject({});
    let run = 0;
    await fc.assert(
      fc.asyncProperty(userArb, async (u) => {
        run++;
        const usersDir = join(dir, `users-${run}`);
        mkdirSync(usersDir);
        const [contractText, contract] = u.contract;
        const doc = { ...u, email: `${u.username}@example.com`, contract: contractText };
        const text = `# yaml-language-server: $schema=../schemas/user.schema.json\n${stringify(doc)}`;
        const project = join(dir, `p-${run}`);
        mkdirSync(join(project, "users.d"), { recursive: true });
        writeFileSync(join(project, "rosterform.yaml"), "targets:\n  kimai: {}\n");
        writeFileSync(join(project, "users.d", `${u.username}.yaml`), text);

        const result = await loadProject(project, { targets: TARGETS, at: "2026-06-01" });
        expect(result.diagnostics, text).toEqual([]);
        const got = result.state?.users[0];
        expect(got?.username).toBe(u.username);
        expect(got?.enabled).toBe(u.enabled ?? true);
        expect(got?.alias).toBe(`${u.name.first} ${u.name.last}`);
        expect(got?.contract, text).toEqual(contract);
        expect(got?.roles).toEqual([...new Set(u.roles.map((r) => r.toUpperCase()))].sort());
        for (const [key, value] of Object.entries(u.preferences)) {
          expect(got?.preferences?.[key]).toBe(
            typeof value === "boolean" ? (value ? "1" : "0") : String(value),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
