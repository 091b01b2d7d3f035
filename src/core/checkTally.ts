import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";
import type { CategoryValues, Tally } from "./tally.js";

const CATEGORIES = ["promoters", "passives", "detractors"] as const;

/**
 * Throws `invalid_tally` unless every category value is a finite number ≥ 0 (and, for a weighted
 * tally, the counts and squared weights are too). Returns the total of the three categories.
 */
export function checkTally(fn: string, tally: Tally): number {
  if (tally === null || typeof tally !== "object") {
    throw new NpsError("invalid_tally", `${fn}: tally must be an object, received ${describeValue(tally)}`);
  }
  checkValues(fn, tally, "");
  if (tally.weighted !== undefined) {
    if (tally.weighted === null || typeof tally.weighted !== "object") {
      throw new NpsError(
        "invalid_tally",
        `${fn}: tally.weighted must be an object with counts and squaredWeights, received ${describeValue(tally.weighted)}`,
      );
    }
    checkValues(fn, tally.weighted.counts, "weighted.counts.");
    checkValues(fn, tally.weighted.squaredWeights, "weighted.squaredWeights.");
  }
  return tally.promoters + tally.passives + tally.detractors;
}

function checkValues(fn: string, values: CategoryValues, prefix: string): void {
  for (const key of CATEGORIES) {
    const value = values?.[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new NpsError(
        "invalid_tally",
        `${fn}: tally.${prefix}${key} must be a finite number >= 0, received ${describeValue(value)}`,
      );
    }
  }
}

/**
 * The power of two at or below `value` (a finite number > 0), as a divisor that brings sums of that
 * size near 1: dividing by it is exact, so figures computed on the divided values are the same as on
 * the values themselves, without overflow (weights of 1e200) or underflow (weights of 1e-170).
 */
export function unitOf(value: number): number {
  // Counts (integers from 1 to 2^31 − 1), as every unweighted figure asks: the highest bit, which a
  // property test checks against the logarithm below; Math.log2 costs several times more.
  if ((value | 0) === value && value >= 1) return 1 << (31 - Math.clz32(value));
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const exponent = Math.min(1023, Math.floor(Math.log2(value)));
  // 2 ** exponent underflows to 0 below 2^-1074 and is inexact for no value above; build it in two steps.
  const half = Math.trunc(exponent / 2);
  return 2 ** half * 2 ** (exponent - half);
}

/** The three category values divided by the {@link unitOf} the largest, and that unit. */
export function rescaled(values: CategoryValues): CategoryValues & { readonly unit: number } {
  const unit = unitOf(Math.max(values.promoters, values.passives, values.detractors));
  return {
    promoters: values.promoters / unit,
    passives: values.passives / unit,
    detractors: values.detractors / unit,
    unit,
  };
}
