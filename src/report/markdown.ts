import type { BenchmarkComparison } from "../benchmarks/compareToBenchmark.js";
import { roundScore } from "../core/roundScore.js";
import { escapeControls, escapeLines } from "../internal/describe.js";
import type { SegmentFigures } from "../segments/segmentFigures.js";
import type { RollingTrend } from "../trends/rollingTrend.js";
import type { Trend } from "../trends/trend.js";
import { checkResult, OVERVIEW_FIELDS, ROW_FIELDS } from "./checkResult.js";
import { signed } from "./formatOverviewText.js";
import { levelText } from "./levelText.js";
import { plural } from "./plural.js";
import type { ReportDocument } from "./reportData.js";
import { segmentLimitNotes } from "./segmentLimitsText.js";
import { segmentHeaders } from "./segmentsText.js";
import { isBySegment, isRolling } from "./trendKind.js";
import { changeHeaders, segmentTrendTitle, trendNotes } from "./trendText.js";

/**
 * Renders a {@link ReportDocument} as GitHub-flavoured Markdown: a title, the row counts with the
 * first skipped and rejected rows, the NPS with its interval and margin of error, the 0–10
 * distribution, the three categories, then the segments and the trend when the document has them,
 * each as a pipe table. Figures are rounded for display only (NPS, bounds and differences to one
 * decimal with {@link roundScore}, shares to one decimal of a percent, p-values to four decimals).
 * Text that comes from the data (the source, segment labels, reasons) is escaped: `\\` `` ` `` `*`
 * `_` `[` `]` `<` `>` `~` and `|` get a backslash and line breaks become spaces, so a label cannot
 * break a table or inject a link or HTML. Browser-safe. O(segments + periods + scale values).
 *
 * @param report - A report document from {@link buildReport}.
 * @returns The Markdown, lines separated by `\n`, ending with a newline.
 * @example
 * ```ts
 * import { buildReport, formatReportMarkdown } from "npskit";
 * const report = buildReport({ responses: [{ score: 10 }, { score: 9 }, { score: 3 }] }, { source: "q1_nps.csv" });
 * const lines = formatReportMarkdown(report).split("\n");
 * lines[0]; // => "# NPS report: q1\\_nps.csv"
 * lines.includes("| NPS | +33.3 |"); // => true
 * lines.includes("| Promoters (9–10) | 2 | 66.7% |"); // => true
 * ```
 * @category Reports
 */
