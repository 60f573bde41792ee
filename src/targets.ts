// Which target systems a run talks to, and how each is reached; the systems themselves are the registry's
// (src/providers/index.ts).
import type { RosterConfig } from "./core/model.js";
import type { Provider } from "./core/provider.js";
import { RosterformError } from "./errors.js";
import type { HttpClientOptions } from "./http/client.js";
import { proxyFromEnv } from "./http/proxy.js";
import { describeExchange } from "./http/trace.js";
import { describeRetry, runRetryBudget, type RetryInfo } from "./http/retry.js";
import { progress, type Io } from "./io.js";
import { TARGETS, targetModule } from "./providers/index.js";

/** A target system's name, as the registry lists it (kimai, …). */
export type TargetName = string;

export interface ConnectOptions {
  timeoutMs?: number;
  parallelism?: number;
  onRetry?: HttpClientOptions["onRetry"];
}

/** The configured targets, narrowed by --target. */
export function selectTargets(config: RosterConfig, wanted: readonly string[] | undefined): TargetName[] {
  const configured = TARGETS.map((t) => t.name).filter((name) => config.targets[name] !== undefined);
  if (configured.length === 0) {
    const [first, ...others] = TARGETS.map((t) => `targets.${t.name}`);
    throw new RosterformError(
      `rosterform.yaml configures no target: add ${first ?? "a target"}${others.length > 0 ? ` (or ${others.join(", ")})` : ""}`,
    );
  }
  if (!wanted || wanted.length === 0) return configured;
  for (const w of wanted) {
    if (!configured.includes(w)) {
      throw new RosterformError(
        `--target ${w} is not configured in rosterform.yaml (configured: ${configured.join(", ")})`,
      );
    }
  }
  return configured.filter((t) => wanted.includes(t));
}

export async function connect(
  target: TargetName,
  config: RosterConfig,
  io: Io,
  options: ConnectOptions,
): Promise<Provider> {
  const module = targetModule(target);
  const settings = config.targets[target];
  if (!module || settings === undefined) throw new RosterformError(`targets.${target} is not configured`);
  // Every retry is one line on stderr, and all systems of a run share one retry budget.
  const proxy = proxyFromEnv(io.env);
  const debug = io.debug;
  return module.connect(settings, io, {
    onRetry: options.onRetry ?? ((info: RetryInfo) => progress(io, `${describeRetry(info)}\n`)),
    ...(debug ? { trace: (exchange) => debug(describeExchange(exchange)) } : {}),
    budget: runRetryBudget(io),
    ...(proxy ? { proxy } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.parallelism !== undefined ? { parallelism: options.parallelism } : {}),
  });
}
