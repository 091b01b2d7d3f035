import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
import type { SegmentFigures } from "../segments/segmentFigures.js";
import type { TrendPoint } from "../trends/trendPoint.js";
import { checkResult, OVERVIEW_FIELDS, ROW_FIELDS } from "./checkResult.js";
import type { ReportDocument } from "./reportData.js";
import { isBySegment } from "./trendKind.js";
import { driversRows, themesByPeriodRows, themesRows } from "./why.js";

/** A section of the document a table needs, or `invalid_option` saying it is missing. */
function whyPart<T>(part: T | undefined, table: string, name: string): T {
  if (part === undefined) {
    throw new NpsError(
      "invalid_option",
      `formatReportCsv: table "${table}" needs a report with ${name}, received none`,
    );
  }
  return part;
}

/**
 * The tables `formatReportCsv` can write: the overview (one row), the 0–10 distribution, the segments
 * and the trend.
 *
 * @category Reports
 */
export type ReportTable =
  | "overview"
  | "distribution"
  | "segments"
  | "trend"
  | "benchmark"
  | "themes"
  | "themes-by-period"
  | "drivers";

/**
 * Options of {@link formatReportCsv}.
 *
 * @category Reports
 */
export interface ReportCsvOptions {
  /** Which table to write. @defaultValue "overview" */
  readonly table?: ReportTable;
}

/**
 * A CSV cell: text (neutralised and quoted as needed), a number (written in full), or empty.
 *
 * @category Reports
 */
export type CsvCell = string | number | boolean | undefined;

/**
 * Writes one table of a {@link ReportDocument} as CSV (RFC 4180: comma-separated, CRLF line ends, a
 * field quoted when it holds a comma, a double quote or a line break, quotes doubled), with a header
 * row of snake_case column names:
 *
 * - `overview`: one row — `source, rows_read, rows_accepted, rows_skipped, rows_rejected, promoters,
 *   passives, detractors, promoter_share, passive_share, detractor_share, nps, level, method, lower,
 *   upper, margin_of_error, effective_n, first_date, last_date, weighted, rows_filtered` (the rows left
 *   out by filters, 0 without: `rows_read = rows_accepted + rows_skipped + rows_rejected + rows_filtered`);
 * - `distribution`: `score, category, count, share` per scale value;
 * - `segments`: `segment, n, effective_n, share, promoters, passives, detractors, nps, lower, upper,
 *   difference_vs_rest, p_value, adjusted_p_value, small`; when segments are not shown (`hidden`, see
 *   {@link limitSegments}), a last row `(N not shown)` with their number of responses;
 * - `trend`: `segment` (per-segment trends only), `period, start, end, n, promoters, passives,
 *   detractors, nps, lower, upper, change, change_p_value, compared_with, change_tested, change_lower,
 *   change_upper, small`, and `overall` (per-segment trends only). `change` is the change of the NPS
 *   shown from the period or window named in `compared_with` (the previous period; for rolling
 *   windows the latest earlier one sharing no day); `change_tested` is the change that the p-value and
 *   the interval `change_lower` to `change_upper` are about (with the adjusted Wald, the change of the
 *   +3 adjusted estimates: close to `change` unless a period is `small`). With per-segment trends, the
 *   rows of the trend of all responses come first, with `overall` true and no segment;
 * - `benchmark` (a report built with the `benchmark` option): one row — `benchmark_id, benchmark_value,
 *   statistic, segment, publisher, year, nps, difference, level, lower, upper, p_value, verdict,
 *   quartile_band, caveats` (the caveat messages joined by ` | `);
 * - `themes` (with `comments`): `theme, mentions, share, detractor_share, passive_share,
 *   promoter_share, nps_mentioners, nps_others, difference, difference_lower, difference_upper,
 *   p_value, p_adjusted, impact`;
 * - `themes-by-period` (with `comments.byPeriod`): `period, start, end, responses, comments, theme,
 *   mentions, share, nps_mentioners, impact`, one row per period and theme;
 * - `drivers` (with `drivers`): `driver, spearman, importance, importance_lower, importance_upper,
 *   answer, answer_value, n, nps, nps_lower, nps_upper`, one row per driver and answer.
 *
 * Numbers are written in full precision as plain numbers (a negative NPS stays `-12.5`, a number).
 * Every text cell is neutralised against spreadsheet formula injection (OWASP "CSV injection"): one
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. Text cells are
 * the ones that can come from the data — the source name, segment labels — and a few fixed words
 * (method, category, dates), which never start with those characters. Browser-safe. O(rows of the
 * table).
 *
 * @param report - A report document from {@link buildReport}.
 * @param options - Which table.
 * @returns The CSV text, ending with CRLF.
 * @throws {@link NpsError} `invalid_option` for an unknown table, or `segments`/`trend`/`benchmark`
 * when the document has none.
 * @example
 * ```ts
 * import { buildReport, formatReportCsv } from "npskit";
 * const responses = [
 *   { score: 10, attributes: { plan: "=pro" } },
 *   { score: 2, attributes: { plan: "free" } },
 *   { score: 3, attributes: { plan: "free" } },
 * ];
 * const report = buildReport({ responses }, { by: ["plan"] });
 * const lines = formatReportCsv(report, { table: "segments" }).split("\r\n");
 * lines[1]?.split(",").slice(0, 2); // => ["'=pro", "1"]
 * lines[2]?.split(",").slice(0, 2); // => ["free", "2"]
 * formatReportCsv(report, { table: "distribution" }).split("\r\n")[3]; // => "2,detractor,1,0.3333333333333333"
 * ```
 * @category Reports
 */
