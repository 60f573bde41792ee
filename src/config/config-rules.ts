// rosterform.yaml: targets, policy and defaults, with the documented defaults filled in.
import type { KindLimits, Limit, RosterConfig, TeamPolicy, UnmanagedPolicy } from "../core/model.js";
import type { FileReport } from "./file-report.js";
import { checkIdentifier } from "./identifier-rules.js";
import type { PersonFields } from "./person-rules.js";
import { readIgnore, readPersonFields } from "./person-rules.js";
import type { PathSegment } from "./source-tree.js";
import { isRecord } from "./source-tree.js";
import type { TargetBlocks } from "./target-blocks.js";

export interface ProjectConfig {
  config: RosterConfig;
  defaults: PersonFields;
}

export function readProjectConfig(
  data: unknown,
  report: FileReport,
  modules: readonly TargetBlocks[],
): ProjectConfig {
  const raw = isRecord(data) ? data : {};
  const targets = isRecord(raw.targets) ? raw.targets : {};
  const policy = isRecord(raw.policy) ? raw.policy : {};
  const config: RosterConfig = {
    targets: {},
    policy: { unmanaged: "report", protect: [], limits: {} },
  };
  for (const module of modules) {
    const block = targets[module.name];
    if (isRecord(block))
      config.targets[module.name] = module.readTarget(block, ["targets", module.name], report);
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
  const defaults = isRecord(raw.defaults)
    ? readPersonFields(raw.defaults, ["defaults"], report, modules)
    : {};
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
