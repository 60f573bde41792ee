// One teams.d file: a Kimai team's name, colour, teamleads, members and access, checked beyond the schema.
import type { FileReport } from "./file-report.js";
import { checkIdentifier } from "./identifier-rules.js";
import { isRecord } from "./source-tree.js";
import type { ListedName } from "./user-rules.js";

export interface TeamDraft {
  name?: string;
  color?: string;
  teamleads: ListedName[];
  members: ListedName[];
  /** Absent lists are not managed. */
  access: { customers?: ListedName[]; projects?: ListedName[] };
  report: FileReport;
}

export function readTeam(data: unknown, report: FileReport): TeamDraft {
  const raw = isRecord(data) ? data : {};
  const team: TeamDraft = {
    teamleads: readNames(raw.teamleads, ["teamleads"], report),
    members: readNames(raw.members, ["members"], report),
    access: {},
    report,
  };
  if (typeof raw.name === "string" && raw.name !== "" && checkIdentifier(raw.name, ["name"], report))
    team.name = raw.name;
  if (typeof raw.color === "string") team.color = raw.color;
  if (isRecord(raw.access)) {
    for (const field of ["customers", "projects"] as const) {
      if (Array.isArray(raw.access[field]))
        team.access[field] = readNames(raw.access[field], ["access", field], report);
    }
  }
  return team;
}

/** The usable names of a list (the schema reports the rest). */
function readNames(value: unknown, path: readonly (string | number)[], report: FileReport): ListedName[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((name: unknown, index) =>
    typeof name === "string" && name !== "" && checkIdentifier(name, [...path, index], report)
      ? [{ name, index }]
      : [],
  );
}
