// What a provider hands the core: comparable records, one per resource, with provider-named attributes.
import type { Address } from "./address.js";
import type { AttrValue } from "./plan.js";

export interface DesiredRecord {
  /** The resource kind (`user`): one of the provider's kinds. */
  kind: string;
  /** The match key within the kind (a lower-cased username). */
  key: string;
  /** As declared, for display. */
  name: string;
  enabled: boolean;
  /** Only the attributes the user file declares. */
  attrs: Record<string, AttrValue>;
  /** How the YAML names each attribute, where it differs from the attribute's key (`holidays` → `contract.vacationDays`). */
  fields?: Record<string, string>;
  /** The contracts.d template of the contract in force, if it comes from one. */
  contract?: string;
  source?: string;
}

/** Attribute fields of the YAML's contract, as `AttrChange.field` names them: `contract.<field>`. */
export const CONTRACT_FIELD_PREFIX = "contract.";

export interface RemoteRecord {
  kind: string;
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
  refs?: readonly Address[],
): AttrValue {
  return refs === undefined ? { raw, human, canon } : { raw, human, canon, refs: [...refs] };
}

export const ENABLED_KEY = "enabled";

export function enabledAttr(enabled: boolean): AttrValue {
  return { raw: enabled, human: String(enabled), canon: String(enabled) };
}
