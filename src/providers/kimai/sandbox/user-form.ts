// The user create/edit forms (src/Form/UserEditType.php, UserCreateType.php, API/UserApi*Form.php) and
// the entity validation behind them (src/Entity/User.php, Validator/Constraints/UserValidator.php).

import type { SandboxResponse } from "../../../sandbox/types.js";
import { BUILT_IN_ROLES, DEFAULT_LANGUAGE, ROLE_USER, SERVER_TIMEZONE } from "./constants.js";
import type { FormObject, FormValue } from "./decode.js";
import { entries } from "./decode.js";
import { EXTRA_FIELDS, FormNode, MSG, validationFailed } from "./form-errors.js";
import type { FieldResult } from "./form-fields.js";
import {
  HTML5_EMAIL,
  SPECIAL_CHARACTERS,
  charLength,
  checkboxField,
  choiceField,
  multiChoiceField,
  textField,
  truncate,
} from "./form-fields.js";
import { COLOR_CHOICES, LANGUAGES, LOCALES, TIMEZONES } from "./choices.js";
import type { UserRecord } from "./model.js";
import { JSON_HEADERS } from "./http-errors.js";
import type { Access } from "./permissions.js";
import { canAssignRole, canSeeAllData } from "./permissions.js";
import { userLanguage, userLocale, userTimezone } from "./serialize.js";
import type { KimaiStore } from "./store.js";
import { hashApiPassword } from "./store.js";

export interface UserFormOptions {
  create: boolean;
  includeRoles: boolean;
  includeActiveFlag: boolean;
  includePreferences: boolean;
  includeSupervisor: boolean;
  includePasswordReset: boolean;
}

/** The form's fields in Symfony's order; anything else submitted is an "extra field". */
export function userFormFields(o: UserFormOptions): string[] {
  const fields = o.create ? ["username"] : [];
  fields.push("alias", "title", "accountNumber", "color", "email");
  if (o.includePreferences) fields.push("language", "locale", "timezone");
  if (o.includeActiveFlag) fields.push("enabled");
  if (o.includeSupervisor) fields.push("supervisor");
  if (o.includePasswordReset) fields.push("systemAccount", "requiresPasswordReset");
  if (o.includeRoles) fields.push("roles");
  if (o.create) fields.push("plainPassword", "plainApiToken");
  return fields;
}

export interface UserFormEnv {
  store: KimaiStore;
  access: Access;
  caller: UserRecord;
}

/** A working copy: changes land here and reach the store only when the whole form is valid. */
export function cloneUser(user: UserRecord): UserRecord {
  return {
    ...user,
    roles: [...user.roles],
    preferences: new Map(user.preferences),
    teamIds: [...user.teamIds],
  };
}

function requiresPasswordReset(user: UserRecord): boolean {
  return user.enabled && user.preferences.get("__pw_reset__") === "1";
}

/** User::setRoles(): upper-cased, ROLE_USER dropped, duplicates removed. */
function normalizeRoles(roles: readonly string[]): string[] {
  const out: string[] = [];
  for (const role of roles.map((r) => r.toUpperCase()))
    if (role !== ROLE_USER && !out.includes(role)) out.push(role);
  return out;
}

function isSupervisorChoice(env: UserFormEnv, draft: UserRecord, create: boolean, value: string): boolean {
  if (!/^[1-9][0-9]*$/.test(value)) return false;
  const candidate = env.store.users.get(Number(value));
  if (candidate === undefined || !candidate.enabled || candidate.systemAccount) return false;
  if (!create && candidate.id === draft.id) return false;
  const caller = env.caller;
  if (canSeeAllData(caller) || candidate.id === caller.id) return true;
  return env.access.isTeamleadOfUser(caller, candidate);
}

