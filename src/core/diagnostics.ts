// Config problems are collected, never thrown: every problem in every file is reported in one run.

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** path relative to the project dir, with forward slashes */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file */
  column: number;
  /** stable machine-readable code, e.g. "duration.invalid", "user.duplicate-username" */
  code: string;
  /** what is wrong and what to write instead */
  message: string;
  severity: Severity;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where}: ${d.severity === "warning" ? "warning: " : ""}${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
