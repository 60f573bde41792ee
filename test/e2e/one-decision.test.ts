// One plan, one decision: when a selected target cannot be planned, apply sends nothing to any target, and
// every plan format carries the failed target with its errors.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import {
  BOTH_TARGETS_YAML,
  project,
  removeProject,
  run,
  sandbox,
  wiwSandbox,
  type Sandbox,
  type WiwSandbox,
} from "./harness.js";

let kimai: Sandbox | undefined;
let wiw: WiwSandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await kimai?.close();
  await wiw?.close();
  if (dir) await removeProject(dir);
  kimai = wiw = dir = undefined;
});

const person = (n: string, position: string) =>
  `username: ${n}\nemail: ${n}@example.com\nname: { first: ${n}, last: X }\nwheniwork: { positions: [${position}] }\n`;

async function start() {
  kimai = await sandbox();
  wiw = await wiwSandbox();
  dir = await project(
    {
      "users.d/anna.yaml": person("anna", "Cashier"),
      "users.d/bob.yaml": person("bob", "Cashier"),
      "users.d/carl.yaml": person("carl", "Astronaut"),
    },
    BOTH_TARGETS_YAML,
  );
  return { env: { ...kimai.env, ...wiw.env }, dir, kimai, wiw };
}

const writes = async (s: Sandbox | WiwSandbox) =>
  (await s.requests()).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

test("a When I Work position that does not exist: apply writes nothing to Kimai either, exit 1, names the target", async () => {
  const { env, dir, kimai, wiw } = await start();
  const apply = await run(["apply", "--yes"], env, dir);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain('When I Work has no position named "Astronaut"');
  expect(apply.stderr).toContain("When I Work could not be planned; nothing was sent to any target");
  expect(apply.stderr).toContain("apply the other target alone: rosterform apply --target kimai");
  expect(await writes(kimai)).toEqual([]);
  expect(await writes(wiw)).toEqual([]);
  expect((await kimai.state()).users.map((u) => u.username)).toEqual(["admin"]);

  // the suggested way out works, and converges
  const kimaiOnly = await run(["apply", "--yes", "--target", "kimai"], env, dir);
  expect(kimaiOnly.code, kimaiOnly.stderr).toBe(0);
  expect((await run(["plan", "--target", "kimai"], env, dir)).stdout).toContain("No changes.");
});

test("plan shows the plannable target, and text, JSON and Markdown all carry the failed one with its errors", async () => {
  const { env, dir } = await start();
  const text = await run(["plan", "--out", "plan.json"], env, dir);
  expect(text.code).toBe(1);
  expect(text.stdout).toContain("Kimai: Plan: 3 to create");
  expect(text.stdout).toContain('✗ users.d/carl.yaml: When I Work has no position named "Astronaut"');
  expect(text.stdout).toContain("When I Work: could not be planned; nothing will be applied to any target.");

  const json = JSON.parse((await run(["plan", "--format", "json"], env, dir)).stdout) as {
    targets: { target: string; errors?: string[]; changes: unknown[] }[];
  };
  expect(json.targets.map((t) => [t.target, t.changes.length, t.errors?.length ?? 0])).toEqual([
    ["kimai", 3, 0],
    ["wheniwork", 0, 1],
  ]);
  expect(json.targets[1]?.errors?.[0]).toContain('no position named "Astronaut"');

  const md = (await run(["plan", "--format", "markdown"], env, dir)).stdout;
  expect(md).toContain("- ❌ **When I Work** could not be planned; nothing will be applied to any target.");
  expect(md).toContain('no position named "Astronaut"');

  // a saved plan holding the failed target is refused before anything is read or sent
  const saved = JSON.parse(await readFile(join(dir, "plan.json"), "utf8")) as { targets: unknown[] };
  expect(saved.targets).toHaveLength(2);
  const apply = await run(["apply", "plan.json"], env, dir);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain("When I Work could not be planned; nothing was sent to any target");
  expect(apply.stderr).toContain(
    'When I Work: users.d/carl.yaml: When I Work has no position named "Astronaut"',
  );
  expect(await writes(kimai!)).toEqual([]);
});
