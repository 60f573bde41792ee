// The sandbox plays a Kimai release (seed `version` / kimaiVersion): behaviour changes, not only /api/version.
import { afterEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import {
  COLLECTION_KEYS,
  ENTITY_KEYS,
  SEED,
  asList,
  asRecord,
  keysOf,
  prefs,
  startTestSandbox,
} from "./helpers.js";

let sb: TestSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});
const play = async (kimaiVersion: string, seed = SEED): Promise<TestSandbox> => {
  sb = await startTestSandbox({ kimaiVersion, seed });
  return sb;
};
const CONTRACT = ["work_contract_type", "work_monday", "holidays", "work_start_day"];

describe("/api/version and tokens", () => {
  test("kimaiVersion 2.50 answers 2.50.0 / 25000", async () => {
    const s = await play("2.50");
    expect((await s.call("GET", "/api/version")).json).toMatchObject({ version: "2.50.0", versionId: 25000 });
  });

  test("below 2.14 a Bearer token is no auth at all: 401 JSON, also for /api/version; X-AUTH still works", async () => {
    const s = await play("2.13");
    const r = await s.call("GET", "/api/version");
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 401, message: "Unauthorized" });
    expect(r.headers.get("www-authenticate")).toBeNull();
    const legacy = await s.call("GET", "/api/version", {
      as: "nobody",
      headers: { "x-auth-user": "admin", "x-auth-token": "legacy-secret" },
    });
    expect(legacy.status).toBe(200);
  });

  test("2.14 accepts the token", async () => {
    expect((await (await play("2.14")).call("GET", "/api/version")).status).toBe(200);
  });
});

describe("JSON shape", () => {
  test("2.44: no email, systemAccount, color-safe; the collection has no locale fields", async () => {
    const s = await play("2.44");
    const list = asList((await s.call("GET", "/api/users")).json);
    expect(keysOf(list[0])).toEqual(
      COLLECTION_KEYS.filter(
        (k) => !["email", "systemAccount", "color-safe", "language", "locale", "timezone"].includes(k),
      ),
    );
    const one = (await s.call("GET", "/api/users/4")).json;
    expect(keysOf(one)).toEqual(
      ENTITY_KEYS.filter((k) => !["email", "systemAccount", "color-safe"].includes(k)),
    );
    expect(prefs(one)["__pw_reset__"]).toBe("0"); // "_" names are visible before 2.45
  });

  test("2.45: email and systemAccount; color is the generated colour, never null; no color-safe", async () => {
    const s = await play("2.45");
    const one = asRecord((await s.call("GET", "/api/users/4")).json);
    expect(one["email"]).toBe("john@example.com");
    expect(one["systemAccount"]).toBe(false);
    expect(typeof one["color"]).toBe("string");
    expect("color-safe" in one).toBe(false);
    expect("__pw_reset__" in prefs(one)).toBe(false);
  });

  test("2.46: raw color (null) plus color-safe", async () => {
    const s = await play("2.46");
    const one = asRecord((await s.call("GET", "/api/users/4")).json);
    expect(one["color"]).toBeNull();
    expect(typeof one["color-safe"]).toBe("string");
    expect(keysOf(one)).toEqual(ENTITY_KEYS);
  });
});

describe("work-contract preferences", () => {
  const seed = {
    ...SEED,
    users: SEED.users?.map((u) => (u.id === 2 ? { ...u, contractSaved: true } : u)),
  };

  test("2.60: a created user has none; a PATCH naming one answers 404", async () => {
    const s = await play("2.60", seed);
    const created = await s.call("POST", "/api/users", {
      body: { username: "neu", email: "neu@example.com", plainPassword: "12345678", enabled: true },
    });
    expect(created.status).toBe(200);
    const id = asRecord(created.json)["id"] as number;
    for (const name of CONTRACT) expect(name in prefs(created.json)).toBe(false);
    const r = await s.call("PATCH", `/api/users/${id}/preferences`, {
      body: [{ name: "work_monday", value: 1 }],
    });
    expect(r.status).toBe(404);
    // hourly_rate exists on everyone
    expect(
      (await s.call("PATCH", `/api/users/${id}/preferences`, { body: [{ name: "hourly_rate", value: 5 }] }))
        .status,
    ).toBe(200);
  });

  test("2.60: a user whose contract was saved in the UI (seed contractSaved) has all 12", async () => {
    const s = await play("2.60", seed);
    const r = await s.call("PATCH", "/api/users/2/preferences", {
      body: [{ name: "work_friday", value: 3600 }],
    });
    expect(r.status).toBe(200);
    expect(prefs(r.json)).toMatchObject({ work_friday: "3600", work_contract_type: "none" });
  });

  test("2.61: every user has them (created users, and on the preferences PATCH)", async () => {
    const s = await play("2.61");
    const r = await s.call("PATCH", "/api/users/5/preferences", {
      body: [{ name: "work_friday", value: 3600 }],
    });
    expect(r.status).toBe(200);
  });

  test("contract preferences need contract_other_profile since 2.63 (403), not at 2.62", async () => {
    // tony (TEAMLEAD) edits himself: edit_own_profile yes, contract_other_profile no
    const before = await play("2.62");
    const ok = await before.call("PATCH", "/api/users/3/preferences", {
      as: "tony",
      body: [{ name: "work_monday", value: 3600 }],
    });
    expect(ok.status).toBe(200);
    await before.close();
    sb = undefined;
    const after = await play("2.63");
    const denied = await after.call("PATCH", "/api/users/3/preferences", {
      as: "tony",
      body: [{ name: "work_monday", value: 3600 }],
    });
    expect(denied.status).toBe(403);
  });
});

describe("2.53: preferences PATCH", () => {
  const ldapSeed = {
    ...SEED,
    users: [
      ...(SEED.users ?? []),
      {
        id: 7,
        username: "ldapuser",
        email: "ldapuser",
        preferences: [{ name: "ldap_dn", value: "uid=ldapuser" }],
      },
    ],
  };

  test("2.53 validates the whole user: a user whose email is not an email gets the string-code 400", async () => {
    const s = await play("2.53", ldapSeed);
    const r = await s.call("PATCH", "/api/users/7/preferences", {
      body: [{ name: "hourly_rate", value: 5 }],
    });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      code: "400",
      message: "Validation Failed",
      errors: { children: { email: { errors: ["This value is not a valid email address."] } } },
    });
  });

  test("2.52 saves without validating", async () => {
    const s = await play("2.52", ldapSeed);
    const r = await s.call("PATCH", "/api/users/7/preferences", {
      body: [{ name: "hourly_rate", value: 5 }],
    });
    expect(r.status).toBe(200);
  });

  test("a disabled preference is 403 since 2.53; 2.52 writes it", async () => {
    const s = await play("2.52");
    const r = await s.call("PATCH", "/api/users/4/preferences", {
      as: "john",
      body: [{ name: "hourly_rate", value: 99 }],
    });
    expect(r.status).toBe(200);
  });
});
