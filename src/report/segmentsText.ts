import { roundScore } from "../core/roundScore.js";
import { escapeControls, escapeLines } from "../internal/describe.js";
import type { CrossSegmentBreakdown } from "../segments/crossSegment.js";
import type { SegmentBreakdown } from "../segments/segmentBy.js";
import type { TierBreakdown } from "../segments/segmentByTiers.js";
import type { SegmentFigures } from "../segments/segmentFigures.js";
import { checkResult } from "./checkResult.js";
import { signed } from "./formatOverviewText.js";
import { levelText } from "./levelText.js";
import { plural } from "./plural.js";
import { comparedCount, segmentLimitNotes } from "./segmentLimitsText.js";

/**
 * Renders the result of {@link segmentBy}, {@link segmentByTiers} or {@link crossSegment} as an aligned
 * plain-text table: one row per segment with its label, n (and effective n when weighted), share of
 * the responses, NPS, confidence interval, difference from the rest of the sample, the adjusted
 * p-value, and flags — `small` below `minResponses`, `differs` when the adjusted p-value is below
 * 1 − level. The lines after the table give the total, what the p-values were adjusted for, and the
 * number of responses left out. Figures are rounded for display only (NPS, bounds and differences to
 * one decimal with {@link roundScore}, shares to one decimal of a percent, p-values to four decimals,
 * `<0.0001` below). Line breaks and tabs in labels are shown as spaces. When a label is longer than 24
 * characters, the table numbers the segments (`#1`, `#2`…) and lists the full labels below it, so that
 * the table still fits a terminal. Browser-safe. O(segments).
 *
 * @param result - A segment, tier or two-way breakdown.
 * @returns The text, lines separated by `\n`, ending with a newline.
 * @example
 * ```ts
 * import { formatSegmentsText, segmentBy } from "npskit";
 * const responses = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 3 : 10, attributes: { plan: "pro" } })),
 *   ...Array.from({ length: 20 }, (_, i) => ({ score: i % 2 === 0 ? 2 : 9, attributes: { plan: "free" } })),
 * ];
 * const lines = formatSegmentsText(segmentBy(responses, "plan")).split("\n");
 * lines[0]; // => "Segment   n  Share    NPS    95% interval  vs rest  p (holm)  Flags"
 * lines[1]; // => "free     20  33.3%    0.0  [-39.5, +39.5]    -50.0    0.1071  small"
 * lines[2]; // => "pro      40  66.7%  +50.0  [+20.6, +72.4]    +50.0    0.1071"
 * lines[3]; // => "Total    60         +33.3   [+8.6, +54.8]"
 * ```
 * @category Reports
 */
