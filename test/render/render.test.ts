import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import type { Change, Note, Plan, Refusal, ScheduledChange, TargetPlan } from "../../src/core/plan.js";
import { unplannedTarget } from "../../src/core/plan.js";
import { attr } from "../../src/core/records.js";
import { renderPlanJson } from "../../src/render/json.js";
import {
  MARKDOWN_LIMIT,
  OPEN_DETAILS_UP_TO,
  PLAN_COMMENT_MARKER,
  renderPlanMarkdown,
} from "../../src/render/markdown.js";
import { applySummary } from "../../src/render/summary.js";
import { styleFor } from "../../src/render/style.js";
import { renderPlanText } from "../../src/render/text.js";

function update(key: string, n = 1): Change {
  return {
    address: `kimai/user/${key}`,
    action: "update",
    kind: "user",
    key,
    name: key,
    remoteId: 1,
    attrs: Array.from({ length: n }, (_, i) => ({
      key: `field_${i}`,
      from: attr("38", "38h", "38"),
      to: attr("40", "40h", "40"),
    })),
    dependsOn: [],
  };
}

function plan(changes: Change[], extra: Partial<TargetPlan> = {}): Plan {
  return {
    formatVersion: 2,
    tool: "rosterform",
    createdAt: "2026-11-23T00:00:00.000Z",
    at: "2026-11-23",
    targets: [
      {
        target: "kimai",
        endpoint: "https://kimai.example.com",
        counts: { remote: 3, declared: 2 },
        changes,
        notes: [],
        refusals: [],
        fingerprints: {},
        scheduled: [],
        ...extra,
      },
    ],
  };
}

/** A person whose title, template contract and rate change, as the Kimai provider names them. */
function reviewed(): Change {
  return {
    ...update("anna.schmidt", 0),
    contract: "full-time-40h",
    attrs: [
      { key: "title", from: attr("Intern", '"Intern"'), to: attr("Shift Lead", '"Shift Lead"') },
      {
        key: "hours_per_week",
        field: "contract.hoursPerWeek",
        from: attr("136800", "38h"),
        to: attr("144000", "40h"),
      },
      {
        key: "work_days_week",
        field: "contract.workDays",
        from: attr("1,2,3,4", "Mon–Thu"),
        to: attr("1,2,3,4,5", "Mon–Fri"),
      },
      { key: "holidays", field: "contract.vacationDays", from: attr("0", "0"), to: attr("30", "30") },
      { key: "hourly_rate", field: "rates.hourly", from: attr("0", "0"), to: attr("85", "85") },
    ],
  };
}

function absent(n: number): Note[] {
  return Array.from({ length: n }, (_, i) => ({
    level: "info" as const,
    key: `gone${i}`,
    code: "absent-offboarded",
    message: `gone${i} is off-boarded and not on the server: nothing to do`,
  }));
}

const stray: Note = { level: "info", key: "stray", message: "stray is on the server but not in users.d" };

const refusal: Refusal = {
  code: "limit",
  forceable: true,
  message: "12 deactivations exceed policy.limits.deactivate (10%)",
};

const scheduled: ScheduledChange[] = [
  { key: "anna", from: "2027-01-01", summary: "part-time (week): 30h/week" },
  { key: "bob", from: "2026-12-01", summary: "full-time-40h (week): 40h/week" },
];

