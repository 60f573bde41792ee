// Resource kinds: addresses, retiring by deletion, references to several records, and plan format 2.
import { describe, expect, test } from "vitest";
import { parseAddress } from "../../src/core/address.js";
import { buildTargetPlan } from "../../src/core/build-plan.js";
import { diffRecords } from "../../src/core/diff.js";
import { executeChanges } from "../../src/core/execute.js";
import { USER_KIND, type KindSpec } from "../../src/core/kinds.js";
import type { PlanPolicy } from "../../src/core/plan.js";
import { parsePlanFile, PlanFileError, staleKeys } from "../../src/core/planfile.js";
import { schemas } from "../../src/config/schemas.js";
import { attr, type DesiredRecord, type RemoteRecord } from "../../src/core/records.js";

const TEAM: KindSpec = {
  kind: "team",
  plural: "teams",
  retire: "delete",
  unmanaged: true,
  declaredIn: "teams.d",
  people: false,
};
const policy = (over: Partial<PlanPolicy> = {}): PlanPolicy => ({
  unmanaged: "report",
  protect: [],
  limits: {},
  ...over,
});
const want = (
  kind: string,
  key: string,
  attrs: DesiredRecord["attrs"] = {},
  enabled = true,
): DesiredRecord => ({
  kind,
  key,
  name: key,
  enabled,
  attrs,
});
const have = (kind: string, key: string, id = 1): RemoteRecord => ({
  kind,
  key,
  name: key,
  id,
  enabled: true,
  attrs: {},
  fingerprint: `fp-${key}`,
});

