/**
 * Library fuzz suite: every function exported by `src/index.ts` (enumerated at run time, so a new
 * export is covered without editing this file) is called with arbitrary values — fast-check's
 * `anything()` and targeted generators (tallies with huge, tiny, negative or NaN counts, bad scales,
 * bad options objects, hostile responses). Each call must either return or throw `NpsError`: never a
 * TypeError or RangeError, never NaN in a returned number, never a hang (sizes are bounded and each
 * call must finish within five seconds). About 40 cases per function, over 2,500 in all; fast-check
 * prints the seed and the shrunk counterexample on failure, and FUZZ_SEED=<seed> replays a run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as library from "../../src/index.js";
import { NpsError } from "../../src/index.js";
import * as textLibrary from "../../src/text/index.js";

/**
 * Exports with known failures of this property whose code is being rebuilt elsewhere (trends) or
 * belongs to the input layer (issue 14). Not yet fuzzed: empty this set once they are fixed, and the
 * same property runs on them.
 */
const PENDING_FIXES_ELSEWHERE: ReadonlySet<string> = new Set([]);

const RUNS_PER_FUNCTION = 40;
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const TIME_LIMIT_MS = 5000;

const isClass = (value: unknown): boolean =>
  typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));

// Every function of the browser-safe entry points: `npskit` and `npskit/text`.
const FUNCTIONS = [...Object.entries(library), ...Object.entries(textLibrary)]
  .filter(([, value]) => typeof value === "function" && !isClass(value))
  .map(([name, value]) => [name, value as (...args: unknown[]) => unknown] as const)
  .sort(([a], [b]) => a.localeCompare(b));

const specialNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1,
  -1,
  0.5,
  1e308,
  Number.MAX_VALUE,
  5e-324,
  1e-170,
  1e200,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 32,
);
const number = fc.oneof(specialNumber, fc.double(), fc.integer({ min: -20, max: 20 }), fc.integer());
const count = fc.oneof(fc.nat({ max: 200 }), number);
const categoryValues = fc.record({ promoters: count, passives: count, detractors: count });
const scale = fc.oneof(
  fc.constant(library.STANDARD_SCALE),
  fc.constant(library.defineScale({ min: 1, max: 10, detractorMax: 6, promoterMin: 9 })),
  fc.constantFrom({}, "0-10", { min: 0, max: 10 }, null, [0, 10], {
    name: "x",
    min: 0,
    max: 10,
    detractorMax: 9,
    promoterMin: 6,
  }),
  fc.record({ name: fc.string(), min: number, max: number, detractorMax: number, promoterMin: number }),
);
const tally = fc.oneof(
  categoryValues,
  fc.record({
    promoters: count,
    passives: count,
    detractors: count,
    weighted: fc.record({ counts: categoryValues, squaredWeights: categoryValues }),
  }),
  fc.record({ promoters: count, passives: count, detractors: count, weighted: fc.constantFrom(null, 1, "x", {}) }),
  fc.record({ promoters: count, passives: count, detractors: count, scale: fc.string() }),
);
const date = fc.oneof(
  fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true }),
  fc.date(),
  fc.constantFrom(new Date(Number.NaN), "2026-01-01", 0, null),
);
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("__proto__", "constructor", "\u001b[2J", "\u202e", ""),
);
const attributes = fc.dictionary(text, fc.oneof(text, number, fc.constant(null), fc.boolean()), { maxKeys: 3 });
const response = fc.oneof(
  fc.record(
    {
      score: fc.oneof(fc.integer({ min: 0, max: 10 }), number, fc.anything({ maxDepth: 1 })),
      date,
      respondentId: fc.oneof(text, number),
      weight: number,
      attributes,
      comment: fc.oneof(text, number),
    },
    { requiredKeys: ["score"] },
  ),
  fc.anything({ maxDepth: 1 }),
);
const responses = fc.array(response, { maxLength: 8 });
const scores = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 10 }),
  fc.array(number, { maxLength: 6 }),
  fc.constantFrom(new Uint8Array([9, 10, 3]), new Float64Array([9, Number.NaN]), "910", { length: 2 }, { length: -1 }),
);
const OPTION_NAMES = [
  "level",
  "method",
  "scale",
  "weights",
  "by",
  "period",
  "window",
  "step",
  "timeZone",
  "prior",
  "resamples",
  "seed",
  "minResponses",
  "asOf",
  "startDate",
  "capacityPerDay",
  "workingDays",
  "categories",
  "respondents",
  "valueAttribute",
  "tiers",
  "fields",
  "mode",
  "marginOfError",
  "shares",
  "adjusted",
  "populationSize",
  "benchmark",
  "alternative",
  "missingScore",
  "missingValues",
  "dateFormat",
  "firstRow",
  "sample",
  "maxReasons",
  "source",
  "scripts",
  "title",
  "minimumDays",
  "correction",
  "sigma",
  "days",
  "size",
  "dialect",
  "table",
  "columns",
  "score",
  "date",
  "weight",
  "__proto__",
  "constructor",
];
const optionValue = fc.oneof(
  number,
  text,
  scale,
  fc.constantFrom(
    "wald",
    "adjusted-wald",
    "score",
    "bayes",
    "bootstrap",
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "UTC",
    "Mars/Olympus",
    "holm",
    "two-sided",
  ),
  fc.constantFrom(0.95, 0.999999, 0.5, 1, 0, 30, 7, 100, 10_000_000),
  fc.array(fc.oneof(text, number), { maxLength: 3 }),
  fc.record({ days: number }),
  date,
  fc.anything({ maxDepth: 1 }),
);
const options = fc.oneof(
  fc.dictionary(fc.constantFrom(...OPTION_NAMES), optionValue, { maxKeys: 4 }),
  fc.constantFrom(undefined, null, {}, [], "options", 0),
);
const argument = fc.oneof(
  { arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3 }), weight: 2 },
  { arbitrary: tally, weight: 3 },
  { arbitrary: responses, weight: 3 },
  { arbitrary: scores, weight: 2 },
  { arbitrary: options, weight: 3 },
  { arbitrary: number, weight: 2 },
  { arbitrary: text, weight: 1 },
  { arbitrary: fc.array(tally, { maxLength: 3 }), weight: 1 },
);
const argumentLists = fc.array(argument, { maxLength: 4 });

