// One users.d file: identity fields plus the shared person fields (person-rules.ts).
import type { FileReport } from "./file-report.js";
import { checkIdentifier, readText } from "./identifier-rules.js";
import type { PersonFields } from "./person-rules.js";
import { readPersonFields } from "./person-rules.js";
import { isRecord } from "./source-tree.js";
import type { TargetBlocks } from "./target-blocks.js";

/** A name in a list, with its index there (for the position of a message about it). */
export interface ListedName {
  name: string;
  index: number;
}

export interface UserDraft extends PersonFields {
  username?: string;
  email?: string;
  name?: { first: string; last: string };
  alias?: string;
  /** As written; null = explicitly none. */
  supervisor?: string | null;
  previously?: { emails: string[]; usernames: string[] };
  /** Team names as written (`teams:` member of, `leads:` leads); checked against teams.d/ across files. */
  teams?: ListedName[];
  leads?: ListedName[];
  report: FileReport;
}

export function readUser(data: unknown, report: FileReport, modules: readonly TargetBlocks[]): UserDraft {
  const raw = isRecord(data) ? data : {};
  const user: UserDraft = { ...readPersonFields(raw, [], report, modules), report };
  for (const field of ["username", "email", "supervisor"] as const) {
    const value = raw[field];
    if (typeof value !== "string" || value === "") continue;
    // A supervisor that is not a usable name is not looked up as well (one error, not two).
    if (checkIdentifier(value, [field], report) || field !== "supervisor") user[field] = value;
  }
  if (raw.supervisor === null) user.supervisor = null;
  if (typeof raw.alias === "string") user.alias = readText(raw.alias, ["alias"], report);
  if (isRecord(raw.name) && typeof raw.name.first === "string" && typeof raw.name.last === "string") {
    user.name = {
      first: readText(raw.name.first, ["name", "first"], report),
      last: readText(raw.name.last, ["name", "last"], report),
    };
  }
  if (raw.previously !== undefined) user.previously = readPreviously(raw.previously, report);
  for (const field of ["teams", "leads"] as const) {
    const names = raw[field];
    if (!Array.isArray(names)) continue;
    user[field] = names.flatMap((name: unknown, index) =>
      typeof name === "string" && name !== "" && checkIdentifier(name, [field, index], report)
        ? [{ name, index }]
        : [],
    );
  }
  return user;
}

/** `previously: {email, username}` or a list of them → the former emails and usernames (the schema checks shapes). */
function readPreviously(raw: unknown, report: FileReport): { emails: string[]; usernames: string[] } {
  const out = { emails: [] as string[], usernames: [] as string[] };
  const items = Array.isArray(raw) ? raw : [raw];
  items.forEach((item: unknown, index) => {
    if (!isRecord(item)) return;
    const at = Array.isArray(raw) ? ["previously", index] : ["previously"];
    if (typeof item.email === "string" && checkIdentifier(item.email, [...at, "email"], report))
      out.emails.push(item.email);
    if (typeof item.username === "string" && checkIdentifier(item.username, [...at, "username"], report))
      out.usernames.push(item.username);
  });
  return out;
}
