// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message` annotate the pull request's files.
import type { Diagnostic } from "../core/diagnostics.js";

/** The escaping of the runner's command parser: data escapes %, CR, LF; properties also ':' and ','. */
function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function githubAnnotation(d: Diagnostic): string {
  const where = [`file=${property(d.file)}`];
  if (d.line > 0) where.push(`line=${d.line}`, `col=${d.column}`);
  return `::${d.severity === "warning" ? "warning" : "error"} ${where.join(",")},title=rosterform validate::${data(d.message)}`;
}
