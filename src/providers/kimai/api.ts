// Kimai's JSON shapes, as far as rosterform reads them (kimai-api.md §3). Unknown keys are ignored.
import { UnexpectedAnswerError } from "../../errors.js";

export interface KimaiPreference {
  name: string;
  value: string | null;
}

/** A user as listed with `full=true` or returned by GET one / POST / PATCH. */
export interface KimaiUser {
  id: number;
  username: string;
  email: string;
  enabled: boolean;
  systemAccount?: boolean;
  alias: string | null;
  title: string | null;
  accountNumber: string | null;
  color: string | null;
  language: string;
  locale: string;
  timezone: string;
  roles?: string[];
  /** Kimai sends a full nested entity; lists keep only what rosterform reads (KimaiClient.listUsers). */
  supervisor?: KimaiUserRef | null;
  preferences?: KimaiPreference[];
}

/** A user as another user's supervisor. */
export interface KimaiUserRef {
  id: number;
  username: string;
}

export interface KimaiVersion {
  version: string;
  versionId: number;
}

export interface KimaiPlugin {
  name: string;
  version: string;
}

/** The body of a 400 "Validation Failed" answer (both variants). */
export interface KimaiFormErrors {
  code?: number | string;
  message?: string;
  errors?: { errors?: string[]; children?: Record<string, { errors?: string[] } | undefined> };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Narrows one listed user; throws a descriptive error on a shape rosterform cannot work with. */
export function asKimaiUser(value: unknown, where: string): KimaiUser {
  if (!isObject(value) || typeof value.id !== "number" || typeof value.username !== "string") {
    throw new UnexpectedAnswerError(
      `${where}: expected a Kimai user with numeric id and username, got ${JSON.stringify(value)?.slice(0, 200)}`,
    );
  }
  return value as unknown as KimaiUser;
}

/**
 * The token's own user: its roles decide the super-admin check, so they must be a list of names — a string
 * (`"ROLE_SUPER_ADMIN_X"`) would pass an `includes` check by substring.
 */
export function asTokenUser(value: unknown, where: string): KimaiUser {
  const user = asKimaiUser(value, where);
  const roles: unknown = (user as { roles?: unknown }).roles;
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((r) => typeof r === "string"))) {
    throw new UnexpectedAnswerError(
      `${where}: expected roles as a list of role names, got ${JSON.stringify(roles)?.slice(0, 100)}; is this a Kimai server?`,
    );
  }
  return user;
}

export function asKimaiUserList(value: unknown, where: string): KimaiUser[] {
  if (!Array.isArray(value)) throw new UnexpectedAnswerError(`${where}: expected a JSON array of users`);
  return value.map((u, i) => asKimaiUser(u, `${where}[${i}]`));
}

/** "email: This value is already used." lines from a form-error body. */
export function formErrorLines(body: unknown): string[] {
  if (!isObject(body)) return [];
  const errors = (body as KimaiFormErrors).errors;
  if (!errors) return [];
  const lines = (errors.errors ?? []).map((e) => e);
  for (const [field, child] of Object.entries(errors.children ?? {})) {
    for (const e of child?.errors ?? []) lines.push(`${field}: ${e}`);
  }
  return lines;
}
