// The seed reader: typed field access on seed objects; every problem is a SeedError naming its path.

import { isPlainObject } from "../../../sandbox/json.js";

export class SeedError extends Error {}

export class Reader {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly where: string,
    allowed: readonly string[],
  ) {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k))
        throw new SeedError(`${where}.${k}: unknown field (allowed: ${allowed.join(", ")})`);
    }
  }

  private fail(field: string, what: string): never {
    throw new SeedError(`${this.where}.${field}: ${what}`);
  }

  id(field: string): number {
    const v = this.obj[field];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
      this.fail(field, "must be a positive integer");
    return v;
  }

  string(field: string): string {
    const v = this.obj[field];
    if (typeof v !== "string" || v === "") this.fail(field, "must be a non-empty string");
    return v;
  }

  optionalString(field: string): string | undefined {
    return this.obj[field] === undefined ? undefined : this.string(field);
  }

  nullableString(field: string): string | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") this.fail(field, "must be a string or null");
    return v === "" ? null : v;
  }

  boolean(field: string, fallback: boolean): boolean {
    const v = this.obj[field];
    if (v === undefined) return fallback;
    if (typeof v !== "boolean") this.fail(field, "must be true or false");
    return v;
  }

  nullableId(field: string): number | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    return this.id(field);
  }

  list(field: string): unknown[] {
    const v = this.obj[field];
    if (v === undefined) return [];
    if (!Array.isArray(v)) this.fail(field, "must be a list");
    return v;
  }
}

export function object(value: unknown, where: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new SeedError(`${where}: must be an object`);
  return value;
}
