// In-memory records of the sandbox state. Passwords are never kept: only whether one was set.

export interface UserRecord {
  id: number;
  username: string;
  email: string;
  enabled: boolean;
  /** Stored roles, never ROLE_USER (User::addRole drops it). */
  roles: string[];
  alias: string | null;
  title: string | null;
  accountNumber: string | null;
  /** Stored colour; DEFAULT_COLOR is read back as null. */
  color: string | null;
  avatar: string | null;
  supervisorId: number | null;
  systemAccount: boolean;
  /** sha256 hex of the legacy API password ("apiToken" in Kimai), or null when none is set. */
  apiPasswordHash: string | null;
  hasPassword: boolean;
  /** Stored preferences in creation order, including language/locale/timezone and "_" names. */
  preferences: Map<string, string | null>;
  /** Teams this user belongs to, in membership creation order. */
  teamIds: number[];
}

export interface TeamRecord {
  id: number;
  name: string;
  color: string | null;
  /** userId → teamlead, in membership creation order. */
  members: Map<number, boolean>;
}

export interface AccessTokenRecord {
  userId: number;
  /** Epoch milliseconds, or null for a token that never expires. */
  expiresAt: number | null;
}
