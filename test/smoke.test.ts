import { expect, test } from "vitest";
import { formatDiagnostic } from "../src/core/diagnostics.js";

test("a diagnostic prints as path:line:col: message", () => {
  expect(
    formatDiagnostic({
      file: "users.d/a.yaml",
      line: 3,
      column: 5,
      code: "x",
      message: "bad",
      severity: "error",
    }),
  ).toBe("users.d/a.yaml:3:5: bad");
});
