import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildReport,
  crossSegment,
  limitSegments,
  NpsError,
  type NpsResponse,
  type SegmentFigures,
  segmentBy,
} from "../../src/index.js";

/** Responses in segments of the given sizes, keys s0, s1…, with scores spread over the scale. */
function responsesOfSizes(sizes: ReadonlyArray<number>): NpsResponse[] {
  return sizes.flatMap((size, s) =>
    Array.from({ length: size }, (_, i) => ({
      score: (i * 7 + s) % 11,
      date: new Date(Date.UTC(2025, (i + s) % 12, 1 + (i % 28))),
      attributes: { key: `s${s}`, other: i % 2 === 0 ? "a" : "b" },
    })),
  );
}

const sizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 25 });
const options = fc.record({
  top: fc.oneof(fc.constant("all" as const), fc.integer({ min: 1, max: 30 })),
  small: fc.constantFrom("flag" as const, "apart" as const, "hide" as const),
  minResponses: fc.integer({ min: 0, max: 30 }),
});

describe("limitSegments", () => {
  it("shows a subset of the segments with their figures unchanged and accounts for the rest", () => {
    fc.assert(
      fc.property(sizes, options, (segmentSizes, { top, small, minResponses }) => {
        const full = segmentBy(responsesOfSizes(segmentSizes), "key", { minResponses });
        const limited = limitSegments(full, { top, small });
        const byKey = new Map(full.segments.map((segment) => [segment.key, segment]));
        // Every segment shown is one of the full breakdown, with the same figures.
        for (const segment of limited.segments) expect(segment).toEqual(byKey.get(segment.key));
        const shownKeys = new Set(limited.segments.map((segment) => segment.key));
        expect(shownKeys.size).toBe(limited.segments.length);
        const hiddenRows = full.segments.filter((segment) => !shownKeys.has(segment.key));
        if (hiddenRows.length === 0) expect(limited.hidden).toBeUndefined();
        else {
          expect(limited.hidden?.segments).toBe(hiddenRows.length);
          expect(limited.hidden?.responses).toBe(hiddenRows.reduce((sum, segment) => sum + segment.n, 0));
        }
        // The total and the settings are those of every segment.
        expect(limited.total).toEqual(full.total);
        expect(limited.settings).toEqual(full.settings);
        // Hide: no small segment shown; every hidden small one counted.
        const smallCount = full.segments.filter((segment) => segment.small).length;
        if (small === "hide") {
          expect(limited.segments.every((segment) => !segment.small)).toBe(true);
          expect(limited.hidden?.small ?? 0).toBe(smallCount);
        } else {
          expect(limited.hidden?.small ?? 0).toBe(0);
        }
        // Top: at most `top` shown, and none hidden for top is larger than one shown.
        const candidates = full.segments.filter((segment) => small !== "hide" || !segment.small);
        if (top !== "all") {
          expect(limited.segments.length).toBe(Math.min(top, candidates.length));
          const smallest = Math.min(...limited.segments.map((segment) => segment.n));
          for (const segment of candidates)
            if (!shownKeys.has(segment.key)) expect(segment.n).toBeLessThanOrEqual(smallest);
        } else {
          expect(limited.segments.length).toBe(candidates.length);
        }
        // Order: the full breakdown's, with small segments last when apart.
        const order = (list: ReadonlyArray<SegmentFigures & { key: unknown }>): unknown[] => list.map((s) => s.key);
        const expected = full.segments.filter((segment) => shownKeys.has(segment.key));
        const arranged =
          small === "apart" ? [...expected.filter((s) => !s.small), ...expected.filter((s) => s.small)] : expected;
        expect(order(limited.segments)).toEqual(order(arranged));
        expect(limited.smallApart).toBe(small === "apart" ? true : undefined);
      }),
    );
  });

  it("limits the cells of a cross breakdown", () => {
    const responses = responsesOfSizes([30, 20, 10, 5]);
    const full = crossSegment(responses, ["key", "other"]);
    const limited = limitSegments(full, { top: 2 });
    expect(limited.cells.map((cell) => cell.n)).toEqual(
      [...full.cells.map((cell) => cell.n)]
        .sort((a, b) => b - a)
        .slice(0, 2)
        .sort((a, b) => b - a),
    );
    expect(limited.hidden).toEqual({
      segments: full.cells.length - 2,
      responses: 65 - limited.cells.reduce((sum, cell) => sum + cell.n, 0),
      small: 0,
      top: 2,
    });
  });

  it("rejects a top that is not a whole number from 1, and an unknown small", () => {
    const full = segmentBy(responsesOfSizes([3, 4]), "key");
    for (const top of [0, -1, 1.5, Number.NaN, "3"]) {
      expect(() => limitSegments(full, { top: top as number })).toThrowError(NpsError);
    }
    expect(() => limitSegments(full, { small: "drop" as "hide" })).toThrowError(/small must be one of/);
  });
});

describe("buildReport limits the segments", () => {
  const responses = responsesOfSizes(Array.from({ length: 60 }, (_, i) => 1 + (i % 7)));

  it("shows the 50 largest by default, and the per-segment trend shows the same ones", () => {
    const report = buildReport({ responses }, { by: ["key"], period: "quarter" });
    const segments = report.segments as ReturnType<typeof segmentBy>;
    expect(segments.segments).toHaveLength(50);
    expect(segments.hidden?.segments).toBe(10);
    expect(segments.hidden?.top).toBe(50);
    const trend = report.trend as { segments: ReadonlyArray<{ key: unknown }> };
    expect(trend.segments.map((segment) => segment.key)).toEqual(segments.segments.map((segment) => segment.key));
    const all = buildReport({ responses }, { by: ["key"], top: "all" });
    expect((all.segments as ReturnType<typeof segmentBy>).segments).toHaveLength(60);
    expect(all.segments?.hidden).toBeUndefined();
  });

  it("passes minResponses and smallSegments through", () => {
    const report = buildReport({ responses }, { by: ["key"], minResponses: 5, smallSegments: "hide", top: "all" });
    const segments = report.segments as ReturnType<typeof segmentBy>;
    expect(segments.settings.minResponses).toBe(5);
    const small = segmentBy(responses, "key", { minResponses: 5 }).segments.filter((segment) => segment.small);
    expect(segments.hidden).toEqual({
      segments: small.length,
      responses: small.reduce((sum, segment) => sum + segment.n, 0),
      small: small.length,
    });
  });

  it("rejects a bad top or smallSegments", () => {
    expect(() => buildReport({ responses }, { by: ["key"], top: 0 })).toThrowError(/buildReport: top must be/);
    expect(() => buildReport({ responses }, { by: ["key"], smallSegments: "x" as "hide" })).toThrowError(
      /buildReport: smallSegments must be one of/,
    );
  });
});
