// Which target systems a run talks to, and how each is reached. The only place that lists them all.
import type { RosterConfig } from "./core/model.js";
import { RosterformError } from "./errors.js";
import type { HttpClientOptions } from "./http/client.js";
import { proxyFromEnv } from "./http/proxy.js";
import { describeRetry, runRetryBudget, type RetryInfo } from "./http/retry.js";
import type { Io } from "./io.js";
import { kimaiConnection } from "./providers/kimai/connect.js";
import { KimaiProvider } from "./providers/kimai/provider.js";
import type { Provider } from "./providers/provider.js";
import { whenIWorkConnection } from "./providers/wheniwork/connect.js";
import { WhenIWorkProvider } from "./providers/wheniwork/provider.js";

export const TARGET_NAMES = ["kimai", "wheniwork"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface ConnectOptions {
  timeoutMs?: number;
  parallelism?: number;
  onRetry?: HttpClientOptions["onRetry"];
}

/** The configured targets, narrowed by --target. */
export function selectTargets(config: RosterConfig, wanted: readonly string[] | undefined): TargetName[] {
  const configured = TARGET_NAMES.filter((t) => config.targets[t] !== undefined);
  if (configured.length === 0) {
    throw new RosterformError(
      "rosterform.yaml configures no target: add targets.kimai (or targets.wheniwork)",
    );
  }
  if (!wanted || wanted.length === 0) return configured;
  for (const w of wanted) {
    if (!configured.includes(w as TargetName)) {
      throw new RosterformError(
        `--target ${w} is not configured in rosterform.yaml (configured: ${configured.join(", ")})`,
      );
    }
  }
  return configured.filter((t) => wanted.includes(t));
}

export function connect(target: TargetName, config: RosterConfig, io: Io, options: ConnectOptions): Provider {
  // Every retry is one line on stderr, and all systems of a run share one retry budget.
  const proxy = proxyFromEnv(io.env);
  const retrying = {
    onRetry: options.onRetry ?? ((info: RetryInfo) => io.stderr(`${describeRetry(info)}\n`)),
    budget: runRetryBudget(io),
    ...(proxy ? { proxy } : {}),
  };
  if (target === "kimai") {
    const kimai = config.targets.kimai;
    if (!kimai) throw new RosterformError("targets.kimai is not configured");
    const { url, token } = kimaiConnection(kimai, io.env);
    return new KimaiProvider({
      url,
      token,
      workContractPlugin: kimai.workContractPlugin,
      ...(kimai.lockedThrough ? { lockedThrough: kimai.lockedThrough } : {}),
      ...(kimai.currency ? { currency: kimai.currency } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      connections: Math.max(4, (options.parallelism ?? 4) + 2),
      ...retrying,
    });
  }
  const wiw = config.targets.wheniwork;
  if (!wiw) throw new RosterformError("targets.wheniwork is not configured");
  const { url, token, userId } = whenIWorkConnection(wiw, io.env);
  return new WhenIWorkProvider({
    url,
    token,
    invite: wiw.invite,
    futureShifts: wiw.futureShifts,
    ...(wiw.currency ? { currency: wiw.currency } : {}),
    ...(userId ? { userId } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    connections: Math.max(4, (options.parallelism ?? 4) + 2),
    ...retrying,
  });
}
