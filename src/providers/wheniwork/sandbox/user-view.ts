// A user as the API returns it. `is_trusted` is a number (0/1) as live data shows; extra keys the real API
// also sends (uuid, is_active) are included so clients learn to ignore what they do not know.

import { formatNullable, formatRfc2822 } from "./dates.js";
import type { UserRecord } from "./model.js";
import { canSeeRates, hidesContact, isSupervisorOrAbove } from "./permissions.js";
import type { WhenIWorkStore } from "./store.js";

/** What the caller may see, computed once per request. */
export interface ViewerRights {
  caller: UserRecord;
  seesNotes: boolean;
  seesRates: boolean;
}

export function viewerRights(caller: UserRecord): ViewerRights {
  return { caller, seesNotes: isSupervisorOrAbove(caller), seesRates: canSeeRates(caller) };
}

/** A stable fake UUID derived from the id. */
const uuidOf = (id: number): string => `00000000-0000-4000-8000-${id.toString(16).padStart(12, "0")}`;

/** PHP serialises an empty map as a list: `[]`, else `{"<position id>": rate}`. */
function ratesView(user: UserRecord): Record<string, number> | [] {
  return Object.keys(user.position_rates).length === 0 ? [] : { ...user.position_rates };
}

export function userView(
  store: WhenIWorkStore,
  user: UserRecord,
  rights: ViewerRights,
): Record<string, unknown> {
  const hidden = hidesContact(user, rights.caller);
  return {
    id: user.id,
    login_id: user.login_id,
    account_id: user.account_id,
    role: user.role,
    ...(hidden ? {} : { email: store.emailOf(user) }),
    first_name: user.first_name,
    middle_name: user.middle_name,
    last_name: user.last_name,
    ...(hidden ? {} : { phone_number: user.phone_number }),
    employee_code: user.employee_code,
    activated: user.activated,
    is_active: !user.is_deleted,
    is_deleted: user.is_deleted,
    is_hidden: user.is_hidden,
    is_payroll: user.is_payroll,
    is_private: user.is_private,
    is_trusted: user.is_trusted,
    type: user.type,
    employment_type: user.employment_type,
    hours_max: user.hours_max,
    hours_preferred: user.hours_preferred,
    ...(rights.seesRates ? { hourly_rate: user.hourly_rate, position_rates: ratesView(user) } : {}),
    ...(rights.seesNotes ? { notes: user.notes } : {}),
    positions: [...user.positions],
    locations: [...user.locations],
    start_date: user.start_date,
    last_login: formatNullable(user.last_login),
    created_at: formatRfc2822(user.created_at),
    updated_at: formatRfc2822(user.updated_at),
    deleted_at: formatNullable(user.deleted_at),
    uuid: uuidOf(user.id),
  };
}
