import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/core/response.js";
import { loadChartScripts } from "../../src/node/chartScripts.js";
import {
  distributionChart,
  migrationChart,
  segmentChart,
  trendChart,
  trendSharesChart,
} from "../../src/report/charts.js";
import { escapeHtml, jsonForScript, scriptForHtml } from "../../src/report/escapeHtml.js";
import { type ChartScripts, renderHtmlReport } from "../../src/report/html.js";
import { overview } from "../../src/report/overview.js";
import { sha256Base64 } from "../../src/report/sha256.js";
import { sampleResponses } from "../../src/sample/sampleResponses.js";
import { segmentBy } from "../../src/segments/segmentBy.js";
import { trend } from "../../src/trends/trend.js";
import { trendBy } from "../../src/trends/trendBy.js";
import { errorOf } from "../helpers/errors.js";

const SCRIPT_TAG = "<script>alert(1)</script>";
const ATTRIBUTE_BREAK = '"><img src=x onerror=alert(1)>';
const HOSTILE = [SCRIPT_TAG, ATTRIBUTE_BREAK, "a & b 'quoted'", "line\u2028separator\u2029end", "</SCRIPT><!--"];

const FAKE_SCRIPTS: ChartScripts = {
  vega: "window.vega = {};",
  vegaLite: "window.vegaLite = {};",
  vegaEmbed: 'window.vegaEmbed = function () { return Promise.resolve(); }; var s = "</script><!--";',
};

/** The text of every `<script …>…</script>` element, in order, with its attributes. */
function scriptsOf(html: string): Array<{ attributes: string; text: string }> {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)].map((match) => ({
    attributes: match[1] ?? "",
    text: match[2] ?? "",
  }));
}

function chartData(html: string): Record<string, unknown> {
  const block = scriptsOf(html).find((script) => script.attributes.includes("application/json"));
  return JSON.parse(block?.text ?? "null");
}

function hostileResponses(): NpsResponse[] {
  return HOSTILE.flatMap((plan, i) =>
    [10, 9, 7, 3].map((score, j) => ({
      score,
      date: new Date(Date.UTC(2026, i, 1 + j)),
      attributes: { plan },
    })),
  );
}

