import type { BenchmarkComparison } from "../benchmarks/compareToBenchmark.js";
import { roundScore } from "../core/roundScore.js";
import { escapeLines } from "../internal/describe.js";
import { checkResult } from "./checkResult.js";
import { levelText } from "./levelText.js";

/**
 * Writes a benchmark comparison ({@link compareToBenchmark}, or the `benchmark` of a
 * {@link ReportDocument}) as plain text for a terminal: the row with its publisher and year, the
 * difference with your NPS and its interval (with its method, which need not be the report's), the verdict, the quartile band when the row has
 * quartiles, and the caveats. Figures are rounded to one decimal for display only. Browser-safe.
 *
 * @param comparison - The comparison.
 * @returns The lines, ending with a newline.
 * @throws {@link NpsError} `invalid_input` when the comparison is not one.
 * @example
 * ```ts
 * import { compareToBenchmark, formatBenchmarkText } from "npskit";
 * const comparison = compareToBenchmark({ promoters: 520, passives: 250, detractors: 230 }, "xmi-2023-grocers", { asOf: 2026 });
 * formatBenchmarkText(comparison!).split("\n")[1]; // => "Difference  -1.1 points; your NPS +29.0, 95% CI +23.9 to +34.0 (score)"
 * ```
 * @category Benchmarks
 */
export function formatBenchmarkText(comparison: BenchmarkComparison): string {
  checkResult("formatBenchmarkText", "comparison", "the result of compareToBenchmark", comparison, {
    benchmark: "object",
    interval: "object",
    caveats: "array",
  });
  const row = comparison.benchmark;
  const lines = [
    `Benchmark  ${row.id}: ${row.value} (${row.segment}; ${row.publisher}, ${row.year ?? "undated"})`,
    `Difference  ${signed(comparison.difference)} points; your NPS ${signed(comparison.estimate)}, ${levelText(comparison.interval.level)} CI ${signed(comparison.interval.lower)} to ${signed(comparison.interval.upper)} (${comparison.interval.method})`,
    `Verdict  ${comparison.verdictText}`,
  ];
  if (comparison.band !== undefined) lines.push(`Quartiles  ${comparison.band.label}`);
  lines.push("Caveats", ...comparison.caveats.map((caveat) => `  - ${caveat.message}`));
  return `${escapeLines(lines.join("\n"))}\n`;
}

/**
 * Not the `signed` of the other reports: the sign is tested before rounding (+0.04 prints `+0.0`),
 * as this section always printed it (docs/decisions.md, "The command").
 */
function signed(value: number): string {
  return `${value > 0 ? "+" : ""}${roundScore(value, 1).toFixed(1)}`;
}
