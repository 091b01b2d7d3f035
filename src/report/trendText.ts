import { roundScore } from "../core/roundScore.js";
import { escapeControls, escapeLines } from "../internal/describe.js";
import type { RollingTrend } from "../trends/rollingTrend.js";
import type { RollingTrendBy } from "../trends/rollingTrendBy.js";
import type { Trend } from "../trends/trend.js";
import type { TrendBy } from "../trends/trendBy.js";
import type { TrendPoint } from "../trends/trendPoint.js";
import { checkResult } from "./checkResult.js";
import { signed } from "./formatOverviewText.js";
import { levelText } from "./levelText.js";
import { plural } from "./plural.js";
import { type AnyTrend, isBySegment, isRolling } from "./trendKind.js";
import { wrapLine } from "./wrapText.js";

const PERIOD_NAMES = { day: "day", week: "week", month: "month", quarter: "quarter", year: "year" } as const;
const STEP_NAMES = { day: "daily", week: "weekly", month: "monthly" } as const;

/**
 * Renders a trend ({@link trend}), a rolling trend ({@link rollingTrend}) or per-segment trends
 * ({@link trendBy}) as an aligned plain-text table: one row per period or window with its label, n,
 * NPS, confidence interval, shares of promoters, passives and detractors, and the change with its
 * p-value: headed `vs prev.` for calendar periods (the row above); for rolling windows a `vs` column
 * names the window compared with (the latest earlier one sharing no day). A `*` after n marks a small
 * period (`small`). Empty periods show `–`. Lines under the table count the responses without a date
 * (and, per segment, those in no segment) and say what the change compares and what `*` means
 * (wrapped at 80 characters). Columns are two spaces apart, or one when two would make the table wider
 * than 80 characters (daily windows). Figures are rounded for display only: NPS, bounds
 * and changes to one decimal with {@link roundScore}, shares to one decimal of a percent, p-values to
 * four decimals (`<0.0001` below). Browser-safe. O(points).
 *
 * @param result - A trend, rolling trend or per-segment trends.
 * @returns The text, lines separated by `\n`, ending with a newline.
 * @example
 * ```ts
 * import { formatTrendText, trend } from "npskit";
 * const text = formatTrendText(
 *   trend([
 *     { score: 10, date: new Date("2026-01-15T10:00:00Z") },
 *     { score: 3, date: new Date("2026-03-20T10:00:00Z") },
 *   ]),
 * );
 * text.split("\n")[0]; // => "NPS by month (UTC)"
 * text.split("\n")[1]; // => "Period    n     NPS    95% interval   Prom.  Pass.   Detr.  vs prev.  p"
 * text.split("\n")[2]; // => "2026-01  1*  +100.0  [-48.5, +98.5]  100.0%   0.0%    0.0%"
 * text.split("\n")[3]; // => "2026-02  0        –"
 * ```
 * @category Reports
 */
export function formatTrendText(result: Trend | RollingTrend | TrendBy | RollingTrendBy): string {
  const rule = "the result of trend, rollingTrend, trendBy or rollingTrendBy";
  checkResult("formatTrendText", "result", rule, result, { timeZone: "string" });
  checkResult(
    "formatTrendText",
    "result",
    rule,
    result,
    isBySegment(result) ? { segments: "array" } : { points: "array" },
  );
  if (isRolling(result)) checkResult("formatTrendText", "result", rule, result, { window: "object" });
  const lines: string[] = [];
  if (isBySegment(result)) {
    lines.push(`${segmentTrendTitle(result)}${latestNote(result.respondents)} (${result.timeZone})`);
    for (const segment of result.segments) {
      lines.push("", `Segment ${segment.key === null ? "(no value)" : escapeControls(String(segment.key))}`);
      lines.push(...tableLines(segment.trend, segment.trend.points, segment.trend.undated));
    }
    if (result.leftOut > 0) lines.push("", `${plural(result.leftOut, "response")} in no segment`);
    const notes = trendNotes(result, true).flatMap((note) => wrapLine(note, 2));
    if (notes.length > 0) lines.push("", ...notes);
  } else if (isRolling(result)) {
    lines.push(
      `NPS over trailing ${result.window.days}-day windows, ${STEP_NAMES[result.step]}${latestNote(result.respondents)} (${result.timeZone})`,
    );
    lines.push(
      ...tableLines(result, result.points, result.undated),
      ...trendNotes(result, true).flatMap((note) => wrapLine(note, 2)),
    );
  } else {
    lines.push(`NPS by ${PERIOD_NAMES[result.period]}${latestNote(result.respondents)} (${result.timeZone})`);
    lines.push(
      ...tableLines(result, result.points, result.undated),
      ...trendNotes(result, true).flatMap((note) => wrapLine(note, 2)),
    );
  }
  return escapeLines(`${lines.join("\n")}\n`);
}

/** The title of per-segment trends: "NPS by month and segment" or "NPS by segment, trailing 90-day windows, daily". */
export function segmentTrendTitle(result: TrendBy | RollingTrendBy): string {
  return isRolling(result)
    ? `NPS by segment, trailing ${result.window.days}-day windows, ${STEP_NAMES[result.step]}`
    : `NPS by ${PERIOD_NAMES[result.period]} and segment`;
}