/** Applies one submitted field to the draft; returns the transformation error, if any. */
function submitField(
  name: string,
  value: FormValue | undefined,
  draft: UserRecord,
  env: UserFormEnv,
  o: UserFormOptions,
  secrets: { password: string | null; apiPassword: string | null },
): string | null {
  const take = <T>(result: FieldResult<T>, apply: (v: T) => void): string | null => {
    if (!result.ok) return result.error;
    apply(result.value);
    return null;
  };
  switch (name) {
    case "username":
      return take(textField(value), (v) => (draft.username = v ?? ""));
    case "alias":
      return take(textField(value), (v) => (draft.alias = truncate(v, 60)));
    case "title":
      return take(textField(value), (v) => (draft.title = truncate(v, 50)));
    case "accountNumber":
      return take(textField(value), (v) => (draft.accountNumber = truncate(v, 30)));
    case "color": {
      // ColorTrait (form): the entity's current colour stays a valid choice.
      const current = draft.color;
      const isChoice = (c: string) =>
        COLOR_CHOICES.includes(c) || (current !== null && current !== "" && c === current);
      return take(choiceField(value, isChoice), (v) => (draft.color = v));
    }
    case "email":
      return take(textField(value, MSG.invalidEmailInput), (v) => (draft.email = v ?? ""));
    case "language":
      return take(
        choiceField(value, (c) => LANGUAGES.has(c)),
        (v) => {
          if (v !== userLanguage(draft)) draft.preferences.set("language", v ?? DEFAULT_LANGUAGE);
        },
      );
    case "locale":
      return take(
        choiceField(value, (c) => LOCALES.has(c)),
        (v) => {
          if (v !== userLocale(draft)) draft.preferences.set("locale", v ?? DEFAULT_LANGUAGE);
        },
      );
    case "timezone":
      return take(
        choiceField(value, (c) => TIMEZONES.has(c), MSG.invalidTimezone),
        (v) => {
          if (v !== userTimezone(draft)) draft.preferences.set("timezone", v ?? SERVER_TIMEZONE);
        },
      );
    case "enabled":
      return take(checkboxField(value), (v) => (draft.enabled = v));
    case "systemAccount":
      return take(checkboxField(value), (v) => (draft.systemAccount = v));
    case "requiresPasswordReset":
      return take(checkboxField(value), (v) => {
        if (v !== requiresPasswordReset(draft)) draft.preferences.set("__pw_reset__", v ? "1" : "0");
      });
    case "supervisor":
      return take(
        choiceField(value, (c) => isSupervisorChoice(env, draft, o.create, c)),
        (v) => {
          draft.supervisorId = v === null ? null : Number(v);
        },
      );
    case "roles": {
      const available = [...BUILT_IN_ROLES, ...env.store.customRoles];
      const assignable = (r: string) => !env.store.features.assignableRoles || canAssignRole(env.caller, r);
      const isChoice = (r: string) => available.includes(r) && assignable(r);
      return take(multiChoiceField(value, isChoice), (v) => (draft.roles = normalizeRoles(v)));
    }
    case "plainPassword":
      return take(textField(value, MSG.invalidPassword, false), (v) => (secrets.password = v));
    case "plainApiToken":
      return take(textField(value, MSG.invalidPassword, false), (v) => (secrets.apiPassword = v));
    default:
      return null;
  }
}

function lengthErrors(value: string, min: number, max: number): string[] {
  const n = charLength(value);
  if (n < min) return [MSG.tooShort(min)];
  if (n > max) return [MSG.tooLong(max)];
  return [];
}

