// ajv's errors → diagnostics at the offending node, in words that say what to write instead.
import type { ErrorObject, ValidateFunction } from "ajv";
import type { FileReport } from "./file-report.js";
import type { PathSegment } from "./source-tree.js";
import { isRecord, pointerToPath, valueAt } from "./source-tree.js";
import { didYouMean } from "./suggest.js";

const CONTRACT_FIELDS = new Set([
  "type",
  "hoursPerWeek",
  "hoursPerMonth",
  "workDays",
  "hours",
  "vacationDays",
  "publicHolidayGroup",
  "start",
  "end",
]);

/**
 * Definitions marked `"$comment": "rosterform-rules: …"` (durations, work days, dates, roles, limits) are
 * checked by the rules (value-rules.ts and friends) with better messages than a schema gives; the schema keeps
 * them for editors, and their ajv errors are dropped here so that nothing is said twice.
 */
const OWNED_BY_RULES = "rosterform-rules:";

function ownedByRules(error: ErrorObject): boolean {
  const schema: unknown = error.parentSchema;
  return (
    isRecord(schema) && typeof schema.$comment === "string" && schema.$comment.startsWith(OWNED_BY_RULES)
  );
}

/** Validates `data` and reports every schema problem; true when the schema found none. */
export function validateWithSchema(validate: ValidateFunction, data: unknown, report: FileReport): boolean {
  if (validate(data)) return true;
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const described = describe(error, data);
    if (!described) continue;
    const key = `${described.path.join("/")}|${described.code}|${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    report.error(described.path, described.code, described.message, described.target);
  }
  return false;
}

interface Described {
  path: PathSegment[];
  code: string;
  message: string;
  target: "value" | "key";
}

function describe(error: ErrorObject, data: unknown): Described | undefined {
  if (error.keyword === "if" || ownedByRules(error)) return undefined;
  const path = pointerToPath(error.instancePath, data);
  const value = valueAt(data, path);
  const label = fieldLabel(path);
  const at = (code: string, message: string, target: "value" | "key" = "value"): Described => ({
    path,
    code,
    message,
    target,
  });
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      const allowed = allowedFields(error.parentSchema);
      const hint =
        allowed.length === 2 && allowed.includes("use") && allowed.includes("from")
          ? "; an entry with use: takes only from and use — remove use: to write the contract inline"
          : didYouMean(field, allowed) ||
            (CONTRACT_FIELDS.has(field) && allowed.includes("contract")
              ? `; ${field} belongs to a contract — put it under contract: (or in a template in contracts.d/)`
              : "") ||
            (allowed.length > 0 ? `; allowed here: ${allowed.join(", ")}` : "");
      return {
        path: [...path, field],
        code: "schema.unknown-field",
        message: `unknown field "${field}"${hint}`,
        target: "key",
      };
    }
    case "required": {
      const field = String(params.missingProperty);
      const where = path.length === 0 ? "" : ` in ${label}`;
      return at("schema.missing-field", `missing required field "${field}"${where}; add ${example(field)}`);
    }
    case "type":
      return at("schema.type", typeMessage(label, path, value, String(params.type)));
    case "enum": {
      const allowed = (Array.isArray(params.allowedValues) ? params.allowedValues : []).map((v) => String(v));
      const hint = typeof value === "string" ? didYouMean(value, allowed) : "";
      const list = allowed.join(", ");
      return at(
        "schema.enum",
        hint
          ? `${label} ${show(value)} is not allowed${hint} (one of: ${list})`
          : `${label} ${show(value)} is not allowed; write one of: ${list}`,
      );
    }
    case "pattern":
      return at("schema.pattern", patternMessage(label, path, value));
    case "format":
      return at(
        "schema.format",
        `${label} ${show(value)} is not an email address; write e.g. anna.schmidt@example.com`,
      );
    case "minimum":
    case "exclusiveMinimum": {
      const limit = Number(params.limit);
      if (limit === 0 && typeof value === "number" && value < 0) {
        return at("value.negative", `${label} must not be negative (found ${value}); write 0 or more`);
      }
      return at("schema.minimum", `${label} must be at least ${limit} (found ${show(value)})`);
    }
    case "maximum":
    case "exclusiveMaximum":
      return at("schema.maximum", `${label} must be at most ${String(params.limit)} (found ${show(value)})`);
    case "minLength":
      return Number(params.limit) <= 1
        ? at("schema.empty", `${label} is empty; write a value or remove the field`)
        : at(
            "schema.length",
            `${label} ${show(value)} is too short; write at least ${String(params.limit)} characters`,
          );
    case "maxLength":
      return at(
        "schema.length",
        `${label} is too long; write at most ${String(params.limit)} characters (Kimai would cut the rest)`,
      );
    case "minItems":
      return at("schema.empty", `${label} is an empty list; give at least one entry or remove the field`);
    case "minProperties":
      return at(
        "schema.empty",
        path.at(-1) === "targets"
          ? "targets is empty; add kimai: { url: https://kimai.example.com } and/or wheniwork: {}"
          : `${label} is empty; give at least one field or remove it`,
      );
    case "false schema":
      return notForType(path, data);
    default:
      return at(`schema.${error.keyword}`, `${label} ${error.message ?? "is not valid"}`);
  }
}

/** "hoursPerWeek", "hours.mon", "roles[1]", "name.first": short, with the line:col doing the rest. */
export function fieldLabel(path: readonly PathSegment[]): string {
  const last = path.at(-1);
  const parent = path.at(-2);
  if (last === undefined) return "the file";
  if (typeof last === "number") return `${String(parent ?? "item")}[${last}]`;
  if (typeof parent === "string" && parent !== "contract" && parent !== "defaults")
    return `${parent}.${last}`;
  return last;
}

function allowedFields(parentSchema: unknown): string[] {
  if (!isRecord(parentSchema) || !isRecord(parentSchema.properties)) return [];
  return Object.keys(parentSchema.properties);
}

const EXAMPLES: Record<string, string> = {
  username: "username: anna.schmidt",
  email: "email: anna.schmidt@example.com",
  first: "first: Anna",
  last: "last: Schmidt",
  type: "type: week (or month, day, none)",
  from: "from: 2025-01-01",
  use: "use: full-time-40h",
  targets: "targets: { kimai: { url: https://kimai.example.com } }",
};

function example(field: string): string {
  return EXAMPLES[field] ?? `${field}: …`;
}

const OBJECT_HINTS: Record<string, string> = {
  contract:
    "a template name (e.g. full-time-40h) or a contract mapping such as { type: week, hoursPerWeek: 40h }",
  contracts: "a mapping such as { from: 2025-01-01, use: full-time-40h }",
  wheniwork: "a mapping of When I Work settings (role, positions, …), or false to leave this person out",
  name: "a mapping { first: Anna, last: Schmidt }",
  rates: "a mapping { hourly: 85, internal: 60 }",
  hours: "a mapping of days, e.g. { mon: 8h, tue: 8h, fri: 4h }",
  preferences: "a mapping of preference names to values, e.g. { first_weekday: sunday }",
};

const LIST_EXAMPLES: Record<string, string> = {
  roles: "[ROLE_TEAMLEAD]",
  positions: "[Barista, Cashier]",
  locations: "[Main Street]",
  protect: "[admin]",
  contracts: "[{ from: 2025-01-01, use: full-time-40h }]",
};

function typeMessage(label: string, path: readonly PathSegment[], value: unknown, expected: string): string {
  const field = [...path].reverse().find((s): s is string => typeof s === "string") ?? "";
  const isItem = typeof path.at(-1) === "number";
  if (value === null) {
    const colourHint = field === "color" ? ' (# starts a comment in YAML: quote the colour, "#3366ff")' : "";
    return `${label} has no value${colourHint}; write a value or remove the field`;
  }
  if (expected.includes("object")) {
    const hint = OBJECT_HINTS[field];
    if (hint) return `${label} must be ${hint}, not ${kindOf(value)}`;
    return `${label} must be a mapping (key: value), not ${kindOf(value)}`;
  }
  if (expected === "array") {
    const example = isItem ? undefined : LIST_EXAMPLES[field];
    return `${label} must be a list${example ? `, e.g. ${example}` : ""}, not ${kindOf(value)}`;
  }
  const wanted = expected
    .split(",")
    .map((t) => NOUNS[t] ?? t)
    .join(" or ");
  const quoteHint =
    expected.startsWith("string") && (typeof value === "number" || typeof value === "boolean")
      ? `; quote it: "${String(value)}"`
      : "";
  return `${label} must be ${wanted}, not ${kindOf(value)}${quoteHint}`;
}

const NOUNS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  null: "null",
  object: "a mapping",
  array: "a list",
};

function kindOf(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (isRecord(value)) return "a mapping";
  return typeof value;
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function patternMessage(label: string, path: readonly PathSegment[], value: unknown): string {
  const field = path.at(-1);
  const shown = show(value);
  switch (field) {
    case "color":
      return `${label} ${shown} is not a colour; write a quoted hex value like "#3366ff"`;
    case "username":
      return `${label} ${shown} may not contain / < > " or =`;
    case "alias":
    case "title":
    case "accountNumber":
      return `${label} ${shown} may not contain < > " or =`;
    case "locale":
      return `${label} ${shown} is not a locale; write e.g. de, de_AT or en_GB`;
    case "url":
      return `${label} ${shown} is not a URL; write e.g. https://kimai.example.com`;
    case "name":
      return `${label} ${shown} is not a template name; use letters, digits, ".", "_" and "-"`;
    default:
      return `${label} ${shown} does not have the expected form`;
  }
}

const FIELDS_BY_TYPE: Record<string, string> = {
  week: "hoursPerWeek, workDays",
  month: "hoursPerMonth, workDays",
  day: "hours",
  none: "no working time",
};

const TYPE_FOR_FIELD: Record<string, string> = {
  hoursPerWeek: "week",
  hoursPerMonth: "month",
  workDays: "week or month",
  hours: "day",
};

function notForType(path: PathSegment[], data: unknown): Described {
  const field = String(path.at(-1));
  const contract = valueAt(data, path.slice(0, -1));
  const type = isRecord(contract) && typeof contract.type === "string" ? contract.type : "this";
  const takes = FIELDS_BY_TYPE[type] ?? "";
  const belongs = TYPE_FOR_FIELD[field];
  return {
    path,
    code: "contract.field-not-for-type",
    message:
      `${field} does not belong to a ${type} contract (a ${type} contract takes ${takes}, plus vacationDays, ` +
      `publicHolidayGroup, start, end)` +
      (belongs ? `; remove it, or change type to ${belongs}` : "; remove it"),
    target: "key",
  };
}