/** The path of the first NaN inside a result, `undefined` when there is none. */
function nanIn(value: unknown, path = "result", seen = new Set<unknown>()): string | undefined {
  if (typeof value === "number") return Number.isNaN(value) ? path : undefined;
  if (value === null || typeof value !== "object" || seen.has(value)) return undefined;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = nanIn(inner, `${path}.${key}`, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Calls `fn` and describes what went wrong, or returns `undefined` when it returned or threw NpsError. */
function misbehaviour(name: string, fn: (...args: unknown[]) => unknown, args: unknown[]): string | undefined {
  const started = performance.now();
  let result: unknown;
  try {
    result = fn(...args);
  } catch (error) {
    if (error instanceof NpsError) return undefined;
    return `${name} threw ${(error as Error)?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`;
  }
  const elapsed = performance.now() - started;
  if (elapsed > TIME_LIMIT_MS) return `${name} took ${Math.round(elapsed)} ms`;
  const nan = nanIn(result);
  return nan === undefined ? undefined : `${name} returned NaN at ${nan}`;
}

describe(`library fuzz (seed ${SEED}, ${RUNS_PER_FUNCTION} cases per function)`, () => {
  it("finds the exported functions", () => {
    expect(FUNCTIONS.length).toBeGreaterThan(50);
  });

  for (const [name, fn] of FUNCTIONS) {
    const test = PENDING_FIXES_ELSEWHERE.has(name) ? it.skip : it;
    test(`${name} returns or throws NpsError, never NaN`, () => {
      fc.assert(
        fc.property(argumentLists, (args) => {
          const problem = misbehaviour(name, fn, args);
          if (problem !== undefined) throw new Error(problem);
        }),
        { seed: SEED, numRuns: RUNS_PER_FUNCTION },
      );
    }, 60_000);
  }
});
