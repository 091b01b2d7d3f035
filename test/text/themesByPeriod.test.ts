import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NpsError } from "../../src/index.js";
import { type DatedCommentedResponse, themes, themesByPeriod } from "../../src/text/index.js";

const THEMES = [
  { name: "Waiting", keywords: ["queue*", "wait*"] },
  { name: "Staff", keywords: ["staff", "friendly"] },
];

/** The calendar month of a date in UTC, as the trend labels write it. */
const monthOf = (date: Date): string => date.toISOString().slice(0, 7);

describe("themesByPeriod", () => {
  const responses: DatedCommentedResponse[] = [
    { score: 2, comment: "long queue", date: new Date("2026-01-03T10:00:00Z") },
    { score: 3, comment: "waited forever", date: new Date("2026-01-09T10:00:00Z") },
    { score: 10, comment: "friendly staff", date: new Date("2026-01-20T10:00:00Z") },
    { score: 8, comment: "fine", date: new Date("2026-01-21T10:00:00Z") },
    { score: 9, date: new Date("2026-01-22T10:00:00Z") },
    { score: 9, comment: "staff were great", date: new Date("2026-02-02T10:00:00Z") },
    { score: 6, comment: "ok", date: new Date("2026-02-03T10:00:00Z") },
    { score: 1, comment: "queue and rude staff", date: new Date("2026-02-04T10:00:00Z") },
    { score: 10, comment: "queue but fine" },
  ];

  it("gives, per month, the share of comments and the impact against that month's baseline", () => {
    const result = themesByPeriod(responses, { period: "month", themes: THEMES });
    expect(result.kind).toBe("themes-by-period");
    expect(result.themes).toEqual(["Waiting", "Staff"]);
    expect(result.undated).toBe(1);
    expect(result.points.map((point) => point.label)).toEqual(["2026-01", "2026-02"]);
    const [january, february] = result.points;
    // January: 5 responses, 4 comments; Waiting 2 (two detractors), Staff 1 (a promoter); the
    // baseline is the one commenter who mentions nothing (a passive, NPS 0).
    expect(january?.responses).toBe(5);
    expect(january?.comments).toBe(4);
    expect(january?.themes[0]?.mentions).toBe(2);
    expect(january?.themes[0]?.share).toBe(2 / 4);
    expect(january?.themes[0]?.impact).toBeCloseTo((100 * (0 - 2) - 2 * 0) / 5, 12);
    expect(january?.themes[1]?.impact).toBeCloseTo((100 * (1 - 0) - 1 * 0) / 5, 12);
    // February: 3 responses, all commented; the baseline is the 6 ("ok", a detractor: NPS −100).
    expect(february?.themes[0]?.mentions).toBe(1);
    expect(february?.themes[1]?.mentions).toBe(2);
    expect(february?.themes[1]?.impact).toBeCloseTo((100 * (1 - 1) - 2 * -100) / 3, 12);
    expect(february?.start).toBe("2026-02-01T00:00:00.000+00:00");
    expect(february?.end).toBe("2026-03-01T00:00:00.000+00:00");
  });

  it("equals themes() run on each period's responses alone, on random data", () => {
    const words = ["queue", "waiting", "staff", "friendly", "price", "good", "bad"];
    const response = fc.record({
      score: fc.integer({ min: 0, max: 10 }),
      comment: fc.option(
        fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((list) => list.join(" ")),
        {
          nil: undefined,
        },
      ),
      month: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 60 }), fc.boolean(), (drawn, everyone) => {
        const list: DatedCommentedResponse[] = drawn.map((item) => ({
          score: item.score,
          comment: item.comment,
          date: new Date(Date.UTC(2025, item.month, 15)),
        }));
        const compareWith = everyone ? "everyone-else" : "other-commenters";
        const result = themesByPeriod(list, { period: "month", themes: THEMES, compareWith });
        const months = [...new Set(list.map((item) => monthOf(item.date as Date)))].sort();
        expect(result.points.map((point) => point.label)).toEqual(months);
        for (const point of result.points) {
          const alone = themes(
            list.filter((item) => monthOf(item.date as Date) === point.label),
            { themes: THEMES, compareWith, excerpts: 0 },
          );
          expect(point.responses).toBe(
            alone.responses.detractors + alone.responses.passives + alone.responses.promoters,
          );
          expect(point.baseline).toEqual(alone.baseline);
          point.themes.forEach((theme, t) => {
            const expected = alone.themes[t];
            expect(theme.mentions).toBe(expected?.mentions);
            if (theme.share === undefined) expect(expected?.share).toBe(0);
            else expect(theme.share).toBeCloseTo(expected?.share as number, 12);
            if (expected?.impact === undefined) expect(theme.impact).toBeUndefined();
            else expect(theme.impact).toBeCloseTo(expected.impact, 9);
            expect(theme.mentionersNps?.estimate).toBe(
              expected?.mentions === 0 ? undefined : expected?.mentionersNps?.estimate,
            );
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("uses the same suggested themes in every period", () => {
    const many: DatedCommentedResponse[] = Array.from({ length: 60 }, (_, i) => ({
      score: i % 2 === 0 ? 2 : 10,
      comment: i % 2 === 0 ? "slow checkout again" : "lovely helpful people",
      date: new Date(Date.UTC(2025, i % 3, 10)),
    }));
    const result = themesByPeriod(many, { period: "month" });
    expect(result.source).toBe("suggested");
    expect(result.themes).toEqual(themes(many).definitions.map((definition) => definition.name));
    for (const point of result.points) expect(point.themes.map((theme) => theme.name)).toEqual(result.themes);
  });

  it("reads periods in the time zone given", () => {
    const late = [{ score: 10, comment: "friendly staff", date: new Date("2026-01-31T23:30:00Z") }];
    expect(themesByPeriod(late, { period: "month", themes: THEMES }).points[0]?.label).toBe("2026-01");
    expect(themesByPeriod(late, { period: "month", themes: THEMES, timeZone: "Europe/Paris" }).points[0]?.label).toBe(
      "2026-02",
    );
  });

  it("names a missing or unknown period, and a bad time zone", () => {
    const call = (options: unknown) => () => themesByPeriod(responses, options as Parameters<typeof themesByPeriod>[1]);
    expect(call({ themes: THEMES })).toThrow(NpsError);
    expect(call({ themes: THEMES })).toThrow(/themesByPeriod: period must be/);
    expect(call({ period: "fortnight", themes: THEMES })).toThrow(/period/);
    expect(call({ period: "month", timeZone: "Mars/Olympus", themes: THEMES })).toThrow(/Mars\/Olympus/);
    expect(call(null)).toThrow(/options must be an object/);
  });
});