/** Entity validation of the draft: class constraints first (UserValidator, UniqueEntity), then properties. */
function validate(
  draft: UserRecord,
  draftId: number | null,
  env: UserFormEnv,
  o: UserFormOptions,
  password: string | null,
) {
  const errors = new Map<string, string[]>();
  const add = (field: string, ...messages: string[]) => {
    if (messages.length > 0) errors.set(field, [...(errors.get(field) ?? []), ...messages]);
  };
  const other = (user: UserRecord | undefined) => user !== undefined && user.id !== draftId;
  const { store } = env;
  const { email, username } = draft;

  // Constraints\User (cross-uniqueness of usernames and emails)
  if (email !== "") {
    if (other(store.userByEmail(email))) add("email", MSG.emailUsed);
    if (other(store.userByUsername(email))) add("email", MSG.emailIsUsername);
  }
  if (o.create && username !== "") {
    if (other(store.userByEmail(username))) add("username", MSG.usernameIsEmail);
    if (other(store.userByUsername(username))) add("username", MSG.usernameUsed);
  }
  // UniqueEntity('username'), UniqueEntity('email')
  if (o.create && username !== "" && other(store.userByUsername(username))) add("username", MSG.used);
  if (email !== "" && other(store.userByEmail(email))) add("email", MSG.used);

  if (o.create) {
    if (username === "") add("username", MSG.blank);
    else {
      if (username.includes("/")) add("username", MSG.invalidValue);
      add("username", ...lengthErrors(username, 2, 64));
      if (SPECIAL_CHARACTERS.test(username)) add("username", MSG.specialChars);
    }
  }
  for (const field of ["alias", "title", "accountNumber"] as const) {
    const value = draft[field];
    if (value !== null && SPECIAL_CHARACTERS.test(value)) add(field, MSG.specialChars);
  }
  if (email === "") add("email", MSG.blank);
  else {
    if (!HTML5_EMAIL.test(email)) add("email", MSG.badEmail);
    add("email", ...lengthErrors(email, 2, 180));
  }
  if (o.create) {
    if (password === null) add("plainPassword", MSG.blank);
    else add("plainPassword", ...lengthErrors(password, 8, 60));
  }
  return errors;
}

export type UserFormOutcome = { ok: true; user: UserRecord } | { ok: false; response: SandboxResponse };

/**
 * Submits the form onto a copy of `target` (a fresh draft on create). `clearMissing` is Symfony's flag:
 * true on POST (omitted fields are submitted empty), false on PATCH (omitted fields are untouched).
 */
export function submitUserForm(
  env: UserFormEnv,
  target: UserRecord,
  draftId: number | null,
  data: FormObject | FormValue[],
  o: UserFormOptions,
): UserFormOutcome {
  const fields = userFormFields(o);
  const submitted = new Map(entries(data));
  const root = new FormNode();
  for (const field of fields) root.child(field);
  if ([...submitted.keys()].some((key) => !fields.includes(key))) root.errors.push(EXTRA_FIELDS);

  const draft = cloneUser(target);
  const secrets = { password: null as string | null, apiPassword: null as string | null };
  for (const field of fields) {
    if (!o.create && !submitted.has(field)) continue;
    const error = submitField(field, submitted.get(field), draft, env, o, secrets);
    if (error !== null) root.child(field).errors.push(error);
  }
  for (const [field, messages] of validate(draft, draftId, env, o, secrets.password)) {
    root.child(field).errors.push(...messages);
  }
  if (root.hasErrors()) return { ok: false, response: validationFailed(root) };

  if (secrets.password !== null) draft.hasPassword = true;
  if (secrets.apiPassword !== null) draft.apiPasswordHash = hashApiPassword(secrets.apiPassword);
  return { ok: true, user: draft };
}

/**
 * UserService::saveUser() outside a form (the preferences PATCH since 2.53): entity validation in the
 * Default group; a failure is App\Validator\ValidationFailedException, rendered with a string code and
 * only the failing paths.
 */
export function validateSavedUser(env: UserFormEnv, user: UserRecord): SandboxResponse | null {
  const options: UserFormOptions = {
    create: false,
    includeRoles: false,
    includeActiveFlag: false,
    includePreferences: false,
    includeSupervisor: false,
    includePasswordReset: false,
  };
  const errors = validate(user, user.id, env, options, null);
  if (errors.size === 0) return null;
  const children = Object.fromEntries([...errors].map(([path, messages]) => [path, { errors: messages }]));
  return {
    status: 400,
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ code: "400", message: "Validation Failed", errors: { children } }),
  };
}
