// Store → seed JSON: the body of GET /__sandbox/state, which is also a valid seed.

import { formatNullable, formatRfc2822 } from "./dates.js";
import type { CatalogRecord, UserRecord } from "./model.js";
import type { WhenIWorkSeed, WhenIWorkSeedCatalogItem, WhenIWorkSeedUser } from "./seed-types.js";
import type { WhenIWorkStore } from "./store.js";

export function exportUser(store: WhenIWorkStore, user: UserRecord): Required<WhenIWorkSeedUser> {
  return {
    id: user.id,
    account_id: user.account_id,
    login_id: user.login_id,
    email: store.emailOf(user),
    first_name: user.first_name,
    middle_name: user.middle_name,
    last_name: user.last_name,
    phone_number: user.phone_number,
    role: user.role,
    employee_code: user.employee_code,
    positions: [...user.positions],
    locations: [...user.locations],
    hours_max: user.hours_max,
    hours_preferred: user.hours_preferred,
    hourly_rate: user.hourly_rate,
    position_rates: { ...user.position_rates },
    employment_type: user.employment_type,
    type: user.type,
    is_deleted: user.is_deleted,
    is_private: user.is_private,
    is_trusted: user.is_trusted,
    is_hidden: user.is_hidden,
    is_payroll: user.is_payroll,
    activated: user.activated,
    notes: user.notes,
    start_date: user.start_date,
    created_at: formatRfc2822(user.created_at),
    updated_at: formatRfc2822(user.updated_at),
    deleted_at: formatNullable(user.deleted_at),
    last_login: formatNullable(user.last_login),
  };
}

const exportCatalog = (record: CatalogRecord): Required<WhenIWorkSeedCatalogItem> => ({
  id: record.id,
  account_id: record.account_id,
  name: record.name,
  is_deleted: record.is_deleted,
});

export function exportState(store: WhenIWorkStore): Required<WhenIWorkSeed> {
  return {
    accounts: [...store.accounts.values()].map((a) => ({ id: a.id, name: a.name })),
    persons: [...store.persons.values()].map((p) => ({
      id: p.id,
      email: p.email,
      first_name: p.first_name,
      last_name: p.last_name,
      password_hash: p.passwordHash,
    })),
    users: [...store.users.values()].map((user) => exportUser(store, user)),
    positions: [...store.positions.values()].map(exportCatalog),
    locations: [...store.locations.values()].map(exportCatalog),
    tokens: Object.fromEntries(store.tokens),
    invites: store.invites.map((invite) => ({ ...invite })),
    shifts: [...store.shifts.values()].map((shift) => ({
      ...shift,
      start_time: new Date(shift.start_time).toISOString(),
    })),
  };
}
