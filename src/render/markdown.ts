// Plan as a pull-request comment: summary table, one collapsible block per user, bounded size.
import { countChanges, type Action, type Change, type Plan, type TargetPlan } from "../core/plan.js";
import { hiddenLine, visibleNotes } from "./notes.js";
import { summaryLine, targetTitle } from "./summary.js";
import { printable } from "../printable.js";

/**
 * First line of every Markdown plan: invisible once rendered, it is how a CI job finds the comment it posted
 * before and updates it instead of adding another (see examples/github-actions/plan.yml).
 */
export const PLAN_COMMENT_MARKER = "<!-- rosterform-plan -->";
/** GitHub rejects comments over 65,536 characters; stay well under. */
export const MARKDOWN_LIMIT = 60_000;
const ICON: Record<Action, string> = {
  create: "➕",
  update: "✏️",
  delete: "🗑️",
  deactivate: "⛔",
  reactivate: "♻️",
};

export function renderPlanMarkdown(plan: Plan, limit: number = MARKDOWN_LIMIT): string {
  const head: string[] = [PLAN_COMMENT_MARKER, `## rosterform plan`, "", `Contracts as of ${plan.at}.`, ""];
  for (const t of plan.targets) head.push(...summaryTable(t));
  const budget = limit - 400; // room for the truncation note
  let out = head.join("\n");
  const cut: { target: string; count: number }[] = [];
  for (const t of plan.targets) {
    const section = [`\n### ${escape(targetTitle(t.target))}\n`];
    if (t.errors?.length) {
      section.push(
        `❌ **${escape(targetTitle(t.target))} could not be planned**, so this plan will not be applied to any target:`,
        "",
        ...t.errors.map((e) => `- ${escape(e)}`),
        "",
      );
      out += section.join("\n");
      continue;
    }
    const notes = visibleNotes(t.notes);
    for (const note of notes.shown)
      section.push(`- ${note.level === "warning" ? "⚠️ " : ""}${escape(note.message)}`);
    if (notes.hidden > 0) section.push(`- ${escape(hiddenLine(notes.hidden))}`);
    for (const r of t.refusals) section.push(`- ❌ **refused:** ${escape(r.message)}`);
    if (t.notes.length || t.refusals.length) section.push("");
    section.push(...scheduledSection(t));
    let text = section.join("\n");
    if (out.length + text.length > budget) {
      cut.push({ target: t.target, count: t.changes.length });
      continue;
    }
    out += text;
    let shown = 0;
    for (const change of t.changes) {
      text = details(change);
      if (out.length + text.length > budget) break;
      out += text;
      shown++;
    }
    if (shown < t.changes.length) cut.push({ target: t.target, count: t.changes.length - shown });
  }
  if (cut.length > 0) {
    const what = cut.map((c) => `${c.count} change(s) for ${targetTitle(c.target)}`).join(", ");
    out += `\n> **Truncated:** ${what} not shown, to keep this comment under ${limit.toLocaleString("en")} characters. Run \`rosterform plan\` for the full plan.\n`;
  }
  return out;
}

function summaryTable(t: TargetPlan): string[] {
  if (t.errors?.length) return [`**${escape(targetTitle(t.target))}**: ${summaryLine(t)}`, ""];
  const n = countChanges(t.changes);
  return [
    `**${escape(targetTitle(t.target))}** (${escape(t.endpoint)}): ${summaryLine(t)}`,
    "",
    "| Change | Users |",
    "| --- | ---: |",
    `| ${ICON.create} create | ${n.create} |`,
    `| ${ICON.update} update | ${n.update} |`,
    `| ${ICON.deactivate} deactivate | ${n.deactivate} |`,
    `| ${ICON.reactivate} reactivate | ${n.reactivate} |`,
    ...(n.delete > 0 ? [`| ${ICON.delete} delete | ${n.delete} |`] : []),
    "",
  ];
}

function details(change: Change): string {
  const rows = change.attrs.map(
    (a) => `| <code>${html(a.key)}</code> | ${a.from ? cell(a.from.human) : ""} | ${cell(a.to.human)} |`,
  );
  const why = change.reason ? ` — ${change.reason}` : "";
  // What rewrites the past stands first, before the values; other side effects follow them.
  const warnings = (change.effects ?? []).filter((e) => e.rewritesPast).flatMap((e) => e.lines);
  const others = (change.effects ?? []).filter((e) => !e.rewritesPast).flatMap((e) => e.lines);
  const flag = change.effects?.some((e) => e.rewritesPast) ? " — ⚠️ rewrites past expected hours" : "";
  return [
    "",
    `<details><summary>${ICON[change.action]} <code>${html(change.name)}</code> ${change.action}${html(why)}${flag}</summary>`,
    "",
    ...warnings.map((l) => `> ⚠️ ${escape(l)}`),
    ...(warnings.length > 0 ? [""] : []),
    "| Field | Now | Planned |",
    "| --- | --- | --- |",
    ...rows,
    "",
    ...others.map((l) => `- ↳ ${escape(l)}`),
    ...(others.length ? [""] : []),
    "</details>",
    "",
  ].join("\n");
}

/** Coming effective-dated contract switches, by date, with what each will make the target recalculate. */
function scheduledSection(t: TargetPlan): string[] {
  if (t.scheduled.length === 0) return [];
  const rows = [...t.scheduled].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const lines = ["**Scheduled contract changes**", ""];
  for (const s of rows) {
    lines.push(`- ${s.from} <code>${html(s.key)}</code> → ${escape(s.summary)}`);
    for (const l of (s.effects ?? []).flatMap((e) => e.lines)) lines.push(`  - ⚠️ ${escape(l)}`);
  }
  lines.push("");
  return lines;
}

function cell(s: string): string {
  return escape(s).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Text inside HTML tags: no tags from user data. */
function html(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** User-controlled text never becomes HTML or Markdown structure in a PR comment. */
function escape(s: string): string {
  return html(printable(s)).replace(/([\\`*_[\]])/g, "\\$1");
}
