// runSandbox: one JSON line on stdout when ready; clear errors for bad seed files.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runSandbox } from "../../../../src/commands/sandbox.js";
import type { Io } from "../../../../src/io.js";

const fixtures = fileURLToPath(new URL("../../../fixtures/kimai/", import.meta.url));

function captureIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    isTTY: false,
    cwd: fixtures,
  };
}

describe("runSandbox", () => {
  test("--kimai-version plays that release (over the seed's version); a malformed one is refused", async () => {
    const io = captureIo();
    const running = await runSandbox(
      { target: "kimai", seed: "sandbox-seed.json", kimaiVersion: "2.50" },
      io,
    );
    try {
      const line = JSON.parse(io.out.join("")) as { url: string; token: string };
      const res = await fetch(`${line.url}/api/users/me`, {
        headers: { authorization: `Bearer ${line.token}` },
      });
      const me = (await res.json()) as Record<string, unknown>;
      expect("color-safe" in me).toBe(true);
      const version = await fetch(`${line.url}/api/version`, {
        headers: { authorization: `Bearer ${line.token}` },
      });
      expect(((await version.json()) as { version: string }).version).toBe("2.50.0");
    } finally {
      await running.close();
    }
    await expect(runSandbox({ target: "kimai", kimaiVersion: "latest" }, captureIo())).rejects.toThrow(
      '--kimai-version: "latest" must look like 2.50 or 2.50.0',
    );
  });

  test("prints exactly one JSON line with url and token, and the server answers", async () => {
    const io = captureIo();
    const running = await runSandbox({ target: "kimai", seed: "sandbox-seed.json" }, io);
    try {
      const output = io.out.join("");
      expect(output.endsWith("\n")).toBe(true);
      expect(output.split("\n")).toHaveLength(2);
      const line = JSON.parse(output) as { url: string; token: string };
      expect(Object.keys(line)).toEqual(["url", "token"]);
      expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(line.token).toBe("fixture-token");
      const me = await fetch(`${line.url}/api/users/me`, {
        headers: { authorization: `Bearer ${line.token}` },
      });
      expect(((await me.json()) as { username: string }).username).toBe("root");
      expect(io.err).toEqual([]);
    } finally {
      await running.close();
    }
  });

  test("a seed with a mistake fails naming the file and the path", async () => {
    await expect(
      runSandbox({ target: "kimai", seed: "sandbox-seed-invalid.json" }, captureIo()),
    ).rejects.toThrow(
      "invalid seed file sandbox-seed-invalid.json: seed.users[1].supervisor: no user with id 42",
    );
  });

  test("a missing or non-JSON seed file fails clearly", async () => {
    await expect(runSandbox({ target: "kimai", seed: "nope.json" }, captureIo())).rejects.toThrow(
      "cannot read seed file nope.json: no such file",
    );
    await expect(
      runSandbox({ target: "kimai", seed: "sandbox-seed-not-json.txt" }, captureIo()),
    ).rejects.toThrow(/^seed file sandbox-seed-not-json.txt is not valid JSON: /);
  });

  test("a port in use fails clearly", async () => {
    const io = captureIo();
    const first = await runSandbox({ target: "kimai" }, io);
    try {
      const port = Number(new URL((JSON.parse(io.out.join("")) as { url: string }).url).port);
      await expect(runSandbox({ target: "kimai", port }, captureIo())).rejects.toThrow(
        `cannot start the sandbox: port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await first.close();
    }
  });
});
