// Plan as a pull-request comment for the people who review the YAML: what each target would do (and what stops
// it) first, then one block per changed person, collapsed when there are many; bounded size.
import type { Action, Change, Plan, TargetPlan } from "../core/plan.js";
import { fieldRows } from "./fields.js";
import { hiddenLine, visibleNotes } from "./notes.js";
import { byDate, summaryLine, targetTitle } from "./summary.js";
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

/** Up to this many changes in all, each person's block is open; more, and they are collapsed. */
export const OPEN_DETAILS_UP_TO = 10;

export function renderPlanMarkdown(plan: Plan, limit: number = MARKDOWN_LIMIT): string {
  const head: string[] = [PLAN_COMMENT_MARKER, `## rosterform plan`, "", `Contracts as of ${plan.at}.`, ""];
  for (const t of plan.targets) head.push(...summary(t));
  head.push("");
  const open = plan.targets.reduce((n, t) => n + t.changes.length, 0) <= OPEN_DETAILS_UP_TO;
  const budget = limit - 400; // room for the truncation note
  let out = head.join("\n");
  const cut: { target: string; count: number }[] = [];
  for (const t of plan.targets) {
    // A target that could not be planned stands, with its errors, in the summary above.
    if (t.errors?.length) continue;
    const section: string[] = [];
    const notes = visibleNotes(t.notes);
    for (const note of notes.shown)
      section.push(`- ${note.level === "warning" ? "⚠️ " : ""}${escape(note.message)}`);
    if (notes.hidden > 0) section.push(`- ${escape(hiddenLine(notes.hidden))}`);
    if (section.length > 0) section.push("");
    section.push(...scheduledSection(t));
    if (t.changes.length === 0 && section.length === 0) continue;
    let text = [`\n### ${escape(targetTitle(t.target))}\n`, ...section].join("\n");
    if (out.length + text.length > budget) {
      cut.push({ target: t.target, count: t.changes.length });
      continue;
    }
    out += text;
    let shown = 0;
    for (const change of t.changes) {
      text = details(change, open);
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

/** The top of the comment, per target: the summary line, and what stops the plan (a refusal, an error). */
function summary(t: TargetPlan): string[] {
  const title = `**${escape(targetTitle(t.target))}**`;
  if (t.errors?.length) {
    return [`- ❌ ${title} ${escape(summaryLine(t))}`, ...t.errors.map((e) => `  - ${escape(e)}`)];
  }
  return [
    `- ${t.refusals.some((r) => !r.overridden) ? "❌ " : ""}${title} (${escape(t.endpoint)}): ${escape(summaryLine(t))}`,
    ...t.refusals.map((r) =>
      r.overridden
        ? `  - ⚠️ **Overridden by --force:** ${escape(r.message)}`
        : `  - **Refused:** ${escape(r.message)}${r.fix ? `; ${escape(r.fix)}` : ""}`,
    ),
  ];
}

function details(change: Change, open: boolean): string {
  const rows = fieldRows(change).map((r) =>
    r.kind === "group"
      ? `| <code>${html(r.label)}</code> | | |`
      : `| ${r.nested ? "&emsp;" : ""}<code>${html(r.label)}</code> | ${r.attr.from ? cell(r.attr.from.human) : ""} | ${cell(r.attr.to.human)} |`,
  );
  const why = change.reason ? ` — ${change.reason}` : "";
  // What rewrites the past stands first, before the values; other side effects follow them.
  const warnings = (change.effects ?? []).filter((e) => e.rewritesPast).flatMap((e) => e.lines);
  const others = (change.effects ?? []).filter((e) => !e.rewritesPast).flatMap((e) => e.lines);
  const flag = change.effects?.some((e) => e.rewritesPast) ? " — ⚠️ rewrites past expected hours" : "";
  return [
    "",
    `<details${open ? " open" : ""}><summary>${ICON[change.action]} <code>${html(change.name)}</code> ${change.action}${html(why)}${flag}</summary>`,
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
  const lines = ["**Scheduled contract changes**", ""];
  for (const s of byDate(t.scheduled)) {
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
