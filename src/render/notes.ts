// Warnings are always shown; informational notes (one per unmanaged user, say) are capped so that a plan
// against a server of thousands stays readable. `--format json` lists them all.
import type { Note } from "../core/plan.js";

export const MAX_INFO_NOTES = 20;

export function visibleNotes(notes: readonly Note[]): { shown: Note[]; hidden: number } {
  const warnings = notes.filter((n) => n.level === "warning");
  const infos = notes.filter((n) => n.level !== "warning");
  return {
    shown: [...warnings, ...infos.slice(0, MAX_INFO_NOTES)],
    hidden: Math.max(0, infos.length - MAX_INFO_NOTES),
  };
}

export function hiddenLine(hidden: number): string {
  return `… and ${hidden.toLocaleString("en")} more notes (rosterform plan --format json lists them all)`;
}
