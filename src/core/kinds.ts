// A resource kind (user, team, …): how the diff treats its records. A provider lists the kinds it manages.

export interface KindSpec {
  /** The kind's name in addresses and in policy.limits: `user`, `team`. */
  kind: string;
  /** For counts and messages: "users". */
  plural: string;
  /**
   * How a record that should no longer be there is retired: `deactivate` keeps it, disabled (people keep their
   * history; never deleted), `delete` removes it.
   */
  retire: "deactivate" | "delete";
  /** Whether policy.unmanaged applies to server records nobody declared; false = they are left alone, unreported. */
  unmanaged: boolean;
  /** Where records of this kind are declared, for messages: "users.d". */
  declaredIn: string;
  /** Keys are usernames: policy.protect, --only, opt-outs and the token's own user apply. */
  people: boolean;
}

/** People: deactivated, never deleted; policy.unmanaged applies. */
export const USER_KIND: KindSpec = {
  kind: "user",
  plural: "users",
  retire: "deactivate",
  unmanaged: true,
  declaredIn: "users.d",
  people: true,
};
