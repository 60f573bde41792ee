import { describe, expect, test } from "vitest";
import { diffRecords } from "../../src/core/diff.js";
import { USER_KIND } from "../../src/core/kinds.js";
import type { PlanPolicy } from "../../src/core/plan.js";
import { attr, type DesiredRecord, type RemoteRecord } from "../../src/core/records.js";

const policy = (over: Partial<PlanPolicy> = {}): PlanPolicy => ({
  unmanaged: "report",
  protect: [],
  limits: {},
  ...over,
});

function want(key: string, attrs: DesiredRecord["attrs"] = {}, enabled = true): DesiredRecord {
  return { kind: "user", key, name: key, enabled, attrs, source: `users.d/${key}.yaml` };
}
function have(key: string, attrs: RemoteRecord["attrs"] = {}, enabled = true, id = 1): RemoteRecord {
  return { kind: "user", key, name: key, id, enabled, attrs, fingerprint: `fp-${key}` };
}
const title = (t: string) => attr(t, JSON.stringify(t), t);

describe("diffRecords", () => {
  test("a declared user missing on the server is created with every declared attribute and enabled", () => {
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("anna", { title: title("Dev") })],
      remote: [],
      policy: policy(),
    });
    expect(out.changes).toHaveLength(1);
    expect(out.changes[0]).toMatchObject({
      address: "kimai/user/anna",
      action: "create",
      kind: "user",
      key: "anna",
    });
    expect(out.changes[0]!.attrs.map((a) => a.key)).toEqual(["title", "enabled"]);
    expect(out.fingerprints).toEqual({ "kimai/user/anna": null });
  });

  test("only attributes whose canon differs are updated; equal canon is no change", () => {
    const email = attr("A@X.org", "A@X.org", "a@x.org");
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("anna", { email, title: title("Lead") })],
      remote: [have("anna", { email: attr("a@x.org", "a@x.org", "a@x.org"), title: title("Dev") })],
      policy: policy(),
    });
    expect(out.changes).toHaveLength(1);
    expect(out.changes[0]!.action).toBe("update");
    expect(out.changes[0]!.attrs).toEqual([{ key: "title", from: title("Dev"), to: title("Lead") }]);
  });

  test("a matching server is no change at all", () => {
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("anna", { title: title("Dev") })],
      remote: [have("anna", { title: title("Dev") })],
      policy: policy(),
    });
    expect(out.changes).toEqual([]);
  });

  test("enabled false deactivates, enabled true on a disabled user reactivates (found, not re-created)", () => {
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("gone", {}, false), want("back")],
      remote: [have("gone"), have("back", {}, false, 2)],
      policy: policy(),
    });
    expect(out.changes.map((c) => [c.action, c.key, c.remoteId])).toEqual([
      ["reactivate", "back", 2],
      ["deactivate", "gone", 1],
    ]);
  });

  test("an off-boarded user absent on the server is not created", () => {
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("gone", {}, false)],
      remote: [],
      policy: policy(),
    });
    expect(out.changes).toEqual([]);
    expect(out.notes[0]!.message).toContain("nothing to do");
  });

  test("protected users and the token's own user are never changed, and the plan says so", () => {
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("boss", { title: title("X") }), want("me", { title: title("Y") })],
      remote: [have("boss", { title: title("A") }), have("me", { title: title("B") })],
      policy: policy({ protect: ["BOSS"] }),
      selfKey: "me",
    });
    expect(out.changes).toEqual([]);
    expect(out.notes.map((n) => n.message)).toEqual([
      "boss is protected by policy.protect: not changed (differs in title)",
      "me is the token's own user: not changed (differs in title)",
    ]);
  });

  test.each([
    ["ignore", 0, 0],
    ["report", 0, 1],
    ["deactivate", 1, 0],
  ] as const)("unmanaged policy %s: %i deactivations, %i notes", (unmanaged, deactivations, notes) => {
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [],
      remote: [have("stray")],
      policy: policy({ unmanaged }),
    });
    expect(out.changes.filter((c) => c.action === "deactivate")).toHaveLength(deactivations);
    expect(out.notes).toHaveLength(notes);
  });

  test("unmanaged deactivation spares protected users, the token's user, system accounts and disabled users", () => {
    const remote = [
      have("keep"),
      have("me"),
      { ...have("bot"), system: true },
      have("off", {}, false),
      have("stray"),
    ];
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [],
      remote,
      policy: policy({ unmanaged: "deactivate", protect: ["keep"] }),
      selfKey: "me",
    });
    expect(out.changes.map((c) => c.key)).toEqual(["stray"]);
  });

  test("deactivations beyond policy.limits are refused; percent is of the users on the server", () => {
    const remote = Array.from({ length: 10 }, (_, i) => have(`u${i}`));
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("newcomer")],
      remote,
      policy: policy({ unmanaged: "deactivate", limits: { user: { deactivate: { percent: 10 } } } }),
    });
    expect(out.refusals).toHaveLength(1);
    expect(out.refusals[0]!.message).toBe(
      "10 users to deactivate exceed policy.limits.user.deactivate (10% of 10 users = 1)",
    );
    expect(out.refusals[0]!.fix).toBe(
      "review the plan and re-run with --force, or raise policy.limits.user.deactivate in rosterform.yaml",
    );
    const small = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("newcomer")],
      remote: remote.slice(0, 5),
      policy: policy({ unmanaged: "deactivate", limits: { user: { deactivate: { percent: 25 } } } }),
    });
    expect(small.refusals[0]!.message).toContain(
      "5 users to deactivate exceed policy.limits.user.deactivate (25% of 5 users = 2)",
    );
    const one = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("newcomer")],
      remote: remote.slice(0, 1),
      policy: policy({ unmanaged: "deactivate", limits: { user: { deactivate: { percent: 10 } } } }),
    });
    expect(one.refusals).toEqual([]);
    const within = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("newcomer")],
      remote,
      policy: policy({ unmanaged: "deactivate", limits: { user: { deactivate: { count: 10 } } } }),
    });
    expect(within.refusals).toEqual([]);
  });

  test("without policy.limits: updates over 30% of at least 10 users, deactivations over 30% (at least 3) are refused; near a limit, a note", () => {
    const remote = Array.from({ length: 12 }, (_, i) => have(`u${i}`, { title: attr("a", "a") }));
    const update = (n: number) =>
      diffRecords({
        target: "kimai",
        spec: USER_KIND,
        desired: remote.map((r, i) => want(r.key, { title: attr(i < n ? "b" : "a", "x") })),
        remote,
        policy: policy(),
      });
    expect(update(4).refusals).toEqual([]);
    expect(update(4).notes.map((n) => n.message)).toContain(
      "4 users to update, within the default limit (30% of 12 users = 4; policy.limits.user.update is not set): at most 4",
    );
    expect(update(5).refusals.map((r) => r.message)).toEqual([
      "5 users to update exceed the default limit (30% of 12 users = 4; policy.limits.user.update is not set)",
    ]);
    expect(update(5).refusals[0]!.fix).toContain("set policy.limits.user.update in rosterform.yaml");
    // Fewer than 10 users: updates have no default (as octoDNS), deactivations keep theirs, at least 3.
    const small = remote.slice(0, 5);
    const few = (declared: number) =>
      diffRecords({
        target: "kimai",
        spec: USER_KIND,
        desired: small.slice(0, declared).map((r) => want(r.key, { title: attr("b", "b") })),
        remote: small,
        policy: policy({ unmanaged: "deactivate" }),
      });
    expect(few(2).refusals).toEqual([]);
    expect(few(2).notes.map((n) => n.message)).toContain(
      "3 users to deactivate, within the default limit (30% of 5 users, at least 3; policy.limits.user.deactivate is not set): at most 3",
    );
    expect(few(1).refusals.map((r) => r.message)).toEqual([
      "4 users to deactivate exceed the default limit (30% of 5 users, at least 3; policy.limits.user.deactivate is not set)",
    ]);
    // Creates have no default limit.
    const creates = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: Array.from({ length: 50 }, (_, i) => want(`n${i}`)),
      remote,
      policy: policy(),
    });
    expect(creates.refusals).toEqual([]);
  });

  test("a change that refers to a user being created or reactivated depends on that change", () => {
    const sup = attr("boss", "boss", "boss", ["kimai/user/boss"]);
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [
        want("anna", { supervisor: sup }),
        want("boss"),
        want("carl", { supervisor: attr("dora", "dora", "dora", ["kimai/user/dora"]) }),
        want("dora"),
      ],
      remote: [have("carl", {}, true, 3), have("dora", {}, false, 4)],
      policy: policy(),
    });
    const byKey = new Map(out.changes.map((c) => [c.key, c]));
    expect(byKey.get("anna")!.dependsOn).toEqual(["kimai/user/boss"]);
    expect(byKey.get("carl")!.dependsOn).toEqual(["kimai/user/dora"]);
  });

  test("--only plans just the named users and reports nobody as unmanaged", () => {
    const out = diffRecords({
      target: "kimai",
      spec: USER_KIND,
      desired: [want("anna"), want("bob")],
      remote: [have("stray")],
      policy: policy({ unmanaged: "deactivate" }),
      only: new Set(["anna"]),
    });
    expect(out.changes.map((c) => c.key)).toEqual(["anna"]);
    expect(out.notes).toEqual([]);
  });
});
