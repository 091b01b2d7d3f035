import { roundScore } from "../core/roundScore.js";
import { escapeControls, escapeLines } from "../internal/describe.js";
import type { RollingTrend } from "../trends/rollingTrend.js";
import type { RollingTrendBy } from "../trends/rollingTrendBy.js";
import type { Trend } from "../trends/trend.js";
import type { TrendBy } from "../trends/trendBy.js";
import type { TrendPoint } from "../trends/trendPoint.js";
import { checkResult } from "./checkResult.js";
import { levelText } from "./levelText.js";
import { plural } from "./plural.js";
import { isBySegment, isRolling } from "./trendKind.js";

const PERIOD_NAMES = { day: "day", week: "week", month: "month", quarter: "quarter", year: "year" } as const;
const STEP_NAMES = { day: "daily", week: "weekly", month: "monthly" } as const;

/**
 * Renders a trend ({@link trend}), a rolling trend ({@link rollingTrend}) or per-segment trends
 * ({@link trendBy}) as an aligned plain-text table: one row per period or window with its label, n,
 * NPS, confidence interval, shares of promoters, passives and detractors, and the change from the
 * previous period with its p-value. Empty periods show `–`. A final line counts the responses without
 * a date (and, per segment, those in no segment). Figures are rounded for display only: NPS, bounds
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
 * text.split("\n")[1]; // => "Period   n     NPS    95% interval   Prom.  Pass.   Detr.  Change  p"
 * text.split("\n")[2]; // => "2026-01  1  +100.0  [-48.5, +98.5]  100.0%   0.0%    0.0%"
 * text.split("\n")[3]; // => "2026-02  0       –"
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
    "segments" in result ? { segments: "array" } : { points: "array" },
  );
  if ("window" in result) checkResult("formatTrendText", "result", rule, result, { window: "object" });
  const lines: string[] = [];
  if (isBySegment(result)) {
    lines.push(`${segmentTrendTitle(result)}${latestNote(result.respondents)} (${result.timeZone})`);
    for (const segment of result.segments) {
      lines.push("", `Segment ${segment.key === null ? "(no value)" : escapeControls(String(segment.key))}`);
      lines.push(
        ...tableLines(isRolling(result) ? "Window to" : "Period", segment.trend.points, segment.trend.undated),
      );
    }
    if (result.leftOut > 0) lines.push("", `${plural(result.leftOut, "response")} in no segment`);
  } else if (isRolling(result)) {
    lines.push(
      `NPS over trailing ${result.window.days}-day windows, ${STEP_NAMES[result.step]}${latestNote(result.respondents)} (${result.timeZone})`,
    );
    lines.push(...tableLines(`Window to`, result.points, result.undated));
  } else {
    lines.push(`NPS by ${PERIOD_NAMES[result.period]}${latestNote(result.respondents)} (${result.timeZone})`);
    lines.push(...tableLines("Period", result.points, result.undated));
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

function tableLines(first: string, points: ReadonlyArray<TrendPoint>, undated: number): string[] {
  const level = points.find((point) => point.interval !== undefined)?.interval?.level ?? 0.95;
  const rows: string[][] = [
    [first, "n", "NPS", `${levelText(level, 1)} interval`, "Prom.", "Pass.", "Detr.", "Change", "p"],
  ];
  for (const point of points) {
    const interval = point.interval;
    const change = point.change;
    rows.push([
      point.label,
      count(point.n),
      point.nps === undefined ? "–" : signed(point.nps),
      interval === undefined ? "" : `[${signed(interval.lower)}, ${signed(interval.upper)}]`,
      point.shares === undefined ? "" : percent(point.shares.promoters),
      point.shares === undefined ? "" : percent(point.shares.passives),
      point.shares === undefined ? "" : percent(point.shares.detractors),
      change === undefined ? "" : signed(change.difference),
      change?.pValue === undefined ? "" : pValue(change.pValue),
    ]);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
  if (points.length === 0) lines.push("(no dated responses)");
  if (undated > 0) lines.push(`${plural(undated, "response")} without a date, in no period`);
  return lines;
}

function count(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function signed(value: number): string {
  const rounded = roundScore(value, 1);
  return `${rounded > 0 ? "+" : ""}${rounded.toFixed(1)}`;
}

function percent(share: number): string {
  return `${roundScore(100 * share, 1).toFixed(1)}%`;
}

function pValue(p: number): string {
  return p < 0.0001 ? "<0.0001" : p.toFixed(4);
}
