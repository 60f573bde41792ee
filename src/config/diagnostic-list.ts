// Ordering and bounding the diagnostics of a run.
import type { Diagnostic } from "../core/diagnostics.js";

/** Beyond this, a file's further problems are summed up in one line (a broken file can yield thousands). */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

export function limitPerFile(sorted: readonly Diagnostic[], max: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  let i = 0;
  while (i < sorted.length) {
    const file = (sorted[i] as Diagnostic).file;
    let j = i;
    while (j < sorted.length && (sorted[j] as Diagnostic).file === file) j++;
    const group = sorted.slice(i, j);
    if (group.length <= max) out.push(...group);
    else {
      const hidden = group.slice(max);
      out.push(...group.slice(0, max));
      const errors = hidden.filter((d) => d.severity === "error").length;
      const first = hidden[0] as Diagnostic;
      out.push({
        file,
        line: first.line,
        column: first.column,
        code: "file.too-many-problems",
        message: `${hidden.length} more problems in this file are not shown (${errors} errors); fix the ones above first`,
        severity: errors > 0 ? "error" : "warning",
      });
    }
    i = j;
  }
  return out;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): void {
  diagnostics.sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column,
  );
}
