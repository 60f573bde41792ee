// Rules that need every file at once: unique usernames and emails, templates, supervisors.
// Everything is keyed by Maps, so 10,000 users take linear time.
import type { Contract, ScheduledContract } from "../core/model.js";
import type { FileReport } from "./file-report.js";
import { identityKey } from "./identifier-rules.js";
import type { ContractRef, ContractSpec } from "./person-rules.js";
import { didYouMean } from "./suggest.js";
import { quoted } from "../printable.js";
import type { TemplateDraft } from "./template-rules.js";
import type { UserDraft } from "./user-rules.js";

/** Names of files that could not be read at all: references to them are not reported again. */
export interface Unreadable {
  usernames: ReadonlySet<string>;
  templates: ReadonlySet<string>;
}

function where(report: FileReport, path: (string | number)[]): string {
  const { line, column } = report.pos(path);
  return line > 0 ? `${report.file}:${line}:${column}` : report.file;
}

export function indexTemplates(templates: readonly TemplateDraft[]): Map<string, TemplateDraft> {
  const byName = new Map<string, TemplateDraft>();
  const groups = groupBy(templates, (t) => t.name);
  for (const [name, group] of groups) {
    byName.set(name, group[0] as TemplateDraft);
    if (group.length < 2) continue;
    for (const template of group) {
      const others = listOthers(group, template, (t) => t.report.file);
      template.report.error(
        ["name"],
        "contract.duplicate-template",
        `contract template "${name}" is also defined in ${others}; template names must be unique`,
      );
    }
  }
  return byName;
}

export function checkIdentities(users: readonly UserDraft[]): void {
  const byUsername = reportDuplicates(users, "username", (u) => u.username);
  const byEmail = reportDuplicates(users, "email", (u) => u.email);
  // Kimai keeps usernames and emails unique together: a username may not be someone else's email.
  for (const [key, group] of byUsername) {
    const owner = byEmail.get(key)?.[0];
    const user = group[0];
    if (!owner || !user || owner === user) continue;
    user.report.error(
      ["username"],
      "user.username-is-email",
      `username "${user.username ?? ""}" is the email of ${where(owner.report, ["email"])}; Kimai refuses a username that is another user's email`,
    );
  }
}

function reportDuplicates(
  users: readonly UserDraft[],
  field: "username" | "email",
  get: (u: UserDraft) => string | undefined,
): Map<string, UserDraft[]> {
  const groups = groupBy(users, (u) => {
    const value = get(u);
    return value === undefined ? undefined : identityKey(value);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const user of group) {
      const others = listOthers(group, user, (u) => where(u.report, [field]));
      user.report.error(
        [field],
        `user.duplicate-${field}`,
        `${field} ${quoted(get(user) ?? "")} is also declared in ${others} (compared case-insensitively); each person needs their own ${field}`,
      );
    }
  }
  return groups;
}

const MAX_SUGGESTIONS = 100;

export function isEnabled(user: UserDraft, defaults: { enabled?: boolean }): boolean {
  return user.enabled ?? defaults.enabled ?? true;
}

