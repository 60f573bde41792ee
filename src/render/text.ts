// Plan as text, in the manner of Terraform: + create, ~ update, - deactivate, values in human units.
import type { Action, AttrChange, Change, ChangeEffect, Plan, TargetPlan } from "../core/plan.js";
import { noStyle, type Style } from "./style.js";
import { hiddenLine, visibleNotes } from "./notes.js";
import { byDate, refusalLine, targetSummary, targetTitle } from "./summary.js";
import { fieldRows } from "./fields.js";
import { printable } from "../printable.js";

const SYMBOL: Record<Action, string> = {
  create: "+",
  update: "~",
  delete: "-",
  deactivate: "-",
  reactivate: "~",
};

export function renderPlanText(plan: Plan, style: Style = noStyle): string {
  // When no target could be planned there is no plan to show: the errors are on stderr.
  if (plan.targets.every((t) => t.errors?.length)) return "";
  const head = style.dim(`Plan for ${plan.at} (the contracts in force that day).`);
  return [`${head}\n`, ...plan.targets.map((t) => renderTarget(t, style))].join("\n");
}

function renderTarget(t: TargetPlan, style: Style): string {
  const lines: string[] = [];
  if (t.errors?.length) {
    lines.push(style.bold(targetTitle(t.target)), "");
    for (const e of t.errors) lines.push(style.red(`  ✗ ${printable(e)}`));
    lines.push("", style.bold(targetSummary(t)));
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    style.bold(
      `${targetTitle(t.target)} ${style.dim(`(${t.endpoint}: ${t.counts.remote} on the server, ${t.counts.declared} declared)`)}`,
    ),
    "",
  );
  for (const change of t.changes) lines.push(...renderChange(change, style), "");
  const { shown, hidden } = visibleNotes(t.notes);
  for (const note of shown) {
    lines.push(
      note.level === "warning"
        ? style.yellow(`  ! ${printable(note.message)}`)
        : style.dim(`  · ${printable(note.message)}`),
    );
  }
  if (hidden > 0) lines.push(style.dim(`  · ${hiddenLine(hidden)}`));
  if (t.scheduled.length > 0) {
    lines.push("  Scheduled contract changes:");
    for (const s of byDate(t.scheduled)) {
      lines.push(`    ${s.from}  ${printable(s.key)} → ${printable(s.summary)}`);
      lines.push(...effectLines(s.effects, "        ", style));
    }
  }
  for (const r of t.refusals)
    lines.push(
      r.overridden
        ? style.yellow(`  ! ${printable(refusalLine(r))}`)
        : style.red(`  ✗ ${printable(refusalLine(r))}`),
    );
  if (t.notes.length > 0 || t.scheduled.length > 0 || t.refusals.length > 0) lines.push("");
  lines.push(style.bold(targetSummary(t)));
  return `${lines.join("\n")}\n`;
}

function colour(action: Action, style: Style): (s: string) => string {
  return action === "create"
    ? style.green
    : action === "deactivate" || action === "delete"
      ? style.red
      : style.yellow;
}

function renderChange(change: Change, style: Style): string[] {
  const paint = colour(change.action, style);
  const label = change.action === "create" || change.action === "update" ? "" : ` (${change.action})`;
  const why = change.reason ? style.dim(`  # ${printable(change.reason)}`) : "";
  const head = `  ${paint(`${SYMBOL[change.action]} ${printable(change.name)}`)}${label}${why}`;
  const rows = fieldRows(change);
  const width = Math.max(
    0,
    ...rows.map((r) => (r.kind === "value" ? r.label.length + (r.nested ? 2 : 0) : 0)),
  );
  return [
    head,
    ...rows.map((r) =>
      r.kind === "group"
        ? `      ${printable(r.label)}`
        : `      ${(r.nested ? "  " : "") + printable(r.label).padEnd(width - (r.nested ? 2 : 0))}  ${values(r.attr, change.action, style)}`,
    ),
    ...effectLines(change.effects, "      ", style),
  ];
}

function values(a: AttrChange, action: Action, style: Style): string {
  if (action === "create" || !a.from) return printable(a.to.human);
  return `${style.red(printable(a.from.human))} → ${style.green(printable(a.to.human))}`;
}

/** What else a change does, under its values: `! expected hours change for …`. */
function effectLines(effects: readonly ChangeEffect[] | undefined, indent: string, style: Style): string[] {
  return (effects ?? []).flatMap((e) =>
    e.lines.map((l) => (e.rewritesPast ? style.yellow(`${indent}! ${l}`) : style.dim(`${indent}↳ ${l}`))),
  );
}