export function formatReportCsv(report: ReportDocument, options: ReportCsvOptions = {}): string {
  checkOptions("formatReportCsv", options);
  checkResult("formatReportCsv", "report", "the result of buildReport", report, { overview: "object" });
  checkResult("formatReportCsv", "report.overview", "the result of overview", report.overview, OVERVIEW_FIELDS);
  checkResult(
    "formatReportCsv",
    "report.overview.rows",
    "the row counts of an overview",
    report.overview.rows,
    ROW_FIELDS,
  );
  const table = options.table ?? "overview";
  switch (table) {
    case "overview":
      return formatCsv(overviewTable(report));
    case "distribution": {
      const total = report.overview.distribution.reduce((sum, entry) => sum + entry.count, 0);
      return formatCsv([
        ["score", "category", "count", "share"],
        ...report.overview.distribution.map((entry) => [
          entry.score,
          entry.category,
          entry.count,
          total === 0 ? undefined : entry.count / total,
        ]),
      ]);
    }
    case "segments":
      return formatCsv(segmentsTable(report));
    case "trend":
      return formatCsv(trendTable(report));
    case "benchmark":
      return formatCsv(benchmarkTable(report));
    case "themes":
      return formatCsv(themesRows(whyPart(report.comments?.themes, "themes", "comments")));
    case "themes-by-period":
      return formatCsv(themesByPeriodRows(whyPart(report.comments?.byPeriod, "themes-by-period", "comments.byPeriod")));
    case "drivers":
      return formatCsv(driversRows(whyPart(report.drivers, "drivers", "drivers")));
    default:
      throw new NpsError(
        "invalid_option",
        `formatReportCsv: table must be one of overview, distribution, segments, trend, benchmark, themes, themes-by-period, drivers, received ${describeValue(table)}`,
      );
  }
}

function benchmarkTable(report: ReportDocument): CsvCell[][] {
  const comparison = report.benchmark;
  if (comparison === undefined) {
    throw new NpsError(
      "invalid_option",
      "formatReportCsv: table benchmark needs a report with a benchmark (the benchmark option of buildReport), received none",
    );
  }
  const row = comparison.benchmark;
  return [
    [
      "benchmark_id",
      "benchmark_value",
      "statistic",
      "segment",
      "publisher",
      "year",
      "nps",
      "difference",
      "level",
      "lower",
      "upper",
      "p_value",
      "verdict",
      "quartile_band",
      "caveats",
    ],
    [
      row.id,
      row.value,
      row.statistic,
      row.segment,
      row.publisher,
      row.year ?? undefined,
      comparison.estimate,
      comparison.difference,
      comparison.interval.level,
      comparison.interval.lower,
      comparison.interval.upper,
      comparison.test.pValue,
      comparison.verdict,
      comparison.band?.label,
      comparison.caveats.map((caveat) => caveat.message).join(" | "),
    ],
  ];
}

function overviewTable(report: ReportDocument): CsvCell[][] {
  const result = report.overview;
  return [
    [
      "source",
      "rows_read",
      "rows_accepted",
      "rows_skipped",
      "rows_rejected",
      "promoters",
      "passives",
      "detractors",
      "promoter_share",
      "passive_share",
      "detractor_share",
      "nps",
      "level",
      "method",
      "lower",
      "upper",
      "margin_of_error",
      "effective_n",
      "first_date",
      "last_date",
      "weighted",
      "rows_filtered",
    ],
    [
      result.source,
      result.rows.read,
      result.rows.accepted,
      result.rows.skipped,
      result.rows.rejected,
      result.tally.promoters,
      result.tally.passives,
      result.tally.detractors,
      result.shares?.promoters,
      result.shares?.passives,
      result.shares?.detractors,
      result.nps,
      result.interval?.level,
      result.interval?.method,
      result.interval?.lower,
      result.interval?.upper,
      result.interval?.marginOfError,
      result.interval?.effectiveN,
      result.period?.first,
      result.period?.last,
      result.weighted,
      result.rows.filtered ?? 0,
    ],
  ];
}

