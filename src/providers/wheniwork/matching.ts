// Who is who in When I Work: each declared person → at most one server user. Used by plan and import alike.
// Order: everyone's current email first, then a former email (`previously`), then the employee code.
import type { DesiredUser } from "../../core/model.js";
import type { Note } from "../../core/plan.js";
import type { WiwUser } from "./api.js";
import { displayName, wiwName } from "./mapping.js";
import { optedOut, settingsOf } from "./settings.js";

export interface PersonMatch {
  user: WiwUser;
  via: "email" | "previously" | "employeeCode";
  /** The former email it was found by (via "previously"). */
  formerEmail?: string;
}

export interface Matching {
  matches: Map<DesiredUser, PersonMatch>;
  /** Plan-time errors: two people claiming one server user. */
  errors: string[];
}

/** file:line of the person's file. */
export function where(user: DesiredUser): string {
  return `${user.source.file}:${user.source.line}`;
}

export function matchPeople(people: readonly DesiredUser[], serverUsers: readonly WiwUser[]): Matching {
  const byEmail = new Map<string, WiwUser>();
  const byCode = new Map<string, WiwUser>();
  // A live user wins over an archived one with the same email.
  for (const u of [...serverUsers].sort((a, b) => Number(b.is_deleted) - Number(a.is_deleted))) {
    if (u.email) byEmail.set(u.email.toLowerCase(), u);
    if (u.employee_code) byCode.set(u.employee_code, u);
  }
  const taken = new Map<number, DesiredUser>();
  const matches = new Map<DesiredUser, PersonMatch>();
  const errors: string[] = [];
  const claim = (person: DesiredUser, match: PersonMatch): void => {
    const other = taken.get(match.user.id);
    if (other !== undefined && other !== person) {
      errors.push(
        `${where(person)}: ${person.username} and ${other.username} match the same When I Work user (${displayName(match.user)}); give each a distinct email, previously or employeeCode`,
      );
      return;
    }
    taken.set(match.user.id, person);
    matches.set(person, match);
  };
  for (const person of people) {
    const found = byEmail.get(person.email.toLowerCase());
    if (found) claim(person, { user: found, via: "email" });
  }
  for (const person of people) {
    if (matches.has(person)) continue;
    // A former email now someone else's current one is theirs, not this person's.
    const former = (person.previously?.emails ?? [])
      .map((email) => ({ email, user: byEmail.get(email.toLowerCase()) }))
      .find((f) => f.user !== undefined && !taken.has(f.user.id));
    if (former?.user) {
      claim(person, { user: former.user, via: "previously", formerEmail: former.email });
      continue;
    }
    const code = settingsOf(person).employeeCode;
    const byEmployeeCode = code ? byCode.get(code) : undefined;
    if (byEmployeeCode) claim(person, { user: byEmployeeCode, via: "employeeCode" });
  }
  return { matches, errors };
}

const fullName = (first: string, last: string): string =>
  `${first} ${last}`.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Warnings for a declared person about to be created while an undeclared server user has the same first and last
 * name: probably the same person under a new email.
 */
export function sameNameWarnings(
  people: readonly DesiredUser[],
  serverUsers: readonly WiwUser[],
  matching: Matching,
): Note[] {
  const claimed = new Set([...matching.matches.values()].map((m) => m.user.id));
  const byName = new Map<string, WiwUser[]>();
  for (const u of serverUsers) {
    if (claimed.has(u.id) || (!u.first_name && !u.last_name)) continue;
    const name = fullName(u.first_name, u.last_name);
    byName.set(name, [...(byName.get(name) ?? []), u]);
  }
  const notes: Note[] = [];
  for (const person of people) {
    const name = wiwName(person);
    if (matching.matches.has(person) || optedOut(person) || !person.enabled || !name) continue;
    for (const u of byName.get(fullName(name.first, name.last)) ?? []) {
      notes.push({
        level: "warning",
        key: person.username.toLowerCase(),
        message: `${person.username} (${where(person)}, ${person.email}) is to be created, but undeclared When I Work user ${displayName(u)} has the same name: if it is the same person, add previously: { email: ${u.email ?? "…"} } to the file (an update then, not a second user)`,
      });
    }
  }
  return notes;
}
