// Request body decoding as FOSRestBundle's BodyListener does it for /api: JSON (also without a
// Content-Type), converted "like x-www-form-urlencoded" by the jsontoform decoder, then snake_case keys
// camel-cased. Runs before authentication, so a malformed body is a 400 even without credentials.

import { tryParseJson } from "../../../sandbox/json.js";
import type { SandboxRequest } from "../../../sandbox/types.js";

/** A decoded value: every scalar is a string or null; lists and objects stay as they are (PHP arrays). */
export type FormValue = string | null | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export type DecodeResult = { ok: true; data: FormObject | FormValue[] } | { ok: false };

const DECODED_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const JSON_TYPES = new Set(["application/json", "application/x-json"]);
const FORM_TYPES = new Set(["multipart/form-data", "application/x-www-form-urlencoded"]);

/** jsontoform: numbers → strings, true → "1", false → null, and null → "" (PHP strval(null)). */
function toForm(value: unknown): FormValue {
  if (Array.isArray(value)) return value.map(toForm);
  if (typeof value === "object" && value !== null) {
    const out: FormObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = toForm(v);
    return out;
  }
  if (value === false) return null;
  if (value === true) return "1";
  if (value === null) return "";
  if (typeof value === "number") return phpNumberString(value);
  return String(value);
}

/** PHP's strval() of a decoded JSON number: integers plainly, floats with up to 17 significant digits. */
function phpNumberString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = String(n);
  return text.replace(/e\+?/, "E+").replace("E+-", "E-");
}

class KeyCollision extends Error {}

function camelKey(key: string): string {
  return key.includes("_") ? key.replace(/_([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase()) : key;
}

/** CamelKeysNormalizer: a renamed key that lands on an already-seen key is an error. */
function camelKeys(value: FormValue): FormValue {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value === "string") return value;
  const out: FormObject = {};
  for (const [key, v] of Object.entries(value)) {
    const normalized = camelKey(key);
    if (normalized !== key && Object.prototype.hasOwnProperty.call(out, normalized)) throw new KeyCollision();
    out[normalized] = camelKeys(v);
  }
  return out;
}

function mediaType(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? (header[0] ?? "") : header;
  return (value.split(";")[0] ?? "").trim().toLowerCase();
}

export function decodeBody(request: SandboxRequest): DecodeResult {
  if (!DECODED_METHODS.has(request.method)) return { ok: true, data: {} };
  const type = mediaType(request.headers["content-type"]);
  // Form posts and unknown media types are not decoded: the controller sees an empty body.
  if (type !== null && (FORM_TYPES.has(type) || !JSON_TYPES.has(type))) return { ok: true, data: {} };
  // PHP empty(): "" and "0" count as no body.
  if (request.bodyText === "" || request.bodyText === "0") return { ok: true, data: {} };
  const parsed = tryParseJson(request.bodyText);
  if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) return { ok: false };
  try {
    const data = camelKeys(toForm(parsed.value));
    return { ok: true, data: data as FormObject | FormValue[] };
  } catch (e) {
    if (e instanceof KeyCollision) return { ok: false };
    throw e;
  }
}

/** A PHP array's entries: list indices become "0", "1", … like PHP keys. */
export function entries(data: FormObject | FormValue[]): Array<[string, FormValue]> {
  return Array.isArray(data) ? data.map((v, i) => [String(i), v]) : Object.entries(data);
}

export function isArrayLike(value: FormValue | undefined): value is FormObject | FormValue[] {
  return typeof value === "object" && value !== null;
}
