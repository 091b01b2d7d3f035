import { expect } from "vitest";
import { NpsError } from "../../src/index.js";

/** Runs `fn` and returns the NpsError it throws (failing the test if it throws nothing else). */
export function errorOf(fn: () => unknown): NpsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NpsError);
    return error as NpsError;
  }
  throw new Error("expected an NpsError, but nothing was thrown");
}

/** Asserts |actual − expected| ≤ tolerance with a readable message. */
export function expectClose(actual: number | undefined, expected: number, tolerance: number, what = ""): void {
  expect(actual, what).toBeTypeOf("number");
  const difference = Math.abs((actual as number) - expected);
  expect(difference, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
