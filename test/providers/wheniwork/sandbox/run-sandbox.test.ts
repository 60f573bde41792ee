// runSandbox({target: "wheniwork"}): one JSON ready line with url, token, accountId, userId.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runSandbox } from "../../../../src/commands/sandbox.js";
import type { Io } from "../../../../src/io.js";
import { teamSeed } from "./helpers.js";

async function captureIo(): Promise<Io & { out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = await mkdtemp(join(tmpdir(), "wiw-sandbox-"));
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, isTTY: false, cwd };
}

describe("runSandbox --target wheniwork", () => {
  test("prints one JSON line {url, token, accountId, userId} and serves /2/", async () => {
    const io = await captureIo();
    await writeFile(
      join(io.cwd, "seed.json"),
      JSON.stringify({ ...teamSeed(), tokens: { "file-token": 4 } }),
    );
    const running = await runSandbox({ target: "wheniwork", seed: "seed.json", rateLimitPerMinute: 5 }, io);
    try {
      const output = io.out.join("");
      expect(output.split("\n")).toHaveLength(2);
      const line = JSON.parse(output) as { url: string; token: string; accountId: number; userId: number };
      expect(Object.keys(line)).toEqual(["url", "token", "accountId", "userId"]);
      expect(line).toMatchObject({ token: "file-token", accountId: 1, userId: 4 });
      const r = await fetch(`${line.url}/2/users/4`, {
        headers: { "w-token": line.token, "w-userid": String(line.userId) },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get("w-limit-remaining")).toBe("4");
      expect(io.err).toEqual([]);
    } finally {
      await running.close();
    }
  });

  test("without a seed: the default sandbox", async () => {
    const io = await captureIo();
    const running = await runSandbox({ target: "wheniwork" }, io);
    try {
      const line = JSON.parse(io.out.join("")) as { accountId: number; userId: number };
      expect([line.accountId, line.userId]).toEqual([1, 1]);
    } finally {
      await running.close();
    }
  });

  test("a bad seed file fails naming the file and the path; nothing is printed", async () => {
    const io = await captureIo();
    await writeFile(join(io.cwd, "bad.json"), JSON.stringify({ accounts: [{ id: 1 }] }));
    await expect(runSandbox({ target: "wheniwork", seed: "bad.json" }, io)).rejects.toThrow(
      "invalid seed file bad.json: seed.accounts[0].name: must be a non-empty string",
    );
    await writeFile(join(io.cwd, "text.json"), "not json");
    await expect(runSandbox({ target: "wheniwork", seed: "text.json" }, io)).rejects.toThrow(
      /^seed file text.json is not valid JSON: /,
    );
    expect(io.out).toEqual([]);
  });
});
