// What route handlers get, and how a route is declared. Authentication is lazy: a handler calls
// caller() (or person()) first, so a missing token is a 401 before any body or id is looked at.

import type { SandboxRequest, SandboxResponse } from "../../../sandbox/types.js";
import { tryParseJson } from "../../../sandbox/json.js";
import type { Caller } from "./auth.js";
import { authenticate, authenticatePerson } from "./auth.js";
import { ErrorCode } from "./constants.js";
import { badRequest } from "./errors.js";
import type { PersonRecord } from "./model.js";
import type { WhenIWorkStore } from "./store.js";

/** Sandbox-wide mutable state: the store is replaced on POST /__sandbox/reset. */
export interface SandboxState {
  store: WhenIWorkStore;
}

export class RouteInput {
  constructor(
    readonly store: WhenIWorkStore,
    readonly request: SandboxRequest,
    /** The token sent, if any. */
    readonly token: string | undefined,
    /** Path captures, e.g. the user id of /2/users/{id}. */
    readonly params: readonly string[],
  ) {}

  /** The acting user (token + W-UserId); throws 401/400. */
  caller(): Caller {
    return authenticate(this.store, this.request.headers, this.token);
  }

  /** The token's person, for routes that are not scoped to an account. */
  person(): PersonRecord {
    return authenticatePerson(this.store, this.token);
  }

  /** The JSON body; an empty body is an empty object. */
  body(): unknown {
    if (this.request.bodyText.trim() === "") return {};
    const parsed = tryParseJson(this.request.bodyText);
    if (!parsed.ok) throw badRequest(ErrorCode.InvalidBody, "The request body is not valid JSON");
    return parsed.value;
  }

  param(index: number): string {
    return this.params[index] ?? "";
  }
}

export type RouteHandler = (input: RouteInput) => SandboxResponse;

export interface RouteDef {
  /** Regex over the path (without a trailing slash); captures become params. */
  pattern: RegExp;
  methods: Partial<Record<string, RouteHandler>>;
}
