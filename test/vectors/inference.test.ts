/** Runs the language-neutral inference vectors (test/vectors/inference.json) against the library. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  adjustPValues,
  type CategoryValues,
  compareNps,
  confidenceInterval,
  effectiveSampleSize,
  nps,
  requiredSampleSize,
  standardError,
  type Tally,
  tally,
  testAgainstBenchmark,
} from "../../src/index.js";

type Expected = Record<string, number | null>;

interface Vectors {
  intervals: Array<{
    id: string;
    counts: CategoryValues;
    level: number;
    method: "wald" | "adjusted-wald" | "score" | "bayes";
    prior?: "jeffreys" | "uniform";
    expected: Expected;
    tolerance: number;
  }>;
  standard_errors: Array<{
    id: string;
    counts?: CategoryValues;
    scores?: number[];
    weights?: number[];
    expected: Expected;
    tolerance: number;
  }>;
  comparisons: Array<{
    id: string;
    a: CategoryValues;
    b: CategoryValues;
    level: number;
    method: "wald" | "adjusted-wald" | "score";
    expected: Expected;
    tolerance: number;
  }>;
  benchmark_tests: Array<{
    id: string;
    counts: CategoryValues;
    benchmark: number;
    method: "score" | "wald";
    alternative: "two-sided" | "greater" | "less";
    expected: Expected;
    tolerance: number;
    relative_tolerance?: number;
  }>;
  p_value_adjustments: Array<{
    method: "holm" | "bonferroni" | "benjamini-hochberg";
    p_values: number[];
    expected: number[];
    tolerance: number;
  }>;
  sample_sizes: Array<{
    margin_of_error: number;
    level: number;
    shares: CategoryValues | null;
    adjusted: boolean;
    population_size: number | null;
    expected: number;
  }>;
}

const vectors = JSON.parse(readFileSync(new URL("./inference.json", import.meta.url), "utf8")) as Vectors;

/** Compares every expected field with the actual one: null means undefined. */
function expectFields(
  actual: Record<string, unknown> | undefined,
  expected: Expected,
  tolerance: number,
  relative = 0,
): void {
  expect(actual).toBeDefined();
  for (const [key, value] of Object.entries(expected)) {
    const got = actual?.[key];
    if (value === null) {
      expect(got, key).toBeUndefined();
      continue;
    }
    expect(got, key).toBeTypeOf("number");
    const difference = Math.abs((got as number) - value);
    const allowed = Math.max(tolerance, relative * Math.abs(value));
    expect(difference, `${key}: ${got} vs ${value}`).toBeLessThanOrEqual(allowed);
  }
}

/** Maps the vectors' snake_case names to the library's. */
function camel(expected: Expected): Expected {
  return Object.fromEntries(
    Object.entries(expected).map(([key, value]) => [key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), value]),
  );
}

describe("inference vectors", () => {
  it.each(vectors.intervals)("interval $id", (v) => {
    const options = { level: v.level, method: v.method, ...(v.prior ? { prior: v.prior } : {}) };
    expectFields({ ...confidenceInterval(v.counts, options) }, v.expected, v.tolerance);
  });

  it.each(vectors.standard_errors)("standard error $id", (v) => {
    const counts: Tally = v.counts ?? tally(v.scores ?? [], { weights: v.weights ?? [] });
    const actual = {
      nps: nps(counts),
      standardError: standardError(counts),
      effectiveSampleSize: effectiveSampleSize(counts),
    };
    expectFields(actual, camel(v.expected), v.tolerance);
  });

  it.each(vectors.comparisons)("comparison $id", (v) => {
    expectFields({ ...compareNps(v.a, v.b, { level: v.level, method: v.method }) }, camel(v.expected), v.tolerance);
  });

  it.each(vectors.benchmark_tests)("benchmark test $id", (v) => {
    const actual = testAgainstBenchmark(v.counts, v.benchmark, { method: v.method, alternative: v.alternative });
    expectFields({ ...actual }, camel(v.expected), v.tolerance, v.relative_tolerance ?? 0);
  });

  it.each(vectors.p_value_adjustments)("p-value adjustment $method of $p_values.length values", (v) => {
    const actual = adjustPValues(v.p_values, v.method);
    expect(actual).toHaveLength(v.expected.length);
    v.expected.forEach((value, i) => {
      expect(Math.abs((actual[i] as number) - value)).toBeLessThanOrEqual(v.tolerance);
    });
  });

  it.each(vectors.sample_sizes)("sample size for ±$margin_of_error at $level", (v) => {
    const options = {
      marginOfError: v.margin_of_error,
      level: v.level,
      method: v.adjusted ? ("adjusted-wald" as const) : ("wald" as const),
      ...(v.shares ? { shares: v.shares } : {}),
      ...(v.population_size ? { populationSize: v.population_size } : {}),
    };
    expect(requiredSampleSize(options)).toBe(v.expected);
  });
});
