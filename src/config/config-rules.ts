// rosterform.yaml: targets, policy and defaults, with the documented defaults filled in.
import type {
  KimaiTargetConfig,
  KindLimits,
  Limit,
  RosterConfig,
  TeamPolicy,
  UnmanagedPolicy,
  WhenIWorkTargetConfig,
} from "../core/model.js";
import type { FileReport } from "./file-report.js";
import { checkIdentifier } from "./identifier-rules.js";
import type { PersonFields } from "./person-rules.js";
import { readIgnore, readPersonFields } from "./person-rules.js";
import { redact } from "../redact.js";
import type { PathSegment } from "./source-tree.js";
import { isRecord } from "./source-tree.js";

export interface ProjectConfig {
  config: RosterConfig;
  defaults: PersonFields;
}

export function readProjectConfig(data: unknown, report: FileReport): ProjectConfig {
  const raw = isRecord(data) ? data : {};
  const targets = isRecord(raw.targets) ? raw.targets : {};
  const policy = isRecord(raw.policy) ? raw.policy : {};
  const config: RosterConfig = {
    targets: {},
    policy: { unmanaged: "report", protect: [], limits: {} },
  };
  if (isRecord(targets.kimai)) {
    const kimai: KimaiTargetConfig = { workContractPlugin: "auto" };
    const url = readUrl(targets.kimai.url, ["targets", "kimai", "url"], report);
    if (url !== undefined) kimai.url = url;
    const plugin = targets.kimai.workContractPlugin;
    if (plugin === true || plugin === false || plugin === "auto") kimai.workContractPlugin = plugin;
    const locked = readMonth(targets.kimai.lockedThrough, ["targets", "kimai", "lockedThrough"], report);
    if (locked !== undefined) kimai.lockedThrough = locked;
    if (typeof targets.kimai.currency === "string") kimai.currency = targets.kimai.currency;
    config.targets.kimai = kimai;
  }
  if (isRecord(targets.wheniwork)) {
    const wheniwork: WhenIWorkTargetConfig = {
      invite: targets.wheniwork.invite === true,
      futureShifts:
        isRecord(targets.wheniwork.archive) && targets.wheniwork.archive.futureShifts === "delete"
          ? "delete"
          : "open",
    };
    if (typeof targets.wheniwork.currency === "string") wheniwork.currency = targets.wheniwork.currency;
    const url = readUrl(targets.wheniwork.url, ["targets", "wheniwork", "url"], report);
    if (url !== undefined) wheniwork.url = url;
    config.targets.wheniwork = wheniwork;
  }
  if (policy.unmanaged === "ignore" || policy.unmanaged === "report" || policy.unmanaged === "deactivate") {
    config.policy.unmanaged = policy.unmanaged as UnmanagedPolicy;
  }
  if (Array.isArray(policy.protect)) {
    config.policy.protect = policy.protect.filter((p): p is string => typeof p === "string" && p !== "");
    policy.protect.forEach((p: unknown, i) => {
      if (typeof p === "string" && p !== "") checkIdentifier(p, ["policy", "protect", i], report);
    });
  }
  if (isRecord(policy.limits)) config.policy.limits = readLimits(policy.limits, report);
  if (isRecord(policy.teams)) config.policy.teams = readTeamPolicy(policy.teams, report);
  if (policy.contractChanges === "warn" || policy.contractChanges === "refuse") {
    config.policy.contractChanges = policy.contractChanges;
  }
  const defaults = isRecord(raw.defaults) ? readPersonFields(raw.defaults, ["defaults"], report) : {};
  // policy.fields.ignore holds for every user: merged with each user's own ignore: (see normalize).
  if (isRecord(policy.fields) && Array.isArray(policy.fields.ignore)) {
    defaults.ignore = readIgnore([...(defaults.ignore ?? []), ...policy.fields.ignore]);
  }
  return { config, defaults };
}

/** policy.teams: what becomes of undeclared teams, and which server users teams.d/ may name. */
function readTeamPolicy(raw: Record<string, unknown>, report: FileReport): TeamPolicy {
  const unmanaged = raw.unmanaged;
  const teams: TeamPolicy = {
    unmanaged: unmanaged === "ignore" || unmanaged === "delete" ? unmanaged : "report",
    serverUsers: [],
  };
  if (Array.isArray(raw.serverUsers)) {
    raw.serverUsers.forEach((name: unknown, i) => {
      if (typeof name !== "string" || name === "") return;
      if (checkIdentifier(name, ["policy", "teams", "serverUsers", i], report))
        teams.serverUsers.push(name.toLowerCase());
    });
  }
  return teams;
}

