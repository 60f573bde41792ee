// Query-string parameters, strictly: a malformed value is a 400 instead of being ignored.

import { ErrorCode } from "./constants.js";
import { badRequest } from "./errors.js";

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const v = query.get(name);
  if (v === null) return fallback;
  switch (v.toLowerCase()) {
    case "true":
    case "1":
      return true;
    case "false":
    case "0":
      return false;
    default:
      throw badRequest(ErrorCode.InvalidParameter, `${name} must be true or false`);
  }
}

/** A comma-separated list of non-negative integers ("1,2,3"); null when the parameter is absent or empty. */
export function idListParam(query: URLSearchParams, name: string): Set<number> | null {
  const v = query.get(name);
  if (v === null || v.trim() === "") return null;
  const ids = new Set<number>();
  for (const part of v.split(",")) {
    const text = part.trim();
    if (!/^\d+$/.test(text))
      throw badRequest(ErrorCode.InvalidParameter, `${name} must be a comma-separated list of ids`);
    ids.add(Number(text));
  }
  return ids;
}
