// The team form (src/Form/TeamEditForm.php, API/TeamApiEditForm.php) and Team validation
// (UniqueEntity name, NotBlank/Length 2–100, Count(min 1) members, at least one teamlead).

import type { SandboxResponse } from "../../../sandbox/types.js";
import { COLOR_CHOICES } from "./choices.js";
import type { FormObject, FormValue } from "./decode.js";
import { entries, isArrayLike } from "./decode.js";
import { EXTRA_FIELDS, FormNode, MSG, validationFailed } from "./form-errors.js";
import { SPECIAL_CHARACTERS, charLength, checkboxField, choiceField, textField } from "./form-fields.js";
import type { TeamRecord, UserRecord } from "./model.js";
import type { Access } from "./permissions.js";
import { canSeeAllData } from "./permissions.js";
import type { KimaiStore } from "./store.js";

const TEAM_FIELDS = ["name", "color", "members"];
const MEMBER_FIELDS = ["user", "teamlead"];

export interface TeamDraft {
  name: string | null;
  color: string | null;
  members: Array<{ userId: number; teamlead: boolean }>;
}

export type TeamFormOutcome =
  { ok: true; draft: TeamDraft; membersSubmitted: boolean } | { ok: false; response: SandboxResponse };

/** UserType choices for members: enabled, non-system users the caller can see, plus the current members. */
function isMemberChoice(
  store: KimaiStore,
  access: Access,
  caller: UserRecord,
  team: TeamRecord | null,
  value: string,
): boolean {
  if (!/^[1-9][0-9]*$/.test(value)) return false;
  const user = store.users.get(Number(value));
  if (user === undefined) return false;
  if (team !== null && team.members.has(user.id)) return true;
  if (!user.enabled || user.systemAccount) return false;
  return canSeeAllData(caller) || user.id === caller.id || access.isTeamleadOfUser(caller, user);
}

export function submitTeamForm(
  store: KimaiStore,
  access: Access,
  caller: UserRecord,
  team: TeamRecord | null,
  data: FormObject | FormValue[],
): TeamFormOutcome {
  const create = team === null;
  const submitted = new Map(entries(data));
  const root = new FormNode();
  for (const field of TEAM_FIELDS) root.child(field, field === "members");
  if ([...submitted.keys()].some((key) => !TEAM_FIELDS.includes(key))) root.errors.push(EXTRA_FIELDS);

  const draft: TeamDraft = {
    name: team?.name ?? null,
    color: team?.color ?? null,
    members: team === null ? [] : [...team.members].map(([userId, teamlead]) => ({ userId, teamlead })),
  };

  if (create || submitted.has("name")) {
    const name = textField(submitted.get("name"));
    if (name.ok) draft.name = name.value;
    else root.child("name").errors.push(name.error);
  }
  if (create || submitted.has("color")) {
    const current = team?.color ?? null;
    const color = choiceField(
      submitted.get("color"),
      (c) => COLOR_CHOICES.includes(c) || (current !== null && c === current),
    );
    if (color.ok) draft.color = color.value;
    else root.child("color").errors.push(color.error);
  }

  const membersSubmitted = create || submitted.has("members");
  if (membersSubmitted) {
    const membersNode = root.child("members", true);
    const value = submitted.get("members");
    const items =
      value === undefined || value === null || value === "" ? [] : isArrayLike(value) ? entries(value) : null;
    draft.members = [];
    if (items === null) membersNode.errors.push(MSG.invalidValue);
    for (const [index, item] of items ?? []) {
      const entry = membersNode.child(index);
      entry.child("user");
      entry.child("teamlead");
      if (!isArrayLike(item)) {
        entry.errors.push(MSG.invalidValue);
        continue;
      }
      const fields = new Map(entries(item));
      if ([...fields.keys()].some((key) => !MEMBER_FIELDS.includes(key))) entry.errors.push(EXTRA_FIELDS);
      const user = choiceField(fields.get("user"), (c) => isMemberChoice(store, access, caller, team, c));
      const teamlead = checkboxField(fields.get("teamlead"));
      if (!user.ok) entry.child("user").errors.push(user.error);
      if (!teamlead.ok) entry.child("teamlead").errors.push(teamlead.error);
      // An entry without a valid user never reaches the team (Team::addMember skips it).
      if (!user.ok || user.value === null || !teamlead.ok) continue;
      const userId = Number(user.value);
      if (!draft.members.some((m) => m.userId === userId))
        draft.members.push({ userId, teamlead: teamlead.value });
    }
  }

  // Class constraints first (UniqueEntity name, Team), then properties (name, members).
  const name = draft.name;
  if (name !== null) {
    const other = store.teamByName(name);
    if (other !== undefined && other.id !== team?.id) root.child("name").errors.push(MSG.used);
  }
  if (!draft.members.some((m) => m.teamlead)) root.child("members", true).errors.push(MSG.missingTeamlead);
  if (name === null) root.child("name").errors.push(MSG.blank);
  else {
    if (SPECIAL_CHARACTERS.test(name)) root.child("name").errors.push(MSG.specialChars);
    const n = charLength(name);
    if (n < 2) root.child("name").errors.push(MSG.tooShort(2));
    if (n > 100) root.child("name").errors.push(MSG.tooLong(100));
  }
  if (draft.members.length === 0) root.child("members", true).errors.push(MSG.tooFewMembers);

  if (root.hasErrors()) return { ok: false, response: validationFailed(root) };
  return { ok: true, draft, membersSubmitted };
}