export function formatReportMarkdown(report: ReportDocument): string {
  checkResult("formatReportMarkdown", "report", "the result of buildReport", report, { overview: "object" });
  checkResult("formatReportMarkdown", "report.overview", "the result of overview", report.overview, OVERVIEW_FIELDS);
  checkResult(
    "formatReportMarkdown",
    "report.overview.rows",
    "the row counts of an overview",
    report.overview.rows,
    ROW_FIELDS,
  );
  const result = report.overview;
  const lines: string[] = [];
  const heading = report.title ?? `NPS report${result.source === undefined ? "" : `: ${result.source}`}`;
  lines.push(`# ${escapeMarkdown(heading)}`, "");
  const { rows } = result;
  const summary: string[][] = [
    [
      "Rows",
      `${rows.read} read, ${rows.accepted} accepted, ${rows.skipped} skipped, ${rows.rejected} rejected${rows.filtered === undefined ? "" : `, ${rows.filtered} left out by the filters`}`,
    ],
  ];
  if (result.period !== undefined) {
    summary.push(["Period", `${result.period.first.slice(0, 10)} to ${result.period.last.slice(0, 10)} (UTC)`]);
  }
  if (result.weighted && result.interval !== undefined) {
    summary.push(["Effective sample size", String(roundScore(result.interval.effectiveN, 1))]);
  }
  summary.push(["NPS", result.nps === undefined ? "undefined (no responses)" : signed(result.nps)]);
  if (result.interval !== undefined) {
    const { level, method, lower, upper, marginOfError } = result.interval;
    summary.push([`${levelText(level)} interval`, `${signed(lower)} to ${signed(upper)} (${method})`]);
    summary.push(["Margin of error", `±${roundScore(marginOfError, 1).toFixed(1)} points`]);
  }
  lines.push(...table(["Figure", "Value"], summary, 1), "");
  if (result.firstSkipped.length > 0 || result.firstRejected.length > 0) {
    for (const { row, reason } of result.firstSkipped) lines.push(`- skipped row ${row}: ${escapeMarkdown(reason)}`);
    if (rows.skipped > result.firstSkipped.length) {
      lines.push(`- … and ${rows.skipped - result.firstSkipped.length} more skipped rows`);
    }
    for (const rejection of result.firstRejected) {
      const where = [
        rejection.row === undefined ? "" : `row ${rejection.row}`,
        rejection.field === undefined ? "" : `column ${escapeMarkdown(JSON.stringify(rejection.field))}`,
      ].filter((part) => part !== "");
      lines.push(`- rejected ${where.join(", ")}${where.length > 0 ? ": " : ""}${escapeMarkdown(rejection.message)}`);
    }
    lines.push("");
  }
  const total = result.distribution.reduce((sum, entry) => sum + entry.count, 0);
  lines.push("## Distribution", "");
  lines.push(
    ...table(
      ["Score", "Count", "Share"],
      result.distribution.map((entry) => [
        String(entry.score),
        String(entry.count),
        total === 0 ? "" : percent(entry.count / total),
      ]),
      3,
    ),
    "",
  );
  const categories = [
    ["Promoters (9–10)", result.tally.promoters, result.shares?.promoters],
    ["Passives (7–8)", result.tally.passives, result.shares?.passives],
    ["Detractors (0–6)", result.tally.detractors, result.shares?.detractors],
  ] as const;
  lines.push(
    ...table(
      ["Category", result.weighted ? "Weight" : "Count", "Share"],
      categories.map(([name, count, share]) => [
        name,
        String(roundScore(count, 2)),
        share === undefined ? "" : percent(share),
      ]),
      3,
    ),
    "",
  );
  if (report.segments !== undefined) lines.push(...segmentLines(report), "");
  if (report.overallTrend !== undefined) lines.push(...trendLines(report.overallTrend), "");
  if (report.trend !== undefined) lines.push(...trendLines(report.trend), "");
  if (report.benchmark !== undefined) lines.push(...benchmarkLines(report.benchmark), "");
  while (lines[lines.length - 1] === "") lines.pop();
  return escapeLines(`${lines.join("\n")}\n`);
}

function benchmarkLines(comparison: BenchmarkComparison): string[] {
  const row = comparison.benchmark;
  const { level, lower, upper, method } = comparison.interval;
  const rows = [
    [
      "Benchmark",
      escapeMarkdown(`${row.id}: ${row.value} (${row.segment}; ${row.publisher}, ${row.year ?? "undated"})`),
    ],
    ["Difference", `${signed(comparison.difference)} points`],
    [
      "Your NPS",
      `${signed(comparison.estimate)}, ${levelText(level)} interval ${signed(lower)} to ${signed(upper)} (${method})`,
    ],
    ["Verdict", escapeMarkdown(comparison.verdictText)],
    ...(comparison.band === undefined ? [] : [["Quartiles", escapeMarkdown(comparison.band.label)]]),
  ];
  return [
    "## Benchmark",
    "",
    ...table(["Figure", "Value"], rows, 1),
    "",
    ...comparison.caveats.map((caveat) => `- ${escapeMarkdown(caveat.message)}`),
  ];
}

function segmentLines(report: ReportDocument): string[] {
  const segments = report.segments;
  if (segments === undefined) return [];
  const rows: ReadonlyArray<SegmentFigures> =
    segments.kind === "cross-segment-breakdown" ? segments.cells : segments.segments;
  const title = (report.segmentedBy ?? []).map((name) => escapeMarkdown(name)).join(" × ");
  const { settings } = segments;
  const weighted = rows.some((row) => row.effectiveN !== undefined);
  const header = segmentHeaders("Segment", settings, weighted);
  const body = rows.map((row) => {
    const comparison = row.vsRest;
    const flags = [
      ...(row.small ? ["small"] : []),
      ...(comparison?.adjustedPValue !== undefined && comparison.adjustedPValue < 1 - settings.level
        ? ["differs"]
        : []),
    ];
    return [
      escapeMarkdown(row.label),
      String(row.n),
      ...(weighted ? [String(roundScore(row.effectiveN ?? row.n, 1))] : []),
      percent(row.share),
      signed(row.nps),
      `${signed(row.interval.lower)} to ${signed(row.interval.upper)}`,
      comparison === undefined ? "" : signed(comparison.difference),
      comparison?.adjustedPValue === undefined ? "" : pValue(comparison.adjustedPValue),
      flags.join(", "),
    ];
  });
  const lines = [`## Segments${title === "" ? "" : ` by ${title}`}`, "", ...table(header, body, header.length - 1)];
  const notes: string[] = [];
  if (rows.some((row) => row.small)) notes.push(`small: fewer than ${settings.minResponses} responses`);
  if (segments.leftOut > 0) {
    const why = segments.kind === "tier-breakdown" ? "no numeric value" : "no value";
    notes.push(`${plural(segments.leftOut, "response")} left out (${why})`);
  }
  notes.push(...segmentLimitNotes(segments));
  if (rows.length === 0 && segments.hidden === undefined) notes.push("no segmented responses");
  if (notes.length > 0) lines.push("", ...notes.map((note) => `- ${note}`));
  return lines;
}