describe("text", () => {
  test("updates show from → to in human units and the Terraform-like summary", () => {
    const text = renderPlanText(plan([update("anna")]));
    expect(text).toContain("  ~ anna\n      field_0  38h → 40h\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("Kimai: Plan: 1 to update.");
  });

  test("says the date it was made for", () => {
    expect(renderPlanText(plan([update("anna")])).split("\n")[0]).toBe(
      "Plan for 2026-11-23 (the contracts in force that day).",
    );
  });

  test("informational notes are capped at 20 with a count; warnings are all shown", () => {
    const notes = [
      ...Array.from({ length: 25 }, (_, i) => ({
        level: "info" as const,
        message: `stray${i} is on the server but not in users.d`,
      })),
      { level: "warning" as const, message: "careful" },
    ];
    const text = renderPlanText(plan([], { notes }));
    expect(text).toContain("  ! careful");
    expect(text).toContain("stray19 is on the server");
    expect(text).not.toContain("stray20 is on the server");
    expect(text).toContain("… and 5 more notes (rosterform plan --format json lists them all)");
    expect(renderPlanMarkdown(plan([], { notes }))).toContain("… and 5 more notes");
  });

  test("no changes says so", () => {
    expect(renderPlanText(plan([]))).toContain("Kimai: No changes.");
  });

  test("fields are named as the YAML names them, the contract's under its template", () => {
    const text = renderPlanText(plan([reviewed()]));
    expect(text).toContain(
      [
        "  ~ anna.schmidt",
        '      title           "Intern" → "Shift Lead"',
        "      contract: full-time-40h",
        "        hoursPerWeek  38h → 40h",
        "        workDays      Mon–Thu → Mon–Fri",
        "        vacationDays  0 → 30",
        "      rates.hourly    0 → 85",
        "",
      ].join("\n"),
    );
    expect(text).not.toContain("holidays");
  });

  test("off-boarded people not on the server are one counted line; other notes stay", () => {
    const text = renderPlanText(plan([], { notes: [...absent(3), stray] }));
    expect(text).toContain(
      "  · 3 off-boarded people are not on the server, nothing to do: gone0, gone1, gone2\n",
    );
    expect(text).toContain("  · stray is on the server but not in users.d\n");
    expect(text).not.toContain("gone0 is off-boarded");
    // One alone keeps its own line.
    expect(renderPlanText(plan([], { notes: absent(1) }))).toContain(
      "gone0 is off-boarded and not on the server: nothing to do",
    );
  });

  test("scheduled contract changes by date", () => {
    const text = renderPlanText(plan([], { scheduled }));
    expect(text.indexOf("2026-12-01  bob")).toBeGreaterThan(0);
    expect(text.indexOf("2026-12-01  bob")).toBeLessThan(text.indexOf("2027-01-01  anna"));
  });

  test("a refusal is in the summary line", () => {
    const text = renderPlanText(plan([update("a")], { refusals: [refusal] }));
    expect(text).toContain("Kimai: Plan: 1 to update. Refused: apply stops unless --force.");
  });

  test("colour only on a terminal, never with NO_COLOR", () => {
    expect(renderPlanText(plan([update("a")]), styleFor({ isTTY: true, env: {} }))).toContain("\u001b[");
    expect(
      renderPlanText(plan([update("a")]), styleFor({ isTTY: true, env: { NO_COLOR: "1" } })),
    ).not.toContain("\u001b[");
    expect(renderPlanText(plan([update("a")]), styleFor({ isTTY: false, env: {} }))).not.toContain("\u001b[");
  });
});

describe("markdown", () => {
  const md = new MarkdownIt({ html: true });

  test("a summary line per target, no table of counts, then one open <details> block per changed user", () => {
    const out = renderPlanMarkdown(plan([update("anna"), update("bob")]));
    const html = md.render(out);
    expect(out).toContain("- **Kimai** (https://kimai.example.com): Plan: 2 to update.\n");
    // The only tables are the two people's.
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<td[^>]*>0<\/td>/);
    expect(html.match(/<details open>/g)).toHaveLength(2);
    expect(html).toContain("<code>anna</code>");
  });

  test("many changes: each person's block is collapsed", () => {
    const many = Array.from({ length: OPEN_DETAILS_UP_TO + 1 }, (_, i) => update(`user${i}`));
    const html = md.render(renderPlanMarkdown(plan(many)));
    expect(html.match(/<details>/g)).toHaveLength(many.length);
    expect(html).not.toContain("<details open>");
  });

  test("fields as the YAML names them; the contract's under a row naming its template", () => {
    const [rows] = tables(md.parse(renderPlanMarkdown(plan([reviewed()])), {}));
    expect(rows).toEqual([
      ["<code>title</code>", '"Intern"', '"Shift Lead"'],
      ["<code>contract: full-time-40h</code>", "", ""],
      ["&emsp;<code>hoursPerWeek</code>", "38h", "40h"],
      ["&emsp;<code>workDays</code>", "Mon–Thu", "Mon–Fri"],
      ["&emsp;<code>vacationDays</code>", "0", "30"],
      ["<code>rates.hourly</code>", "0", "85"],
    ]);
  });

  test("the refusal stands in the summary at the top", () => {
    const out = renderPlanMarkdown(plan([update("a")], { refusals: [refusal] }));
    const top = out.slice(0, out.indexOf("<details"));
    expect(top).toContain(
      "- ❌ **Kimai** (https://kimai.example.com): Plan: 1 to update. Refused: apply stops unless --force.\n  - **Refused:** 12 deactivations exceed policy.limits.deactivate (10%)",
    );
    const html = md.render(out);
    expect(html).toMatch(/<li>❌ <strong>Kimai<\/strong>[^]*<li><strong>Refused:<\/strong> 12 deactivations/);
  });

  test("scheduled contract changes, by date, and the off-boarded counted once", () => {
    const out = renderPlanMarkdown(plan([], { scheduled, notes: absent(4) }));
    expect(out).toContain("**Scheduled contract changes**");
    expect(out.indexOf("2026-12-01 <code>bob</code>")).toBeLessThan(
      out.indexOf("2027-01-01 <code>anna</code>"),
    );
    expect(out).toContain(
      "- 4 off-boarded people are not on the server, nothing to do: gone0, gone1, gone2, gone3",
    );
    expect(out.match(/off-boarded/g)).toHaveLength(1);
  });

  test("a target with nothing to say has no section; 'No changes.' in the summary says it", () => {
    const out = renderPlanMarkdown(plan([]));
    expect(out).toContain("- **Kimai** (https://kimai.example.com): No changes.");
    expect(out).not.toContain("### Kimai");
  });

  test("user data cannot inject HTML into the comment", () => {
    const evil = { ...update("x"), name: "<img src=x onerror=alert(1)>" };
    const out = renderPlanMarkdown(plan([evil]));
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img");
  });

  test("stays under the limit and says what was cut", () => {
    const many = Array.from({ length: 3000 }, (_, i) => update(`user${i}`, 5));
    const out = renderPlanMarkdown(plan(many));
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(out).toMatch(/\*\*Truncated:\*\* \d+ change\(s\) for Kimai not shown/);
  });
});

