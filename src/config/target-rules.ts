// Values of `targets.<name>` blocks that several target systems share: the server's address, a month.
import { isLoopbackHost } from "../net.js";
import { redact } from "../redact.js";
import type { FileReport } from "./file-report.js";
import type { PathSegment } from "./source-tree.js";

/**
 * A server address: no credentials, query or fragment (they would be printed and saved), plain http only to
 * this machine. `tokenVariable` names where the token goes instead.
 */
export function readServerUrl(
  value: unknown,
  path: readonly PathSegment[],
  report: FileReport,
  tokenVariable: string,
): string | undefined {
  if (typeof value !== "string") return undefined; // absent, or the schema reports it
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // the schema's pattern reports it
  }
  if (url.username || url.password || url.search || url.hash) {
    // Never echoed whole: what follows the host may be a password or an API key.
    const what = url.username || url.password ? "credentials (user:password@)" : "a query or fragment";
    report.error(
      path,
      "target.url-credentials",
      `url ${redact(value)} must not contain ${what}; write only the address, like https://${url.host}, and put the token in the environment (${tokenVariable})`,
    );
    return undefined;
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    report.error(
      path,
      "target.insecure-url",
      `url ${value} uses plain http; write https://${url.host}${url.pathname === "/" ? "" : url.pathname} (http is allowed only to localhost)`,
    );
    return undefined;
  }
  return value;
}

/** YYYY-MM, a real month (the schema checks the shape; this names the month that does not exist). */
export function readMonth(
  value: unknown,
  path: readonly PathSegment[],
  report: FileReport,
): string | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}$/.test(value)) return undefined;
  const month = Number(value.slice(5));
  if (month < 1 || month > 12) {
    report.error(path, "month.invalid", `${value} is not a month; write YYYY-MM, e.g. 2026-06`);
    return undefined;
  }
  return value;
}
