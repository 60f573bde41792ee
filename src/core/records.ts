// What a provider hands the core: comparable records, one per person, with provider-named attributes.
import type { AttrValue } from "./plan.js";

export interface DesiredRecord {
  /** Lower-cased username: the match key. */
  key: string;
  /** As declared, for display. */
  name: string;
  enabled: boolean;
  /** Only the attributes the user file declares. */
  attrs: Record<string, AttrValue>;
  source?: string;
}

export interface RemoteRecord {
  key: string;
  name: string;
  id: string | number;
  enabled: boolean;
  /** Current values; a value the server does not store is filled with the system's default. */
  attrs: Record<string, AttrValue>;
  /** Hash of the record's state, to tell whether it changed between plan and apply. */
  fingerprint: string;
  /** A technical account: never deactivated as unmanaged. */
  system?: boolean;
}

export function attr(
  raw: AttrValue["raw"],
  human: string,
  canon: string = String(raw),
  ref?: string,
): AttrValue {
  return ref === undefined ? { raw, human, canon } : { raw, human, canon, ref };
}

export const ENABLED_KEY = "enabled";

export function enabledAttr(enabled: boolean): AttrValue {
  return { raw: enabled, human: String(enabled), canon: String(enabled) };
}