function latestNote(respondents: "all" | "latest"): string {
  return respondents === "latest" ? ", latest answer per respondent" : "";
}

function tableLines(trend: Trend | RollingTrend, points: ReadonlyArray<TrendPoint>, undated: number): string[] {
  const level = points.find((point) => point.interval !== undefined)?.interval?.level ?? 0.95;
  const headers = changeHeaders(trend, true);
  const rolling = isRolling(trend);
  const small = points.some((point) => point.small);
  const rows: string[][] = [
    [
      headers.label,
      "n",
      "NPS",
      `${levelText(level, 1)} interval`,
      "Prom.",
      "Pass.",
      "Detr.",
      headers.change,
      ...(rolling ? [headers.comparedWith] : []),
      "p",
    ],
  ];
  for (const point of points) {
    const interval = point.interval;
    const change = point.change;
    rows.push([
      point.label,
      // The mark of a small period follows its n; other counts keep their digits aligned.
      `${count(point.n)}${point.small ? "*" : small ? " " : ""}`,
      point.nps === undefined ? "–" : signed(point.nps),
      interval === undefined ? "" : `[${signed(interval.lower)}, ${signed(interval.upper)}]`,
      point.shares === undefined ? "" : percent(point.shares.promoters),
      point.shares === undefined ? "" : percent(point.shares.passives),
      point.shares === undefined ? "" : percent(point.shares.detractors),
      change === undefined ? "" : signed(change.difference),
      ...(rolling ? [point.comparedWith ?? ""] : []),
      change?.pValue === undefined ? "" : pValue(change.pValue),
    ]);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  // Columns are two spaces apart, or one when that keeps a wide table (daily windows) in 80 columns.
  const wide = widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1) > 80;
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join(wide ? " " : "  ")
      .trimEnd(),
  );
  if (points.length === 0) lines.push("(no dated responses)");
  if (undated > 0) lines.push(`${plural(undated, "response")} without a date, in no period`);
  return lines;
}

/**
 * The headers of a trend table that say what the change compares: the first column, the change
 * ("vs prev." for calendar periods), and for rolling windows the column naming the window the change
 * compares with (often not the row above). `compact` gives the short headers of the plain-text table.
 */
export function changeHeaders(
  trend: Trend | RollingTrend,
  compact = false,
): { label: string; change: string; comparedWith: string } {
  if (isRolling(trend)) return { label: "Window to", change: "Change", comparedWith: compact ? "vs" : "vs window to" };
  return {
    label: "Period",
    change: compact ? "vs prev." : `Change vs prev. ${PERIOD_NAMES[trend.period]}`,
    comparedWith: "",
  };
}

/**
 * The notes under a trend table, one line each: what the change compares and what its p-value tests,
 * and what a small period is (only when there is one). `compact` names the columns of the plain-text
 * table. Shared by every format.
 */
export function trendNotes(trend: AnyTrend, compact = false): string[] {
  const series: ReadonlyArray<Trend | RollingTrend> = isBySegment(trend)
    ? trend.segments.map((segment) => segment.trend)
    : [trend];
  const points = series.flatMap((part) => part.points);
  const notes: string[] = [];
  if (points.some((point) => point.change !== undefined)) {
    const column = compact ? "vs" : "vs window to";
    notes.push(
      isRolling(trend)
        ? `Change: from the window in "${column}", the latest earlier one sharing no day with it, so that no response is in both; p: two-sided test of no change.`
        : `${compact ? "vs prev." : "Change"}: change from the previous ${PERIOD_NAMES[trend.period]} (the row above); p: two-sided test of no change.`,
    );
  }
  if (points.some((point) => point.small)) {
    const minResponses = series[0]?.minResponses ?? 0;
    const weighted = points.some((point) => point.tally.weighted !== undefined);
    notes.push(
      `${compact ? "*" : "small"}: fewer than ${minResponses} ${weighted ? "effective " : ""}responses, too few to act on.`,
    );
  }
  // The +3 adjusted Wald interval is centred on the adjusted estimate, n·NPS/(n + 3): with one
  // response (at 95 %), or answers nearly all in one category at a low level, it leaves out the NPS.
  const outside = points.find(
    (point) =>
      point.nps !== undefined &&
      point.interval !== undefined &&
      (point.nps < point.interval.lower || point.nps > point.interval.upper),
  );
  if (outside !== undefined) {
    notes.push(
      `The interval of ${outside.label} leaves out its NPS: the adjusted Wald interval is centred on the NPS pulled towards 0, n·NPS/(n + 3).`,
    );
  }
  if (points.some((point) => point.small) && points.some((point) => point.change?.method === "adjusted-wald")) {
    notes.push(
      "Next to a small period, p and the change's interval (adjusted Wald, +3 a period) test a change pulled towards 0, not the one shown.",
    );
  }
  return notes;
}

function count(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function percent(share: number): string {
  return `${roundScore(100 * share, 1).toFixed(1)}%`;
}

function pValue(p: number): string {
  return p < 0.0001 ? "<0.0001" : p.toFixed(4);
}