describe("renderHtmlReport", () => {
  const responses = hostileResponses();
  const input = {
    overview: overview(
      {
        responses,
        counts: { rows: responses.length + 2, accepted: responses.length, skipped: 1, rejected: 1 },
        skipped: [{ row: 3, reason: `blank score in ${SCRIPT_TAG}` }],
        issues: [
          {
            path: [4, "score"],
            row: 4,
            field: ATTRIBUTE_BREAK,
            message: `score must be 0–10, received "${SCRIPT_TAG}"`,
            value: SCRIPT_TAG,
          },
        ],
      },
      { source: `${SCRIPT_TAG}.csv` },
    ),
    segments: segmentBy(responses, "plan"),
    segmentedBy: [ATTRIBUTE_BREAK],
    trend: trendBy(responses, "plan", { period: "quarter" }),
    overallTrend: trend(responses, { period: "quarter" }),
    migration: [{ from: "passive", to: "promoter", count: 2 }] as const,
  };

  it("is a complete page with a strict content security policy", () => {
    const html = renderHtmlReport(input, { scripts: FAKE_SCRIPTS });
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html.endsWith("</body>\n</html>\n")).toBe(true);
    for (const id of ["summary", "distribution", "segments", "trend", "migration"]) {
      expect(html).toContain(`<section id="${id}">`);
    }
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
    const decoded = (policy ?? "").replaceAll("&#39;", "'");
    expect(decoded).toMatch(
      /^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+' 'sha256-[^']+' 'sha256-[^']+'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'$/,
    );
    // Every executable script is allowed by its hash, computed here with node:crypto.
    const executable = scriptsOf(html).filter((script) => script.attributes === "");
    expect(executable).toHaveLength(4);
    for (const script of executable) {
      const hash = createHash("sha256").update(script.text, "utf8").digest("base64");
      expect(decoded).toContain(`'sha256-${hash}'`);
    }
    expect(html).not.toMatch(/https?:\/\/(?!vega\.github\.io\/schema)/);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|base)\b|@import|url\(|<script[^>]*\ssrc=/i);
  });

  it("inlines the scripts in order, and the specs the chart functions build", () => {
    const html = renderHtmlReport(input, { scripts: FAKE_SCRIPTS });
    const scripts = scriptsOf(html);
    expect(scripts.map((script) => script.attributes)).toEqual([
      ' type="application/json" id="npskit-charts"',
      "",
      "",
      "",
      "",
    ]);
    expect(scripts[1]?.text).toBe(FAKE_SCRIPTS.vega);
    expect(scripts[3]?.text).toBe(
      'window.vegaEmbed = function () { return Promise.resolve(); }; var s = "\\x3C/script>\\x3C!--";',
    );
    expect(chartData(html)).toEqual({
      distribution: distributionChart(input.overview, { width: 480 }),
      segments: segmentChart(input.segments, { title: `NPS by ${ATTRIBUTE_BREAK}` }),
      trend: trendChart(input.overallTrend),
      "trend-segments": trendChart(input.trend),
      "trend-shares": trendSharesChart(input.trend),
      migration: migrationChart(input.migration),
    });
    for (const name of ["distribution", "segments", "trend", "trend-segments", "trend-shares", "migration"]) {
      expect(html).toContain(`<div class="chart" data-chart="${name}" role="img"`);
    }
  });

  it("escapes every piece of data: in text, in attributes and in the chart JSON", () => {
    const html = renderHtmlReport(input, { scripts: FAKE_SCRIPTS, title: `Report ${ATTRIBUTE_BREAK}` });
    // The only tags in the page are npskit's own.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((match) => match[1]?.toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        "body",
        "caption",
        "details",
        "div",
        "footer",
        "h1",
        "h2",
        "h3",
        "head",
        "html",
        "li",
        "main",
        "meta",
        "p",
        "script",
        "section",
        "span",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
      ].sort(),
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain(SCRIPT_TAG);
    expect(html).not.toContain(ATTRIBUTE_BREAK);
    expect(html).toContain(`<title>Report ${escapeHtml(ATTRIBUTE_BREAK)}</title>`);
    expect(html).toContain(`<h2>Segments by ${escapeHtml(ATTRIBUTE_BREAK)}</h2>`);
    expect(html).toContain(`<td>${escapeHtml(SCRIPT_TAG)}</td>`);
    expect(html).toContain(`<h3>Segment ${escapeHtml(SCRIPT_TAG)}</h3>`);
    expect(html).toContain(escapeHtml(`row 3 skipped: blank score in ${SCRIPT_TAG}`));
    expect(html).toContain(escapeHtml(`row 4, column ${JSON.stringify(ATTRIBUTE_BREAK)} rejected`));
    // The JSON block holds no markup character at all, and reads back the labels exactly.
    const block = scriptsOf(html).find((script) => script.attributes.includes("application/json"))?.text ?? "";
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    const specs = chartData(html) as Record<string, { data: { values: Array<{ segment?: string }> } }>;
    expect(specs.segments?.data.values.map((row) => row.segment).sort()).toEqual([...HOSTILE].sort());
    // Only npskit's four scripts and the data block close a script element.
    expect(html.match(/<\/script/gi)).toHaveLength(5);
  });

  it("without scripts has the tables only and no script at all", () => {
    const html = renderHtmlReport(input);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("data-chart");
    expect(html).toContain("script-src 'none'".replaceAll("'", "&#39;"));
    expect(html).toContain("This page has no charts.");
    expect(html).toContain('<section id="segments">');
  });

  it("never prints NaN or -0, and rounds figures for display", () => {
    const even = [
      { score: 10, date: new Date("2026-01-02T00:00:00Z"), attributes: { plan: "a" } },
      { score: 3, date: new Date("2026-01-03T00:00:00Z"), attributes: { plan: "a" } },
      { score: 8, date: new Date("2026-03-02T00:00:00Z"), attributes: { plan: "b" } },
    ];
    const pages = [
      renderHtmlReport(
        { overview: overview({ responses: even }), segments: segmentBy(even, "plan"), trend: trend(even) },
        { scripts: FAKE_SCRIPTS },
      ),
      renderHtmlReport({ overview: overview({ responses: [] }), trend: trend([]) }, { scripts: FAKE_SCRIPTS }),
      renderHtmlReport(
        { overview: overview({ responses: sampleResponses({ size: 500 }) }) },
        { scripts: FAKE_SCRIPTS },
      ),
    ];
    for (const html of pages) {
      expect(html).not.toMatch(/NaN|Infinity|undefined/);
      expect(html).not.toMatch(/(?<![\w.])-0(?:\.0+)?(?![\d.])/);
    }
    expect(pages[0]).toContain('<div class="value">0.0</div>');
    expect(pages[1]).toContain('<div class="value">–</div>');
    expect(pages[1]).toContain("No dated responses.");
  });

  it("shows the overview's figures", () => {
    const result = overview({ responses: sampleResponses() }, { source: "built-in sample" });
    const html = renderHtmlReport({ overview: result });
    expect(html).toContain("<title>NPS report: built-in sample</title>");
    expect(html).toMatch(/<div class="label">NPS<\/div><div class="value">\+15\.\d<\/div>/);
    expect(html).toContain("2000 rows read: 2000 accepted, 0 skipped, 0 rejected. Scale 0-10.");
    expect(html).toContain("Answers from 2024-12-01 to 2026-11-30 (UTC).");
    for (const entry of result.distribution) {
      expect(html).toContain(`<tr><td>${entry.score}</td><td>${entry.category}</td><td>${entry.count}</td>`);
    }
  });

  it("rejects a missing overview, incomplete scripts and a bad title", () => {
    const input = errorOf(() => renderHtmlReport({} as never));
    expect(input.code).toBe("invalid_input");
    expect(input.message).toBe("renderHtmlReport: input must be an object with an overview, received an object");
    const scripts = errorOf(() =>
      renderHtmlReport({ overview: overview({ responses: [] }) }, { scripts: { vega: "x", vegaLite: "y" } as never }),
    );
    expect(scripts.code).toBe("invalid_option");
    expect(scripts.message).toBe(
      "renderHtmlReport: scripts.vegaEmbed must be a non-empty string of JavaScript, received undefined",
    );
    const title = errorOf(() => renderHtmlReport({ overview: overview({ responses: [] }) }, { title: 1 as never }));
    expect(title.code).toBe("invalid_option");
    expect(title.message).toBe("renderHtmlReport: title must be a string, received 1");
  });
});

