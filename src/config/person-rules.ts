// The fields a user file and rosterform.yaml's `defaults` share: checked beyond the schema and normalised.
import { OWNABLE_FIELDS, type Contract, type OwnableField } from "../core/model.js";
import { readContract } from "./contract-rules.js";
import type { FileReport } from "./file-report.js";
import { readText } from "./identifier-rules.js";
import type { PathSegment } from "./source-tree.js";
import { isRecord } from "./source-tree.js";
import type { TargetBlocks } from "./target-blocks.js";
import { didYouMean } from "./suggest.js";
import { readDate } from "./value-rules.js";

/** A contract as written: a template name (resolved later, across files) or an inline contract. */
export type ContractRef =
  { kind: "template"; name: string; path: PathSegment[] } | { kind: "inline"; contract: Contract };

export interface DatedContractRef {
  from: string;
  /** undefined when the entry has a problem (already reported); the schedule is then unusable. */
  ref: ContractRef | undefined;
}

export type ContractSpec =
  | { kind: "single"; ref: ContractRef; report: FileReport }
  | { kind: "dated"; entries: DatedContractRef[]; report: FileReport };

export interface PersonFields {
  title?: string;
  accountNumber?: string;
  color?: string;
  enabled?: boolean;
  roles?: string[];
  language?: string;
  locale?: string;
  timezone?: string;
  rates?: { hourly?: number; internal?: number };
  contract?: ContractSpec;
  preferences?: Record<string, string>;
  /** Per-person blocks of target systems by name, as their modules read them; false = opted out. */
  targets?: Record<string, unknown>;
  ignore?: OwnableField[];
}

/** Kimai's RoleNameValidator: 5+ capitals and underscores, no "__", no "_" at either end; no ROLE_ prefix rule. */
export function isKimaiRoleName(role: string): boolean {
  return /^[A-Z_]{5,}$/.test(role) && !role.includes("__") && !role.startsWith("_") && !role.endsWith("_");
}
const BUILT_IN_ROLES = ["ROLE_TEAMLEAD", "ROLE_ADMIN", "ROLE_SUPER_ADMIN"];
const ROLE_RULE =
  "Kimai's roles are ROLE_TEAMLEAD, ROLE_ADMIN, ROLE_SUPER_ADMIN and custom ones: 5 or more capital letters and underscores, e.g. TEST_ROLE";

export function readPersonFields(
  raw: Record<string, unknown>,
  base: readonly PathSegment[],
  report: FileReport,
  modules: readonly TargetBlocks[],
): PersonFields {
  const at = (...rest: PathSegment[]): PathSegment[] => [...base, ...rest];
  const out: PersonFields = {};
  for (const field of ["title", "accountNumber"] as const) {
    const value = raw[field];
    if (typeof value === "string") out[field] = readText(value, at(field), report);
  }
  for (const field of ["color", "language", "locale"] as const) {
    const value = raw[field];
    if (typeof value === "string") out[field] = value;
  }
  if (typeof raw.enabled === "boolean") out.enabled = raw.enabled;
  if (typeof raw.timezone === "string" && raw.timezone !== "") {
    if (checkTimezone(raw.timezone, at("timezone"), report)) out.timezone = raw.timezone;
  }
  if (Array.isArray(raw.roles)) out.roles = readRoles(raw.roles, at("roles"), report);
  if (Array.isArray(raw.ignore)) out.ignore = readIgnore(raw.ignore);
  if (isRecord(raw.rates)) {
    const rates: { hourly?: number; internal?: number } = {};
    if (typeof raw.rates.hourly === "number") rates.hourly = raw.rates.hourly;
    if (typeof raw.rates.internal === "number") rates.internal = raw.rates.internal;
    out.rates = rates;
  }
  if (isRecord(raw.preferences)) {
    const preferences: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw.preferences)) {
      if (typeof value === "boolean") preferences[name] = value ? "1" : "0";
      else if (typeof value === "number" || typeof value === "string") preferences[name] = String(value);
    }
    out.preferences = preferences;
  }
  const targets = readTargetBlocks(raw, base, report, modules);
  if (targets) out.targets = targets;
  const contract = readContractSpec(raw, base, report);
  if (contract) out.contract = contract;
  return out;
}

/** The `<target>:` blocks a person declares: false (opted out) or the module's reading of the mapping. */
function readTargetBlocks(
  raw: Record<string, unknown>,
  base: readonly PathSegment[],
  report: FileReport,
  modules: readonly TargetBlocks[],
): Record<string, unknown> | undefined {
  let blocks: Record<string, unknown> | undefined;
  for (const module of modules) {
    const block = raw[module.name];
    // Every system can be opted out of (`<name>: false`); only systems with settings have a mapping.
    if (block === false) (blocks ??= {})[module.name] = false;
    else if (module.readPerson && isRecord(block))
      (blocks ??= {})[module.name] = module.readPerson(block, [...base, module.name], report);
  }
  return blocks;
}

const timezoneCache = new Map<string, string | undefined>();
let knownTimezones: string[] | undefined;

/** The canonical spelling of a time zone (IANA, as Intl knows it), or undefined when unknown. */
function canonicalTimezone(zone: string): string | undefined {
  if (timezoneCache.has(zone)) return timezoneCache.get(zone);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  timezoneCache.set(zone, canonical);
  return canonical;
}