function create(key: string): Change {
  return {
    address: `wheniwork/user/${key}`,
    action: "create",
    kind: "user",
    key,
    name: key,
    attrs: [
      { key: "email", to: attr(`${key}@example.com`, `${key}@example.com`) },
      { key: "positions", to: attr(["Barista"], "Barista") },
    ],
    dependsOn: [],
  };
}

function deactivate(key: string): Change {
  return {
    address: `kimai/user/${key}`,
    action: "deactivate",
    kind: "user",
    key,
    name: key,
    remoteId: 9,
    attrs: [{ key: "enabled", from: attr(true, "true"), to: attr(false, "false") }],
    dependsOn: [],
    reason: "not in users.d (policy.unmanaged: deactivate)",
  };
}

/** Kimai with updates and deactivations, When I Work with creates. */
function twoTargets(kimai: Change[], wheniwork: Change[]): Plan {
  const base = plan(kimai);
  const first = base.targets[0]!;
  return {
    ...base,
    targets: [
      first,
      { ...first, target: "wheniwork", endpoint: "https://api.wheniwork.com", changes: wheniwork },
    ],
  };
}

/** The text of each table's body rows: [[cell, cell], ...] per table. */
function tables(tokens: ReturnType<InstanceType<typeof MarkdownIt>["parse"]>): string[][][] {
  const out: string[][][] = [];
  let rows: string[][] = [];
  let row: string[] = [];
  let inBody = false;
  for (const t of tokens) {
    if (t.type === "table_open") rows = [];
    else if (t.type === "tbody_open") inBody = true;
    else if (t.type === "tbody_close") inBody = false;
    else if (t.type === "tr_open") row = [];
    else if (t.type === "tr_close" && inBody) rows.push(row);
    else if (t.type === "inline" && inBody) row.push(t.content);
    else if (t.type === "table_close") out.push(rows);
  }
  return out;
}

