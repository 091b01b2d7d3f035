/** The shortcut of `unitOf` for counts gives the power of two that the logarithm gives. */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { unitOf } from "../../src/core/checkTally.js";

/** The straightforward computation: 2 to the floor of the base-2 logarithm. */
const byLogarithm = (value: number): number => 2 ** Math.floor(Math.log2(value));

describe("unitOf on counts", () => {
  test.prop([
    fc.oneof(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: 30 }).map((k) => 2 ** k),
      fc.integer({ min: 1, max: 31 }).map((k) => 2 ** k - 1),
    ),
  ])("is the power of two at or below the count", (count) => {
    expect(unitOf(count)).toBe(byLogarithm(count));
  });

  test.prop([fc.double({ min: 1e-300, max: 1e300, noNaN: true })])("other values keep the logarithm", (value) => {
    expect(unitOf(value)).toBe(byLogarithm(value));
  });
});
