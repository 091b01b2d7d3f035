import { describe, expect, it } from "vitest";
import { defineScale, nps, tallyFromRows } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const counts = {
  nps_rows: 10,
  nps_promoters: 5,
  nps_passives: 2,
  nps_detractors: 1,
  nps_missing_scores: 1,
  nps_invalid_scores: 1,
};

describe("tallyFromRows", () => {
  it("reads counts given as numbers, bigints or decimal strings, and group columns", () => {
    const result = tallyFromRows([
      { plan: "pro", nps_period: "2026-01-01", ...counts },
      {
        plan: null,
        seats: 12n,
        nps_period: null,
        nps_rows: 3n,
        nps_promoters: "1",
        nps_passives: "1",
        nps_detractors: 1n,
        nps_missing_scores: 0,
        nps_invalid_scores: "0",
      },
    ]);
    expect(result).toEqual([
      {
        group: { plan: "pro" },
        period: "2026-01-01",
        tally: { promoters: 5, passives: 2, detractors: 1 },
        rows: 10,
        missingScores: 1,
        invalidScores: 1,
        invalidWeights: 0,
      },
      {
        group: { plan: null, seats: 12 },
        period: null,
        tally: { promoters: 1, passives: 1, detractors: 1 },
        rows: 3,
        missingScores: 0,
        invalidScores: 0,
        invalidWeights: 0,
      },
    ]);
    expect(nps(result[0]?.tally ?? [])).toBe(50);
    expect(tallyFromRows([])).toEqual([]);
  });

  it("reads weighted rows into weighted tallies, named by the scale", () => {
    const scale = defineScale({ name: "1-5", min: 1, max: 5, detractorMax: 3, promoterMin: 5 });
    const [entry] = tallyFromRows(
      [
        {
          ...counts,
          nps_invalid_weights: 0,
          nps_promoters_weight: 7.5,
          nps_passives_weight: "2",
          nps_detractors_weight: 0.5,
          nps_promoters_weight_squared: 12.25,
          nps_passives_weight_squared: 2,
          nps_detractors_weight_squared: 0.25,
        },
      ],
      { scale },
    );
    expect(entry?.tally).toEqual({
      promoters: 7.5,
      passives: 2,
      detractors: 0.5,
      weighted: {
        counts: { promoters: 5, passives: 2, detractors: 1 },
        squaredWeights: { promoters: 12.25, passives: 2, detractors: 0.25 },
      },
      scale: "1-5",
    });
    expect(entry).not.toHaveProperty("period");
  });

  it("rejects rows whose parts do not add up to nps_rows", () => {
    const error = errorOf(() => tallyFromRows([counts, { ...counts, nps_rows: 11 }]));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe(
      "tallyFromRows: nps_rows must equal the categories plus missing and invalid rows (10), received 11 at index 1",
    );
  });

  it("rejects bad counts, sums, group values and shapes", () => {
    let error = errorOf(() => tallyFromRows([{ ...counts, nps_promoters: -1 }]));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe(
      "tallyFromRows: nps_promoters must be a non-negative integer count, received -1 at index 0",
    );
    error = errorOf(() => tallyFromRows([{ ...counts, nps_passives: 1.5 }]));
    expect(error.message).toBe(
      "tallyFromRows: nps_passives must be a non-negative integer count, received 1.5 at index 0",
    );
    error = errorOf(() => tallyFromRows([{ ...counts, nps_promoters_weight: Number.NaN }]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("tallyFromRows: row must have a nps_invalid_weights column, missing at index 0");
    const { nps_detractors: _, ...missing } = counts;
    error = errorOf(() => tallyFromRows([missing]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("tallyFromRows: row must have a nps_detractors column, missing at index 0");
    error = errorOf(() => tallyFromRows([{ ...counts, plan: new Date(0) }]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      'tallyFromRows: group column "plan" must hold strings, numbers, booleans or null, received 1970-01-01T00:00:00.000Z at index 0',
    );
    error = errorOf(() => tallyFromRows("rows" as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe('tallyFromRows: rows must be an array of objects, received "rows"');
    error = errorOf(() => tallyFromRows([null as never]));
    expect(error.message).toBe("tallyFromRows: row must be an object, received null at index 0");
  });

  it("rejects a weighted sum that is negative or not finite", () => {
    const weighted = {
      ...counts,
      nps_invalid_weights: 0,
      nps_promoters_weight: 1,
      nps_passives_weight: 1,
      nps_detractors_weight: 1,
      nps_promoters_weight_squared: 1,
      nps_passives_weight_squared: 1,
      nps_detractors_weight_squared: Number.POSITIVE_INFINITY,
    };
    const error = errorOf(() => tallyFromRows([weighted]));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe(
      "tallyFromRows: nps_detractors_weight_squared must be a finite number >= 0, received Infinity at index 0",
    );
  });
});