function trendLines(trend: NonNullable<ReportDocument["trend"]>): string[] {
  const notes = trendNotes(trend).map((note) => `- ${note}`);
  if (isBySegment(trend)) {
    const lines = [`## ${segmentTrendTitle(trend)} (${escapeMarkdown(trend.timeZone)})`];
    for (const segment of trend.segments) {
      const name = segment.key === null ? "(no value)" : escapeMarkdown(String(segment.key));
      lines.push("", `### ${name}`, "", ...pointTable(segment.trend));
    }
    if (trend.leftOut > 0) notes.unshift(`- ${plural(trend.leftOut, "response")} in no segment`);
    return notes.length > 0 ? [...lines, "", ...notes] : lines;
  }
  const latest = trend.respondents === "latest" ? ", latest answer per respondent" : "";
  const title = isRolling(trend)
    ? `## NPS over trailing ${trend.window.days}-day windows, every ${trend.step}${latest} (${escapeMarkdown(trend.timeZone)})`
    : `## NPS by ${trend.period}${latest} (${escapeMarkdown(trend.timeZone)})`;
  const lines = [title, "", ...pointTable(trend)];
  if (trend.undated > 0) notes.unshift(`- ${plural(trend.undated, "response")} without a date, in no period`);
  return notes.length > 0 ? [...lines, "", ...notes] : lines;
}

function pointTable(trend: Trend | RollingTrend): string[] {
  const points = trend.points;
  const level = points.find((point) => point.interval !== undefined)?.interval?.level ?? 0.95;
  const headers = changeHeaders(trend);
  const rolling = isRolling(trend);
  const header = [
    headers.label,
    "n",
    "NPS",
    `${levelText(level, 1)} interval`,
    headers.change,
    ...(rolling ? [headers.comparedWith] : []),
    "p",
    "Flags",
  ];
  const body = points.map((point) => [
    point.label,
    Number.isInteger(point.n) ? String(point.n) : point.n.toFixed(2),
    point.nps === undefined ? "–" : signed(point.nps),
    point.interval === undefined ? "" : `${signed(point.interval.lower)} to ${signed(point.interval.upper)}`,
    point.change === undefined ? "" : signed(point.change.difference),
    ...(rolling ? [point.comparedWith ?? ""] : []),
    point.change?.pValue === undefined ? "" : pValue(point.change.pValue),
    point.small ? "small" : "",
  ]);
  return points.length === 0 ? ["(no dated responses)"] : table(header, body, header.length - 1);
}

/** A pipe table; columns from `rightFrom` (0-based, exclusive of the first) on are right-aligned. */
function table(header: ReadonlyArray<string>, body: ReadonlyArray<ReadonlyArray<string>>, rightTo: number): string[] {
  const separator = header.map((_, j) => (j > 0 && j < rightTo ? "---:" : "---"));
  return [header, separator, ...body].map((cells) => `| ${cells.join(" | ")} |`);
}

/** Escapes text from the data for Markdown: punctuation that could format, link or break a table. */
function escapeMarkdown(text: string): string {
  return escapeControls(text.replace(/[\r\n\t]+/g, " ")).replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`);
}

function percent(share: number): string {
  return `${roundScore(100 * share, 1).toFixed(1)}%`;
}

function pValue(value: number): string {
  return value < 0.0001 ? "<0.0001" : value.toFixed(4);
}