function checkTimezone(zone: string, path: PathSegment[], report: FileReport): boolean {
  const canonical = canonicalTimezone(zone);
  if (canonical === undefined) {
    knownTimezones ??= Intl.supportedValuesOf("timeZone");
    const hint = didYouMean(zone, knownTimezones) || "; write an IANA time zone such as Europe/Berlin or UTC";
    report.error(
      path,
      "timezone.unknown",
      `timezone ${JSON.stringify(zone)} is not a known time zone${hint}`,
    );
    return false;
  }
  // Intl accepts any letter case; Kimai (PHP) wants the exact name.
  if (canonical !== zone && canonical.toLowerCase() === zone.toLowerCase()) {
    report.error(
      path,
      "timezone.unknown",
      `timezone ${JSON.stringify(zone)} is spelt differently; write ${canonical}`,
    );
    return false;
  }
  return true;
}

/** The schema names a wrong field; only the known ones are kept. */
export function readIgnore(raw: unknown[]): OwnableField[] {
  return [
    ...new Set(raw.filter((f): f is OwnableField => (OWNABLE_FIELDS as readonly unknown[]).includes(f))),
  ];
}

function readRoles(raw: unknown[], path: PathSegment[], report: FileReport): string[] {
  const roles = new Set<string>();
  raw.forEach((value, index) => {
    if (typeof value !== "string") return; // the schema reports it
    const role = value.trim().toUpperCase();
    if (role === "ROLE_USER") {
      report.warning(
        [...path, index],
        "role.implicit-user",
        "ROLE_USER is implicit (every user has it) and Kimai refuses it in roles; remove it",
      );
    } else if (BUILT_IN_ROLES.includes(role)) {
      roles.add(role); // a case variant of a built-in role is unambiguous
    } else if (value.trim() !== role || !isKimaiRoleName(role)) {
      // Lower case is never silently a custom role: "admin" most likely means ROLE_ADMIN.
      const write = BUILT_IN_ROLES.includes(`ROLE_${role}`)
        ? `ROLE_${role}`
        : isKimaiRoleName(role)
          ? `${role} (roles are upper case)`
          : "e.g. ROLE_TEAMLEAD";
      report.error(
        [...path, index],
        "role.invalid",
        `role ${JSON.stringify(value)} is not a Kimai role name; write ${write} (${ROLE_RULE})`,
      );
    } else {
      roles.add(role);
    }
  });
  return [...roles].sort();
}

function readContractSpec(
  raw: Record<string, unknown>,
  base: readonly PathSegment[],
  report: FileReport,
): ContractSpec | undefined {
  if (raw.contract !== undefined && raw.contracts !== undefined) {
    report.error(
      [...base, "contracts"],
      "user.contract-and-contracts",
      "both contract and contracts are given; keep contract for one contract, or contracts for effective-dated ones",
      "key",
    );
    return undefined;
  }
  if (raw.contract !== undefined) {
    const ref = readContractRef(raw.contract, [...base, "contract"], report);
    return ref ? { kind: "single", ref, report } : undefined;
  }
  if (!Array.isArray(raw.contracts)) return undefined;
  const entries: DatedContractRef[] = [];
  const firstIndexOf = new Map<string, number>();
  let latest: string | undefined;
  raw.contracts.forEach((item: unknown, index) => {
    const path = [...base, "contracts", index];
    if (!isRecord(item)) {
      entries.push({ from: "", ref: undefined }); // the schema reports it
      return;
    }
    const from = item.from === undefined ? undefined : readDate(item.from, [...path, "from"], report);
    const ref: ContractRef | undefined =
      typeof item.use === "string"
        ? { kind: "template", name: item.use, path: [...path, "use"] }
        : readContractRef(item, path, report, ["from"]);
    const entry: DatedContractRef = { from: from ?? "", ref: from === undefined ? undefined : ref };
    entries.push(entry);
    if (from === undefined) return;
    const earlier = firstIndexOf.get(from);
    if (earlier !== undefined) {
      report.error(
        [...path, "from"],
        "contracts.duplicate-date",
        `contracts[${earlier}] already starts on ${from}; each entry needs its own date`,
      );
      entry.ref = undefined;
    } else if (latest !== undefined && from < latest) {
      report.error(
        [...path, "from"],
        "contracts.order",
        `contracts are not in date order: ${from} comes after ${latest}; list entries from the earliest to the latest`,
      );
      entry.ref = undefined;
    }
    if (earlier === undefined) firstIndexOf.set(from, index);
    if (latest === undefined || from > latest) latest = from;
  });
  return { kind: "dated", entries, report };
}

function readContractRef(
  raw: unknown,
  path: PathSegment[],
  report: FileReport,
  ignore: readonly string[] = [],
): ContractRef | undefined {
  if (typeof raw === "string") return raw === "" ? undefined : { kind: "template", name: raw, path };
  if (!isRecord(raw)) return undefined;
  const fields =
    ignore.length === 0 ? raw : Object.fromEntries(Object.entries(raw).filter(([k]) => !ignore.includes(k)));
  const contract = readContract(fields, path, report);
  return contract ? { kind: "inline", contract } : undefined;
}
