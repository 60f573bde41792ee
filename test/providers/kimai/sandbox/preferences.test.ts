// Contract behaviours 10 and 19–22: PATCH /api/users/{id}/preferences.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { ENTITY_KEYS, asRecord, keysOf, prefs, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const patchPrefs = (
  body: unknown,
  options: { as?: "admin" | "anna" | "john"; user?: number; raw?: string } = {},
) =>
  sb.call("PATCH", `/api/users/${options.user ?? 4}/preferences`, {
    as: options.as ?? "admin",
    ...(options.raw !== undefined ? { raw: options.raw } : { body }),
  });

describe("10. preference values are strings or null", () => {
  test("numbers become strings, false becomes null, true becomes '1'", async () => {
    const r = await patchPrefs([
      { name: "work_monday", value: 28800 },
      { name: "hourly_rate", value: false },
      { name: "work_tuesday", value: true },
      { name: "holidays", value: 25.5 },
    ]);
    expect(r.status).toBe(200);
    const values = prefs(r.json);
    expect([
      values["work_monday"],
      values["hourly_rate"],
      values["work_tuesday"],
      values["holidays"],
    ]).toEqual(["28800", null, "1", "25.5"]);
  });

  test("JSON null goes through the jsontoform decoder as an empty string", async () => {
    const r = await patchPrefs([{ name: "work_monday", value: null }]);
    expect(prefs(r.json)["work_monday"]).toBe("");
  });
});

describe("19. preferences PATCH errors", () => {
  test("a single object instead of a list is a 400", async () => {
    const r = await patchPrefs({ name: "X", value: "X" });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ code: 400, message: "Bad Request" });
  });

  test("missing name or value is a 400; value null is allowed", async () => {
    expect((await patchPrefs([{ value: "X" }])).json).toEqual({ code: 400, message: "Bad Request" });
    expect((await patchPrefs([{ name: "X" }])).json).toEqual({ code: 400, message: "Bad Request" });
    expect((await patchPrefs([{ name: "work_monday", value: null }])).status).toBe(200);
  });

  test("an unknown name is a 404", async () => {
    expect((await patchPrefs([{ name: "X", value: "Y" }])).json).toEqual({ code: 404, message: "Not Found" });
  });

  test("a disabled preference is a 403 (hourly_rate of yourself as a plain user)", async () => {
    const r = await patchPrefs([{ name: "hourly_rate", value: 99 }], { as: "john" });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ code: 403, message: "Forbidden" });
  });
});

describe("20. preferences PATCH success", () => {
  test("no value validation; answers the full entity", async () => {
    const r = await patchPrefs([
      { name: "hourly_rate", value: -5 },
      { name: "work_contract_type", value: "banana" },
    ]);
    expect(r.status).toBe(200);
    expect(keysOf(r.json)).toEqual(ENTITY_KEYS);
    expect(prefs(r.json)["hourly_rate"]).toBe("-5");
    expect(prefs(r.json)["work_contract_type"]).toBe("banana");
  });

  test("all or nothing: one unknown name stores none of the batch", async () => {
    const r = await patchPrefs([
      { name: "work_monday", value: "1" },
      { name: "nope", value: "x" },
    ]);
    expect(r.status).toBe(404);
    expect(prefs((await sb.call("GET", "/api/users/4")).json)["work_monday"]).toBe("28800");
  });

  test("[] is a no-op that answers 200", async () => {
    const r = await patchPrefs([]);
    expect(r.status).toBe(200);
    const state = asRecord((await sb.call("GET", "/__sandbox/state")).json);
    const john = (state["users"] as Array<Record<string, unknown>>).find((u) => u["id"] === 4);
    expect(john?.["preferences"]).toHaveLength(3);
  });

  test("saving persists the prepared defaults; yes/no preferences become '0'/'1'", async () => {
    await patchPrefs([{ name: "daily_stats", value: "yes" }]);
    const list = (await sb.call("GET", "/api/users?full=true")).json as unknown[];
    const john = prefs(list.find((u) => asRecord(u)["id"] === 4));
    expect(john["first_weekday"]).toBe("monday");
    expect(john["work_sunday"]).toBe("0");
    const state = asRecord((await sb.call("GET", "/__sandbox/state")).json);
    const stored = (state["users"] as Array<Record<string, unknown>>).find((u) => u["id"] === 4);
    expect(stored?.["preferences"]).toContainEqual({ name: "daily_stats", value: "1" });
  });
});

describe("21. work-contract names", () => {
  test("need contract_other_profile, even on your own profile", async () => {
    expect((await patchPrefs([{ name: "work_monday", value: "3600" }], { as: "john" })).status).toBe(403);
    const admin = await patchPrefs([{ name: "work_monday", value: "3600" }], { as: "anna", user: 2 });
    expect(admin.status).toBe(200);
    expect(prefs(admin.json)["work_monday"]).toBe("3600");
  });

  test("week/month names are 404 without the Working contract plugin", async () => {
    expect((await patchPrefs([{ name: "hours_per_week", value: 144000 }])).status).toBe(404);
    expect((await sb.call("GET", "/api/plugins")).json).toEqual([]);
  });

  test("with the plugin they exist and /api/plugins lists WorkContractBundle", async () => {
    const withPlugin = await startTestSandbox({ workContractPlugin: true });
    try {
      const plugins = (await withPlugin.call("GET", "/api/plugins")).json;
      expect(plugins).toEqual([{ name: "WorkContractBundle", version: "2.0.0" }]);
      const r = await withPlugin.call("PATCH", "/api/users/4/preferences", {
        body: [
          { name: "hours_per_week", value: 144000 },
          { name: "work_days_week", value: "1,2,3,4,5" },
          { name: "work_contract_type", value: "week" },
        ],
      });
      expect(r.status).toBe(200);
      expect(prefs(r.json)["hours_per_week"]).toBe("144000");
      expect(prefs(r.json)["work_days_week"]).toBe("1,2,3,4,5");
    } finally {
      await withPlugin.close();
    }
  });
});

describe("22. names are normalised", () => {
  test("'.' and '-' count as '_'", async () => {
    const r = await patchPrefs([
      { name: "work.monday", value: "100" },
      { name: "work-tuesday", value: "200" },
    ]);
    expect(r.status).toBe(200);
    expect(prefs(r.json)["work_monday"]).toBe("100");
    expect(prefs(r.json)["work_tuesday"]).toBe("200");
  });
});
