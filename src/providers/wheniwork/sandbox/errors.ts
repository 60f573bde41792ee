// The V2Error body {"error": message, "code": int-or-string}, thrown by handlers and turned into a response once.

import { jsonResponse } from "../../../sandbox/json.js";
import type { SandboxResponse } from "../../../sandbox/types.js";
import { ErrorCode } from "./constants.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(status: number, code: ErrorCode, message: string): SandboxResponse {
  return jsonResponse(status, { error: message, code });
}

export const badRequest = (code: ErrorCode, message: string): ApiError => new ApiError(400, code, message);

export const forbidden = (): ApiError =>
  new ApiError(403, ErrorCode.Forbidden, "You do not have permission to do this.");

export const userNotFound = (id: string): ApiError =>
  new ApiError(404, ErrorCode.UserNotFound, `User not found: ${id}`);

/** Body of "status" faults without their own body, and of handler crashes. */
export function defaultErrorBody(status: number): { error: string; code: ErrorCode | number } {
  if (status === 500) return { error: "Internal error", code: ErrorCode.InternalError };
  return { error: `Sandbox fault (HTTP ${status})`, code: status };
}
