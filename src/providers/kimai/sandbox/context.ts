// What route handlers get: the sandbox-wide state and the authenticated caller of this request.

import type { SandboxRequest, SandboxResponse } from "../../../sandbox/types.js";
import type { FormObject, FormValue } from "./decode.js";
import { HttpError } from "./http-errors.js";
import type { CustomerRecord, ProjectRecord, TeamRecord, UserRecord } from "./model.js";
import { Access, hasPermission } from "./permissions.js";
import type { PrepareContext, PrepareMode } from "./preferences.js";
import { UserEntityRenderer } from "./serialize.js";
import type { KimaiStore } from "./store.js";

export class Scope {
  readonly access: Access;

  constructor(
    readonly store: KimaiStore,
    readonly caller: UserRecord,
    readonly request: SandboxRequest,
    /** The decoded request body (an empty object when none was sent). */
    readonly data: FormObject | FormValue[],
  ) {
    this.access = new Access(store);
  }

  get prepareContext(): PrepareContext {
    return {
      access: this.access,
      caller: this.caller,
      workContractPlugin: this.store.workContractPlugin,
      features: this.store.features,
    };
  }

  /** Entity renderer where the caller is prepared (UserProfileSubscriber) and `overrides` set other users' modes. */
  renderer(overrides: ReadonlyMap<number, PrepareMode> = new Map()): UserEntityRenderer {
    return new UserEntityRenderer(this.store, this.prepareContext, (user) => {
      return overrides.get(user.id) ?? (user.id === this.caller.id ? "booting" : "stored");
    });
  }

  /** IsGranted on a plain permission: 403 when missing. */
  requirePermission(permission: string): void {
    if (!hasPermission(this.caller, permission)) throw new HttpError(403);
  }

  require(granted: boolean): void {
    if (!granted) throw new HttpError(403);
  }

  /** Entity argument resolution: 404 before any permission check. */
  user(id: number): UserRecord {
    const user = this.store.users.get(id);
    if (user === undefined) throw new HttpError(404);
    return user;
  }

  team(id: number): TeamRecord {
    const team = this.store.teams.get(id);
    if (team === undefined) throw new HttpError(404);
    return team;
  }

  customer(id: number): CustomerRecord {
    const customer = this.store.customers.get(id);
    if (customer === undefined) throw new HttpError(404);
    return customer;
  }

  project(id: number): ProjectRecord {
    const project = this.store.projects.get(id);
    if (project === undefined) throw new HttpError(404);
    return project;
  }
}

export type RouteHandler = (scope: Scope, params: number[]) => SandboxResponse | Promise<SandboxResponse>;

export interface RouteDef {
  /** Regex over the path; captured groups are the numeric ids. */
  pattern: RegExp;
  methods: Partial<Record<string, RouteHandler>>;
}
