import type { DistributionEntry } from "../core/distribution.js";
import { roundScore } from "../core/roundScore.js";
import type { Category } from "../core/scale.js";
import { escapeControls, escapeLines } from "../internal/describe.js";
import { checkResult, OVERVIEW_FIELDS, ROW_FIELDS } from "./checkResult.js";
import { levelText } from "./levelText.js";
import type { Overview } from "./overview.js";
import { plural } from "./plural.js";
import { wrapLine } from "./wrapText.js";

/** Continuation lines of a skipped or rejected row align after the label (`  rejected   `). */
const LABEL_WIDTH = 13;

/** Width of the longest bar of the distribution chart, in characters. */
const BAR_WIDTH = 40;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"] as const;

/**
 * Renders an {@link Overview} as aligned plain text that fits 80 columns: the row counts with the
 * first reasons for skipped and rejected rows, the date range, the score distribution as a bar chart
 * of block characters, the three categories with their shares, and the NPS (with its interval and
 * margin of error when the overview has them). Figures are rounded for display only: shares and the
 * NPS to one decimal with {@link roundScore}. O(number of scale values + reasons).
 *
 * @param result - An overview.
 * @returns The text, lines separated by `\n`, ending with a newline.
 * @example
 * ```ts
 * import { formatOverviewText, overview } from "npskit";
 * const text = formatOverviewText(overview({ responses: [{ score: 10 }, { score: 9 }, { score: 3 }] }));
 * text.includes("NPS          +33.3"); // => true
 * text.includes("Promoters   (9–10)      2   66.7%"); // => true
 * ```
 * @category Reports
 */
export function formatOverviewText(result: Overview): string {
  checkResult("formatOverviewText", "result", "the result of overview", result, OVERVIEW_FIELDS);
  checkResult("formatOverviewText", "result.rows", "the row counts of an overview", result.rows, ROW_FIELDS);
  const lines: string[] = [];
  lines.push(`NPS overview${result.source === undefined ? "" : `: ${escapeControls(result.source)}`}`);
  lines.push("");
  const { rows } = result;
  lines.push(
    `Rows         ${rows.read} read, ${rows.accepted} accepted, ${rows.skipped} skipped, ${rows.rejected} rejected`,
  );
  if (rows.filtered !== undefined) {
    lines.push(`             ${plural(rows.filtered, "row")} left out by the filters (not checked)`);
  }
  const skippedByReason = new Map<string, number[]>();
  for (const { row, reason } of result.firstSkipped) {
    skippedByReason.set(reason, [...(skippedByReason.get(reason) ?? []), row]);
  }
  for (const [reason, rowNumbers] of skippedByReason) {
    lines.push(
      ...wrapLine(
        `  skipped    row${rowNumbers.length > 1 ? "s" : ""} ${rowNumbers.join(", ")}: ${escapeControls(reason)}`,
        LABEL_WIDTH,
      ),
    );
  }
  if (rows.skipped > result.firstSkipped.length && result.firstSkipped.length > 0) {
    lines.push(`             … and ${rows.skipped - result.firstSkipped.length} more skipped rows`);
  }
  for (const rejection of result.firstRejected) {
    const where = [
      rejection.row === undefined ? "" : `row ${rejection.row}`,
      rejection.field === undefined ? "" : `column ${JSON.stringify(rejection.field)}`,
    ]
      .filter((part) => part !== "")
      .join(", ");
    lines.push(
      ...wrapLine(`  rejected   ${where === "" ? "" : `${where}: `}${escapeControls(rejection.message)}`, LABEL_WIDTH),
    );
  }
  if (rows.rejected > 0 && result.firstRejected.length > 0) {
    lines.push("             (rejected rows are left out of every figure below)");
  }
  if (result.period !== undefined) {
    const { first, last, dated } = result.period;
    const undated = rows.accepted - dated;
    lines.push(
      `Period       ${first.slice(0, 10)} to ${last.slice(0, 10)} (UTC)${undated > 0 ? `, ${plural(undated, "response")} without a date` : ""}`,
    );
  }
  if (result.weighted) {
    const effective =
      result.interval === undefined ? "" : `, effective sample size ${roundScore(result.interval.effectiveN, 1)}`;
    lines.push(`Weighted     category counts are sums of weights${effective}`);
  }
  lines.push("");
  lines.push(...distributionLines(result.distribution));
  lines.push("");
  lines.push(...categoryLines(result));
  lines.push("");
  lines.push(`NPS          ${result.nps === undefined ? "undefined (no responses)" : signed(result.nps)}`);
  if (result.interval !== undefined) {
    const { level, method, lower, upper, marginOfError } = result.interval;
    const confidence = levelText(level);
    lines.push(`${`${confidence} CI`.padEnd(12)} ${signed(lower)} to ${signed(upper)} (${method})`);
    lines.push(`Margin       ±${roundScore(marginOfError, 1).toFixed(1)} points`);
  }
  return escapeLines(`${lines.join("\n")}\n`);
}

