// Pure: desired users + a provider's snapshot -> the plan of one target.
import type { Contract, DesiredUser } from "./model.js";
import { diffRecords } from "./diff.js";
import type { PlanPolicy, TargetPlan } from "./plan.js";
import type { DesiredMapping, RemoteSnapshot } from "../providers/provider.js";
import { formatDuration, formatWorkDays } from "./units.js";

export interface TargetPlanInput {
  target: string;
  endpoint: string;
  users: readonly DesiredUser[];
  mapping: DesiredMapping;
  snapshot: RemoteSnapshot;
  policy: PlanPolicy;
  only?: ReadonlySet<string>;
}

export function buildTargetPlan(input: TargetPlanInput): TargetPlan {
  const remote = input.mapping.remote ?? input.snapshot.records;
  const selfKey = input.mapping.selfKey ?? input.snapshot.selfKey;
  const diff = diffRecords({
    target: input.target,
    desired: input.mapping.records,
    remote,
    policy: input.policy,
    ...(selfKey !== undefined ? { selfKey } : {}),
    ...(input.only ? { only: input.only } : {}),
    ...(input.mapping.ignore?.length ? { ignore: new Set(input.mapping.ignore) } : {}),
  });
  return {
    target: input.target,
    endpoint: input.endpoint,
    counts: { remote: remote.length, declared: input.mapping.records.length },
    changes: diff.changes,
    notes: [...input.snapshot.notes, ...input.mapping.notes, ...diff.notes],
    refusals: diff.refusals,
    fingerprints: diff.fingerprints,
    scheduled: input.users
      .filter((u) => u.nextContract && (!input.only || input.only.has(u.username.toLowerCase())))
      .map((u) => ({
        key: u.username.toLowerCase(),
        from: u.nextContract?.from ?? "",
        summary: describeContract(u.nextContract!.contract),
      })),
  };
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