export function formatSegmentsText(result: SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown): string {
  const rule = "the result of segmentBy, segmentByTiers or crossSegment";
  checkResult("formatSegmentsText", "result", rule, result, { settings: "object" });
  checkResult(
    "formatSegmentsText",
    "result",
    rule,
    result,
    result.kind === "cross-segment-breakdown" ? { cells: "array" } : { segments: "array" },
  );
  const rows = result.kind === "cross-segment-breakdown" ? result.cells : result.segments;
  const { settings } = result;
  const weighted = rows.some((row) => row.effectiveN !== undefined);
  const alpha = 1 - settings.level;
  const header = segmentHeaders(
    result.kind === "cross-segment-breakdown" ? "Cell" : result.kind === "tier-breakdown" ? "Tier" : "Segment",
    settings,
    weighted,
  );
  // Labels longer than LABEL_WIDTH would push the table past a terminal's width: the table then
  // numbers the segments (#1, #2…) and the full labels follow it.
  const labels = rows.map((row) => escapeControls(row.label.replace(/[\r\n\t]+/g, " ")));
  const numbered = labels.some((label) => [...label].length > LABEL_WIDTH);
  const table: string[][] = [header];
  rows.forEach((row, i) => {
    table.push([numbered ? `#${i + 1}` : (labels[i] ?? ""), ...rowCells(row, weighted, alpha)]);
  });
  const total = result.total;
  if (total !== undefined) {
    table.push([
      "Total",
      String(total.n),
      ...(weighted ? [String(roundScore(total.effectiveN ?? total.n, 1))] : []),
      "",
      signed(total.nps),
      `[${signed(total.interval.lower)}, ${signed(total.interval.upper)}]`,
    ]);
  }
  const lines = align(table);
  // Small segments shown apart: a line before the first of them (after the header).
  const firstSmall = result.smallApart === true ? rows.findIndex((row) => row.small) : -1;
  if (firstSmall > 0) lines.splice(firstSmall + 1, 0, `-- fewer than ${settings.minResponses} responses:`);
  const notes: string[] = numbered ? labels.map((label, i) => `#${i + 1}  ${label}`) : [];
  if (comparedCount(result) > 1) {
    notes.push(
      `vs rest: NPS of the ${result.kind === "cross-segment-breakdown" ? "cell" : "segment"} minus NPS of all other responses; p-values adjusted (${settings.adjust}) across ${comparedCount(result)} comparisons`,
    );
  }
  if (rows.some((row) => row.small)) {
    notes.push(`small: fewer than ${settings.minResponses} ${weighted ? "effective " : ""}responses`);
  }
  if (result.leftOut > 0) {
    const why = result.kind === "tier-breakdown" ? "no numeric value" : "no value";
    notes.push(`${plural(result.leftOut, "response")} left out (${why})`);
  }
  notes.push(...segmentLimitNotes(result));
  if (rows.length === 0 && result.hidden === undefined) notes.push("no segmented responses");
  return escapeLines(`${[...lines, ...notes].join("\n")}\n`);
}

/** Labels up to this many characters stand in the table; with a longer one, segments are numbered. */
const LABEL_WIDTH = 24;

function rowCells(row: SegmentFigures, weighted: boolean, alpha: number): string[] {
  const comparison = row.vsRest;
  const flags = [
    ...(row.small ? ["small"] : []),
    ...(comparison?.adjustedPValue !== undefined && comparison.adjustedPValue < alpha ? ["differs"] : []),
  ];
  return [
    String(row.n),
    ...(weighted ? [String(roundScore(row.effectiveN ?? row.n, 1))] : []),
    `${roundScore(100 * row.share, 1).toFixed(1)}%`,
    signed(row.nps),
    `[${signed(row.interval.lower)}, ${signed(row.interval.upper)}]`,
    comparison === undefined ? "" : signed(comparison.difference),
    comparison?.adjustedPValue === undefined ? "" : pValue(comparison.adjustedPValue),
    flags.join(", "),
  ];
}

/** Left-aligns the first column, right-aligns the others except the last (flags), two spaces apart. */
function align(table: ReadonlyArray<ReadonlyArray<string>>): string[] {
  const widths: number[] = [];
  for (const row of table) {
    row.forEach((cell, j) => {
      widths[j] = Math.max(widths[j] ?? 0, [...cell].length);
    });
  }
  const last = (table[0]?.length ?? 1) - 1;
  return table.map((row) =>
    row
      .map((cell, j) => {
        const pad = " ".repeat((widths[j] ?? 0) - [...cell].length);
        return j === 0 || j === last ? cell + pad : pad + cell;
      })
      .join("  ")
      .trimEnd(),
  );
}

function pValue(value: number): string {
  return value < 0.0001 ? "<0.0001" : value.toFixed(4);
}

/** The headers of a segment table (text and Markdown): `first` names the rows. */
export function segmentHeaders(
  first: string,
  settings: { readonly level: number; readonly adjust: string },
  weighted: boolean,
): string[] {
  return [
    first,
    "n",
    ...(weighted ? ["n eff."] : []),
    "Share",
    "NPS",
    `${levelText(settings.level, 1)} interval`,
    "vs rest",
    `p (${settings.adjust})`,
    "Flags",
  ];
}
