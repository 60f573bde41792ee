// A plan in the format asked for (plan --format, show --format): the one switch between the renderers.
import type { Plan } from "../core/plan.js";
import type { Io } from "../io.js";
import type { PlanFormat } from "./formats.js";
import { renderPlanJson } from "./json.js";
import { renderPlanMarkdown } from "./markdown.js";
import { styleFor } from "./style.js";
import { renderPlanText } from "./text.js";

export type { PlanFormat } from "./formats.js";

export function renderPlan(plan: Plan, format: PlanFormat, io: Pick<Io, "env" | "isTTY">): string {
  if (format === "json") return renderPlanJson(plan);
  if (format === "markdown") return renderPlanMarkdown(plan);
  return renderPlanText(plan, styleFor(io));
}