function distributionLines(entries: ReadonlyArray<DistributionEntry>): string[] {
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  const largest = entries.reduce((max, entry) => Math.max(max, entry.count), 0);
  const countWidth = Math.max(5, ...entries.map((entry) => String(entry.count).length));
  const scoreWidth = Math.max(5, ...entries.map((entry) => String(entry.score).length));
  const lines = [`${"Score".padStart(scoreWidth)}  ${"Count".padStart(countWidth)}   Share`];
  for (const entry of entries) {
    const share = total === 0 ? "" : percent(entry.count / total);
    const bar = largest === 0 ? "" : barOf(entry.count / largest);
    lines.push(
      `${String(entry.score).padStart(scoreWidth)}  ${String(entry.count).padStart(countWidth)}  ${share.padStart(6)}  ${bar}`.trimEnd(),
    );
  }
  return lines;
}

function categoryLines(result: Overview): string[] {
  const rows: Array<[string, Category, number, number | undefined]> = [
    ["Promoters", "promoter", result.tally.promoters, result.shares?.promoters],
    ["Passives", "passive", result.tally.passives, result.shares?.passives],
    ["Detractors", "detractor", result.tally.detractors, result.shares?.detractors],
  ];
  const counts = rows.map(([, , count]) => (Number.isInteger(count) ? String(count) : count.toFixed(2)));
  const countWidth = Math.max(5, ...counts.map((count) => count.length));
  return rows.map(([label, category, , share], i) => {
    const range = rangeOf(result.distribution, category);
    const count = (counts[i] as string).padStart(countWidth);
    return `${label.padEnd(11)} ${range.padEnd(7)} ${count}  ${share === undefined ? "" : percent(share).padStart(6)}`.trimEnd();
  });
}

/** The scores of a category, e.g. `(9–10)`, read from the distribution so custom scales work too. */
function rangeOf(entries: ReadonlyArray<DistributionEntry>, category: Category): string {
  const scores = entries.filter((entry) => entry.category === category).map((entry) => entry.score);
  if (scores.length === 0) return "(none)";
  const low = scores.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const high = scores.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return low === high ? `(${low})` : `(${low}–${high})`;
}

function barOf(fraction: number): string {
  const eighths = Math.round(fraction * BAR_WIDTH * 8);
  if (eighths === 0 && fraction > 0) return EIGHTHS[1];
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}

function percent(share: number): string {
  return `${roundScore(100 * share, 1).toFixed(1)}%`;
}

/** A figure in points with one decimal and an explicit sign (`+12.3`, `-4.0`, `0.0`). */
export function signed(value: number): string {
  const rounded = roundScore(value, 1);
  return `${rounded > 0 ? "+" : rounded < 0 ? "-" : ""}${Math.abs(rounded).toFixed(1)}`;
}
