// Who may do what, deliberately simple (the real rules are finer and partly undocumented):
//  - any active user may read users, positions and locations;
//  - supervisors and above (admin, manager, supervisor) may list deleted users and see notes;
//  - only admins and managers create, edit, delete and invite users;
//  - hourly_rate is shown to admins, managers and payroll supervisors (is_payroll) only;
//  - is_private hides an employee's email and phone from other employees (supervisors and above cannot hide theirs).

import { ROLE_ADMIN, ROLE_EMPLOYEE, ROLE_MANAGER, ROLE_SUPERVISOR } from "./constants.js";
import type { UserRecord } from "./model.js";

export const isSupervisorOrAbove = (user: UserRecord): boolean =>
  user.role === ROLE_ADMIN || user.role === ROLE_MANAGER || user.role === ROLE_SUPERVISOR;

export const canManageUsers = (user: UserRecord): boolean =>
  user.role === ROLE_ADMIN || user.role === ROLE_MANAGER;

export const canSeeRates = (user: UserRecord): boolean =>
  canManageUsers(user) || (user.role === ROLE_SUPERVISOR && user.is_payroll);

/** Whether `subject`'s email and phone are hidden from `caller`. */
export const hidesContact = (subject: UserRecord, caller: UserRecord): boolean =>
  subject.is_private &&
  subject.role === ROLE_EMPLOYEE &&
  !isSupervisorOrAbove(caller) &&
  subject.id !== caller.id;
