// Pure: desired users + a provider's snapshot -> the plan of one target, kind by kind.
import { address, type Address } from "./address.js";
import { USER_KIND, type KindSpec } from "./kinds.js";
import type { Contract, DesiredUser } from "./model.js";
import { diffRecords, linkDependencies } from "./diff.js";
import { nobodyDeclared } from "./limits.js";
import type { Change, Note, PlanPolicy, Refusal, TargetPlan } from "./plan.js";
import type { DesiredRecord, RemoteRecord } from "./records.js";
import type { DesiredMapping, RemoteSnapshot } from "./provider.js";
import { formatDuration, formatWorkDays } from "./units.js";

export interface TargetPlanInput {
  target: string;
  endpoint: string;
  /** The resource kinds the provider manages, in the order they are planned. */
  kinds: readonly KindSpec[];
  users: readonly DesiredUser[];
  mapping: DesiredMapping;
  snapshot: RemoteSnapshot;
  policy: PlanPolicy;
  /** `--only`: these usernames (lower-cased); kinds that are not people are not planned at all. */
  only?: ReadonlySet<string>;
}

export function buildTargetPlan(input: TargetPlanInput): TargetPlan {
  const remote = input.mapping.remote ?? input.snapshot.records;
  const selfKey = input.mapping.selfKey ?? input.snapshot.selfKey;
  const known = new Set(input.kinds.map((k) => k.kind));
  for (const r of [...input.mapping.records, ...remote]) {
    if (!known.has(r.kind))
      throw new Error(`${input.target} handed a record of kind ${r.kind} it does not declare`);
  }
  const changes: Change[] = [];
  const notes: Note[] = [...input.snapshot.notes, ...input.mapping.notes];
  const refusals: Refusal[] = [];
  const fingerprints: Record<Address, string | null> = {};
  const counts = { remote: 0, declared: 0 };
  for (const spec of input.kinds) {
    if (input.only && !spec.people) continue;
    const desired = ofKind(input.mapping.records, spec);
    const current = ofKind(remote, spec);
    if (spec.people) {
      counts.remote += current.length;
      counts.declared += desired.length;
    }
    const diff = diffRecords({
      target: input.target,
      spec,
      desired,
      remote: current,
      policy: input.policy,
      ...(spec.people && selfKey !== undefined ? { selfKey } : {}),
      ...(spec.people && input.only ? { only: input.only } : {}),
      ...(spec.people && input.mapping.ignore?.length ? { ignore: new Set(input.mapping.ignore) } : {}),
    });
    changes.push(...diff.changes);
    notes.push(...diff.notes);
    // users.d declaring nobody at all (not: nobody for this target) while unmanaged people are retired.
    const nobody =
      spec.people && !input.only && input.policy.unmanaged === "deactivate"
        ? nobodyDeclared(diff.changes, input.users.length, spec, current.length)
        : undefined;
    if (nobody) refusals.push(nobody);
    refusals.push(...diff.refusals);
    Object.assign(fingerprints, diff.fingerprints);
  }
  // References across kinds (a team's members): wait for those changes too.
  const onServer = new Set(remote.map((r) => address(input.target, r.kind, r.key)));
  linkDependencies(changes, (ref) => onServer.has(ref));
  for (const change of changes) {
    const effects = input.mapping.effects?.(change) ?? [];
    if (effects.length > 0) change.effects = effects;
  }
  const refusal = contractRefusal(changes, input.policy);
  if (refusal) refusals.push(refusal);
  return {
    target: input.target,
    endpoint: input.endpoint,
    counts,
    changes,
    notes,
    refusals,
    fingerprints,
    scheduled: input.users
      .filter((u) => u.nextContract && (!input.only || input.only.has(u.username.toLowerCase())))
      .filter((u) => switchChangesSomething(u, input.mapping))
      .map((u) => {
        const effects = input.mapping.scheduledEffects?.(u) ?? [];
        return {
          key: u.username.toLowerCase(),
          from: u.nextContract?.from ?? "",
          summary: describeContract(u.nextContract!.contract),
          ...(effects.length > 0 ? { effects } : {}),
        };
      }),
  };
}

/** Whether a person's next contract changes their record on this target (a person it does not map: no). */
function switchChangesSomething(user: DesiredUser, mapping: DesiredMapping): boolean {
  const key = user.username.toLowerCase();
  const now = mapping.records.find((r) => r.key === key && r.kind === USER_KIND.kind);
  if (!now) return false;
  if (!mapping.switched) return true;
  const next = mapping.switched(user);
  if (!next) return false;
  const keys = new Set([...Object.keys(now.attrs), ...Object.keys(next.attrs)]);
  return [...keys].some((k) => now.attrs[k]?.canon !== next.attrs[k]?.canon);
}

/** policy.contractChanges: refuse turns changes that rewrite past, unlocked periods into one refusal. */
function contractRefusal(changes: readonly Change[], policy: PlanPolicy): Refusal | undefined {
  if (policy.contractChanges !== "refuse") return undefined;
  const names = changes.filter((c) => c.effects?.some((e) => e.rewritesPast)).map((c) => c.name);
  if (names.length === 0) return undefined;
  const shown =
    names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
  return {
    code: "contract",
    forceable: true,
    message: `contract changes for ${shown} would rewrite past, unlocked months (policy.contractChanges: refuse)`,
    fix: "lock those months in Kimai first, or make the change effective-dated (contracts: with from:) after the last locked month; then plan again, or re-run with --force to apply as it is",
  };
}

function ofKind<T extends DesiredRecord | RemoteRecord>(records: readonly T[], spec: KindSpec): T[] {
  return records.filter((r) => r.kind === spec.kind);
}

export function describeContract(c: Contract): string {
  const name = c.template ? `${c.template} (${c.type})` : c.type;
  if (c.type === "week" && c.hoursPerWeek !== undefined) {
    return `${name}: ${formatDuration(c.hoursPerWeek)}/week${c.workDays ? `, ${formatWorkDays(c.workDays)}` : ""}`;
  }
  if (c.type === "month" && c.hoursPerMonth !== undefined) {
    return `${name}: ${formatDuration(c.hoursPerMonth)}/month${c.workDays ? `, ${formatWorkDays(c.workDays)}` : ""}`;
  }
  if (c.type === "day" && c.hours) {
    const total = Object.values(c.hours).reduce((a, b) => a + b, 0);
    return `${name}: ${formatDuration(total)}/week by day`;
  }
  return name;
}
