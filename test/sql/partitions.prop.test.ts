import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeTallies, tallyColumns, tallyFromRows } from "../../src/index.js";

/** A tallySql-shaped result row for a tally of some scores (what a partition's query returns). */
function rowOf(scores: number[], weights: number[] | undefined): Record<string, unknown> {
  const t = tallyColumns(weights === undefined ? { scores } : { scores, weights });
  const counts = t.weighted?.counts ?? t;
  const row: Record<string, unknown> = {
    nps_rows: BigInt(scores.length),
    nps_promoters: BigInt(counts.promoters),
    nps_passives: BigInt(counts.passives),
    nps_detractors: BigInt(counts.detractors),
    nps_missing_scores: 0n,
    nps_invalid_scores: 0n,
  };
  if (t.weighted !== undefined) {
    Object.assign(row, {
      nps_invalid_weights: 0n,
      nps_promoters_weight: t.promoters,
      nps_passives_weight: t.passives,
      nps_detractors_weight: t.detractors,
      nps_promoters_weight_squared: t.weighted.squaredWeights.promoters,
      nps_passives_weight_squared: t.weighted.squaredWeights.passives,
      nps_detractors_weight_squared: t.weighted.squaredWeights.detractors,
    });
  }
  return row;
}

describe("partial tallies from partitions", () => {
  it("merged partial tallies equal the tally of the whole, however the rows are partitioned", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            score: fc.integer({ min: 0, max: 10 }),
            weight: fc.integer({ min: 1, max: 64 }).map((w) => w / 16),
            part: fc.integer({ min: 0, max: 4 }),
          }),
          { maxLength: 200 },
        ),
        fc.boolean(),
        (rows, weighted) => {
          const partials = [0, 1, 2, 3, 4].map((p) => {
            const mine = rows.filter((row) => row.part === p);
            return rowOf(
              mine.map((row) => row.score),
              weighted ? mine.map((row) => row.weight) : undefined,
            );
          });
          const whole = tallyColumns({
            scores: rows.map((row) => row.score),
            ...(weighted ? { weights: rows.map((row) => row.weight) } : {}),
          });
          expect(mergeTallies(...tallyFromRows(partials).map((entry) => entry.tally))).toEqual(whole);
        },
      ),
    );
  });
});
