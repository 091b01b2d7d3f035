import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { confidenceInterval, drivers, type NpsResponse } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const fixtures = join(import.meta.dirname, "fixtures");
const [header, ...lines] = readFileSync(join(fixtures, "drivers.csv"), "utf8").trim().split(/\r?\n/);
const columns = (header ?? "").split(",");
const responses: NpsResponse[] = lines.map((line) => {
  const cells = line.split(",");
  const attributes: Record<string, string> = Object.create(null);
  columns.forEach((column, i) => {
    if (column !== "score") attributes[column] = cells[i] ?? "";
  });
  return { score: Number(cells[0]), attributes };
});
const expected = JSON.parse(readFileSync(join(fixtures, "lmg_expected.json"), "utf8")) as Record<
  "listwise" | "pairwise",
  { n: number; rSquared: number; importance: number[]; spearman: number[] }
>;
const LEVELS = ["Strongly Disagree", "Disagree", "Neutral", "Agree", "Strongly Agree"];
const options = { drivers: ["satisfaction", "agreement", "price"], levels: { agreement: LEVELS }, resamples: 0 };

describe("drivers against base R (fixtures/lmg.R)", () => {
  for (const missing of ["listwise", "pairwise"] as const) {
    it(`matches R's LMG importances, R² and Spearman correlations, ${missing}`, () => {
      const result = drivers(responses, { ...options, missing });
      const reference = expected[missing];
      expect(result.missing).toBe(missing);
      expect(result.n).toBe(reference.n);
      expect(Math.abs((result.rSquared ?? Number.NaN) - reference.rSquared)).toBeLessThan(1e-9);
      result.drivers.forEach((driver, d) => {
        expect(Math.abs((driver.importance ?? Number.NaN) - (reference.importance[d] as number))).toBeLessThan(1e-9);
        expect(Math.abs((driver.spearman ?? Number.NaN) - (reference.spearman[d] as number))).toBeLessThan(1e-9);
      });
    });
  }

  it("importances add up to R²", () => {
    for (const missing of ["listwise", "pairwise"] as const) {
      const result = drivers(responses, { ...options, missing });
      const sum = result.drivers.reduce((total, driver) => total + (driver.importance ?? 0), 0);
      expect(Math.abs(sum - (result.rSquared ?? Number.NaN))).toBeLessThan(1e-12);
    }
  });
});

describe("drivers", () => {
  it("gives the NPS at each answer level with its interval, labels in order", () => {
    const result = drivers(responses, options);
    const agreement = result.drivers[1];
    expect(agreement?.levels.map((level) => level.label)).toEqual(LEVELS);
    for (const level of agreement?.levels ?? []) {
      expect(level.nps).toEqual(confidenceInterval(level.tally));
    }
    const counted = (agreement?.levels ?? []).reduce(
      (total, level) => total + level.tally.detractors + level.tally.passives + level.tally.promoters,
      0,
    );
    expect(counted).toBe(result.n);
  });

  it("counts missing answers and rejects values off the levels with their rows", () => {
    const rows = [
      { score: 9, attributes: { item: "Agree" } },
      { score: 3, attributes: { item: "Totally" } },
      { score: 7, attributes: { item: "NA" } },
      { score: 8, attributes: {} },
      { score: 10, attributes: { item: " agree " } },
      { score: 2, attributes: { item: "Disagree" } },
    ];
    const result = drivers(rows, { drivers: ["item"], levels: ["Disagree", "Agree"], resamples: 0 });
    const item = result.drivers[0];
    expect(item?.missing).toBe(2);
    expect(item?.rejected).toBe(1);
    expect(item?.rejectedRows).toEqual([{ row: 2, value: "Totally" }]);
    expect(item?.n).toBe(3);
  });

  it("reads numbers given as text, and __proto__ or constructor as attribute names", () => {
    const rows = Array.from({ length: 12 }, (_, i) => {
      // Object.fromEntries defines own properties, so "__proto__" is an ordinary key here.
      const attributes: Record<string, string | number> = Object.fromEntries([
        ["__proto__", String(i % 11)],
        ["constructor", (i * 7) % 11],
      ]);
      return { score: i % 11, attributes };
    });
    const result = drivers(rows, { drivers: ["__proto__", "constructor"], resamples: 0 });
    expect(result.drivers[0]?.spearman).toBe(1);
    expect(result.rSquared).toBeCloseTo(1, 12);
  });

  it("gives seeded bootstrap intervals that contain the estimate and repeat with the seed", () => {
    const first = drivers(responses, { ...options, resamples: 200, seed: 7 });
    const again = drivers(responses, { ...options, resamples: 200, seed: 7 });
    const other = drivers(responses, { ...options, resamples: 200, seed: 8 });
    expect(first).toEqual(again);
    expect(first).not.toEqual(other);
    for (const driver of first.drivers) {
      expect(driver.importanceInterval?.lower).toBeLessThanOrEqual(driver.importanceInterval?.upper ?? Number.NaN);
    }
    const satisfaction = first.drivers[0];
    expect(satisfaction?.importanceInterval?.lower).toBeLessThan(satisfaction?.importance ?? 0);
    expect(satisfaction?.importanceInterval?.upper).toBeGreaterThan(satisfaction?.importance ?? 0);
  });

  it("has no model, and says why, for a constant driver or too few respondents", () => {
    const constant = drivers(
      responses.map((response) => ({ ...response, attributes: { ...response.attributes, flat: 3 } })),
      { drivers: ["satisfaction", "flat"], resamples: 0 },
    );
    expect(constant.rSquared).toBeUndefined();
    expect(constant.modelProblem).toBe("a driver or the score is constant among the respondents used");
    expect(constant.drivers[1]?.importance).toBeUndefined();
    const few = drivers(responses.slice(0, 3), { ...options });
    expect(few.modelProblem).toBe("fewer than 5 respondents answered every driver");
  });

  it("rejects bad options and scores with a code and a message", () => {
    const noDrivers = errorOf(() => drivers(responses, { drivers: [] }));
    expect(noDrivers.code).toBe("invalid_option");
    expect(noDrivers.message).toBe(
      "drivers: drivers must be an array of 1 to 15 distinct attribute names, received an array",
    );
    const missing = errorOf(() => drivers(responses, { drivers: ["price"], missing: "some" as "listwise" }));
    expect(missing.message).toBe('drivers: missing must be "listwise" or "pairwise", received "some"');
    const resamples = errorOf(() => drivers(responses, { drivers: ["price"], resamples: 5 }));
    expect(resamples.message).toBe("drivers: resamples must be 0 or an integer from 100 to 100000, received 5");
    const levels = errorOf(() => drivers(responses, { drivers: ["agreement"], levels: { agreement: ["Agree"] } }));
    expect(levels.message).toBe(
      'drivers: levels["agreement"] must be an array of at least two labels, received an array',
    );
    const score = errorOf(() => drivers([{ score: 11 }], { drivers: ["x"] }));
    expect(score.code).toBe("invalid_score");
    expect(score.message).toBe("drivers: responses[0].score must be an integer from 0 to 10, received 11");
  });
});
