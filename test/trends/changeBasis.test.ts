import { describe, expect, it } from "vitest";
import { formatTrendText, NpsError, rollingTrend, roundScore, trend, trendBy } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const at = (iso: string, score: number, weight?: number) => ({
  score,
  date: new Date(`${iso}T12:00:00Z`),
  ...(weight === undefined ? {} : { weight }),
});

describe("what a change compares with", () => {
  // One answer a month: December promoter, January detractor, February passive, March promoter, April detractor.
  const monthly = [
    at("2017-12-15", 10),
    at("2018-01-15", 0),
    at("2018-02-15", 8),
    at("2018-03-15", 10),
    at("2018-04-15", 0),
  ];

  it("a calendar trend compares each period with the one before, and names it", () => {
    const result = trend(monthly, { period: "month" });
    expect(result.changeBasis).toBe("previous-period");
    expect(result.points.map((point) => point.comparedWith)).toEqual([
      undefined,
      "2017-12",
      "2018-01",
      "2018-02",
      "2018-03",
    ]);
    // February (NPS 0) minus January (-100).
    expect(result.points[2]?.change?.difference).toBe(100);
  });

  it("after a gap left out (fillGaps: false) there is no change and nothing compared with", () => {
    const result = trend([at("2018-01-15", 10), at("2018-03-15", 0)], { period: "month", fillGaps: false });
    expect(result.points.map((point) => [point.label, point.comparedWith, point.change])).toEqual([
      ["2018-01", undefined, undefined],
      ["2018-03", undefined, undefined],
    ]);
  });

  it("30-day windows ending each month compare with the latest window sharing no day: not always the row above", () => {
    const result = rollingTrend(monthly, { window: { days: 30 }, step: "month" });
    expect(result.changeBasis).toBe("latest-non-overlapping-window");
    // January's window is [2 Jan, 1 Feb) and February's [30 Jan, 1 Mar): they share 30 and 31 January,
    // so February compares with December's [2 Dec, 1 Jan). March's [2 Mar, 1 Apr) starts after
    // February's ends, April's [1 Apr, 1 May) where March's ends.
    expect(result.points.map((point) => point.comparedWith)).toEqual([
      undefined,
      "2017-12",
      "2017-12",
      "2018-02",
      "2018-03",
    ]);
    // February's passive (0) against December's promoter (+100), not January's detractor.
    expect(result.points[2]?.change?.difference).toBe(-100);
  });

  it("with a step at least as long as the window, windows do not overlap and each compares with the row above", () => {
    // Answers on the 28th, inside each month's last 7 days.
    const late = [
      at("2017-12-28", 10),
      at("2018-01-28", 0),
      at("2018-02-28", 8),
      at("2018-03-28", 10),
      at("2018-04-28", 0),
    ];
    const result = rollingTrend(late, { window: { days: 7 }, step: "month" });
    expect(result.points.map((point) => point.comparedWith)).toEqual([
      undefined,
      "2017-12",
      "2018-01",
      "2018-02",
      "2018-03",
    ]);
  });

  it("30-day windows ending each day compare with the window ending 30 days earlier", () => {
    const result = rollingTrend(monthly, { window: { days: 30 }, step: "day" });
    const march31 = result.points.find((point) => point.label === "2018-03-31");
    expect(march31?.comparedWith).toBe("2018-03-01");
    // 15 January's window [17 Dec, 16 Jan) against 16 December's [17 Nov, 17 Dec).
    expect(result.points.find((point) => point.label === "2018-01-15")?.comparedWith).toBe("2017-12-16");
    // 13 January's window starts on 15 December, the first day: no window ends before it.
    expect(result.points.find((point) => point.label === "2018-01-13")?.comparedWith).toBeUndefined();
  });

  it("the text table names the compared window in a vs column and explains it under the table", () => {
    const text = formatTrendText(rollingTrend(monthly, { window: { days: 30 }, step: "month" }));
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/^Window to .*Change\s+vs\s+p$/);
    expect(lines.find((line) => line.startsWith("2018-02"))).toMatch(/-100\.0\s+2017-12\s+0\.\d{4}$/);
    expect(text).toContain('Change: from the window in "vs", the latest earlier one sharing no day with it');
  });

  it("a calendar trend's change column says it is against the previous period", () => {
    const text = formatTrendText(trend(monthly, { period: "month" }));
    expect(text.split("\n")[1]).toMatch(/ vs prev\.\s+p$/);
    expect(text).toContain("vs prev.: change from the previous month (the row above)");
  });
});

