// Drafts → the model's DesiredUser: defaults merged under the user's own values, the contract in force
// at the given date selected.
import type { DesiredUser, ScheduledContract } from "../core/model.js";
import type { PersonFields } from "./person-rules.js";
import { isRecord } from "./source-tree.js";
import type { UserDraft } from "./user-rules.js";

export interface Schedules {
  /** The user's own contract(s), resolved; undefined when the file declares none. */
  own?: ScheduledContract[];
  /** From rosterform.yaml defaults; used when the user declares no contract. */
  defaults?: ScheduledContract[];
}

export function toDesiredUser(
  draft: UserDraft,
  defaults: PersonFields,
  schedules: Schedules,
  supervisor: UserDraft | undefined,
  at: string,
): DesiredUser {
  const username = draft.username ?? "";
  const keyPos = draft.report.rootKeyPos("username");
  const user: DesiredUser = {
    username,
    email: draft.email ?? "",
    enabled: draft.enabled ?? defaults.enabled ?? true,
    source: { file: draft.report.file, line: keyPos.line, column: keyPos.column },
  };
  if (draft.name) user.name = { ...draft.name };
  if (draft.previously) user.previously = { ...draft.previously };
  const alias = draft.alias ?? (draft.name ? `${draft.name.first} ${draft.name.last}` : undefined);
  if (alias !== undefined) user.alias = alias;
  for (const field of ["title", "accountNumber", "color", "language", "locale", "timezone"] as const) {
    const value = draft[field] ?? defaults[field];
    if (value !== undefined) user[field] = value;
  }
  const roles = draft.roles ?? defaults.roles;
  if (roles) user.roles = [...roles];
  if (draft.supervisor === null) user.supervisor = null;
  else if (supervisor?.username !== undefined) user.supervisor = supervisor.username;
  if (draft.rates || defaults.rates) user.rates = { ...defaults.rates, ...draft.rates };
  if (draft.preferences || defaults.preferences)
    user.preferences = { ...defaults.preferences, ...draft.preferences };
  const ignore = [...new Set([...(defaults.ignore ?? []), ...(draft.ignore ?? [])])];
  if (ignore.length > 0) user.ignore = ignore;
  const targets = mergeTargetBlocks(draft.targets, defaults.targets);
  if (targets) user.targets = targets;

  const schedule = schedules.own ?? schedules.defaults;
  if (schedule) {
    const { current, next } = selectContract(schedule, at);
    if (current) user.contract = { ...current.contract };
    if (next) user.nextContract = { from: next.from, contract: { ...next.contract } };
  }
  return user;
}

/** Per-target blocks: the user's own over the defaults', key by key; false (opted out) wins over defaults. */
function mergeTargetBlocks(
  own: PersonFields["targets"],
  fallback: PersonFields["targets"],
): PersonFields["targets"] {
  if (!own && !fallback) return undefined;
  const merged: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(fallback ?? {}), ...Object.keys(own ?? {})])) {
    const mine = own?.[name];
    const base = fallback?.[name];
    if (mine === false) merged[name] = false;
    else if (mine === undefined) merged[name] = isRecord(base) ? { ...base } : base;
    else
      merged[name] =
        isRecord(base) && isRecord(mine) ? { ...base, ...mine } : isRecord(mine) ? { ...mine } : mine;
  }
  return merged;
}

/**
 * The contract in force at `at` (the last entry whose `from` is on or before it; "" = always) and the next
 * scheduled one after it. Entries are in date order (checked when read).
 */
export function selectContract(
  schedule: readonly ScheduledContract[],
  at: string,
): { current?: ScheduledContract; next?: ScheduledContract } {
  let current: ScheduledContract | undefined;
  for (const entry of schedule) {
    if (entry.from <= at) current = entry;
    else return { current, next: entry };
  }
  return { current };
}
