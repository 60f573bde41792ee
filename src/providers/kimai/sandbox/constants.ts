// Fixed facts about the Kimai release the sandbox imitates (kimai/kimai 2.66.0, default configuration).

export const DEFAULT_VERSION = "2.66.0";

/** Kimai's versionId: 2.66.0 → 26600. */
export function versionId(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  return major * 10000 + minor * 100 + patch;
}

/** PHP's date_default_timezone_get() on the imitated server: the fallback for users without a timezone. */
export const SERVER_TIMEZONE = "UTC";
export const DEFAULT_LANGUAGE = "en";
/** defaults.user.theme, stored as the "skin" preference on user creation. */
export const DEFAULT_SKIN = "auto";

export const WORK_CONTRACT_BUNDLE = { name: "WorkContractBundle", version: "2.0.0" } as const;

export const ROLE_USER = "ROLE_USER";
export const ROLE_TEAMLEAD = "ROLE_TEAMLEAD";
export const ROLE_ADMIN = "ROLE_ADMIN";
export const ROLE_SUPER_ADMIN = "ROLE_SUPER_ADMIN";
export const BUILT_IN_ROLES = [ROLE_TEAMLEAD, ROLE_ADMIN, ROLE_SUPER_ADMIN] as const;

/** Constants::DEFAULT_COLOR: stored but read back as "no colour". */
export const DEFAULT_COLOR = "#d2d6de";

/** Utils\Color::PALETTE, used for color-safe when no colour is set. */
export const COLOR_PALETTE: readonly string[] = [
  "#AAAAAA",
  "#DDDDDD",
  "#a972c9",
  "#9C27B0",
  "#673AB7",
  "#041fd1",
  "#5319e7",
  "#3F51B5",
  "#0074D9",
  "#2196F3",
  "#03A9F4",
  "#7FDBFF",
  "#39CCCC",
  "#00BCD4",
  "#006b75",
  "#009688",
  "#00bb32",
  "#4CAF50",
  "#3D9970",
  "#2ECC40",
  "#01FF70",
  "#8BC34A",
  "#CDDC39",
  "#FFDC00",
  "#FFC107",
  "#FF851B",
  "#FF9800",
  "#FF5722",
  "#f41a00",
  "#E91E63",
  "#85144b",
  "#b60205",
  "#FF4136",
  "#cc317c",
  "#F012BE",
  "#d82d80",
  "#B10DC9",
  "#e135f4",
  "#2d3748",
  "#4a5568",
  "#718096",
];

/** Reason phrases used in {"code":N,"message":...} error bodies. */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? "Error";
}
