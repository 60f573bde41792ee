// What a contract change makes Kimai recalculate, attached to the planned change (and to scheduled switches).
import { contractImpact, describeImpact, type ContractImpact } from "../../core/contract-impact.js";
import type { Contract, DesiredUser } from "../../core/model.js";
import type { Change, ChangeEffect, JsonValue, Note } from "../../core/plan.js";
import type { RemoteRecord } from "../../core/records.js";
import { CONTRACT_TERM_PREFERENCES, contractFromPreferences } from "./contract-terms.js";
import { contractPreferences } from "./mapping.js";

export const CONTRACT_IMPACT = "contract-impact";

/** A preference's value as the record holds it (a string, or null for unset). */
function rawValue(record: RemoteRecord | undefined, name: string): string | null | undefined {
  const raw = record?.attrs[name]?.raw;
  return raw === undefined ? undefined : raw === null ? null : String(raw);
}

/** The impact of an update of an existing user whose contract preferences change; none for creates. */
export function contractChangeEffects(
  change: Change,
  remote: RemoteRecord | undefined,
  at: string,
  lockedThrough: string | undefined,
): ChangeEffect[] {
  if (change.kind !== "user" || change.action === "create" || !remote) return [];
  const planned = new Map<string, string | null>();
  for (const a of change.attrs) {
    if (CONTRACT_TERM_PREFERENCES.has(a.key)) planned.set(a.key, a.to.raw === null ? null : String(a.to.raw));
  }
  if (planned.size === 0) return [];
  const before = contractFromPreferences((name) => rawValue(remote, name));
  const after = contractFromPreferences((name) =>
    planned.has(name) ? planned.get(name) : rawValue(remote, name),
  );
  const impact = contractImpact({ before, after, until: at, ...(lockedThrough ? { lockedThrough } : {}) });
  return impact ? [impactEffect(impact)] : [];
}

/**
 * A scheduled switch on `from`: Kimai then recalculates the unlocked days before it with the new contract. The
 * contract in force until then is taken as what the server will hold (the one the plan applies).
 */
export function scheduledSwitchEffects(
  user: DesiredUser,
  remote: RemoteRecord | undefined,
  lockedThrough: string | undefined,
): ChangeEffect[] {
  const next = user.nextContract;
  if (!next || !remote) return [];
  const current = user.contract ? contractPreferences(user.contract) : {};
  const value = (name: string) => (name in current ? current[name] : rawValue(remote, name));
  const before = contractFromPreferences(value);
  const upcoming = contractPreferences(next.contract);
  const after = contractFromPreferences((name) => (name in upcoming ? upcoming[name] : value(name)));
  const dayBefore = new Date(Date.parse(`${next.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const impact = contractImpact({
    before,
    after: withoutVacation(after, before),
    until: dayBefore,
    ...(lockedThrough ? { lockedThrough } : {}),
  });
  if (!impact) return [];
  const effect = impactEffect(impact);
  effect.lines = effect.lines.map((l, i) => (i === 0 ? `on ${next.from}: ${l}` : l));
  return [effect];
}

/** Vacation days are yearly: a scheduled switch's entitlement change concerns its own year, shown by its plan. */
function withoutVacation(after: Contract, before: Contract): Contract {
  return before.vacationDays === undefined
    ? { ...after, vacationDays: 0 }
    : { ...after, vacationDays: before.vacationDays };
}

function impactEffect(impact: ContractImpact): ChangeEffect {
  return {
    code: CONTRACT_IMPACT,
    lines: [
      ...describeImpact(impact),
      ...(impact.months.length > 0
        ? ["not counted: public holidays of the holiday group (Kimai's API does not expose them)"]
        : []),
    ],
    data: impact as unknown as JsonValue,
    rewritesPast: impact.months.length > 0,
  };
}

/** Contracts that make no sense on the plan's date: over for someone still enabled, or none in force yet. */
export function contractNotes(user: DesiredUser, at: string): Note[] {
  const key = user.username.toLowerCase();
  const notes: Note[] = [];
  const end = user.contract?.end;
  if (user.enabled && end !== undefined && end < at) {
    notes.push({
      level: "warning",
      key,
      message: `${user.username} is enabled but their contract ended on ${end}: Kimai expects no hours after it; off-board them (enabled: false) or extend the contract`,
    });
  }
  if (!user.contract && user.nextContract) {
    notes.push({
      level: "warning",
      key,
      message: `${user.username} has no contract in force on ${at}, only one from ${user.nextContract.from}: until then Kimai keeps the contract it has; add an entry from an earlier date if that is wrong`,
    });
  }
  return notes;
}
