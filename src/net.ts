// Where rosterform may send credentials: HTTPS anywhere, plain HTTP only to this machine.
import { RosterformError } from "./errors.js";

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
    throw new RosterformError(`${setting} "${raw}" is not a URL; write it like https://kimai.example.com`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new RosterformError(`${setting} "${raw}" must start with https://`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new RosterformError(
      `${setting} "${raw}" uses plain HTTP, which would send the API token unencrypted; use https:// (plain HTTP is allowed only to localhost)`,
    );
  }
  if (url.username || url.password) {
    throw new RosterformError(
      `${setting} must not contain credentials; put the token in the environment instead`,
    );
  }
  return url.toString().replace(/\/+$/, "");
}
