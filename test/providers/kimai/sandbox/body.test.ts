// Contract behaviour 25: request body handling.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import { asRecord, startTestSandbox } from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

describe("25. body handling", () => {
  test("snake_case keys are accepted", async () => {
    const r = await sb.call("PATCH", "/api/users/4", {
      body: { account_number: "A-1", system_account: true },
    });
    expect(r.status).toBe(200);
    expect(asRecord(r.json)["accountNumber"]).toBe("A-1");
    expect(asRecord(r.json)["systemAccount"]).toBe(true);
  });

  test("a body without Content-Type is parsed as JSON", async () => {
    const r = await sb.call("PATCH", "/api/users/4", { raw: JSON.stringify({ title: "No header" }) });
    expect(r.status).toBe(200);
    expect(asRecord(r.json)["title"]).toBe("No header");
  });

  test("malformed JSON or a JSON scalar is a 400", async () => {
    for (const raw of ["{not json", "42", '"text"', "null"]) {
      const r = await sb.call("PATCH", "/api/users/4", {
        raw,
        headers: { "content-type": "application/json" },
      });
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ code: 400, message: "Bad Request" });
    }
  });

  test("keys colliding after camel-casing are a 400", async () => {
    const r = await sb.call("PATCH", "/api/users/4", { raw: '{"accountNumber":"a","account_number":"b"}' });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ code: 400, message: "Bad Request" });
  });

  test("strings are trimmed and empty strings clear text fields", async () => {
    const r = await sb.call("PATCH", "/api/users/4", { body: { title: "  Dev  ", alias: "" } });
    expect(asRecord(r.json)["title"]).toBe("Dev");
    expect(asRecord(r.json)["alias"]).toBeNull();
  });
});
