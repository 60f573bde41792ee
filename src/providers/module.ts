// What a target system is to the rest of rosterform: one module per system under src/providers/<name>/,
// listed once in src/providers/index.ts. Nothing outside a module's folder names the system.
import type { TargetBlocks } from "../config/target-blocks.js";
import type { DesiredUser } from "../core/model.js";
import type { Provider } from "../core/provider.js";
import type { HttpClientOptions } from "../http/client.js";
import type { RetryBudget } from "../http/retry.js";
import type { Io } from "../io.js";

/** How a run reaches its servers: the same for every system. */
export interface ConnectSettings {
  timeoutMs?: number;
  /** Changes in flight at once (apply --parallelism). */
  parallelism?: number;
  onRetry: NonNullable<HttpClientOptions["onRetry"]>;
  /** Shared by every system of a run. */
  budget: RetryBudget;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY of the run; none: connect directly. */
  proxy?: HttpClientOptions["proxy"];
  /** --debug: every HTTP attempt, for the trace on stderr. */
  trace?: HttpClientOptions["trace"];
}

export interface TargetModule extends TargetBlocks {
  /**
   * Connects to the server `targets.<name>` (read by readTarget) and the environment name. The client is
   * loaded only here, so that validate never carries it.
   */
  connect(config: unknown, io: Io, settings: ConnectSettings): Promise<Provider>;
  /**
   * `import` of another system just added fields to a person's file (`before` → `after`): the fields of this
   * system's own block that keep what this system is sent as it was (When I Work: its preferred hours, when a
   * contract arrives from Kimai), or undefined when nothing it is sent changes.
   */
  pinned?(before: DesiredUser, after: DesiredUser): Record<string, unknown> | undefined;
}
