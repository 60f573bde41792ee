// Field-by-field reading of untrusted seed JSON, with errors that name the offending path.

import { isPlainObject } from "../../../sandbox/json.js";

export class SeedError extends Error {}

export function seedObject(value: unknown, where: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new SeedError(`${where}: must be an object`);
  return value;
}

export class SeedReader {
  readonly obj: Record<string, unknown>;

  constructor(
    value: unknown,
    readonly where: string,
    allowed: ReadonlySet<string>,
  ) {
    this.obj = seedObject(value, where);
    for (const k of Object.keys(this.obj)) {
      if (!allowed.has(k))
        throw new SeedError(`${where}.${k}: unknown field (allowed: ${[...allowed].join(", ")})`);
    }
  }

  fail(field: string, what: string): never {
    throw new SeedError(`${this.where}.${field}: ${what}`);
  }

  has(field: string): boolean {
    return this.obj[field] !== undefined;
  }

  id(field: string): number {
    const v = this.obj[field];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
      this.fail(field, "must be a positive integer");
    return v;
  }

  optionalId(field: string): number | undefined {
    return this.has(field) ? this.id(field) : undefined;
  }

  name(field: string): string {
    const v = this.obj[field];
    if (typeof v !== "string" || v.trim() === "") this.fail(field, "must be a non-empty string");
    return v;
  }

  string(field: string, fallback: string): string {
    const v = this.obj[field];
    if (v === undefined) return fallback;
    if (typeof v !== "string") this.fail(field, "must be a string");
    return v;
  }

  optionalString(field: string): string | undefined {
    return this.has(field) ? this.string(field, "") : undefined;
  }

  boolean(field: string, fallback: boolean): boolean {
    const v = this.obj[field];
    if (v === undefined) return fallback;
    if (typeof v !== "boolean") this.fail(field, "must be true or false");
    return v;
  }

  amount(field: string): number {
    const v = this.obj[field];
    if (v === undefined) return 0;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) this.fail(field, "must be a number >= 0");
    return v;
  }

  /** A datetime (RFC-2822 or ISO-8601) as epoch ms; null when absent or null. */
  dateTime(field: string): number | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    const ms = typeof v === "string" ? Date.parse(v) : Number.NaN;
    if (Number.isNaN(ms))
      this.fail(field, 'must be a date-time like "Mon, 05 Oct 2015 18:26:44 -0500" or ISO-8601');
    return ms;
  }

  list(field: string): unknown[] {
    const v = this.obj[field];
    if (v === undefined) return [];
    if (!Array.isArray(v)) this.fail(field, "must be a list");
    return v;
  }

  ids(field: string): number[] {
    return this.list(field).map((v, i) => {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
        this.fail(`${field}[${i}]`, "must be a positive integer");
      return v;
    });
  }
}

export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in yyyy-mm-dd form. */
export function isCalendarDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
