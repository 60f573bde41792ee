// When I Work throttles with a 403 that has no JSON error: every write is retried, creates and archives only
// after checking that the first attempt did not happen (no duplicates).
import { afterEach, expect, test } from "vitest";
import { project, removeProject, run, wiwSandbox, type WiwSandbox } from "./harness.js";

let wiw: WiwSandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await wiw?.close();
  if (dir) await removeProject(dir);
  wiw = dir = undefined;
});

const WIW_ONLY = `targets:\n  wheniwork: { url: https://api.wheniwork.com }\npolicy:\n  unmanaged: report\n`;
const person = (name: string, extra = "") =>
  `username: ${name}\nemail: ${name}@example.com\nname: { first: ${name}, last: X }\n${extra}`;
const throttle = (method: string, path: string) => ({
  method,
  path,
  times: 1,
  action: { type: "status", status: 403, body: "" },
});

test("a body-less 403 on a create, an update and an archive is retried (creates and archives checked first)", async () => {
  wiw = await wiwSandbox();
  dir = await project({ "users.d/bb.yaml": person("bb"), "users.d/cc.yaml": person("cc") }, WIW_ONLY);
  expect((await run(["apply", "--yes"], wiw.env, dir)).code).toBe(0);
  await removeProject(dir);
  dir = await project(
    {
      "users.d/aa.yaml": person("aa"),
      "users.d/bb.yaml": person("bb", "wheniwork: { employeeCode: E-9 }\n"),
      "users.d/cc.yaml": person("cc", "enabled: false\n"),
    },
    WIW_ONLY,
  );
  await wiw.faults([
    throttle("POST", "^/2/users$"),
    throttle("PUT", "^/2/users/\\d+$"),
    throttle("DELETE", "^/2/users/\\d+$"),
  ]);
  await wiw.clearRequests();
  const apply = await run(["apply", "--yes"], wiw.env, dir);
  expect(apply.code, apply.stderr).toBe(0);
  expect(apply.stderr).toMatch(/retrying POST \/2\/users in .* \(403\)/);
  expect(apply.stderr).toMatch(/retrying PUT \/2\/users\/\d+ in .* \(403\)/);
  expect(apply.stderr).toMatch(/retrying DELETE \/2\/users\/\d+ in .* \(403\)/);
  const requests = await wiw.requests();
  expect(requests.filter((r) => r.method === "POST")).toHaveLength(2);
  expect(requests.filter((r) => r.method === "DELETE")).toHaveLength(2);
  // Checked before repeating: the create looked the email up, the archive read the user.
  expect(requests.some((r) => r.method === "GET" && r.query["search"] === "aa@example.com")).toBe(true);
  expect(requests.some((r) => r.method === "GET" && /^\/2\/users\/\d+$/.test(r.path))).toBe(true);
  const users = (await wiw.state()).users;
  expect(users.filter((u) => u.email === "aa@example.com")).toHaveLength(1);
  expect(users.find((u) => u.email === "bb@example.com")!.employee_code).toBe("E-9");
  expect(users.find((u) => u.email === "cc@example.com")!.is_deleted).toBe(true);
  expect((await run(["plan"], wiw.env, dir)).stdout).toContain("No changes.");
}, 30_000);

test("a 403 with a JSON error is a refusal, not throttling: not retried", async () => {
  wiw = await wiwSandbox();
  dir = await project({ "users.d/aa.yaml": person("aa") }, WIW_ONLY);
  await wiw.faults([
    {
      method: "POST",
      path: "^/2/users$",
      times: 1,
      action: { type: "status", status: 403, body: { error: "Not allowed", code: 403 } },
    },
  ]);
  await wiw.clearRequests();
  const apply = await run(["apply", "--yes"], wiw.env, dir);
  expect(apply.code).toBe(1);
  expect(apply.stderr).not.toContain("retrying");
  expect((await wiw.requests()).filter((r) => r.method === "POST")).toHaveLength(1);
});
