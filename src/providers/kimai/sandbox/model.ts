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
  /** Customers and projects this team was granted, in grant order (Team::$customers, $projects). */
  customerIds: number[];
  projectIds: number[];
}

/** A customer as far as team access needs it (src/Entity/Customer.php, "Default" group fields). */
export interface CustomerRecord {
  id: number;
  name: string;
  number: string | null;
  comment: string | null;
  visible: boolean;
  billable: boolean;
  color: string | null;
  company: string | null;
  country: string;
  currency: string;
  language: string;
  timezone: string;
  /** Teams with access, in grant order (Customer::$teams). */
  teamIds: number[];
}

/** A project as far as team access needs it (src/Entity/Project.php). */
export interface ProjectRecord {
  id: number;
  customerId: number;
  name: string;
  number: string | null;
  orderNumber: string | null;
  comment: string | null;
  visible: boolean;
  billable: boolean;
  color: string | null;
  globalActivities: boolean;
  /** Y-m-d or null. */
  start: string | null;
  end: string | null;
  teamIds: number[];
}

export interface AccessTokenRecord {
  userId: number;
  /** Epoch milliseconds, or null for a token that never expires. */
  expiresAt: number | null;
}
