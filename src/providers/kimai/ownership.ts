// Field ownership: fields something else owns (policy.fields.ignore, a user's ignore:) are neither compared
// nor sent, and directory (LDAP) users get a note and a warning for fields their directory rewrites.
import type { DesiredUser } from "../../core/model.js";
import type { Note } from "../../core/plan.js";
import type { DesiredRecord } from "../../core/records.js";
import type { KimaiUser } from "./api.js";

/** The user without the fields it leaves to others; email stays on a create (Kimai requires it). */
export function ownedUser(user: DesiredUser): DesiredUser {
  if (!user.ignore?.length) return user;
  const owned: DesiredUser = { ...user };
  for (const field of user.ignore) {
    if (field === "email") continue; // removed from the record below (it is required here)
    delete owned[field];
  }
  if (user.ignore.includes("contract")) delete owned.nextContract;
  return owned;
}

/** Drops an ignored email from an existing user's record: not compared, not sent. */
export function withoutIgnoredEmail(
  record: DesiredRecord,
  user: DesiredUser,
  exists: boolean,
): DesiredRecord {
  if (!exists || !user.ignore?.includes("email")) return record;
  const attrs = { ...record.attrs };
  delete attrs.email;
  return { ...record, attrs };
}

/** One note per distinct set of ignored fields: which fields the plan left to others, for how many users. */
export function ownershipNotes(users: readonly DesiredUser[]): Note[] {
  const groups = new Map<string, string[]>();
  for (const user of users) {
    if (!user.ignore?.length) continue;
    const fields = [...user.ignore].sort().join(", ");
    groups.set(fields, [...(groups.get(fields) ?? []), user.username]);
  }
  return [...groups].map(([fields, names]) => ({
    level: "info",
    message: `left to others (neither compared nor sent): ${fields} of ${names.length === 1 ? names[0] : `${names.length} users`} (policy.fields.ignore / ignore:)`,
  }));
}

/** Fields LDAP (attribute mapping, role sync) and SAML (mapping, roles.resetOnLogin) rewrite at each login. */
const DIRECTORY_FIELDS = ["roles", "email", "alias", "title"] as const;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;

/** Notes for users that `ldap_dn` reveals as LDAP users, and for users whose email Kimai would refuse. */
export function directoryNotes(user: DesiredUser, remote: KimaiUser | undefined): Note[] {
  if (!remote) return [];
  const notes: Note[] = [];
  const key = user.username.toLowerCase();
  const ldap = (remote.preferences ?? []).some((p) => p.name === "ldap_dn");
  if (ldap) {
    const ignored = new Set(user.ignore ?? []);
    const declared = DIRECTORY_FIELDS.filter((f) => !ignored.has(f) && user[f] !== undefined);
    notes.push(
      declared.length > 0
        ? {
            level: "warning",
            key,
            message: `${user.username} is an LDAP user (ldap_dn): LDAP may rewrite ${declared.join(", ")} at each login, and rosterform would change them back on every run; if the directory owns them, add them to ignore: in ${user.source.file} (or policy.fields.ignore)`,
          }
        : {
            level: "info",
            key,
            message: `${user.username} is an LDAP user (ldap_dn): its directory fields are left to LDAP`,
          },
    );
  }
  return notes;
}

/** A Kimai user whose email is not an email address (LDAP without mail): every PATCH of it answers 400. */
export function invalidEmailNote(remote: KimaiUser, declared: DesiredUser | undefined): Note | undefined {
  if (EMAIL_LIKE.test(remote.email)) return undefined;
  const fixes = declared !== undefined && !declared.ignore?.includes("email");
  if (fixes) return undefined; // the declared (valid) email differs, so it is sent with any change
  return {
    level: "warning",
    key: remote.username.toLowerCase(),
    message: `Kimai user ${remote.username} has email "${remote.email}", which is not an email address (an LDAP entry without mail?): Kimai refuses every change to it (400), a deactivation too, until it has one; declare email: for ${remote.username} (rosterform sends it with the change) or set the mail attribute in the directory`,
  };
}
