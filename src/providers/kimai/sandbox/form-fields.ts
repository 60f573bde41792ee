// Submitting single form fields as Symfony does: trimming, empty → null, and the transformation
// failures (wrong value type, unknown choice) with each field type's invalid_message.

import type { FormValue } from "./decode.js";
import { MSG } from "./form-errors.js";

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(error: string): FieldResult<T> => ({ ok: false, error });

/** Symfony's "trim" option (StringUtil::trim): also strips Unicode spaces and control characters. */
function trim(value: string): string {
  return value.replace(/^[\p{Z}\p{Cc}\s]+|[\p{Z}\p{Cc}\s]+$/gu, "");
}

/** Text-like input (TextType, EmailType, PasswordType): a string or null; "" becomes null. */
export function textField(
  value: FormValue | undefined,
  invalid: string = MSG.invalidValue,
  doTrim = true,
): FieldResult<string | null> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value !== "string") return fail(invalid);
  const text = doTrim ? trim(value) : value;
  return ok(text === "" ? null : text);
}

/** Single choice: null/"" means none; anything else must be one of the choices. */
export function choiceField(
  value: FormValue | undefined,
  isChoice: (candidate: string) => boolean,
  invalid: string = MSG.invalidChoice,
): FieldResult<string | null> {
  const text = textField(value, invalid);
  if (!text.ok || text.value === null) return text;
  return isChoice(text.value) ? text : fail(invalid);
}

/** Multiple choice: a list (or PHP array) of choices; null/"" means none. */
export function multiChoiceField(
  value: FormValue | undefined,
  isChoice: (candidate: string) => boolean,
): FieldResult<string[]> {
  if (value === undefined || value === null || value === "") return ok([]);
  if (typeof value === "string") return fail(MSG.invalidChoice);
  const items = Array.isArray(value) ? value : Object.values(value);
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== "string" || !isChoice(item)) return fail(MSG.invalidChoice);
    if (!out.includes(item)) out.push(item);
  }
  return ok(out);
}

const FALSE_VALUES = new Set(["", "0", "false"]);

/** YesNoType (a checkbox): null, "", "0", "false" are false; any other string is true. */
export function checkboxField(value: FormValue | undefined): FieldResult<boolean> {
  if (value === undefined || value === null) return ok(false);
  if (typeof value !== "string") return fail(MSG.invalidCheckbox);
  return ok(!FALSE_VALUES.has(trim(value)));
}

/** Number of characters as PHP's mb_strlen counts them (code points). */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

/** StringHelper::ensureMaxLength(): silent truncation by the entity setters. */
export function truncate(value: string | null, max: number): string | null {
  if (value === null) return null;
  return charLength(value) > max ? [...value].slice(0, max).join("") : value;
}

export const SPECIAL_CHARACTERS = /[<>"=]/;

/** Symfony's Email constraint in html5 mode. */
export const HTML5_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+\\/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