describe("markdown with two targets", () => {
  const md = new MarkdownIt({ html: true });
  const kimai = [update("anna", 2), update("bob"), deactivate("old.intern")];
  const wiw = [create("anna"), create("bob"), create("carla")];

  test("starts with the hidden marker the CI comment step looks for", () => {
    const out = renderPlanMarkdown(twoTargets(kimai, wiw));
    expect(out.split("\n")[0]).toBe(PLAN_COMMENT_MARKER);
    const first = md.parse(out, {})[0]!;
    expect(first.type).toBe("html_block");
    // Rendered, it is a comment: nothing of it shows.
    expect(md.render(out)).toMatch(/^<!-- rosterform-plan -->\n<h2>rosterform plan<\/h2>/);
  });

  test("one summary line per target, in the wording of the text plan, then one section per target", () => {
    const out = renderPlanMarkdown(twoTargets(kimai, wiw));
    const tokens = md.parse(out, {});
    // Only the per-user tables.
    expect(tables(tokens)).toHaveLength(kimai.length + wiw.length);
    expect(out).toContain("- **Kimai** (https://kimai.example.com): Plan: 2 to update, 1 to deactivate.\n");
    expect(out).toContain("- **When I Work** (https://api.wheniwork.com): Plan: 3 to create.\n");
    expect(renderPlanText(twoTargets(kimai, wiw))).toContain("When I Work: Plan: 3 to create.\n");
    const headings = tokens
      .map((t, i) => (t.type === "heading_open" && t.tag === "h3" ? tokens[i + 1]?.content : undefined))
      .filter(Boolean);
    expect(headings).toEqual(["Kimai", "When I Work"]);
  });

  test("one <details> per changed user, under its target, with a row per field", () => {
    const out = renderPlanMarkdown(twoTargets(kimai, wiw));
    const html = md.render(out);
    expect(html.match(/<details open>/g)).toHaveLength(6);
    expect(html.match(/<\/details>/g)).toHaveLength(6);
    const [beforeWiw, afterWiw] = html.split("<h3>When I Work</h3>");
    expect(beforeWiw?.match(/<details open>/g)).toHaveLength(3);
    expect(afterWiw?.match(/<details open>/g)).toHaveLength(3);
    expect(beforeWiw).toContain(
      "<summary>⛔ <code>old.intern</code> deactivate — not in users.d (policy.unmanaged: deactivate)</summary>",
    );
    expect(afterWiw).toContain("<summary>➕ <code>carla</code> create</summary>");
    const [annaKimai, , , annaWiw] = tables(md.parse(out, {}));
    expect(annaKimai).toEqual([
      ["<code>field_0</code>", "38h", "40h"],
      ["<code>field_1</code>", "38h", "40h"],
    ]);
    expect(annaWiw).toEqual([
      ["<code>email</code>", "", "anna@example.com"],
      ["<code>positions</code>", "", "Barista"],
    ]);
  });

  test("no truncation note when everything fits", () => {
    expect(renderPlanMarkdown(twoTargets(kimai, wiw))).not.toContain("Truncated");
  });

  test("over the limit: both summaries stay, whole blocks are cut, the note counts what is missing", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => update(`user${i}`, 4));
    const big = twoTargets(
      many(400),
      many(400).map((c) => ({ ...c, address: c.address.replace(/^kimai/, "wheniwork") })),
    );
    const limit = 20_000;
    const out = renderPlanMarkdown(big, limit);
    expect(out.length).toBeLessThanOrEqual(limit);
    const html = md.render(out);
    expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length);
    const shown = html.match(/<details>/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    // Both summaries still count every change.
    expect(out).toContain("- **Kimai** (https://kimai.example.com): Plan: 400 to update.\n");
    expect(out).toContain("- **When I Work** (https://api.wheniwork.com): Plan: 400 to update.\n");
    const note = /> \*\*Truncated:\*\* (.+) not shown, to keep this comment under 20,000 characters\./.exec(
      out,
    );
    expect(note, out.slice(-600)).not.toBeNull();
    const cut = [...note![1]!.matchAll(/(\d+) change\(s\) for (Kimai|When I Work)/g)];
    expect(cut.map((m) => m[2])).toContain("When I Work");
    expect(shown + cut.reduce((sum, m) => sum + Number(m[1]), 0)).toBe(800);
    expect(html).toMatch(/<blockquote>\s*<p><strong>Truncated:<\/strong>/);
  });

  test("the default limit holds for a plan of thousands of users on both targets", () => {
    const many = Array.from({ length: 2000 }, (_, i) => update(`user${i}`, 6));
    const out = renderPlanMarkdown(twoTargets(many, many));
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(out).toContain("**Truncated:**");
  });
});