describe("small periods", () => {
  it("are flagged below minResponses (default 30); empty periods are not small", () => {
    const responses = [at("2026-01-10", 10), at("2026-03-10", 9), at("2026-03-11", 0)];
    const result = trend(responses, { minResponses: 2 });
    expect(result.minResponses).toBe(2);
    expect(result.points.map((point) => [point.label, point.n, point.small])).toEqual([
      ["2026-01", 1, true],
      ["2026-02", 0, false],
      ["2026-03", 2, false],
    ]);
    expect(trend(responses).minResponses).toBe(30);
    expect(trend(responses).points.map((point) => point.small)).toEqual([true, false, true]);
  });

  it("use the effective number of responses when weighted", () => {
    // Weights 1 and 3: Kish effective n = (1 + 3)² / (1 + 9) = 1.6, below 2 though two people answered.
    const result = trend([at("2026-01-10", 10, 1), at("2026-01-11", 0, 3)], { minResponses: 2 });
    expect(result.points[0]?.small).toBe(true);
    expect(trend([at("2026-01-10", 10, 1), at("2026-01-11", 0, 1)], { minResponses: 2 }).points[0]?.small).toBe(false);
  });

  it("are flagged in every segment's trend and in rolling windows", () => {
    const responses = [
      { ...at("2026-01-10", 10), attributes: { plan: "pro" } },
      { ...at("2026-01-12", 0), attributes: { plan: "pro" } },
      { ...at("2026-01-12", 0), attributes: { plan: "free" } },
    ];
    const bySegment = trendBy(responses, "plan", { minResponses: 2 });
    expect(bySegment.segments.map((segment) => [segment.key, segment.trend.points[0]?.small])).toEqual([
      ["free", true],
      ["pro", false],
    ]);
    const rolling = rollingTrend(responses, { window: { days: 2 }, minResponses: 2 });
    expect(rolling.points.map((point) => [point.label, point.n, point.small])).toEqual([
      ["2026-01-10", 1, true],
      ["2026-01-11", 1, true],
      ["2026-01-12", 2, false],
    ]);
  });

  it("a minResponses that is not a finite number >= 0 is a clear option error", () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "30"]) {
      const error = errorOf(() => trend([at("2026-01-10", 10)], { minResponses: bad as number }));
      expect(error).toBeInstanceOf(NpsError);
      expect((error as NpsError).code).toBe("invalid_option");
      expect(error.message).toMatch(/^trend: minResponses must be a finite number >= 0, received /);
    }
    expect(errorOf(() => rollingTrend([], { minResponses: -2 })).message).toBe(
      "rollingTrend: minResponses must be a finite number >= 0, received -2",
    );
  });

  it("a one-response period: the adjusted interval leaves out its NPS, and the output says why", () => {
    const result = trend([at("2026-01-10", 0)]);
    const point = result.points[0];
    // +3 adjusted Wald: centre (0 − 1)/(1 + 3) = −25 points, far from the raw −100.
    expect(point?.nps).toBe(-100);
    expect(roundScore(point?.interval?.lower ?? 0, 1)).toBe(-98.5);
    expect(roundScore(point?.interval?.upper ?? 0, 1)).toBe(48.5);
    expect(point?.small).toBe(true);
    const text = formatTrendText(result);
    expect(text).toContain("2026-01  1*  -100.0  [-98.5, +48.5]");
    expect(text.replace(/\n {2}/g, " ")).toContain(
      "The interval of 2026-01 leaves out its NPS: the adjusted Wald interval is centred on the NPS pulled towards 0, n·NPS/(n + 3).",
    );
    // Two responses, both detractors: the interval holds -100, and nothing is said.
    const two = formatTrendText(trend([at("2026-01-10", 0), at("2026-01-11", 0)]));
    expect(two).toContain("*: fewer than 30 responses, too few to act on.");
    expect(two).not.toContain("leaves out");
    // At the 80% level the pull matters at any size: 40 promoters give +100 in about [+86.8, +99.2].
    const many = trend(
      Array.from({ length: 40 }, (_, i) => at(`2026-01-${String(1 + (i % 28)).padStart(2, "0")}`, 10)),
      { level: 0.8 },
    );
    expect(many.points[0]?.small).toBe(false);
    expect(many.points[0]?.interval?.upper).toBeLessThan(100);
    expect(formatTrendText(many)).toContain("The interval of 2026-01 leaves out its NPS");
  });

  it("next to a small period the change's test is on the adjusted change, and the text says so", () => {
    // Two promoters then three, one detractor: raw change -100 - (+100) = -200; the adjusted one is
    // -1/4·100 - 2/5·100 = -65 points.
    const result = trend([at("2026-01-10", 10), at("2026-01-11", 10), at("2026-02-10", 0)]);
    const change = result.points[1]?.change;
    expect(change?.difference).toBe(-200);
    expect(roundScore(change?.center ?? 0, 6)).toBe(-65);
    expect(change?.lower).toBeLessThan(change?.center ?? 0);
    expect(change?.upper).toBeGreaterThan(change?.center ?? 0);
    expect(formatTrendText(result).replace(/\n {2}/g, " ")).toContain(
      "Next to a small period, p and the change's interval (adjusted Wald, +3 a period) test a change pulled towards 0, not the one shown.",
    );
  });
});
