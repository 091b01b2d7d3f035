import { describe, expect, it } from "vitest";
import { adjustPValues } from "../../src/index.js";
import { errorOf, expectClose } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

describe("adjustPValues against R's p.adjust", () => {
  const m = ORACLE.multiplicity;
  it.each([
    ["holm", m.holm],
    ["bonferroni", m.bonferroni],
    ["benjamini-hochberg", m.bh],
  ] as const)("%s, in the input order", (method, expected) => {
    const adjusted = adjustPValues(m.p_raw, method);
    expected.forEach((value, i) => {
      expectClose(adjusted[i], value, 1e-15, `${method}[${i}]`);
    });
  });

  it("defaults to holm", () => {
    expect(adjustPValues(m.p_raw)).toEqual(adjustPValues(m.p_raw, "holm"));
  });
});

describe("adjustPValues: edge cases", () => {
  it("returns [] for no p-values and the p-value itself for one", () => {
    expect(adjustPValues([])).toEqual([]);
    for (const method of ["holm", "bonferroni", "benjamini-hochberg"] as const) {
      expect(adjustPValues([0.2], method)).toEqual([0.2]);
    }
  });

  it("handles ties and the bounds 0 and 1", () => {
    expect(adjustPValues([0.02, 0.02, 1, 0], "holm")).toEqual([0.06, 0.06, 1, 0]);
    // R: p.adjust(c(0.02, 0.02, 1, 0), "BH") = 0.02666667 0.02666667 1 0
    const bh = adjustPValues([0.02, 0.02, 1, 0], "benjamini-hochberg");
    expectClose(bh[0], 0.08 / 3, 1e-15);
    expect(bh.slice(1)).toEqual([bh[0], 1, 0]);
  });

  it("does not mutate its input", () => {
    const input = Object.freeze([0.3, 0.01, 0.2]);
    adjustPValues(input, "benjamini-hochberg");
    expect(input).toEqual([0.3, 0.01, 0.2]);
  });

  it.each([
    [[0.1, 1.5], "pValues[1] must be a number from 0 to 1, received 1.5"],
    [[Number.NaN], "pValues[0] must be a number from 0 to 1, received NaN"],
    [[0.1, "0.2"], 'pValues[1] must be a number from 0 to 1, received "0.2"'],
  ])("rejects %o", (values, message) => {
    const error = errorOf(() => adjustPValues(values as number[]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(`adjustPValues: ${message}`);
  });

  it("rejects a non-array and an unknown method", () => {
    expect(errorOf(() => adjustPValues("0.1" as never)).message).toBe(
      'adjustPValues: pValues must be an array of numbers, received "0.1"',
    );
    const error = errorOf(() => adjustPValues([0.1], "hochberg" as never));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(
      'adjustPValues: method must be one of "holm", "bonferroni", "benjamini-hochberg", received "hochberg"',
    );
  });
});
