// What changes with the Kimai release the sandbox plays (seed `version`, `--kimai-version`). Read from
// kimai/kimai's git history (kimai-api.md §11–12); the sandbox's own copy, never shared with the client.

import { versionId } from "./constants.js";

export interface KimaiFeatures {
  /** 2.14 (afe065650): Bearer access tokens. Below, a Bearer header is unrecognised auth (401 JSON). */
  bearerTokens: boolean;
  /** 2.45 (afb5a0bba): `email` and `systemAccount` serialized; the collection gets language/locale/timezone; `_` preferences hidden. */
  emailInJson: boolean;
  /** 2.45 only: `color` is the generated display colour (never null) and there is no `color-safe`. */
  generatedColor: boolean;
  /** 2.46 (6a86afb5f): raw `color` plus `color-safe`. */
  colorSafe: boolean;
  /** 2.53 (999d820d4): a disabled preference answers 403; the preferences PATCH validates the whole user. */
  strictPreferences: boolean;
  /** 2.58 (31a8f887a): `*_other_profile` permissions apply only to users the caller may access (teams). */
  teamScopedProfiles: boolean;
  /** 2.61 (ffa85dafa): the 12 work-contract preferences exist on every user (create and PATCH). */
  contractOnEveryUser: boolean;
  /** 2.63 (b5794cd1e): contract preferences are disabled without `contract_other_profile`. */
  contractPermission: boolean;
  /** 2.63 (367c1229f): a members PATCH no longer empties the team before validating (a 400 kept nothing). */
  teamPatchKeepsMembers: boolean;
  /** 2.63 (20169c6b3): role choices are the caller's assignable roles; no role edits of higher-ranked users. */
  assignableRoles: boolean;
}

export function featuresOf(version: string): KimaiFeatures {
  const id = versionId(version);
  return {
    bearerTokens: id >= 21400,
    emailInJson: id >= 24500,
    generatedColor: id >= 24500 && id < 24600,
    colorSafe: id >= 24600,
    strictPreferences: id >= 25300,
    teamScopedProfiles: id >= 25800,
    contractOnEveryUser: id >= 26100,
    contractPermission: id >= 26300,
    assignableRoles: id >= 26300,
    teamPatchKeepsMembers: id >= 26300,
  };
}
