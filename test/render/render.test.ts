import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import type { Change, Plan, TargetPlan } from "../../src/core/plan.js";
import { attr } from "../../src/core/records.js";
import { renderPlanJson } from "../../src/render/json.js";
import { MARKDOWN_LIMIT, renderPlanMarkdown } from "../../src/render/markdown.js";
import { styleFor } from "../../src/render/style.js";
import { renderPlanText } from "../../src/render/text.js";

function update(key: string, n = 1): Change {
  return {
    id: `kimai:update:${key}`,
    kind: "update",
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
    formatVersion: 1,
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

test("json is versioned and counts changes by kind", () => {
  const json = JSON.parse(renderPlanJson(plan([update("anna")]))) as {
    formatVersion: number;
    targets: { summary: object }[];
  };
  expect(json.formatVersion).toBe(1);
  expect(json.targets[0]!.summary).toEqual({ create: 0, update: 1, deactivate: 0, reactivate: 0 });
});
