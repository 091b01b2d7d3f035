import { describe, expect, it } from "vitest";
import { formatOverviewText, overview, roundScore, sampleResponses } from "../../src/index.js";

describe("formatOverviewText", () => {
  const result = overview({ responses: sampleResponses() }, { source: "built-in sample" });
  const text = formatOverviewText(result);
  const lines = text.split("\n");

  it("fits 80 columns", () => {
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("contains the figures of the overview", () => {
    expect(text).toContain("NPS overview: built-in sample");
    expect(text).toContain(`Rows         2000 read, 2000 accepted, 0 skipped, 0 rejected`);
    const nps = roundScore(result.nps as number, 1).toFixed(1);
    expect(text).toContain(`NPS          +${nps}`);
    const { lower, upper, marginOfError } = result.interval ?? { lower: 0, upper: 0, marginOfError: 0 };
    expect(text).toContain(
      `95% CI       +${roundScore(lower, 1).toFixed(1)} to +${roundScore(upper, 1).toFixed(1)} (adjusted-wald)`,
    );
    expect(text).toContain(`Margin       ±${roundScore(marginOfError, 1).toFixed(1)} points`);
    const promoters = `${roundScore(100 * (result.shares?.promoters ?? 0), 1).toFixed(1)}%`;
    expect(text).toMatch(new RegExp(`Promoters\\s+\\(9–10\\)\\s+${result.tally.promoters}\\s+${promoters}`));
    expect(text).toContain("Period       2024-12-01 to 2026-11-30 (UTC)");
    for (const entry of result.distribution) {
      expect(text).toMatch(new RegExp(`^\\s+${entry.score}\\s+${entry.count}\\s`, "m"));
    }
  });

  it("draws a bar chart whose longest bar belongs to the most frequent score", () => {
    const chart = lines.filter((line) => /^\s+\d+\s+\d+\s+[\d.]+%/.test(line));
    expect(chart).toHaveLength(11);
    const largest = Math.max(...result.distribution.map((entry) => entry.count));
    const longest = chart.find((line) => line.includes("█".repeat(40)));
    expect(longest).toMatch(new RegExp(`\\s${largest}\\s`));
  });

  it("lists skipped rows and rejections with their rows and columns", () => {
    const withReasons = formatOverviewText(
      overview({
        responses: [{ score: 7 }],
        counts: { rows: 3, accepted: 1, skipped: 1, rejected: 1 },
        skipped: [{ row: 2, reason: "score is missing" }],
        issues: [
          {
            path: [2, "nps"],
            row: 3,
            field: "nps",
            value: "11",
            message: 'score must be an integer from 0 to 10, received "11"',
          },
        ],
      }),
    );
    expect(withReasons).toContain("  skipped    row 2: score is missing");
    expect(withReasons).toContain(
      '  rejected   row 3, column "nps": score must be an integer from 0 to 10,\n             received "11"',
    );
    for (const line of withReasons.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
    expect(withReasons).toContain("NPS          0.0");
  });

  it("says when the responses are weighted, with the effective sample size", () => {
    const weighted = formatOverviewText(
      overview({
        responses: [
          { score: 10, weight: 2 },
          { score: 5, weight: 1 },
          { score: 8, weight: 1 },
        ],
      }),
    );
    expect(weighted).toContain("Weighted     category counts are sums of weights, effective sample size 2.7");
    expect(weighted).toMatch(/Promoters {3}\(9–10\) +2 +50\.0%/);
  });

  it("says so when there are no responses", () => {
    const empty = formatOverviewText(overview({ responses: [] }));
    expect(empty).toContain("NPS          undefined (no responses)");
    expect(empty).not.toContain("CI");
  });

  it("shows negative figures with a minus sign and never -0.0", () => {
    const negative = formatOverviewText(overview({ responses: [{ score: 0 }, { score: 0 }, { score: 9 }] }));
    expect(negative).toContain("NPS          -33.3");
    const zero = formatOverviewText(overview({ responses: [{ score: 10 }, { score: 0 }] }));
    expect(zero).toContain("NPS          0.0");
    expect(zero).not.toContain("-0.0");
  });
});
