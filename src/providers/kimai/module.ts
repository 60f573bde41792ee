// Kimai as a target module: what the registry (src/providers/index.ts) knows of it.
import type { TargetModule } from "../module.js";
import { readKimaiTarget, type KimaiTargetConfig } from "./settings.js";

export const kimai: TargetModule = {
  name: "kimai",
  readTarget: readKimaiTarget,
  async connect(config, io, settings) {
    const [{ kimaiConnection }, { KimaiProvider }] = await Promise.all([
      import("./connect.js"),
      import("./provider.js"),
    ]);
    const kimai = config as KimaiTargetConfig;
    const { url, token } = kimaiConnection(kimai, io.env);
    return new KimaiProvider({
      url,
      token,
      workContractPlugin: kimai.workContractPlugin,
      ...(kimai.lockedThrough ? { lockedThrough: kimai.lockedThrough } : {}),
      ...(kimai.currency ? { currency: kimai.currency } : {}),
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      connections: Math.max(4, (settings.parallelism ?? 4) + 2),
      onRetry: settings.onRetry,
      budget: settings.budget,
      ...(settings.proxy ? { proxy: settings.proxy } : {}),
      ...(settings.trace ? { trace: settings.trace } : {}),
    });
  },
};
