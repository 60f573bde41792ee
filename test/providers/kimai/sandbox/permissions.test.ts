// Contract behaviour 24: default permissions by role.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const newUser = { username: "zed", email: "zed@example.com", plainPassword: "password1" };

describe("24. only SUPER_ADMIN lists, creates or edits other users", () => {
  test.each(["anna", "tony", "john"] as const)("%s gets 403 on GET /api/users", async (who) => {
    expect((await sb.call("GET", "/api/users", { as: who })).json).toEqual({
      code: 403,
      message: "Forbidden",
    });
  });

  test.each(["anna", "tony", "john"] as const)(
    "%s gets 403 creating or editing another user",
    async (who) => {
      expect((await sb.call("POST", "/api/users", { as: who, body: newUser })).status).toBe(403);
      expect((await sb.call("PATCH", "/api/users/5", { as: who, body: { title: "x" } })).status).toBe(403);
    },
  );

  test("the super-admin can", async () => {
    expect((await sb.call("GET", "/api/users")).status).toBe(200);
    expect((await sb.call("POST", "/api/users", { body: newUser })).status).toBe(200);
    expect((await sb.call("PATCH", "/api/users/5", { body: { title: "x" } })).status).toBe(200);
  });

  test("everyone may view and edit their own profile", async () => {
    expect((await sb.call("GET", "/api/users/4", { as: "john" })).status).toBe(200);
    expect((await sb.call("PATCH", "/api/users/4", { as: "john", body: { title: "Me" } })).status).toBe(200);
  });

  test("teams: admins may, teamleads and users may not", async () => {
    expect((await sb.call("GET", "/api/teams", { as: "anna" })).status).toBe(200);
    expect((await sb.call("GET", "/api/teams", { as: "tony" })).status).toBe(403);
    expect((await sb.call("GET", "/api/teams", { as: "john" })).status).toBe(403);
    expect((await sb.call("POST", "/api/teams", { as: "tony", body: { name: "x" } })).status).toBe(403);
  });
});
