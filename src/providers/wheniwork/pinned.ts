// When another system's import adds shared fields to a person's file (a contract, rates.hourly, a name), When I
// Work keeps what it is sent: its own value goes to the person's `wheniwork:` block. Values When I Work was not sent
// before are taken as its import writes them: absent = 0 (import writes hoursPreferred and rates whenever set).
import type { DesiredUser } from "../../core/model.js";
import { formatHours } from "../../core/units.js";
import { weeklyHours, wiwName } from "./mapping.js";
import { optedOut, settingsOf } from "./settings.js";

const same = (a: number | undefined, b: number | undefined) =>
  Math.round((a ?? 0) * 10_000) === Math.round((b ?? 0) * 10_000);

export function pinned(before: DesiredUser, after: DesiredUser): Record<string, unknown> | undefined {
  if (optedOut(after)) return undefined;
  const s = settingsOf(after);
  const out: Record<string, unknown> = {};
  if (s.hoursPreferred === undefined && !same(weeklyHours(before), weeklyHours(after))) {
    out.hoursPreferred = formatHours(weeklyHours(before) ?? 0);
  }
  if (s.hourlyRate === undefined && !same(before.rates?.hourly, after.rates?.hourly)) {
    out.hourlyRate = before.rates?.hourly ?? 0;
  }
  const name = wiwName(before);
  const next = wiwName(after);
  if (!s.name && name && (name.first !== next?.first || name.last !== next.last)) out.name = name;
  return Object.keys(out).length > 0 ? out : undefined;
}