describe("escaping helpers", () => {
  it("escapeHtml replaces the five markup characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("jsonForScript reads back the same value and holds no markup or line separator", () => {
    const value = { labels: HOSTILE, n: 3 };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it("scriptForHtml hides closing tags and comment openers in any case", () => {
    expect(scriptForHtml('a = "</script>"; b = /<!--/; c = "</ScRiPt"; d = 1 < 2')).toBe(
      'a = "\\x3C/script>"; b = /\\x3C!--/; c = "\\x3C/ScRiPt"; d = 1 < 2',
    );
  });

  it("sha256Base64 agrees with node:crypto on boundary lengths and non-ASCII text", () => {
    for (const text of [
      "",
      "abc",
      "a".repeat(55),
      "a".repeat(56),
      "a".repeat(64),
      "a".repeat(119),
      "héllo € \u2028 😀",
    ]) {
      expect(sha256Base64(text)).toBe(createHash("sha256").update(text, "utf8").digest("base64"));
    }
  });
});

describe("loadChartScripts", () => {
  it("reads the three UMD builds, which inline unchanged", async () => {
    const scripts = await loadChartScripts();
    expect(scripts.vega).toContain("vega");
    expect(scripts.vegaLite).toContain("vegaLite");
    expect(scripts.vegaEmbed).toContain("vegaEmbed");
    for (const code of Object.values(scripts)) expect(scriptForHtml(code)).toBe(code);
  });
});

describe("chart specs in a real Vega parser", () => {
  // Vega-Lite turns some settings into Vega expressions; a segment label written into one, with a
  // U+2028 or U+2029 in it, is a syntax error there ("Unexpected token ILLEGAL") and the chart is
  // not drawn. Compiling and parsing the specs shows it without a browser.
  it.each(["line\u2028separator", "paragraph\u2029separator", "quote ' \" \\ back"])(
    "draws the forest plot of a segment labelled %j",
    async (label) => {
      const { compile } = await import("vega-lite");
      const { parse } = await import("vega");
      const responses: NpsResponse[] = [9, 3, 10, 7, 0, 9].map((score, i) => ({
        score,
        attributes: { plan: i % 2 === 0 ? label : "plain" },
      }));
      const spec = segmentChart(segmentBy(responses, "plan"));
      const vega = compile(spec as never).spec;
      expect(() => parse(vega)).not.toThrow();
      expect(expressionsOf(vega).filter((expression) => expression.includes(label.slice(0, 4)))).toEqual([]);
    },
  );
});

/** Every string a Vega spec evaluates as an expression. */
function expressionsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(expressionsOf);
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === "string" && ["expr", "signal", "update", "test", "calculate", "filter"].includes(key)
      ? [value]
      : expressionsOf(value),
  );
}
