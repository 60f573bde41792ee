// targets.kimai in rosterform.yaml: its type and how it is read beyond the JSON Schema.
import type { FileReport } from "../../config/file-report.js";
import type { PathSegment } from "../../config/source-tree.js";
import { readMonth, readServerUrl } from "../../config/target-rules.js";

export interface KimaiTargetConfig {
  url?: string;
  workContractPlugin: "auto" | boolean;
  /** YYYY-MM: the last month whose working times are locked (approved) in Kimai; later ones are recalculated. */
  lockedThrough?: string;
  /** Printed after rates (Kimai keeps them without one), e.g. EUR. */
  currency?: string;
}

export function readKimaiTarget(
  raw: Record<string, unknown>,
  path: readonly PathSegment[],
  report: FileReport,
): KimaiTargetConfig {
  const kimai: KimaiTargetConfig = { workContractPlugin: "auto" };
  const url = readServerUrl(raw.url, [...path, "url"], report, "KIMAI_API_TOKEN");
  if (url !== undefined) kimai.url = url;
  const plugin = raw.workContractPlugin;
  if (plugin === true || plugin === false || plugin === "auto") kimai.workContractPlugin = plugin;
  const locked = readMonth(raw.lockedThrough, [...path, "lockedThrough"], report);
  if (locked !== undefined) kimai.lockedThrough = locked;
  if (typeof raw.currency === "string") kimai.currency = raw.currency;
  return kimai;
}

/** `kimai: false`: this person is kept out of Kimai (someone only in When I Work). */
export function optedOut(user: { targets?: Record<string, unknown> }): boolean {
  return user.targets?.kimai === false;
}
