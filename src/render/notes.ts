// Warnings are always shown; informational notes (one per unmanaged user, say) are capped so that a plan
// against a server of thousands stays readable, and notes that repeat on every plan are one counted line.
// `--format json` lists them all.
import { ABSENT_OFFBOARDED, type Note } from "../core/plan.js";

export const MAX_INFO_NOTES = 20;
/** Names a counted line lists before "and N more". */
const MAX_NAMES = 10;

/** The counted line of a repeating note, by code. */
const COUNTED: Readonly<Record<string, (n: number, names: string) => string>> = {
  [ABSENT_OFFBOARDED]: (n, names) =>
    `${n.toLocaleString("en")} off-boarded ${n === 1 ? "person is" : "people are"} not on the server, nothing to do: ${names}`,
};

export function visibleNotes(notes: readonly Note[]): { shown: Note[]; hidden: number } {
  const warnings = notes.filter((n) => n.level === "warning");
  const infos = countedNotes(notes.filter((n) => n.level !== "warning"));
  return {
    shown: [...warnings, ...infos.slice(0, MAX_INFO_NOTES)],
    hidden: Math.max(0, infos.length - MAX_INFO_NOTES),
  };
}

/** Notes of a counted code become one line, where the first of them stood. */
function countedNotes(notes: readonly Note[]): Note[] {
  const byCode = new Map<string, Note[]>();
  for (const n of notes) {
    if (n.code !== undefined && COUNTED[n.code]) byCode.set(n.code, [...(byCode.get(n.code) ?? []), n]);
  }
  const out: Note[] = [];
  for (const n of notes) {
    const group = n.code === undefined ? undefined : byCode.get(n.code);
    const line = n.code === undefined ? undefined : COUNTED[n.code];
    if (!group || !line || group.length < 2) {
      out.push(n);
      continue;
    }
    if (group[0] !== n) continue;
    const names = group.slice(0, MAX_NAMES).map((g) => g.key ?? "?");
    const more = group.length > MAX_NAMES ? ` and ${group.length - MAX_NAMES} more` : "";
    out.push({ level: n.level, code: n.code, message: line(group.length, `${names.join(", ")}${more}`) });
  }
  return out;
}

export function hiddenLine(hidden: number): string {
  return `… and ${hidden.toLocaleString("en")} more notes (rosterform plan --format json lists them all)`;
}
