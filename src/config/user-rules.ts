// One users.d file: identity fields plus the shared person fields (person-rules.ts).
import type { FileReport } from "./file-report.js";
import { checkIdentifier, readText } from "./identifier-rules.js";
import type { PersonFields } from "./person-rules.js";
import { readPersonFields } from "./person-rules.js";
import { isRecord } from "./source-tree.js";

export interface UserDraft extends PersonFields {
  username?: string;
  email?: string;
  name?: { first: string; last: string };
  alias?: string;
  /** As written; null = explicitly none. */
  supervisor?: string | null;
  report: FileReport;
}

export function readUser(data: unknown, report: FileReport): UserDraft {
  const raw = isRecord(data) ? data : {};
  const user: UserDraft = { ...readPersonFields(raw, [], report), report };
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
  return user;
}
