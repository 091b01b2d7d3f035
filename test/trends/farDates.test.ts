import { afterAll, describe, expect, it } from "vitest";
import { outlyingDates } from "../../src/cli/collect.js";
import { sumTallies } from "../../src/core/mergeTallies.js";
import { countResponses, rollingTrend, rollingTrendFromTallies, type Tally, trend, trendBy } from "../../src/index.js";
import { run, tempDirectory } from "../cli/helpers.js";
import { errorOf } from "../helpers/errors.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** One answer in 1700 (a mistyped year) and one in 2026. */
const FAR = [
  { score: 9, date: new Date("1700-01-01T00:00:00Z"), attributes: { plan: "pro" } },
  { score: 3, date: new Date("2026-01-01T00:00:00Z"), attributes: { plan: "pro" } },
];

describe("dates far apart", () => {
  it("refuse a trend of more than 100,000 periods at once, naming both dates", () => {
    const started = Date.now();
    const error = errorOf(() => trend(FAR, { period: "day" }));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "trend: dates must span at most 100000 days, received 1700-01-01T00:00:00.000Z to 2026-01-01T00:00:00.000Z (a mistyped year?)",
    );
    expect(errorOf(() => trendBy(FAR, "plan", { period: "day" })).message).toMatch(
      /^trendBy: dates must span at most 100000 days/,
    );
    expect(errorOf(() => rollingTrend(FAR, { window: { days: 30 } })).message).toMatch(
      /^rollingTrend: dates must span/,
    );
    const tallies = countResponses(FAR, { period: "day" });
    expect(errorOf(() => rollingTrendFromTallies(tallies)).message).toMatch(
      /^rollingTrendFromTallies: dates must span/,
    );
    // The range is checked before any period is computed: no minutes of calendar arithmetic.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("still give a yearly trend over the same dates (327 periods)", () => {
    const result = trend(FAR, { period: "year" });
    expect(result.points.length).toBe(327);
    expect(result.total).toEqual({ promoters: 1, passives: 0, detractors: 1 });
  });

  it("add up many tallies without spreading them into arguments", () => {
    const many: Tally[] = Array.from({ length: 300_000 }, () => ({ promoters: 1, passives: 0, detractors: 0 }));
    expect(sumTallies("test", many)).toEqual({ promoters: 300_000, passives: 0, detractors: 0 });
  });

  it("end the command with one line and status 1, naming the rows of the earliest and latest dates", async () => {
    const file = temp.file("far.csv", "score,date\n9,1700-01-01\n3,2026-01-01\n");
    const result = await run(["report", file, "--period", "day"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("dates must span at most 100000 days, received 1700-01-01T00:00:00.000Z");
    expect(result.stderr).toContain(
      "the earliest answer is dated 1700-01-01T00:00:00.000Z (row 2), the latest 2026-01-01T00:00:00.000Z (row 3)",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("are pointed out in any report: answers dated far from the rest", async () => {
    const file = temp.file("typo.csv", "score,date\n9,0202-05-01\n3,2026-01-01\n7,2026-02-01\n10,2025-12-24\n");
    const result = await run(["report", file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("dates: 1 answer is dated in 202, far from the rest (2025–2026): a mistyped year?");
  });

  it("are not pointed out in a survey that runs evenly over years", () => {
    const years = new Map(Array.from({ length: 12 }, (_, i) => [2015 + i, 40] as [number, number]));
    expect(outlyingDates({ years, earliest: undefined, latest: undefined })).toBeUndefined();
    expect(
      outlyingDates({
        years: new Map([
          [2025, 30],
          [2024, 2],
        ]),
        earliest: undefined,
        latest: undefined,
      }),
    ).toBeUndefined();
    expect(outlyingDates({ years: new Map(), earliest: undefined, latest: undefined })).toBeUndefined();
  });
});