describe("kinds", () => {
  test("addresses are target/kind/key; a key may hold slashes", () => {
    expect(parseAddress("kimai/user/anna.schmidt")).toEqual({
      target: "kimai",
      kind: "user",
      key: "anna.schmidt",
    });
    expect(parseAddress("x/team/a/b")).toEqual({ target: "x", kind: "team", key: "a/b" });
    expect(parseAddress("kimai/user")).toBeUndefined();
    expect(parseAddress("kimai//anna")).toBeUndefined();
  });

  test("a kind retired by deletion deletes undeclared records and ones declared retired; no enabled attribute", () => {
    const out = diffRecords({
      target: "kimai",
      spec: TEAM,
      desired: [want("team", "new"), want("team", "old", {}, false)],
      remote: [have("team", "old", 7), have("team", "stray", 8)],
      policy: policy({ unmanaged: "deactivate", limits: { team: { delete: { count: 1 } } } }),
    });
    expect(out.changes.map((c) => [c.address, c.action, c.attrs.map((a) => a.key)])).toEqual([
      ["kimai/team/new", "create", []],
      ["kimai/team/old", "delete", []],
      ["kimai/team/stray", "delete", []],
    ]);
    expect(out.refusals.map((r) => r.message)).toEqual([
      "2 teams to delete exceed policy.limits.team.delete (1)",
    ]);
    // Limits of another kind do not count these.
    const users = diffRecords({
      target: "kimai",
      spec: TEAM,
      desired: [],
      remote: [have("team", "stray")],
      policy: policy({ unmanaged: "deactivate", limits: { user: { delete: { count: 0 } } } }),
    });
    expect(users.refusals).toEqual([]);
  });

  test("a kind policy.unmanaged does not apply to leaves undeclared records alone, unreported", () => {
    const out = diffRecords({
      target: "kimai",
      spec: { ...TEAM, unmanaged: false },
      desired: [],
      remote: [have("team", "stray")],
      policy: policy({ unmanaged: "deactivate" }),
    });
    expect(out.changes).toEqual([]);
    expect(out.notes).toEqual([]);
  });

  test("a value referring to several records waits for all of them, across kinds, and runs after them", async () => {
    const members = attr(["anna", "bob"], "anna, bob", "anna,bob", ["kimai/user/anna", "kimai/user/bob"]);
    const plan = buildTargetPlan({
      target: "kimai",
      endpoint: "http://x",
      kinds: [USER_KIND, TEAM],
      users: [],
      mapping: {
        records: [want("team", "backend", { members }), want("user", "anna"), want("user", "bob")],
        errors: [],
        notes: [],
      },
      snapshot: { records: [have("user", "bob", 2)], notes: [] },
      policy: policy(),
    });
    const team = plan.changes.find((c) => c.kind === "team")!;
    // bob exists and is enabled: nothing to wait for; anna is created first.
    expect(team.dependsOn).toEqual(["kimai/user/anna"]);
    expect(team.reason).toBeUndefined();
    expect(plan.fingerprints).toEqual({
      "kimai/user/anna": null,
      "kimai/user/bob": "fp-bob",
      "kimai/team/backend": null,
    });

    const missing = buildTargetPlan({
      target: "kimai",
      endpoint: "http://x",
      kinds: [USER_KIND, TEAM],
      users: [],
      mapping: { records: [want("team", "backend", { members })], errors: [], notes: [] },
      snapshot: { records: [], notes: [] },
      policy: policy(),
    });
    expect(missing.changes[0]!.reason).toBe(
      "refers to kimai/user/anna, which is neither on the server nor planned",
    );

    const order: string[] = [];
    const twoRefs = { ...team, dependsOn: ["kimai/user/anna", "kimai/user/carl"] };
    const carl = { ...plan.changes.find((c) => c.key === "anna")!, address: "kimai/user/carl", key: "carl" };
    await executeChanges([twoRefs, ...plan.changes.filter((c) => c.kind === "user"), carl], {
      parallelism: 4,
      run: async (c) => {
        await new Promise((r) => setTimeout(r, c.key === "carl" ? 20 : 1));
        order.push(c.address);
      },
    });
    expect(order.at(-1)).toBe("kimai/team/backend");
  });

  test("a record of a kind the provider does not declare is a bug, not a plan", () => {
    expect(() =>
      buildTargetPlan({
        target: "kimai",
        endpoint: "http://x",
        kinds: [USER_KIND],
        users: [],
        mapping: { records: [want("team", "backend")], errors: [], notes: [] },
        snapshot: { records: [], notes: [] },
        policy: policy(),
      }),
    ).toThrow(/kind team/);
  });
});

describe("plan files", async () => {
  const validate = (await schemas()).plan;
  const v = (formatVersion: unknown) =>
    JSON.stringify({ formatVersion, tool: "rosterform", createdAt: "", at: "2026-01-01", targets: [] });

  test("a version-1 plan file is refused in one line: made by an older rosterform, run plan again", () => {
    expect(() => parsePlanFile(v(1), "plan.json", validate)).toThrow(PlanFileError);
    expect(() => parsePlanFile(v(1), "plan.json", validate)).toThrow(
      "plan.json was made by an older rosterform (formatVersion 1); run plan again: rosterform plan --out plan.json",
    );
  });

  test("version 2 is read; a newer one is refused", () => {
    expect(parsePlanFile(v(2), "plan.json", validate).formatVersion).toBe(2);
    expect(() => parsePlanFile(v(3), "plan.json", validate)).toThrow(
      /formatVersion 3; this rosterform reads formatVersion 2/,
    );
  });

  test("fingerprints: null reads as no fingerprints (no TypeError); the schema refuses such a file first", () => {
    expect(staleKeys(null, new Map())).toEqual([]);
    const file = JSON.stringify({
      formatVersion: 2,
      tool: "rosterform",
      createdAt: "",
      at: "2026-01-01",
      targets: [{ target: "kimai", endpoint: "", changes: [], fingerprints: null }],
    });
    expect(() => parsePlanFile(file, "plan.json", validate)).toThrow(
      "plan.json is damaged or edited (/targets/0/fingerprints must be object)",
    );
  });
});
