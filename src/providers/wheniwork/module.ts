// When I Work as a target module: what the registry (src/providers/index.ts) knows of it.
import type { TargetModule } from "../module.js";
import { pinned } from "./pinned.js";
import { readWhenIWorkSettings, readWhenIWorkTarget, type WhenIWorkTargetConfig } from "./settings.js";

export const wheniwork: TargetModule = {
  name: "wheniwork",
  readTarget: readWhenIWorkTarget,
  readPerson: readWhenIWorkSettings,
  pinned,
  async connect(config, io, settings) {
    const [{ whenIWorkConnection }, { WhenIWorkProvider }] = await Promise.all([
      import("./connect.js"),
      import("./provider.js"),
    ]);
    const wiw = config as WhenIWorkTargetConfig;
    const { url, token, userId } = whenIWorkConnection(wiw, io.env);
    return new WhenIWorkProvider({
      url,
      token,
      invite: wiw.invite,
      futureShifts: wiw.futureShifts,
      ...(wiw.currency ? { currency: wiw.currency } : {}),
      ...(userId ? { userId } : {}),
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      connections: Math.max(4, (settings.parallelism ?? 4) + 2),
      onRetry: settings.onRetry,
      budget: settings.budget,
      ...(settings.proxy ? { proxy: settings.proxy } : {}),
      ...(settings.trace ? { trace: settings.trace } : {}),
    });
  },
};
