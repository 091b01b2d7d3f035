/** Runs the language-neutral scoring vectors (test/vectors/scoring.json) against the library. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify, NpsError, nps, roundScore, tally } from "../../src/index.js";

interface Vectors {
  classify: Array<{ score: unknown; category?: string; error?: string }>;
  nps_from_scores: Array<{
    name: string;
    scores: number[];
    promoters: number;
    passives: number;
    detractors: number;
    nps: number | null;
  }>;
  nps_from_tally: Array<{ tally: { promoters: number; passives: number; detractors: number }; nps: number | null }>;
  invalid_scores: Array<{ scores: unknown[]; error: string; index: number }>;
  round: Array<{ value: number; decimals: number; result: number }>;
}

const vectors = JSON.parse(readFileSync(new URL("./scoring.json", import.meta.url), "utf8")) as Vectors;

/** Decodes `{ "special": "NaN" }` and friends, which JSON cannot hold. */
function decode(value: unknown): unknown {
  if (value !== null && typeof value === "object" && "special" in value)
    return Number((value as { special: string }).special);
  return value;
}

describe("scoring vectors", () => {
  it.each(vectors.classify)("classify $score", ({ score, category, error }) => {
    if (error === undefined) expect(classify(decode(score) as number)).toBe(category);
    else expect(() => classify(decode(score) as number)).toThrow(expect.objectContaining({ code: error }));
  });

  it.each(vectors.nps_from_scores)("nps: $name", (vector) => {
    const counts = tally(vector.scores);
    expect(counts).toEqual({ promoters: vector.promoters, passives: vector.passives, detractors: vector.detractors });
    const value = nps(vector.scores);
    if (vector.nps === null) expect(value).toBeUndefined();
    else expect(Math.abs((value as number) - vector.nps)).toBeLessThanOrEqual(1e-12);
  });

  it.each(vectors.nps_from_tally)("nps of tally %#", ({ tally: counts, nps: expected }) => {
    expect(nps(counts)).toBe(expected ?? undefined);
  });

  it.each(vectors.invalid_scores)("rejects $scores", ({ scores, error, index }) => {
    const values = scores.map(decode) as number[];
    try {
      nps(values);
      expect.unreachable("no error was thrown");
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(NpsError);
      expect((thrown as NpsError).code).toBe(error);
      expect((thrown as NpsError).message).toContain(`at index ${index}`);
    }
  });

  it.each(vectors.round)("roundScore($value, $decimals) = $result", ({ value, decimals, result }) => {
    const rounded = roundScore(value, decimals);
    expect(rounded).toBe(result);
    expect(Object.is(rounded, -0)).toBe(false);
  });
});
