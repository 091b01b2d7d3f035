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
