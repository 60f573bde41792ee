import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import type { Change, Plan, TargetPlan } from "../../src/core/plan.js";
import { attr } from "../../src/core/records.js";
import { renderPlanJson } from "../../src/render/json.js";
import { MARKDOWN_LIMIT, PLAN_COMMENT_MARKER, renderPlanMarkdown } from "../../src/render/markdown.js";
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

describe("text", () => {
  test("updates show from → to in human units and the Terraform-like summary", () => {
    const text = renderPlanText(plan([update("anna")]));
    expect(text).toContain("  ~ anna\n      field_0  38h → 40h\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("Plan: 0 to create, 1 to update, 0 to deactivate.");
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
    expect(renderPlanText(plan([]))).toContain("No changes.");
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

  test("renders a summary table and one <details> block per user", () => {
    const html = md.render(renderPlanMarkdown(plan([update("anna"), update("bob")])));
    expect(html).toContain("<table>");
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html).toContain("<code>anna</code>");
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

  test("one summary table per target counting each kind, then one section per target", () => {
    const out = renderPlanMarkdown(twoTargets(kimai, wiw));
    const tokens = md.parse(out, {});
    const [kimaiTable, wiwTable, ...rest] = tables(tokens);
    // The per-user tables follow the two summary tables.
    expect(rest).toHaveLength(kimai.length + wiw.length);
    expect(kimaiTable).toEqual([
      ["➕ create", "0"],
      ["✏️ update", "2"],
      ["⛔ deactivate", "1"],
      ["♻️ reactivate", "0"],
    ]);
    expect(wiwTable?.map((r) => r[1])).toEqual(["3", "0", "0", "0"]);
    expect(out).toContain("**When I Work** (https://api.wheniwork.com): Plan: 3 to create, 0 to update");
    const headings = tokens
      .map((t, i) => (t.type === "heading_open" && t.tag === "h3" ? tokens[i + 1]?.content : undefined))
      .filter(Boolean);
    expect(headings).toEqual(["Kimai", "When I Work"]);
  });

  test("one <details> per changed user, under its target, with a row per field", () => {
    const out = renderPlanMarkdown(twoTargets(kimai, wiw));
    const html = md.render(out);
    expect(html.match(/<details>/g)).toHaveLength(6);
    expect(html.match(/<\/details>/g)).toHaveLength(6);
    const [beforeWiw, afterWiw] = html.split("<h3>When I Work</h3>");
    expect(beforeWiw?.match(/<details>/g)).toHaveLength(3);
    expect(afterWiw?.match(/<details>/g)).toHaveLength(3);
    expect(beforeWiw).toContain(
      "<summary>⛔ <code>old.intern</code> deactivate — not in users.d (policy.unmanaged: deactivate)</summary>",
    );
    expect(afterWiw).toContain("<summary>➕ <code>carla</code> create</summary>");
    const [, , annaKimai, , , annaWiw] = tables(md.parse(out, {}));
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
    // Both summary tables still count every change.
    const [kimaiTable, wiwTable] = tables(md.parse(out, {}));
    expect(kimaiTable?.[1]).toEqual(["✏️ update", "400"]);
    expect(wiwTable?.[1]).toEqual(["✏️ update", "400"]);
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

test("json is versioned and counts changes by kind", () => {
  const json = JSON.parse(renderPlanJson(plan([update("anna")]))) as {
    formatVersion: number;
    targets: { summary: object }[];
  };
  expect(json.formatVersion).toBe(2);
  expect(json.targets[0]!.summary).toEqual({ create: 0, update: 1, delete: 0, deactivate: 0, reactivate: 0 });
});
