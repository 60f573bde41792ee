import { expect, test } from "vitest";
import { executeChanges } from "../../src/core/execute.js";
import type { Change } from "../../src/core/plan.js";

const change = (key: string, dependsOn: string[] = []): Change => ({
  address: key,
  action: "create",
  kind: "user",
  key,
  name: key,
  attrs: [],
  dependsOn,
});

test("a change runs only after the changes it depends on", async () => {
  const order: string[] = [];
  await executeChanges([change("report", ["boss"]), change("boss", ["ceo"]), change("ceo")], {
    parallelism: 4,
    run: async (c) => {
      await new Promise((r) => setTimeout(r, 5));
      order.push(c.key);
    },
  });
  expect(order).toEqual(["ceo", "boss", "report"]);
});

test("a failure skips its dependents and not the independent changes", async () => {
  const results = await executeChanges([change("boss"), change("report", ["boss"]), change("other")], {
    parallelism: 2,
    run: async (c) => {
      if (c.key === "boss") throw new Error("boom");
    },
  });
  expect(results.map((r) => [r.address, r.status])).toEqual([
    ["boss", "failed"],
    ["report", "skipped"],
    ["other", "applied"],
  ]);
  expect(results[1]!.error).toBe("depends on boss, which failed");
});

test("never more than `parallelism` changes in flight", async () => {
  let inFlight = 0;
  let peak = 0;
  await executeChanges(
    Array.from({ length: 20 }, (_, i) => change(`u${i}`)),
    {
      parallelism: 3,
      run: async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
      },
    },
  );
  expect(peak).toBe(3);
});

test("a dependency cycle is reported as skipped instead of hanging", async () => {
  const results = await executeChanges([change("a", ["b"]), change("b", ["a"])], {
    parallelism: 2,
    run: async () => {},
  });
  expect(results.map((r) => r.status)).toEqual(["skipped", "skipped"]);
});

test("told to stop, nothing more starts; a change still in flight after the grace time is unknown", async () => {
  let stop: (reason: string) => void = () => undefined;
  const stopped = new Promise<string>((r) => (stop = r));
  const started: string[] = [];
  const results = await executeChanges([change("a"), change("b"), change("c", ["a"]), change("d")], {
    parallelism: 2,
    stop: stopped,
    graceMs: 50,
    run: async (c) => {
      started.push(c.key);
      if (c.key === "a") setTimeout(() => stop("apply was stopped by SIGINT"), 5);
      // b never finishes
      await new Promise((r) => setTimeout(r, c.key === "b" ? 60_000 : 20));
    },
  });
  expect(started).toEqual(["a", "b"]);
  expect(results.map((r) => [r.address, r.status])).toEqual([
    ["a", "applied"],
    ["b", "unknown"],
    ["c", "not-started"],
    ["d", "not-started"],
  ]);
  expect(results[2]!.error).toBe("not started: apply was stopped by SIGINT");
});
