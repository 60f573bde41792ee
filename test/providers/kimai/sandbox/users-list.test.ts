// Contract behaviours 6–8 (list side): visibility, no pagination, strict params, 16-key items, full=true.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { TestSandbox } from "./helpers.js";
import {
  COLLECTION_KEYS,
  ENTITY_KEYS,
  asList,
  asRecord,
  keysOf,
  prefs,
  startTestSandbox,
} from "./helpers.js";

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

const usernames = (body: unknown) => asList(body).map((u) => u["username"]);

describe("6. visibility, no pagination, strict enums", () => {
  test("visible defaults to 1 (enabled only); 2 = disabled only; 3 = all; system accounts are listed", async () => {
    expect(usernames((await sb.call("GET", "/api/users")).json)).toEqual([
      "admin",
      "anna",
      "bot",
      "john",
      "tony",
    ]);
    expect(usernames((await sb.call("GET", "/api/users?visible=2")).json)).toEqual(["dora"]);
    expect(usernames((await sb.call("GET", "/api/users?visible=3")).json)).toHaveLength(6);
  });

  test("page and size are ignored and no paging headers are sent", async () => {
    const r = await sb.call("GET", "/api/users?page=2&size=1");
    expect(asList(r.json)).toHaveLength(5);
    expect(r.headers.get("x-total-count")).toBeNull();
    expect(r.headers.get("x-page")).toBeNull();
  });

  test.each(["visible=4", "visible=0", "order=asc", "orderBy=title", "full=yes"])(
    "%s is a 400",
    async (query) => {
      const r = await sb.call("GET", `/api/users?${query}`);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ code: 400, message: "Bad Request" });
    },
  );

  test("orderBy and order", async () => {
    const byId = asList((await sb.call("GET", "/api/users?visible=3&orderBy=id&order=DESC")).json).map(
      (u) => u["id"],
    );
    expect(byId).toEqual([6, 5, 4, 3, 2, 1]);
    // NULL aliases sort first, like MySQL.
    expect(usernames((await sb.call("GET", "/api/users?orderBy=alias")).json).at(-1)).toBe("tony");
  });

  test("term matches alias, title, accountNumber, email or username; !word excludes; pref:value filters", async () => {
    expect(usernames((await sb.call("GET", "/api/users?term=teamlead")).json)).toEqual(["tony"]);
    expect(usernames((await sb.call("GET", "/api/users?term=DEVELOPER")).json)).toEqual(["john"]);
    expect(usernames((await sb.call("GET", "/api/users?term=example !an")).json)).toEqual([
      "admin",
      "bot",
      "john",
      "tony",
    ]);
    expect(usernames((await sb.call("GET", "/api/users?term=work_monday:288")).json)).toEqual(["john"]);
    expect(usernames((await sb.call("GET", "/api/users?term=work_monday:*")).json)).toEqual(["john"]);
    expect(usernames((await sb.call("GET", "/api/users?term=work_monday:~")).json)).toEqual([
      "admin",
      "anna",
      "bot",
      "tony",
    ]);
  });
});

describe("7. collection items have exactly 16 keys", () => {
  test("keys, types and nulls of a list item", async () => {
    const items = asList((await sb.call("GET", "/api/users?visible=3")).json);
    for (const item of items) expect(keysOf(item)).toEqual(COLLECTION_KEYS);
    const tony = items.find((u) => u["username"] === "tony");
    expect(tony).toEqual({
      id: 3,
      alias: "Tony Teamlead",
      title: null,
      avatar: null,
      username: "tony",
      email: "tony@example.com",
      accountNumber: null,
      enabled: true,
      systemAccount: false,
      color: null,
      apiToken: false,
      locale: "en",
      timezone: "UTC",
      language: "en",
      initials: "TT",
      "color-safe": "#FF851B",
    });
    expect(items.find((u) => u["username"] === "admin")?.["apiToken"]).toBe(true);
    expect(items.find((u) => u["username"] === "bot")?.["systemAccount"]).toBe(true);
  });
});

describe("8. full=true items have the entity shape with stored preferences only", () => {
  test("entity keys, nested supervisor, stored preferences without defaults", async () => {
    const items = asList((await sb.call("GET", "/api/users?full=true&visible=3")).json);
    for (const item of items) expect(keysOf(item)).toEqual(ENTITY_KEYS);
    const john = asRecord(items.find((u) => u["username"] === "john"));
    expect(prefs(john)).toEqual({ hourly_rate: "82", work_monday: "28800" });
    expect(keysOf(john["supervisor"])).toEqual(ENTITY_KEYS);
    expect(asRecord(john["supervisor"])["username"]).toBe("tony");
    expect(john["teams"]).toEqual([{ id: 1, name: "Backend", color: null, "color-safe": "#FFC107" }]);
    expect(john["memberships"]).toEqual([
      { team: { id: 1, name: "Backend", color: null, "color-safe": "#FFC107" }, teamlead: false },
    ]);
    expect(john["roles"]).toEqual([]);
  });

  test("full=0 and full=false keep the collection shape", async () => {
    for (const full of ["0", "false"]) {
      const items = asList((await sb.call("GET", `/api/users?full=${full}`)).json);
      expect(keysOf(items[0])).toEqual(COLLECTION_KEYS);
    }
  });

  test("a supervisor cycle drops the repeated supervisor key instead of recursing forever", async () => {
    expect((await sb.call("PATCH", "/api/users/3", { body: { supervisor: 4 } })).status).toBe(200);
    const items = asList((await sb.call("GET", "/api/users?full=true")).json);
    const john = asRecord(items.find((u) => u["username"] === "john"));
    const tony = asRecord(john["supervisor"]);
    expect(tony["username"]).toBe("tony");
    // john → tony → john: JMS skips the property that would revisit john.
    expect("supervisor" in tony).toBe(false);
    expect(keysOf(tony)).toEqual(ENTITY_KEYS.filter((k) => k !== "supervisor"));
  });

  test("1,200 full entities stream as one valid array", async () => {
    const users = Array.from({ length: 1200 }, (_, i) => ({
      id: i + 1,
      username: `user${i + 1}`,
      email: `user${i + 1}@example.com`,
      roles: i === 0 ? ["ROLE_SUPER_ADMIN"] : [],
      supervisor: i > 0 ? 1 : null,
    }));
    const big = await startTestSandbox({ seed: { users, tokens: { "token-admin": 1 } } });
    try {
      const items = asList((await big.call("GET", "/api/users?full=true&orderBy=id")).json);
      expect(items).toHaveLength(1200);
      expect(items.map((u) => u["id"])).toEqual(users.map((u) => u.id));
    } finally {
      await big.close();
    }
  });
});
