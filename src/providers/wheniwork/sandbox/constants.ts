// Fixed facts and strict choices of the When I Work sandbox (see README.md beside this file).

/** Roles (D16 / OAS). 4 "Lead" is documented as unused and rejected here. */
export const ROLE_ADMIN = 1;
export const ROLE_MANAGER = 2;
export const ROLE_EMPLOYEE = 3;
export const ROLE_SUPERVISOR = 5;
export const ROLES: ReadonlySet<number> = new Set([ROLE_ADMIN, ROLE_MANAGER, ROLE_EMPLOYEE, ROLE_SUPERVISOR]);

export const EMPLOYMENT_TYPES = [
  "hourly",
  "hourly_exempt",
  "salaried",
  "salaried_exempt",
  "shareholder",
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Deprecated `type` bit flags: 1 hourly, 2 salaried, 4 exempt from overtime. */
export const TYPE_HOURLY = 1;
export const TYPE_SALARIED = 2;
export const TYPE_EXEMPT = 4;

/** `type` implied by each employment type. A shareholder is salaried and exempt (the bits cannot say more). */
export const TYPE_OF_EMPLOYMENT: Readonly<Record<EmploymentType, number>> = {
  hourly: TYPE_HOURLY,
  hourly_exempt: TYPE_HOURLY | TYPE_EXEMPT,
  salaried: TYPE_SALARIED,
  salaried_exempt: TYPE_SALARIED | TYPE_EXEMPT,
  shareholder: TYPE_SALARIED | TYPE_EXEMPT,
};

/** Employment type read from `type` alone; 6 is salaried_exempt unless the user is already a shareholder. */
export const EMPLOYMENT_OF_TYPE: ReadonlyMap<number, EmploymentType> = new Map([
  [TYPE_HOURLY, "hourly"],
  [TYPE_HOURLY | TYPE_EXEMPT, "hourly_exempt"],
  [TYPE_SALARIED, "salaried"],
  [TYPE_SALARIED | TYPE_EXEMPT, "salaried_exempt"],
]);

/** Requests per token per minute unless configured; high enough never to disturb ordinary tests. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 100_000;
export const RATE_WINDOW_MS = 60_000;

/** Offset every datetime is printed in (When I Work is run from US Central time; D16 examples use -0500). */
export const SERVER_UTC_OFFSET_MINUTES = -5 * 60;

/**
 * Error codes. The real users' codes are undocumented; these mix integers (as in OAS's 400/403 examples)
 * and strings (as in OAS's positions/bulk examples) on purpose, so clients must accept both.
 */
export const ErrorCode = {
  Unauthorized: "UNAUTHORIZED",
  InvalidUserId: "INVALID_USER_ID",
  UserIdRequired: "USER_ID_REQUIRED",
  LoginFailed: 1001,
  MissingDeveloperKey: 1002,
  RateLimited: 1100,
  Forbidden: 3005,
  NotFound: "NOT_FOUND",
  UserNotFound: "USER_NOT_FOUND",
  MethodNotAllowed: "METHOD_NOT_ALLOWED",
  InvalidBody: "INVALID_BODY",
  InvalidParameter: 2000,
  EmailRequired: 2001,
  InvalidEmail: 2002,
  DuplicateEmail: 2003,
  InvalidRole: 2004,
  InvalidEmploymentType: 2005,
  InvalidField: 2006,
  UnknownPosition: 2007,
  UnknownLocation: 2008,
  InvalidInvite: 2009,
  CannotDeleteSelf: 2010,
  InternalError: "INTERNAL_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
