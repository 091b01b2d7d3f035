import type { BenchmarkComparison } from "../benchmarks/compareToBenchmark.js";
import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { roundScore } from "../core/roundScore.js";
import type { DriverAnalysis } from "../drivers/drivers.js";
import { describeValue } from "../internal/describe.js";
import type { CrossSegmentBreakdown } from "../segments/crossSegment.js";
import type { SegmentBreakdown } from "../segments/segmentBy.js";
import type { TierBreakdown } from "../segments/segmentByTiers.js";
import type { RollingTrend } from "../trends/rollingTrend.js";
import type { RollingTrendBy } from "../trends/rollingTrendBy.js";
import type { Trend } from "../trends/trend.js";
import type { TrendBy } from "../trends/trendBy.js";
import {
  type ChartSpec,
  distributionChart,
  type MigrationCell,
  type MigrationRows,
  migrationChart,
  segmentChart,
  trendChart,
  trendSharesChart,
} from "./charts.js";
import { escapeHtml, jsonForScript, scriptForHtml } from "./escapeHtml.js";
import { signed } from "./formatOverviewText.js";
import { levelText as levelPercent } from "./levelText.js";
import type { Overview } from "./overview.js";
import { plural } from "./plural.js";
import { comparedCount, segmentLimitNotes } from "./segmentLimitsText.js";
import { sha256Base64 } from "./sha256.js";
import { isBySegment, isRolling } from "./trendKind.js";
import { changeHeaders, segmentTrendTitle, trendNotes } from "./trendText.js";
import { type CommentSection, checkWhyInputs } from "./why.js";
import { commentsHtml, driversHtml } from "./whyHtml.js";

/**
 * What {@link renderHtmlReport} shows: the overview, and the segments, trend and migration table when
 * present. The report document built for `npskit report` fits as it is.
 *
 * @category Reports
 */
export interface HtmlReportInput {
  /** The overview of all the responses ({@link overview}). */
  readonly overview: Overview;
  /** A segment breakdown ({@link segmentBy}, {@link segmentByTiers} or {@link crossSegment}). @defaultValue none */
  readonly segments?: SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown;
  /** The attribute names the segments are by, shown in the heading. @defaultValue none */
  readonly segmentedBy?: ReadonlyArray<string>;
  /** A trend ({@link trend}, {@link trendBy} or {@link rollingTrend}). @defaultValue none */
  readonly trend?: Trend | TrendBy | RollingTrend | RollingTrendBy;
  /**
   * The trend of all responses, shown first when `trend` is per segment ({@link buildReport}'s
   * `overallTrend`). @defaultValue none
   */
  readonly overallTrend?: Trend | RollingTrend;
  /** A 3×3 migration table between two survey waves (see {@link migrationChart}). @defaultValue none */
  readonly migration?: ReadonlyArray<MigrationCell> | MigrationRows;
  /** A comparison with a published benchmark ({@link compareToBenchmark}), shown in the summary. @defaultValue none */
  readonly benchmark?: BenchmarkComparison;
  /** The report's title (the `title` of a {@link ReportDocument}); the `title` option wins over it. @defaultValue none */
  readonly title?: string;
  /** What customers say (see {@link buildReport}'s `comments`). @defaultValue none */
  readonly comments?: CommentSection;
  /** What drives the score (the result of {@link drivers}). @defaultValue none */
  readonly drivers?: DriverAnalysis;
}

/**
 * The JavaScript of the charting library, inlined in the page: the UMD builds of Vega 6, Vega-Lite 6
 * and vega-embed 7 (`vega/build/vega.min.js`, `vega-lite/build/vega-lite.min.js`,
 * `vega-embed/build/vega-embed.min.js`). npskit does not depend on them; the `npskit` command reads
 * them from its own installation.
 *
 * @category Reports
 */
export interface ChartScripts {
  /** Source of `vega.min.js` (defines `vega`). */
  readonly vega: string;
  /** Source of `vega-lite.min.js` (defines `vegaLite`). */
  readonly vegaLite: string;
  /** Source of `vega-embed.min.js` (defines `vegaEmbed`). */
  readonly vegaEmbed: string;
}

/**
 * Options of {@link renderHtmlReport}.
 *
 * @category Reports
 */
