// Contract behaviours 16 (extra fields on PATCH) and 17 (partial PATCH semantics).
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { asRecord, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const formErrors = (body: unknown) => asRecord(asRecord(body)["errors"])["errors"];

describe("16. extra fields on PATCH", () => {
  test.each([
    { username: "x" },
    { plainPassword: "password123" },
    { plainApiToken: "x" },
    { teams: [] },
    { preferences: [] },
  ])("%j is an extra field", async (body) => {
    const r = await sb.call("PATCH", "/api/users/4", { body });
    expect(r.status).toBe(400);
    expect(formErrors(r.json)).toEqual(["This form should not contain extra fields."]);
  });

  test("enabled on yourself is an extra field, on someone else it applies", async () => {
    const self = await sb.call("PATCH", "/api/users/1", { body: { enabled: true } });
    expect(self.status).toBe(400);
    expect(formErrors(self.json)).toEqual(["This form should not contain extra fields."]);
    expect(asRecord(asRecord(asRecord(self.json)["errors"])["children"])["enabled"]).toBeUndefined();
    const other = await sb.call("PATCH", "/api/users/4", { body: { enabled: false } });
    expect(other.status).toBe(200);
    expect(asRecord(other.json)["enabled"]).toBe(false);
  });

  test("validation errors and the extra-fields error come together, still 400", async () => {
    const r = await sb.call("PATCH", "/api/users/4", {
      body: { username: "1", email: "", language: "xx", timezone: "XXX/YYY", roles: ["ABC"] },
    });
    expect(r.status).toBe(400);
    const errors = asRecord(asRecord(r.json)["errors"]);
    expect(errors["errors"]).toEqual(["This form should not contain extra fields."]);
    expect(Object.keys(asRecord(errors["children"]))).toEqual([
      "alias",
      "title",
      "accountNumber",
      "color",
      "email",
      "language",
      "locale",
      "timezone",
      "enabled",
      "supervisor",
      "systemAccount",
      "requiresPasswordReset",
      "roles",
    ]);
  });
});

describe("17. PATCH is partial", () => {
  test("absent keys are untouched; explicit null and false are applied", async () => {
    const r = await sb.call("PATCH", "/api/users/3", { body: { title: "Lead" } });
    expect(asRecord(r.json)["alias"]).toBe("Tony Teamlead");
    expect(asRecord(r.json)["title"]).toBe("Lead");
    const cleared = await sb.call("PATCH", "/api/users/3", { body: { alias: null, enabled: false } });
    expect(asRecord(cleared.json)["alias"]).toBeNull();
    expect(asRecord(cleared.json)["enabled"]).toBe(false);
    expect(asRecord(cleared.json)["title"]).toBe("Lead");
  });

  test("roles replace the whole set; [] makes a plain user", async () => {
    const two = await sb.call("PATCH", "/api/users/4", { body: { roles: ["ROLE_TEAMLEAD", "ROLE_ADMIN"] } });
    expect(asRecord(two.json)["roles"]).toEqual(["ROLE_TEAMLEAD", "ROLE_ADMIN"]);
    const one = await sb.call("PATCH", "/api/users/4", { body: { roles: ["ROLE_TEAMLEAD"] } });
    expect(asRecord(one.json)["roles"]).toEqual(["ROLE_TEAMLEAD"]);
    const none = await sb.call("PATCH", "/api/users/4", { body: { roles: [] } });
    expect(asRecord(none.json)["roles"]).toEqual([]);
  });

  test("supervisor null clears it; yourself is not a valid supervisor", async () => {
    expect(
      asRecord((await sb.call("PATCH", "/api/users/4", { body: { supervisor: null } })).json)["supervisor"],
    ).toBeNull();
    const self = await sb.call("PATCH", "/api/users/4", { body: { supervisor: 4 } });
    expect(self.status).toBe(400);
  });

  test("a failed PATCH changes nothing", async () => {
    await sb.call("PATCH", "/api/users/4", { body: { title: "Changed", language: "xx" } });
    expect(asRecord((await sb.call("GET", "/api/users/4")).json)["title"]).toBe("Developer");
  });
});
