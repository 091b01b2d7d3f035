import { afterAll, describe, expect, it } from "vitest";
import {
  buildReport,
  countColumns,
  countResponses,
  mergeKeyedTallies,
  type NpsResponse,
  segmentsFromTallies,
  tally,
} from "../../src/index.js";
import { run, tempDirectory } from "../cli/helpers.js";
import { errorOf } from "../helpers/errors.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** The same answers with every weight multiplied by `factor`. */
function answers(factor: number): NpsResponse[] {
  return [
    { score: 10, weight: 1 * factor, attributes: { plan: "pro" } },
    { score: 9, weight: 2.5 * factor, attributes: { plan: "free" } },
    { score: 8, weight: 0.75 * factor, attributes: { plan: "pro" } },
    { score: 3, weight: 1.25 * factor, attributes: { plan: "free" } },
    { score: 0, weight: 3 * factor, attributes: { plan: "pro" } },
  ];
}

/** The figures of a report that do not depend on the scale of the weights. */
function figures(responses: ReadonlyArray<NpsResponse>) {
  const tallies = countResponses(responses, { by: "plan" });
  const report = buildReport({ tallies }, { by: ["plan"] });
  return {
    nps: report.overview.nps,
    interval: report.overview.interval,
    segments: segmentsFromTallies(tallies).segments.map((segment) => [
      segment.nps,
      segment.interval,
      segment.vsRest?.pValue,
    ]),
  };
}

describe("weights of any finite size (keyed tallies rescale by a power of two)", () => {
  it("give the figures of weights near 1, from 1e-300 to 1e300", () => {
    const reference = figures(answers(1));
    for (const factor of [1e-300, 1e-170, 2 ** -600, 1e200, 2 ** 700, 1e300]) {
      const result = figures(answers(factor));
      expect(result.nps, String(factor)).toBeCloseTo(reference.nps as number, 9);
      expect(result.interval?.lower, String(factor)).toBeCloseTo(reference.interval?.lower as number, 9);
      expect(result.interval?.effectiveN, String(factor)).toBeCloseTo(reference.interval?.effectiveN as number, 9);
      result.segments.forEach((segment, i) => {
        expect(segment[0], `${factor} segment ${i}`).toBeCloseTo(reference.segments[i]?.[0] as number, 9);
      });
    }
  });

  it("leave ordinary weights as they are (exponent 0)", () => {
    expect(countResponses(answers(1)).weightExponent).toBe(0);
    expect(countResponses(answers(2 ** 400)).weightExponent).toBe(0);
    expect(countResponses(answers(1e200)).weightExponent).toBe(665); // the largest weight is 3e200
    expect(countColumns({ scores: [9, 0], weights: [1e-200, 1e-200] }).weightExponent).toBe(-665);
  });

  it("merge parts counted with different exponents", () => {
    const huge = answers(1e250);
    const whole = countResponses(huge, { by: "plan" });
    const parts = [countResponses(huge.slice(0, 2), { by: "plan" }), countResponses(huge.slice(2), { by: "plan" })];
    const merged = mergeKeyedTallies(parts);
    expect(buildReport({ tallies: merged }).overview.nps).toBeCloseTo(
      buildReport({ tallies: whole }).overview.nps as number,
      12,
    );
    const mixed = mergeKeyedTallies([countResponses([{ score: 10, weight: 1e200 }]), countResponses([{ score: 0 }])]);
    expect(mixed.weightExponent).toBe(664);
    expect(buildReport({ tallies: mixed }).overview.nps).toBe(100);
  });

  it("reach the command: weights of 1e200 are a report, not an internal error", async () => {
    const file = temp.file("w.csv", "score,weight\n9,1e200\n0,1e200\n7,1\n");
    const result = await run(["report", file, "--weight", "weight", "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.nps).toBe(0);
    expect(report.interval.effectiveN).toBeCloseTo(2, 9);
  });

  it("tally alone refuses weights whose squares overflow, saying what to do", () => {
    const error = errorOf(() => tally([10, 10], { weights: [1e308, 1e308] }));
    expect(error.code).toBe("invalid_weight");
    expect(error.message).toMatch(/^tally: weights must be small enough for the sum of their squares to be finite/);
  });
});
