// The `term` filter of GET /api/users (src/Utils/SearchTerm*.php, src/Repository/Search/SearchHelper.php),
// with MySQL LIKE semantics: case-insensitive, "%" and "_" are wildcards, "\" escapes.

import type { UserRecord } from "./model.js";

interface TermPart {
  field: string | null;
  term: string;
  excluded: boolean;
}

function parsePart(raw: string): TermPart {
  let term = raw;
  let field: string | null = null;
  const colon = raw.indexOf(":");
  if (colon >= 0 && colon < raw.length - 1) {
    field = raw.slice(0, colon);
    const rest = raw.slice(colon + 1);
    term = rest === '""' ? "" : rest;
  }
  let excluded = false;
  if (term.length > 1 && term.startsWith("!")) {
    term = term.slice(1);
    excluded = true;
  }
  return { field, term, excluded };
}

/** Regex for `LIKE '%term%'`. */
function likeContains(term: string): RegExp {
  let pattern = "";
  for (let i = 0; i < term.length; i++) {
    const ch = term[i] ?? "";
    if (ch === "\\" && i + 1 < term.length) {
      pattern += (term[++i] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    } else if (ch === "%") pattern += ".*";
    else if (ch === "_") pattern += ".";
    else pattern += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(pattern, "is");
}

const SEARCHABLE: ReadonlyArray<(u: UserRecord) => string | null> = [
  (u) => u.alias,
  (u) => u.title,
  (u) => u.accountNumber,
  (u) => u.email,
  (u) => u.username,
];

function preferenceRow(user: UserRecord, name: string): { found: boolean; value: string | null } {
  const lower = name.toLowerCase();
  for (const [key, value] of user.preferences) if (key.toLowerCase() === lower) return { found: true, value };
  return { found: false, value: null };
}

/** Compiles a search term into a user predicate; null when the term filters nothing. */
export function compileSearchTerm(input: string): ((user: UserRecord) => boolean) | null {
  const parts = input
    .trim()
    .split(/\s+/)
    .filter((p) => p !== "")
    .map(parsePart);
  const checks: Array<(user: UserRecord) => boolean> = [];

  for (const part of parts) {
    const field = part.field;
    if (field === null) continue;
    if (part.term === "*") {
      checks.push((u) => preferenceRow(u, field).value !== null);
    } else if (part.term === "~") {
      checks.push((u) => !preferenceRow(u, field).found);
    } else if (part.term === "") {
      checks.push((u) => {
        const row = preferenceRow(u, field);
        return !row.found || row.value === null;
      });
    } else {
      const like = likeContains(part.term);
      checks.push((u) => {
        const row = preferenceRow(u, field);
        if (!row.found) return false;
        if (part.excluded) return row.value === null || !like.test(row.value);
        return row.value !== null && like.test(row.value);
      });
    }
  }

  const free = parts.filter((p) => p.field === null);
  if (free.map((p) => p.term).join(" ") !== "") {
    for (const part of free) {
      const like = likeContains(part.term);
      if (part.excluded) {
        checks.push((u) =>
          SEARCHABLE.every((get) => {
            const value = get(u);
            return value === null || !like.test(value);
          }),
        );
      } else {
        checks.push((u) =>
          SEARCHABLE.some((get) => {
            const value = get(u);
            return value !== null && like.test(value);
          }),
        );
      }
    }
  }
  return checks.length === 0 ? null : (user) => checks.every((check) => check(user));
}
