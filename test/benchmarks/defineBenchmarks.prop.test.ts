import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineBenchmarks } from "../../src/benchmarks/defineBenchmarks.js";
import { NpsValidationError } from "../../src/core/errors.js";
import { referenceDefineBenchmarks } from "./referenceDefineBenchmarks.js";

/*
 * The hand-written checks of defineBenchmarks and the zod schema it used before (the reference)
 * agree on every table: the same rows when it is valid, and otherwise the same error message and
 * the same issues (path, message, value, row, field), in the same order.
 */

const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, "", "x", "median", "consumer-panel", "highest", true, [], {}),
  fc.constantFrom(0, -0, 1, 41, -100, 100, 99.5, -99.99, 1900, 2025, 9999, 10_000, 2025.5, Number.NaN),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -(2 ** 53)),
  fc.double(),
  fc.string({ maxLength: 3 }),
);
const cut = fc.oneof(fc.constantFrom(undefined, -100, -20, 0, 20, 41, 100, 101, Number.NaN, "5"), fc.double());
const quartiles = fc.oneof(
  fc.record({ lower: cut, median: cut, upper: cut, extra: fc.constant(1) }, { requiredKeys: [] }),
  anyValue,
);

const FIELD_VALUES = {
  id: fc.oneof(fc.constantFrom("a", "b", "c"), anyValue),
  segment: fc.oneof(fc.constant("B2B SaaS"), anyValue),
  value: fc.oneof(fc.constantFrom(41, -5.5, 0), anyValue),
  statistic: fc.oneof(fc.constantFrom("median", "mean", "benchmark"), anyValue),
  publisher: fc.oneof(fc.constant("Acme"), anyValue),
  study: fc.oneof(fc.constant("Study"), anyValue),
  year: fc.oneof(fc.constantFrom(2025, null), anyValue),
  region: fc.oneof(fc.constant("EU"), anyValue),
  population: fc.oneof(fc.constantFrom("consumer-panel", "vendor-customers"), anyValue),
  method: fc.oneof(fc.constant("survey"), anyValue),
  source: fc.oneof(fc.constant("acme.example"), anyValue),
  quartiles,
  rank: fc.oneof(fc.constantFrom("highest", "lowest"), anyValue),
  note: fc.oneof(fc.constant("n"), anyValue),
  quartile: anyValue,
  __proto__: anyValue,
  constructor: anyValue,
};
// Mostly valid rows (each field kept with its usual value most of the time), some not objects.
const benchmarkRow = fc.oneof(
  { weight: 8, arbitrary: fc.record(FIELD_VALUES, { requiredKeys: [] }) },
  { weight: 1, arbitrary: anyValue },
);
const validRow = fc.record({
  id: fc.constantFrom("a", "b", "c", "d"),
  segment: fc.constant("B2B SaaS"),
  value: fc.double({ min: -99.9, max: 99.9, noNaN: true }),
  statistic: fc.constantFrom("median", "mean"),
  publisher: fc.constant("Acme"),
  population: fc.constantFrom("consumer-panel", "vendor-customers"),
  source: fc.constant("acme.example"),
});

function outcome(define: (rows: ReadonlyArray<unknown>) => unknown, rows: ReadonlyArray<unknown>): unknown {
  try {
    return { rows: define(rows) };
  } catch (error) {
    if (!(error instanceof NpsValidationError)) throw error;
    return { message: error.message, issues: error.issues };
  }
}

describe("defineBenchmarks", () => {
  it("agrees with the zod schema it replaced on hostile tables", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(benchmarkRow, validRow), { maxLength: 5 }), (rows) => {
        expect(outcome(defineBenchmarks, rows)).toEqual(outcome(referenceDefineBenchmarks, rows));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with it on valid tables, defaults and -0 included", () => {
    fc.assert(
      fc.property(fc.array(validRow, { maxLength: 6 }), (rows) => {
        const ours = outcome(defineBenchmarks, rows);
        expect(ours).toEqual(outcome(referenceDefineBenchmarks, rows));
      }),
      { numRuns: 500 },
    );
  });
});