function segmentsTable(report: ReportDocument): CsvCell[][] {
  const segments = report.segments;
  if (segments === undefined) {
    throw new NpsError("invalid_option", "formatReportCsv: table segments needs a report with segments, received none");
  }
  const rows: ReadonlyArray<SegmentFigures> =
    segments.kind === "cross-segment-breakdown" ? segments.cells : segments.segments;
  return [
    [
      "segment",
      "n",
      "effective_n",
      "share",
      "promoters",
      "passives",
      "detractors",
      "nps",
      "lower",
      "upper",
      "difference_vs_rest",
      "p_value",
      "adjusted_p_value",
      "small",
    ],
    ...rows.map((row) => [
      row.label,
      row.n,
      row.effectiveN,
      row.share,
      row.tally.promoters,
      row.tally.passives,
      row.tally.detractors,
      row.nps,
      row.interval.lower,
      row.interval.upper,
      row.vsRest?.difference,
      row.vsRest?.pValue,
      row.vsRest?.adjustedPValue,
      row.small,
    ]),
    // The segments not shown, as one last row: how many, and their responses.
    ...(segments.hidden === undefined
      ? []
      : [[`(${segments.hidden.segments} not shown)`, segments.hidden.responses] as CsvCell[]]),
  ];
}

function trendTable(report: ReportDocument): CsvCell[][] {
  const trend = report.trend;
  if (trend === undefined) {
    throw new NpsError("invalid_option", "formatReportCsv: table trend needs a report with a trend, received none");
  }
  const header = [
    "period",
    "start",
    "end",
    "n",
    "promoters",
    "passives",
    "detractors",
    "nps",
    "lower",
    "upper",
    "change",
    "change_p_value",
    "compared_with",
    "change_tested",
    "change_lower",
    "change_upper",
    "small",
  ];
  const cells = (point: TrendPoint): CsvCell[] => [
    point.label,
    point.start,
    point.end,
    point.n,
    point.tally.promoters,
    point.tally.passives,
    point.tally.detractors,
    point.nps,
    point.interval?.lower,
    point.interval?.upper,
    point.change?.difference,
    point.change?.pValue,
    point.comparedWith,
    point.change?.center,
    point.change?.lower,
    point.change?.upper,
    point.small,
  ];
  if (isBySegment(trend)) {
    const overall = report.overallTrend?.points ?? [];
    return [
      ["segment", ...header, "overall"],
      ...overall.map((point) => [undefined, ...cells(point), true]),
      ...trend.segments.flatMap((segment) =>
        segment.trend.points.map((point) => [segment.key === null ? "" : segment.key, ...cells(point), false]),
      ),
    ];
  }
  return [header, ...trend.points.map(cells)];
}

/**
 * Rows as RFC 4180 CSV with CRLF line ends. Text that a spreadsheet would read as a formula (starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised with a leading apostrophe, so
 * untrusted text never runs as a formula; numbers are written in full. O(total cells).
 *
 * @param rows - The rows, each a list of cells.
 * @returns The CSV text.
 * @example
 * ```ts
 * import { formatCsv } from "npskit";
 * formatCsv([["plan", "nps"], ["=HYPERLINK(1)", 12.5]]); // => "plan,nps\r\n'=HYPERLINK(1),12.5\r\n"
 * ```
 * @category Reports
 */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    throw new NpsError(
      "invalid_input",
      `formatCsv: rows must be an array of arrays of cells, received ${describeValue(rows)}`,
    );
  }
  for (const row of rows) {
    for (const cell of row) {
      if (cell !== undefined && typeof cell !== "string" && typeof cell !== "number" && typeof cell !== "boolean") {
        throw new NpsError(
          "invalid_input",
          `formatCsv: a cell must be a string, a number, a boolean or undefined, received ${describeValue(cell)}`,
        );
      }
    }
  }
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

/** One CSV field: numbers and booleans as written by `String`, text neutralised and quoted as needed. */
export function csvCell(cell: CsvCell): string {
  if (cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
