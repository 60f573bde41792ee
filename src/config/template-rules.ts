// One contracts.d file: a named contract template.
import type { Contract } from "../core/model.js";
import { readContract } from "./contract-rules.js";
import type { FileReport } from "./file-report.js";
import { isRecord } from "./source-tree.js";

export interface TemplateDraft {
  name: string;
  /** undefined when the template has errors (reported in its own file). */
  contract?: Contract;
  report: FileReport;
}

/** The template's name is `name:`, else the file name without extension. */
export function readTemplate(data: unknown, report: FileReport): TemplateDraft {
  const raw = isRecord(data) ? data : {};
  const stem = (report.file.split("/").pop() ?? report.file).replace(/\.ya?ml$/i, "");
  const name = typeof raw.name === "string" && raw.name !== "" ? raw.name : stem;
  const { name: _name, ...fields } = raw;
  const contract = readContract(fields, [], report);
  return contract ? { name, contract, report } : { name, report };
}
