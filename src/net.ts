// Where rosterform may send credentials: HTTPS anywhere, plain HTTP only to this machine.
import { RosterformError } from "./errors.js";
import { redact } from "./redact.js";

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Parses a server URL from config or env; `setting` names where it came from, for the error. */
export function checkServerUrl(raw: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RosterformError(
      `${setting} "${redact(raw)}" is not a URL; write it like https://kimai.example.com`,
    );
  }
  // Credentials or parameters in the address would be printed and saved with it: refused, never echoed whole.
  const shown = redact(raw);
  if (url.username || url.password) {
    throw new RosterformError(
      `${setting} ${shown} must not contain credentials (user:password@); put the token in the environment instead`,
    );
  }
  if (url.search || url.hash) {
    throw new RosterformError(
      `${setting} ${shown} must not have a ${url.search ? "query (?…)" : "fragment (#…)"}: write only the address, like https://kimai.example.com; put the token in the environment`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new RosterformError(`${setting} "${shown}" must start with https://`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new RosterformError(
      `${setting} "${shown}" uses plain HTTP, which would send the API token unencrypted; use https:// (plain HTTP is allowed only to localhost)`,
    );
  }
  return url.toString().replace(/\/+$/, "");
}