/** Checks supervisors; returns each user's supervisor as spelt in the supervisor's own file. */
export function checkSupervisors(
  users: readonly UserDraft[],
  defaults: { enabled?: boolean },
  unreadable: Unreadable,
): Map<UserDraft, UserDraft> {
  const byUsername = new Map<string, UserDraft>();
  for (const user of users) {
    const key = user.username === undefined ? undefined : identityKey(user.username);
    if (key !== undefined && !byUsername.has(key)) byUsername.set(key, user);
  }
  const supervisorOf = new Map<UserDraft, UserDraft>();
  // Suggestions compare against every username: affordable for a few typos, not for thousands.
  let suggestionsLeft = MAX_SUGGESTIONS;
  let names: string[] | undefined;
  const declaredNames = (): string[] =>
    (names ??= users.flatMap((u) => (u.username === undefined ? [] : [u.username])));
  for (const user of users) {
    const name = user.supervisor;
    if (typeof name !== "string") continue;
    const target = byUsername.get(identityKey(name));
    if (!target) {
      if (unreadable.usernames.has(name.toLowerCase())) continue;
      user.report.error(
        ["supervisor"],
        "supervisor.unknown",
        `supervisor ${quoted(name)} is not a username in users.d/` +
          ((suggestionsLeft-- > 0 && didYouMean(name, declaredNames())) ||
            "; write the username of someone declared there, or null for none"),
      );
      continue;
    }
    if (target === user) {
      user.report.error(
        ["supervisor"],
        "supervisor.self",
        `${user.username ?? "this user"} cannot be their own supervisor; name someone else, or remove supervisor`,
      );
      continue;
    }
    if (isEnabled(user, defaults) && !isEnabled(target, defaults)) {
      user.report.error(
        ["supervisor"],
        "supervisor.disabled",
        `supervisor "${name}" is off-boarded (enabled: false in ${target.report.file}) and Kimai accepts only an enabled supervisor; name an enabled supervisor`,
      );
    }
    supervisorOf.set(user, target);
  }
  reportCycles(users, supervisorOf);
  return supervisorOf;
}

function reportCycles(users: readonly UserDraft[], supervisorOf: Map<UserDraft, UserDraft>): void {
  const state = new Map<UserDraft, "walking" | "done">();
  for (const start of users) {
    const path: UserDraft[] = [];
    let current: UserDraft | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, "walking");
      path.push(current);
      current = supervisorOf.get(current);
    }
    if (current && state.get(current) === "walking") {
      const cycle = path.slice(path.indexOf(current));
      const names = [...cycle, current].map((u) => u.username ?? "?").join(" → ");
      for (const member of cycle) {
        member.report.error(
          ["supervisor"],
          "supervisor.cycle",
          `supervisor cycle: ${names}; someone in this chain must have no supervisor, or one outside it`,
        );
      }
    }
    for (const user of path) state.set(user, "done");
  }
}

/** Resolves template names; reports unknown ones. Undefined when anything is missing or broken. */
export function resolveSchedule(
  spec: ContractSpec,
  templates: ReadonlyMap<string, TemplateDraft>,
  unreadable: Unreadable,
): ScheduledContract[] | undefined {
  const resolve = (ref: ContractRef | undefined): Contract | undefined => {
    if (ref === undefined) return undefined;
    if (ref.kind === "inline") return ref.contract;
    const template = templates.get(ref.name);
    if (template) return template.contract ? { ...template.contract, template: template.name } : undefined;
    if (unreadable.templates.has(ref.name)) return undefined;
    const hint =
      templates.size === 0
        ? `; contracts.d/ has no templates: create contracts.d/${ref.name}.yaml or write the contract inline`
        : didYouMean(ref.name, templates.keys()) ||
          `; known templates: ${[...templates.keys()].sort().join(", ")}`;
    spec.report.error(
      ref.path,
      "contract.unknown-template",
      `unknown contract template ${quoted(ref.name)}${hint}`,
    );
    return undefined;
  };
  if (spec.kind === "single") {
    const contract = resolve(spec.ref);
    return contract ? [{ from: "", contract }] : undefined;
  }
  let ok = true;
  const schedule: ScheduledContract[] = [];
  for (const entry of spec.entries) {
    const contract = resolve(entry.ref);
    if (contract) schedule.push({ from: entry.from, contract });
    else ok = false;
  }
  return ok ? schedule : undefined;
}

/** "a, b, c and 7 more": the other members of a group, without building the whole list (groups can be huge). */
function listOthers<T>(group: readonly T[], self: T, describe: (item: T) => string, limit = 3): string {
  const shown: string[] = [];
  for (const item of group) {
    if (item === self) continue;
    if (shown.length === limit) {
      return `${shown.join(", ")} and ${group.length - 1 - limit} more`;
    }
    shown.push(describe(item));
  }
  return shown.join(", ");
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