export interface HtmlReportOptions {
  /**
   * The charting library's code. Without it the page has the tables only, and no script at all.
   * @defaultValue no charts
   */
  readonly scripts?: ChartScripts;
  /** The page title and main heading. @defaultValue "NPS report" followed by the overview's source */
  readonly title?: string;
}

/** Draws every chart of the page; the same text in every report, so its hash is fixed. */
const BOOTSTRAP = `(function () {
  "use strict";
  var body = document.body;
  var specs;
  try {
    specs = JSON.parse(document.getElementById("npskit-charts").textContent);
  } catch (error) {
    body.setAttribute("data-charts", "failed");
    return;
  }
  var containers = document.querySelectorAll("[data-chart]");
  var pending = [];
  for (var i = 0; i < containers.length; i++) {
    (function (container) {
      var spec = specs[container.getAttribute("data-chart")];
      if (!spec) return;
      pending.push(
        vegaEmbed(container, spec, { mode: "vega-lite", renderer: "svg", actions: false, ast: true, defaultStyle: false })
          .then(function () { return true; })
          .catch(function (error) {
            var message = document.createElement("p");
            message.className = "chart-error";
            message.textContent = "This chart could not be drawn: " + (error && error.message ? error.message : String(error));
            container.replaceChildren(message);
            return false;
          })
      );
    })(containers[i]);
  }
  Promise.all(pending).then(function (results) {
    body.setAttribute("data-charts", results.every(Boolean) ? "ready" : "failed");
  });
})();`;

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #5b636b; --line: #d8dde3; --band: #f5f7f9;
  --promoter: #1b9e77; --passive: #a3a3a3; --detractor: #d6604d; --accent: #2c6fbb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #fff; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 20px 0 6px; }
