// Contract behaviours 12–16 and 18 on POST /api/users.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { asRecord, prefs, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const valid = { username: "carol", email: "carol@example.com", plainPassword: "s3cret-pass" };

function fieldErrors(body: unknown): Record<string, unknown> {
  const children = asRecord(asRecord(asRecord(body)["errors"])["children"]);
  return Object.fromEntries(Object.entries(children).filter(([, v]) => Object.keys(asRecord(v)).length > 0));
}

describe("12. POST answers 200 and omitted checkboxes are false", () => {
  test("a user created without enabled is disabled, not a system account, no password reset", async () => {
    const r = await sb.call("POST", "/api/users", { body: valid });
    expect(r.status).toBe(200);
    const user = asRecord(r.json);
    expect(user["id"]).toBe(7);
    expect(user["enabled"]).toBe(false);
    expect(user["systemAccount"]).toBe(false);
    const state = asRecord((await sb.call("GET", "/__sandbox/state")).json);
    const stored = (state["users"] as Array<Record<string, unknown>>).find((u) => u["id"] === 7);
    expect(stored?.["preferences"]).not.toContainEqual({ name: "__pw_reset__", value: "1" });
  });

  test('with "enabled": true the user is enabled; the new user has the work-contract preferences', async () => {
    const r = await sb.call("POST", "/api/users", { body: { ...valid, enabled: true, language: "ru" } });
    expect(r.status).toBe(200);
    expect(asRecord(r.json)["enabled"]).toBe(true);
    expect(asRecord(r.json)["language"]).toBe("ru");
    expect(asRecord(r.json)["locale"]).toBe("en");
    expect(Object.keys(prefs(r.json))).toEqual([
      "work_contract_type",
      "work_monday",
      "work_tuesday",
      "work_wednesday",
      "work_thursday",
      "work_friday",
      "work_saturday",
      "work_sunday",
      "public_holiday_group",
      "holidays",
      "work_start_day",
      "work_last_day",
    ]);
  });

  test("the password is never echoed nor kept in state", async () => {
    const r = await sb.call("POST", "/api/users", { body: valid });
    expect(r.text).not.toContain("s3cret-pass");
    expect((await sb.call("GET", "/__sandbox/state")).text).not.toContain("s3cret-pass");
  });
});

describe("13. username, email and password constraints", () => {
  test("duplicates, including username/email cross-uniqueness", async () => {
    const r = await sb.call("POST", "/api/users", {
      body: { ...valid, username: "anna@example.com", email: "john@example.com" },
    });
    expect(r.status).toBe(400);
    expect(fieldErrors(r.json)).toEqual({
      username: { errors: ["An equal e-mail address is already in use."] },
      email: { errors: ["This e-mail address is already in use.", "This value is already used."] },
    });
    const dup = await sb.call("POST", "/api/users", { body: { ...valid, username: "JOHN" } });
    expect(fieldErrors(dup.json)).toEqual({
      username: { errors: ["The username is already used.", "This value is already used."] },
    });
  });

  test("lengths, slash, special characters, email format", async () => {
    const r = await sb.call("POST", "/api/users", {
      body: { username: "a", email: "not-an-email", plainPassword: "1234567" },
    });
    expect(fieldErrors(r.json)).toEqual({
      username: { errors: ["This value is too short. It should have 2 characters or more."] },
      email: { errors: ["This value is not a valid email address."] },
      plainPassword: { errors: ["This value is too short. It should have 8 characters or more."] },
    });
    const r2 = await sb.call("POST", "/api/users", { body: { ...valid, username: "a/b<c" } });
    expect(fieldErrors(r2.json)).toEqual({
      username: { errors: ["This value is not valid.", 'The following characters are not allowed: < > " ='] },
    });
  });
});

