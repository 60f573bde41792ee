// One users.d file: identity fields plus the shared person fields (person-rules.ts).
import type { FileReport } from "./file-report.js";
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
  if (typeof raw.username === "string" && raw.username !== "") user.username = raw.username;
  if (typeof raw.email === "string" && raw.email !== "") user.email = raw.email;
  if (typeof raw.alias === "string") user.alias = raw.alias;
  if (isRecord(raw.name) && typeof raw.name.first === "string" && typeof raw.name.last === "string") {
    user.name = { first: raw.name.first, last: raw.name.last };
  }
  if (raw.supervisor === null) user.supervisor = null;
  else if (typeof raw.supervisor === "string" && raw.supervisor !== "") user.supervisor = raw.supervisor;
  return user;
}