p.meta, p.note { color: var(--muted); margin: 4px 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 16px 0; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--band); }
.figure .label { color: var(--muted); font-size: 0.85rem; }
.figure .value { font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.figure .detail { color: var(--muted); font-size: 0.85rem; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { font-weight: 600; background: var(--band); }
th:first-child, td:first-child { text-align: left; white-space: normal; }
td.flags { text-align: left; }
th { white-space: normal; } td.period { white-space: nowrap; }
tr.total td { font-weight: 600; }
.table-wrap { overflow-x: auto; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.swatch.promoter { background: var(--promoter); } .swatch.passive { background: var(--passive); }
.swatch.detractor { background: var(--detractor); }
.chart { margin: 8px 0; min-height: 40px; overflow-x: auto; }
.pair { display: flex; flex-wrap: wrap; gap: 8px 32px; align-items: flex-start; }
.chart-error { color: #a40e26; }
details { margin: 8px 0; }
blockquote { margin: 6px 0; padding: 2px 12px; border-left: 3px solid var(--line); }
ul.terms { list-style: none; padding-left: 0; }
ul.reasons { margin: 4px 0; padding-left: 20px; color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
.vg-tooltip { position: fixed; z-index: 1000; padding: 6px 8px; border: 1px solid var(--line); border-radius: 4px;
  background: #fff; color: var(--ink); font-size: 0.85rem; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
  pointer-events: none; visibility: hidden; }
.vg-tooltip.visible { visibility: visible; }
.vg-tooltip table { margin: 0; } .vg-tooltip td { border: 0; padding: 0 4px; }
.vg-tooltip td.key { color: var(--muted); text-align: left; }
`;

/**
 * Renders a report as one self-contained HTML page: the summary figures of the {@link Overview} (NPS,
 * confidence interval, margin of error, responses, rows skipped and rejected with their first reasons,
 * period), tables of the categories and the score distribution, of the segments and the trend when
 * present, and their charts ({@link distributionChart}, {@link segmentChart}, {@link trendChart},
 * {@link trendSharesChart}, {@link migrationChart}) drawn by Vega-Lite from the scripts you pass.
 *
 * The page works offline and makes no network request: the library code is inlined, the chart data
 * sit in a `<script type="application/json">` block, fonts are the system's, and a
 * Content-Security-Policy meta tag allows nothing but the page's own scripts (by SHA-256 hash) and
 * inline styles, so it cannot load or send anything even if a script tried. Vega evaluates chart
 * expressions with its interpreter (`ast: true`), never `eval`. Every piece of text from the data —
 * file name, segment and period labels, column names, reasons — is escaped in HTML text and
 * attributes, and written with `\u` escapes inside the JSON, so `<script>alert(1)</script>` as a
 * segment name shows as text. Figures are rounded for display only (as {@link roundScore}, never
 * `-0`). Browser-safe, no dependency. O(size of the report + size of the scripts).
 *
 * @param input - The overview, with segments, a trend and a migration table when wanted.
 * @param options - The charting library's code (without it, tables only) and the title.
 * @returns The HTML document, starting with `<!doctype html>`.
 * @throws {@link NpsError} `invalid_input` when `input` has no overview; `invalid_option` when
 * `scripts` lacks one of its three strings or the title is not a string.
 * @example
 * ```ts
 * import { overview, renderHtmlReport } from "npskit";
 * const html = renderHtmlReport({ overview: overview({ responses: [{ score: 10 }, { score: 3 }] }, { source: "<b>q1.csv</b>" }) });
 * html.startsWith("<!doctype html>"); // => true
 * html.includes("<title>NPS report: &lt;b&gt;q1.csv&lt;/b&gt;</title>"); // => true
 * html.includes("<script"); // => false
 * ```
 * @category Reports
 */
export function renderHtmlReport(input: HtmlReportInput, options: HtmlReportOptions = {}): string {
  checkOptions("renderHtmlReport", options);
  const fn = "renderHtmlReport";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  if (input === null || typeof input !== "object" || input.overview === null || typeof input.overview !== "object") {
    throw new NpsError(
      "invalid_input",
      `${fn}: input must be an object with an overview, received ${describeValue(input)}`,
    );
  }
  const scripts = options.scripts;
  if (scripts !== undefined) {
    for (const name of ["vega", "vegaLite", "vegaEmbed"] as const) {
      const value = scripts === null || typeof scripts !== "object" ? undefined : scripts[name];
      if (typeof value !== "string" || value.length === 0) {
        throw new NpsError(
          "invalid_option",
          `${fn}: scripts.${name} must be a non-empty string of JavaScript, received ${describeValue(value)}`,
        );
      }
    }
  }
  if (options.title !== undefined && typeof options.title !== "string") {
    throw new NpsError("invalid_option", `${fn}: title must be a string, received ${describeValue(options.title)}`);
  }
  if (input.title !== undefined && typeof input.title !== "string") {
    throw new NpsError("invalid_input", `${fn}: input.title must be a string, received ${describeValue(input.title)}`);
  }
  checkWhyInputs(fn, input.comments, input.drivers);
  const result = input.overview;
  const title = options.title ?? input.title ?? `NPS report${result.source === undefined ? "" : `: ${result.source}`}`;
  const charts = scripts !== undefined;
  const specs: Record<string, ChartSpec> = {};
  const chart = (name: string, spec: ChartSpec, label: string): string => {
    if (!charts) return "";
    specs[name] = spec;
    return `<div class="chart" data-chart="${escapeHtml(name)}" role="img" aria-label="${escapeHtml(label)}"></div>\n`;
  };

  const sections: string[] = [];
  sections.push(summarySection(result, input.benchmark));
  sections.push(
    `<section id="distribution">\n<h2>Scores</h2>\n<div class="pair">\n${chart("distribution", distributionChart(result, { width: 480 }), "Bar chart of the number of answers for each score")}${distributionTable(result)}</div>\n</section>\n`,
  );
  const segments = input.segments;
  if (segments !== undefined) {
    const by =
      input.segmentedBy === undefined || input.segmentedBy.length === 0 ? "" : ` by ${input.segmentedBy.join(" × ")}`;
    const rows = segments.kind === "cross-segment-breakdown" ? segments.cells : segments.segments;
    sections.push(
      `<section id="segments">\n<h2>${escapeHtml(`Segments${by}`)}</h2>\n${
        rows.length > 0
          ? chart(
              "segments",
              segmentChart(segments, { title: `NPS${by}` }),
              "Forest plot of the NPS of each segment with its interval",
            )
          : ""
      }${segmentsTable(segments)}</section>\n`,
    );
  }
  const trend = input.trend;
  if (trend !== undefined) {
    const hasPoints = isBySegment(trend)
      ? trend.segments.some((segment) => segment.trend.points.length > 0)
      : trend.points.length > 0;
    sections.push(
      `<section id="trend">\n<h2>Trend</h2>\n${
        hasPoints
          ? (input.overallTrend === undefined
              ? ""
              : chart("trend", trendChart(input.overallTrend), "Line chart of the NPS over time with its interval")) +
            (isBySegment(trend)
              ? chart(
                  "trend-segments",
                  trendChart(trend),
                  "Line charts of the NPS over time with its interval, one panel per segment",
                )
              : chart("trend", trendChart(trend), "Line chart of the NPS over time with its interval")) +
            chart("trend-shares", trendSharesChart(trend), "Stacked bars of the category shares over time")
          : ""
      }${trendTables(trend, input.overallTrend)}</section>\n`,
    );
  }
  const migration = input.migration;
  if (migration !== undefined) {
    const spec = migrationChart(migration);
    sections.push(
      `<section id="migration">\n<h2>Between two waves</h2>\n${chart("migration", spec, "Heat map of respondents by category in two waves")}${migrationTable(spec)}</section>\n`,
    );
  }

  if (input.comments !== undefined) sections.push(commentsHtml(input.comments, chart));
  if (input.drivers !== undefined) sections.push(driversHtml(input.drivers, chart));

  const scriptBlocks = charts
    ? [scriptForHtml(scripts.vega), scriptForHtml(scripts.vegaLite), scriptForHtml(scripts.vegaEmbed), BOOTSTRAP]
    : [];
  const policy = [
    "default-src 'none'",
    `script-src ${scriptBlocks.length === 0 ? "'none'" : scriptBlocks.map((code) => `'sha256-${sha256Base64(code)}'`).join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="npskit">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    `<body${charts ? ' data-charts="pending"' : ""}>`,
    "<main>",
    `<h1>${escapeHtml(title)}</h1>`,
    sections.join(""),
    `<footer>Made with npskit. Figures are rounded for display only.${charts ? "" : " This page has no charts."}</footer>`,
    "</main>",
    ...(charts
      ? [
          `<script type="application/json" id="npskit-charts">${jsonForScript(specs)}</script>`,
          ...scriptBlocks.map((code) => `<script>${code}</script>`),
        ]
      : []),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function summarySection(result: Overview, benchmark: BenchmarkComparison | undefined): string {
  const figures: string[] = [];
  const figure = (label: string, value: string, detail: string): void => {
    figures.push(
      `<div class="figure"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${
        detail === "" ? "" : `<div class="detail">${escapeHtml(detail)}</div>`
      }</div>`,
    );
  };
  const interval = result.interval;
  figure("NPS", result.nps === undefined ? "–" : signed(result.nps), result.nps === undefined ? "no responses" : "");
  if (interval !== undefined) {
    figure(
      `${levelText(interval.level)} interval`,
      `${signed(interval.lower)} to ${signed(interval.upper)}`,
      `${interval.method}, ±${roundScore(interval.marginOfError, 1).toFixed(1)} points`,
    );
  }
  figure(
    "Responses",
    String(result.rows.accepted),
    result.weighted && interval !== undefined ? `weighted, effective n ${roundScore(interval.effectiveN, 1)}` : "",
  );
  if (result.shares !== undefined) {
    figure(
      "Promoters / detractors",
      `${percent(result.shares.promoters)} / ${percent(result.shares.detractors)}`,
      `passives ${percent(result.shares.passives)}`,
    );
  }
  if (benchmark !== undefined) {
    figure(
      `vs ${benchmark.benchmark.id}`,
      `${signed(benchmark.difference)} points`,
      `benchmark ${benchmark.benchmark.value}; ${benchmark.verdictText}`,
    );
  }
  const lines: string[] = [];
  const { rows } = result;
  lines.push(
    `<p class="meta">${escapeHtml(`${plural(rows.read, "row")} read: ${rows.accepted} accepted, ${rows.skipped} skipped, ${rows.rejected} rejected${rows.filtered === undefined ? "" : `, ${rows.filtered} left out by the filters`}. Scale ${result.scale}.`)}</p>`,
  );
  if (result.period !== undefined) {
    const undated = rows.accepted - result.period.dated;
    lines.push(
      `<p class="meta">${escapeHtml(
        `Answers from ${result.period.first.slice(0, 10)} to ${result.period.last.slice(0, 10)} (UTC)${undated > 0 ? `, ${undated} without a date` : ""}.`,
      )}</p>`,
    );
  }
  const reasons = [
    ...result.firstSkipped.map((skip) => `row ${skip.row} skipped: ${skip.reason}`),
    ...result.firstRejected.map((rejection) => {
      const where = [
        rejection.row === undefined ? "" : `row ${rejection.row}`,
        rejection.field === undefined ? "" : `column ${JSON.stringify(rejection.field)}`,
      ]
        .filter((part) => part !== "")
        .join(", ");
      return `${where === "" ? "" : `${where} `}rejected: ${rejection.message}`;
    }),
  ];
  if (reasons.length > 0) {
    lines.push(
      `<details><summary>First skipped and rejected rows</summary><ul class="reasons">${reasons
        .map((reason) => `<li>${escapeHtml(reason)}</li>`)
        .join("")}</ul></details>`,
    );
  }
  const categories = [
    ["promoter", "Promoters", result.tally.promoters, result.shares?.promoters],
    ["passive", "Passives", result.tally.passives, result.shares?.passives],
    ["detractor", "Detractors", result.tally.detractors, result.shares?.detractors],
  ] as const;
  const table = htmlTable(
    ["Category", "Scores", result.weighted ? "Weight" : "Count", "Share"],
    categories.map(([category, label, count, share]) => [
      { html: `<span class="swatch ${category}"></span>${escapeHtml(label)}` },
      scoresOf(result, category),
      countText(count),
      share === undefined ? "" : percent(share),
    ]),
  );
  return `<section id="summary">\n<div class="figures">${figures.join("")}</div>\n${lines.join("\n")}\n${table}${
    benchmark === undefined ? "" : benchmarkDetails(benchmark)
  }</section>\n`;
}

/** The benchmark row, its quartile band and caveats, under the summary. */
function benchmarkDetails(comparison: BenchmarkComparison): string {
  const row = comparison.benchmark;
  const { level, lower, upper, method } = comparison.interval;
  const items = [
    `${row.id}: ${row.value} (${row.segment}; ${row.publisher}${row.study === "" ? "" : `, ${row.study}`}, ${row.year ?? "undated"}; ${row.region}).`,
    `Your NPS ${signed(comparison.estimate)}, ${levelText(level)} interval ${signed(lower)} to ${signed(upper)} (${method}): ${comparison.verdictText}.`,
    ...(comparison.band === undefined ? [] : [`Quartiles: ${comparison.band.label}.`]),
    ...comparison.caveats.map((caveat) => caveat.message),
  ];
  return `<div class="benchmark"><h3>Benchmark</h3><ul class="caveats">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul><p class="note">Source: ${escapeHtml(row.source)}</p></div>\n`;
}

function scoresOf(result: Overview, category: string): string {
  const scores = result.distribution.filter((entry) => entry.category === category).map((entry) => entry.score);
  if (scores.length === 0) return "";
  const low = scores.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const high = scores.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return low === high ? String(low) : `${low}–${high}`;
}

function distributionTable(result: Overview): string {
  const total = result.distribution.reduce((sum, entry) => sum + entry.count, 0);
  return htmlTable(
    ["Score", "Category", "Count", "Share"],
    result.distribution.map((entry) => [
      String(entry.score),
      entry.category,
      String(entry.count),
      total === 0 ? "" : percent(entry.count / total),
    ]),
    "Answers per score (not weighted)",
  );
}

function segmentsTable(breakdown: SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown): string {
  const rows = breakdown.kind === "cross-segment-breakdown" ? breakdown.cells : breakdown.segments;
  const { settings } = breakdown;
  const weighted = rows.some((row) => row.effectiveN !== undefined);
  const alpha = 1 - settings.level;
  const body: Cell[][] = rows.map((row) => {
    const comparison = row.vsRest;
    const flags = [
      ...(row.small ? ["small"] : []),
      ...(comparison?.adjustedPValue !== undefined && comparison.adjustedPValue < alpha ? ["differs"] : []),
    ];
    return [
      row.label,
      String(row.n),
      ...(weighted ? [String(roundScore(row.effectiveN ?? row.n, 1))] : []),
      percent(row.share),
      signed(row.nps),
      `[${signed(row.interval.lower)}, ${signed(row.interval.upper)}]`,
      comparison === undefined ? "" : signed(comparison.difference),
      comparison?.adjustedPValue === undefined ? "" : pValue(comparison.adjustedPValue),
      { text: flags.join(", "), className: "flags" },
    ];
  });
  const total = breakdown.total;
  if (total !== undefined) {
    body.push([
      { text: "Total", rowClass: "total" },
      String(total.n),
      ...(weighted ? [String(roundScore(total.effectiveN ?? total.n, 1))] : []),
      "",
      signed(total.nps),
      `[${signed(total.interval.lower)}, ${signed(total.interval.upper)}]`,
      "",
      "",
      "",
    ]);
  }
  const header = [
    breakdown.kind === "cross-segment-breakdown" ? "Cell" : breakdown.kind === "tier-breakdown" ? "Tier" : "Segment",
    "n",
    ...(weighted ? ["n eff."] : []),
    "Share",
    "NPS",
    `${levelText(settings.level)} interval`,
    "vs rest",
    `p (${settings.adjust})`,
    "Flags",
  ];
  const notes: string[] = [];
  if (comparedCount(breakdown) > 1) {
    notes.push(
      `vs rest: NPS of the segment minus NPS of all other segmented responses; p-values adjusted (${settings.adjust}) across ${comparedCount(breakdown)} comparisons; differs: adjusted p below ${roundScore(alpha, 4)}.`,
    );
  }
  if (rows.some((row) => row.small)) notes.push(`small: fewer than ${settings.minResponses} responses.`);
  if (breakdown.leftOut > 0) {
    const why = breakdown.kind === "tier-breakdown" ? "no numeric value" : "no value";
    notes.push(`${plural(breakdown.leftOut, "response")} left out (${why}).`);
  }
  notes.push(...segmentLimitNotes(breakdown).map((note) => `${note[0]?.toUpperCase()}${note.slice(1)}.`));
  if (rows.length === 0 && breakdown.hidden === undefined) notes.push("No segmented responses.");
  return `${htmlTable(header, body)}${notes.map((note) => `<p class="note">${escapeHtml(note)}</p>\n`).join("")}`;
}

function trendTables(trend: Trend | TrendBy | RollingTrend | RollingTrendBy, overall?: Trend | RollingTrend): string {
  const table = [...(overall === undefined ? [] : trendParts(overall)), ...trendParts(trend)].join("");
  const rows =
    (isBySegment(trend) ? trend.segments.reduce((sum, s) => sum + s.trend.points.length, 0) : trend.points.length) +
    (overall?.points.length ?? 0);
  // Long tables (daily windows) are folded so that the charts stay in view.
  return rows > 40 ? `<details><summary>Table (${rows} rows)</summary>\n${table}</details>\n` : table;
}

/** The title, tables and notes of one trend. */
function trendParts(trend: Trend | TrendBy | RollingTrend | RollingTrendBy): string[] {
  const parts: string[] = [];
  if (isBySegment(trend)) {
    parts.push(`<p class="note">${escapeHtml(`${segmentTrendTitle(trend)} (${trend.timeZone}).`)}</p>\n`);
    for (const segment of trend.segments) {
      const key = segment.key === null ? "(no value)" : String(segment.key);
      parts.push(`<h3>${escapeHtml(`Segment ${key}`)}</h3>\n${pointsTable(segment.trend)}`);
    }
    if (trend.leftOut > 0)
      parts.push(`<p class="note">${escapeHtml(`${plural(trend.leftOut, "response")} in no segment.`)}</p>\n`);
  } else if (isRolling(trend)) {
    parts.push(
      `<p class="note">${escapeHtml(`NPS over trailing ${trend.window.days}-day windows, one per ${trend.step} (${trend.timeZone}).`)}</p>\n`,
    );
    parts.push(pointsTable(trend));
  } else {
    parts.push(`<p class="note">${escapeHtml(`NPS by ${trend.period} (${trend.timeZone}).`)}</p>\n`);
    parts.push(pointsTable(trend));
  }
  const undated = isBySegment(trend) ? 0 : trend.undated;
  if (undated > 0)
    parts.push(`<p class="note">${escapeHtml(`${plural(undated, "response")} without a date, in no period.`)}</p>\n`);
  for (const note of trendNotes(trend)) parts.push(`<p class="note">${escapeHtml(note)}</p>\n`);
  return parts;
}

function pointsTable(trend: Trend | RollingTrend): string {
  const points = trend.points;
  if (points.length === 0) return `<p class="note">No dated responses.</p>\n`;
  const level = points.find((point) => point.interval !== undefined)?.interval?.level ?? 0.95;
  const headers = changeHeaders(trend);
  const rolling = isRolling(trend);
  return htmlTable(
    [
      headers.label,
      "n",
      "NPS",
      `${levelText(level)} interval`,
      "Promoters",
      "Passives",
      "Detractors",
      headers.change,
      ...(rolling ? [headers.comparedWith] : []),
      "p",
      "Flags",
    ],
    points.map((point) => [
      { text: point.label, className: "period" },
      countText(point.n),
      point.nps === undefined ? "–" : signed(point.nps),
      point.interval === undefined ? "" : `[${signed(point.interval.lower)}, ${signed(point.interval.upper)}]`,
      point.shares === undefined ? "" : percent(point.shares.promoters),
      point.shares === undefined ? "" : percent(point.shares.passives),
      point.shares === undefined ? "" : percent(point.shares.detractors),
      point.change === undefined ? "" : signed(point.change.difference),
      ...(rolling ? [point.comparedWith ?? ""] : []),
      point.change?.pValue === undefined ? "" : pValue(point.change.pValue),
      point.small ? "small" : "",
    ]),
  );
}

function migrationTable(spec: ChartSpec): string {
  const cells = (spec.data as { values: ReadonlyArray<{ from: string; to: string; label: string }> }).values;
  const order = ["detractor", "passive", "promoter"];
  return htmlTable(
    ["First wave \\ second wave", ...order],
    order.map((from) => [
      from,
      ...order.map((to) => cells.find((cell) => cell.from === from && cell.to === to)?.label ?? ""),
    ]),
    "Respondents by category in each wave (share of the row)",
  );
}

/** A table cell: plain text (escaped), or trusted HTML built here, with an optional class. */
type Cell =
  | string
  | { readonly text: string; readonly className?: string; readonly rowClass?: string }
  | { readonly html: string };

function htmlTable(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>, caption?: string): string {
  const head = `<tr>${header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join("")}</tr>`;
  const body = rows
    .map((row) => {
      const rowClass = row.find(
        (cell): cell is { text: string; rowClass: string } => typeof cell === "object" && "rowClass" in cell,
      );
      const cells = row
        .map((cell) => {
          if (typeof cell === "string") return `<td>${escapeHtml(cell)}</td>`;
          if ("html" in cell) return `<td>${cell.html}</td>`;
          return `<td${cell.className === undefined ? "" : ` class="${escapeHtml(cell.className)}"`}>${escapeHtml(cell.text)}</td>`;
        })
        .join("");
      return `<tr${rowClass === undefined ? "" : ` class="${escapeHtml(rowClass.rowClass)}"`}>${cells}</tr>`;
    })
    .join("\n");
  return `<div class="table-wrap"><table>${caption === undefined ? "" : `<caption class="note">${escapeHtml(caption)}</caption>`}\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table></div>\n`;
}

function countText(count: number): string {
  return Number.isInteger(count) ? String(count) : roundScore(count, 2).toFixed(2);
}

/** A share (0..1) or level as a percentage with `decimals` decimals, never `-0`. */
function percent(share: number, decimals = 1): string {
  const rounded = roundScore(100 * share, decimals);
  return `${(rounded === 0 ? 0 : rounded).toFixed(decimals)}%`;
}

/** A confidence level as a percentage: `95%`, `97.5%`. */
function levelText(level: number): string {
  return levelPercent(level);
}

function pValue(p: number): string {
  return p < 0.0001 ? "<0.0001" : p.toFixed(4);
}