describe("14. choice validation", () => {
  test("invalid language, locale, timezone, color, supervisor and roles", async () => {
    const r = await sb.call("POST", "/api/users", {
      body: {
        ...valid,
        language: "xx",
        locale: "xx_XX",
        timezone: "Mars/Olympus",
        color: "#123456",
        supervisor: 5,
        roles: ["ABC"],
      },
    });
    expect(r.status).toBe(400);
    expect(fieldErrors(r.json)).toEqual({
      color: { errors: ["The selected choice is invalid."] },
      language: { errors: ["The selected choice is invalid."] },
      locale: { errors: ["The selected choice is invalid."] },
      timezone: { errors: ["Please select a valid timezone."] },
      supervisor: { errors: ["The selected choice is invalid."] },
      roles: { errors: ["The selected choice is invalid."] },
    });
  });

  test("valid choices are accepted", async () => {
    const r = await sb.call("POST", "/api/users", {
      body: {
        ...valid,
        language: "de_CH",
        locale: "en_GB",
        timezone: "Europe/Berlin",
        color: "#E6E6FA",
        supervisor: 3,
        roles: ["ROLE_TEAMLEAD"],
      },
    });
    expect(r.status).toBe(200);
    const user = asRecord(r.json);
    expect([user["language"], user["locale"], user["timezone"], user["color"]]).toEqual([
      "de_CH",
      "en_GB",
      "Europe/Berlin",
      "#E6E6FA",
    ]);
    expect(asRecord(user["supervisor"])["id"]).toBe(3);
  });
});

describe("14. timezones are PHP identifiers", () => {
  test("current IANA names and UTC are valid; ICU's legacy names and aliases are not", async () => {
    for (const [i, timezone] of [
      "Asia/Kolkata",
      "Europe/Kyiv",
      "America/Argentina/Buenos_Aires",
      "UTC",
    ].entries()) {
      const body = { ...valid, username: `tz${i}`, email: `tz${i}@example.com`, timezone };
      const r = await sb.call("POST", "/api/users", { body });
      expect([timezone, r.status]).toEqual([timezone, 200]);
    }
    for (const timezone of ["Asia/Calcutta", "Europe/Kiev", "US/Eastern", "Etc/UTC"]) {
      const r = await sb.call("POST", "/api/users", { body: { ...valid, timezone } });
      expect(fieldErrors(r.json)).toEqual({ timezone: { errors: ["Please select a valid timezone."] } });
    }
  });
});

describe("15. the form-error body lists every field", () => {
  test("exact body for an empty create", async () => {
    const r = await sb.call("POST", "/api/users", { body: {} });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      code: 400,
      message: "Validation Failed",
      errors: {
        children: {
          username: { errors: ["This value should not be blank."] },
          alias: {},
          title: {},
          accountNumber: {},
          color: {},
          email: { errors: ["This value should not be blank."] },
          language: {},
          locale: {},
          timezone: {},
          enabled: {},
          supervisor: {},
          systemAccount: {},
          requiresPasswordReset: {},
          roles: {},
          plainPassword: { errors: ["This value should not be blank."] },
          plainApiToken: {},
        },
      },
    });
  });
});

describe("16. extra fields", () => {
  test.each([{ teams: [1] }, { preferences: [] }, { avatar: "https://example.com/a.png" }])(
    "POST with %j",
    async (extra) => {
      const r = await sb.call("POST", "/api/users", { body: { ...valid, ...extra } });
      expect(r.status).toBe(400);
      expect(asRecord(asRecord(r.json)["errors"])["errors"]).toEqual([
        "This form should not contain extra fields.",
      ]);
    },
  );
});

describe("18. silent truncation", () => {
  test("alias, title and accountNumber are cut to 60/50/30 characters", async () => {
    const r = await sb.call("POST", "/api/users", {
      body: { ...valid, alias: "a".repeat(70), title: "t".repeat(60), account_number: "9".repeat(40) },
    });
    expect(r.status).toBe(200);
    const user = asRecord(r.json);
    expect(user["alias"]).toBe("a".repeat(60));
    expect(user["title"]).toBe("t".repeat(50));
    expect(user["accountNumber"]).toBe("9".repeat(30));
  });
});