/** YYYY-MM, a real month (the schema checks the shape; this names the month that does not exist). */
function readMonth(value: unknown, path: PathSegment[], report: FileReport): string | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}$/.test(value)) return undefined;
  const month = Number(value.slice(5));
  if (month < 1 || month > 12) {
    report.error(path, "month.invalid", `${value} is not a month; write YYYY-MM, e.g. 2026-06`);
    return undefined;
  }
  return value;
}

const LIMITED_ACTIONS = ["create", "update", "delete", "deactivate"] as const;
/** `policy.limits.deactivate` (the first form) is the user kind's `policy.limits.user.deactivate`. */
const FLAT_KIND = "user";
const FLAT_ACTIONS = ["create", "update", "deactivate"] as const;

/** policy.limits: per resource kind (`user: { deactivate: 10% }`), or flat for the user kind. */
function readLimits(raw: Record<string, unknown>, report: FileReport): Record<string, KindLimits> {
  const limits: Record<string, KindLimits> = {};
  for (const [kind, block] of Object.entries(raw)) {
    if ((FLAT_ACTIONS as readonly string[]).includes(kind) || !isRecord(block)) continue; // the schema reports it
    const kindLimits: KindLimits = {};
    for (const action of LIMITED_ACTIONS) {
      if (block[action] === undefined) continue;
      const limit = readLimit(block[action], ["policy", "limits", kind, action], report);
      if (limit) kindLimits[action] = limit;
    }
    limits[kind] = kindLimits;
  }
  for (const action of FLAT_ACTIONS) {
    if (raw[action] === undefined) continue;
    const limit = readLimit(raw[action], ["policy", "limits", action], report);
    if (!limit) continue;
    const kindLimits = (limits[FLAT_KIND] ??= {});
    if (kindLimits[action] !== undefined) {
      report.error(
        ["policy", "limits", action],
        "limit.duplicate",
        `limits.${action} is also given as limits.${FLAT_KIND}.${action}; keep one (limits.${FLAT_KIND}.${action})`,
      );
      continue;
    }
    kindLimits[action] = limit;
  }
  return limits;
}

/** A number of users (5) or a percentage ("10%"). */
export function readLimit(value: unknown, path: PathSegment[], report: FileReport): Limit | undefined {
  const label = `limits.${path.slice(2).map(String).join(".")}`;
  const hint = 'write a number of users (5) or a percentage ("10%")';
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0) return { count: value };
    if (value < 0)
      report.error(path, "value.negative", `${label} must not be negative (found ${value}); ${hint}`);
    else report.error(path, "limit.invalid", `${label} ${value} is not a whole number of users; ${hint}`);
    return undefined;
  }
  const percent = typeof value === "string" ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  if (percent) {
    const n = Number(percent[1]);
    if (n <= 100) return { percent: n };
    report.error(path, "limit.invalid", `${label} ${String(value)} is more than 100%; ${hint}`);
    return undefined;
  }
  const negative = typeof value === "string" && value.trim().startsWith("-");
  report.error(
    path,
    negative ? "value.negative" : "limit.invalid",
    `${label} ${JSON.stringify(value)} is not a limit; ${hint}`,
  );
  return undefined;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

function readUrl(value: unknown, path: PathSegment[], report: FileReport): string | undefined {
  if (typeof value !== "string") return undefined; // absent, or the schema reports it
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // the schema's pattern reports it
  }
  if (url.username || url.password || url.search || url.hash) {
    // Never echoed whole: what follows the host may be a password or an API key.
    const what = url.username || url.password ? "credentials (user:password@)" : "a query or fragment";
    report.error(
      path,
      "target.url-credentials",
      `url ${redact(value)} must not contain ${what}; write only the address, like https://${url.host}, and put the token in the environment (KIMAI_API_TOKEN / WHENIWORK_TOKEN)`,
    );
    return undefined;
  }
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
    report.error(
      path,
      "target.insecure-url",
      `url ${value} uses plain http; write https://${url.host}${url.pathname === "/" ? "" : url.pathname} (http is allowed only to localhost)`,
    );
    return undefined;
  }
  return value;
}
