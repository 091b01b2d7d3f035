import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  countColumns,
  countResponses,
  crossSegmentsFromTallies,
  type KeyedTallies,
  mergeKeyedTallies,
  type NpsResponse,
  rollingTrendFromTallies,
  segmentsFromTallies,
  trendByFromTallies,
  trendFromTallies,
} from "../../src/index.js";

const PLANS = ["free", "pro", "team", null] as const;
const COUNTRIES = ["FR", "DE", 7] as const;
const START = Date.UTC(2025, 2, 20); // a week before the spring change in Europe/Paris
const SPAN = 240 * 86_400_000; // past the autumn change

/** A response: score, maybe a date, a plan (or none, or no attribute), a country, maybe a weight. */
function responseArbitrary(weighted: boolean): fc.Arbitrary<NpsResponse> {
  return fc
    .record({
      score: fc.integer({ min: 0, max: 10 }),
      time: fc.option(fc.integer({ min: 0, max: SPAN }), { nil: undefined, freq: 6 }),
      plan: fc.option(fc.constantFrom(...PLANS), { nil: undefined, freq: 8 }),
      country: fc.constantFrom(...COUNTRIES),
      weight: fc.double({ min: 0.01, max: 50, noNaN: true }),
    })
    .map(({ score, time, plan, country, weight }) => ({
      score,
      ...(time === undefined ? {} : { date: new Date(START + time) }),
      attributes: plan === undefined ? { country } : { plan, country },
      ...(weighted ? { weight } : {}),
    }));
}

/** Responses, cut into parts at the given points, the parts then shuffled. */
function splitArbitrary(weighted: boolean) {
  return fc
    .array(responseArbitrary(weighted), { minLength: 1, maxLength: 60 })
    .chain((responses) =>
      fc.record({
        responses: fc.constant(responses),
        cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, responses.length - 1) }), { maxLength: 6 }),
        order: fc.infiniteStream(fc.nat()),
      }),
    )
    .map(({ responses, cuts, order }) => {
      const points = [0, ...cuts.filter((cut) => cut < responses.length).sort((a, b) => a - b), responses.length];
      const parts = points.slice(1).map((end, i) => responses.slice(points[i], end));
      const shuffled = parts
        .map((part) => ({ part, rank: order.next().value as number }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ part }) => part);
      return { responses, parts: shuffled };
    });
}

const OPTIONS = { by: ["plan", "country"], period: "day", timeZone: "Europe/Paris" } as const;

/** Every figure the keyed tallies give, keyed so that the order of first appearance does not matter. */
function figures(tallies: KeyedTallies): unknown {
  const byKey = (list: ReadonlyArray<{ key: unknown; trend: unknown }>) =>
    Object.fromEntries(list.map((entry) => [JSON.stringify(entry.key), entry.trend]));
  return {
    segments: segmentsFromTallies(tallies),
    cross: crossSegmentsFromTallies(tallies),
    month: trendFromTallies(tallies, { period: "month" }),
    week: trendFromTallies(tallies, { period: "week" }),
    rolling: rollingTrendFromTallies(tallies, { window: { days: 30 }, step: "week" }),
    byPlan: byKey(trendByFromTallies(tallies, { period: "month" }).segments),
    distribution: tallies.distribution,
    dated: [tallies.dated, tallies.first, tallies.last],
  };
}

/** Every number of `actual` within `tolerance` (relative) of `expected`, every other value equal. */
function expectClose(actual: unknown, expected: unknown, tolerance: number, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Math.abs(actual - expected) > tolerance * Math.max(1, Math.abs(expected))) {
      expect.fail(`${path}: ${actual} is not within ${tolerance} of ${expected}`);
    }
    return;
  }
  if (expected !== null && typeof expected === "object" && actual !== null && typeof actual === "object") {
    expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) {
      expectClose(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tolerance,
        `${path}.${key}`,
      );
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe("keyed tallies: parts counted apart and merged in any order give the figures of the whole", () => {
  test.prop([splitArbitrary(false)], { numRuns: 30 })("unweighted: deep-equal", ({ responses, parts }) => {
    const whole = countResponses(responses, OPTIONS);
    const merged = mergeKeyedTallies(parts.map((part) => countResponses(part, OPTIONS)));
    expect(figures(merged)).toEqual(figures(whole));
  });

  test.prop([splitArbitrary(true)], { numRuns: 30 })("weighted: within 1e-9", ({ responses, parts }) => {
    const whole = countResponses(responses, OPTIONS);
    const merged = mergeKeyedTallies(parts.map((part) => countResponses(part, OPTIONS)));
    expectClose(figures(merged), figures(whole), 1e-9);
  });

  test.prop([splitArbitrary(false)], { numRuns: 20 })(
    "merging is associative: ((a + b) + c) = (a + (b + c)) for the figures",
    ({ parts }) => {
      const counted = parts.map((part) => countResponses(part, OPTIONS));
      const left = counted.reduce((acc, part) => mergeKeyedTallies([acc, part]));
      const right = counted.reduceRight((acc, part) => mergeKeyedTallies([part, acc]));
      expect(figures(left)).toEqual(figures(right));
    },
  );
});

describe("keyed tallies: objects and columns count alike", () => {
  test.prop([fc.array(responseArbitrary(false), { minLength: 1, maxLength: 80 })], { numRuns: 40 })(
    "countColumns gives the cells of countResponses",
    (responses) => {
      const dictionary = [...PLANS];
      const columns = {
        scores: responses.map((response) => response.score),
        times: responses.map((response) => response.date?.getTime() ?? Number.NaN),
        segments: {
          plan: {
            codes: responses.map((response) =>
              response.attributes != null && Object.hasOwn(response.attributes, "plan")
                ? dictionary.indexOf(response.attributes.plan as (typeof PLANS)[number])
                : -1,
            ),
            dictionary,
          },
        },
      };
      const options = { by: "plan", period: "day", timeZone: "Europe/Paris" } as const;
      expect(figuresOfOne(countColumns(columns, options))).toEqual(figuresOfOne(countResponses(responses, options)));
    },
  );
});

/** The figures of tallies with one dimension. */
function figuresOfOne(tallies: KeyedTallies): unknown {
  return {
    segments: segmentsFromTallies(tallies),
    month: trendFromTallies(tallies, { period: "month" }),
    rolling: rollingTrendFromTallies(tallies, { window: { days: 7 } }),
  };
}
