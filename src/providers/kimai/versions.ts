// Which Kimai releases rosterform works with, and what it does differently per release (kimai-api.md §12).
// The client's own copy: the sandbox keeps its own in sandbox/versions.ts, so the two cannot agree by construction.

/** "2.50.0" → 25000 (Kimai's versionId). */
export function versionIdOf(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  return major * 10000 + minor * 100 + patch;
}

/**
 * The oldest Kimai rosterform supports: 2.45 is the first to serialize users' `email` and `systemAccount`,
 * which every plan compares (and without which system accounts would look like people). Bearer tokens
 * (2.14) and the preferences PATCH (2.40) come before it.
 */
export const OLDEST_SUPPORTED = {
  version: "2.45",
  id: 24500,
  why: "reading users' email and system-account flag",
};

/** Named releases below the oldest, for a message that says what is missing. */
const BELOW_OLDEST = [
  { id: 21400, version: "2.14", why: "API tokens (Bearer)" },
  { id: 24000, version: "2.40", why: "the user preferences API" },
  OLDEST_SUPPORTED,
] as const;

/** What differs between supported releases. */
export interface KimaiCapabilities {
  version: string;
  /** 2.46+: `color` is the stored colour. In 2.45 it is a generated display colour, never null. */
  readsColor: boolean;
  /** 2.61+: the 12 work-contract preferences exist on every user; before, only once the contract was saved in the UI. */
  contractOnEveryUser: boolean;
  /** 2.53+: the preferences PATCH validates the whole user (a bad email fails it) and 403s disabled preferences. */
  strictPreferences: boolean;
}

export function capabilitiesOf(version: string): KimaiCapabilities {
  const id = versionIdOf(version);
  return {
    version,
    readsColor: id >= 24600,
    contractOnEveryUser: id >= 26100,
    strictPreferences: id >= 25300,
  };
}

/** "rosterform needs Kimai X.Y for …; this server is A.B" when the server is too old, else undefined. */
export function tooOld(version: string): string | undefined {
  const id = versionIdOf(version);
  const missing = BELOW_OLDEST.find((step) => id < step.id);
  if (missing === undefined) return undefined;
  const oldest =
    missing === OLDEST_SUPPORTED ? "" : ` (and ${OLDEST_SUPPORTED.version} for ${OLDEST_SUPPORTED.why})`;
  return `rosterform needs Kimai ${missing.version} for ${missing.why}${oldest}; this server is ${version}: upgrade Kimai; nothing was sent`;
}

export const CONTRACT_VERSION = "2.61";
export const COLOR_VERSION = "2.46";