describe("a target that could not be planned", () => {
  const md = new MarkdownIt({ html: true });
  const failed: Plan = {
    ...twoTargets([update("anna")], []),
    targets: [
      twoTargets([update("anna")], []).targets[0]!,
      unplannedTarget("wheniwork", ["cannot reach https://api.wheniwork.com"]),
    ],
  };

  test("stands with its error in the summary at the top, and has no section of its own", () => {
    const out = renderPlanMarkdown(failed);
    const top = out.slice(0, out.indexOf("### "));
    expect(top).toContain(
      "- ❌ **When I Work** could not be planned; nothing will be applied to any target.\n  - cannot reach https://api.wheniwork.com",
    );
    expect(out).not.toContain("### When I Work");
    expect(md.render(out)).toContain("<li>cannot reach https://api.wheniwork.com</li>");
  });
});

describe("apply summary", () => {
  const changes = [create("a"), create("b"), update("c")];

  test("complete: only the counts there are", () => {
    expect(applySummary("kimai", changes, ["applied", "applied", "applied"])).toBe(
      "Kimai: Apply complete: 2 created, 1 updated.",
    );
  });

  test("with failures it is not complete", () => {
    expect(applySummary("wheniwork", changes, ["applied", "failed", "skipped"])).toBe(
      "When I Work: Apply incomplete: 1 created; 1 failed, 1 skipped.",
    );
    expect(applySummary("kimai", changes.slice(0, 1), ["failed"])).toBe(
      "Kimai: Apply incomplete: nothing applied; 1 failed.",
    );
  });
});

test("json keeps the system's names and adds the YAML's", () => {
  const json = JSON.parse(renderPlanJson(plan([reviewed()]))) as {
    targets: { changes: { contract?: string; attrs: { key: string; field?: string }[] }[] }[];
  };
  const change = json.targets[0]!.changes[0]!;
  expect(change.contract).toBe("full-time-40h");
  expect(change.attrs.map((a) => [a.key, a.field])).toEqual([
    ["title", undefined],
    ["hours_per_week", "contract.hoursPerWeek"],
    ["work_days_week", "contract.workDays"],
    ["holidays", "contract.vacationDays"],
    ["hourly_rate", "rates.hourly"],
  ]);
});

test("json is versioned and counts changes by kind", () => {
  const json = JSON.parse(renderPlanJson(plan([update("anna")]))) as {
    formatVersion: number;
    targets: { summary: object }[];
  };
  expect(json.formatVersion).toBe(2);
  expect(json.targets[0]!.summary).toEqual({ create: 0, update: 1, delete: 0, deactivate: 0, reactivate: 0 });
});
