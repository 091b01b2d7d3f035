import { describe, expect, it } from "vitest";
import {
  builtInBenchmarks,
  compareToBenchmark,
  confidenceInterval,
  defineBenchmarks,
  findBenchmarks,
  type NpsValidationError,
} from "../../src/index.js";
import { ORACLE } from "../inference/fixtures/oracle.js";
import { DOCUMENTED_BENCHMARKS } from "./fixtures/documented.js";

function thrown(f: () => unknown): NpsValidationError {
  try {
    f();
  } catch (error) {
    return error as NpsValidationError;
  }
  throw new Error("expected an error");
}

const ROW = {
  id: "own-20",
  segment: "test segment",
  value: 20,
  statistic: "median",
  publisher: "Tests",
  population: "vendor-customers",
  source: "this file",
} as const;

describe("builtInBenchmarks", () => {
  const rows = builtInBenchmarks();

  it("holds exactly the sourced rows of BENCHMARKS.md, with their values", () => {
    expect(DOCUMENTED_BENCHMARKS).toHaveLength(27);
    expect(rows.map((row) => [row.id, row.value])).toEqual(DOCUMENTED_BENCHMARKS);
  });

  it("leaves out the two untraceable figures", () => {
    expect(rows.some((row) => row.value === 39 && row.publisher.startsWith("SPG"))).toBe(false);
    expect(rows.some((row) => row.publisher.startsWith("Retently"))).toBe(false);
  });

  it("says for each row who was asked, what the figure is and where it was published", () => {
    for (const row of rows) {
      expect(["consumer-panel", "vendor-customers"]).toContain(row.population);
      expect(row.source.length).toBeGreaterThan(5);
      expect(row.year === null || (row.year >= 2010 && row.year <= 2023)).toBe(true);
    }
    expect(rows.filter((row) => row.year === null).map((row) => row.id)).toEqual([
      "surveymonkey-all-mean",
      "surveymonkey-all-median",
      "surveymonkey-all-q3",
      "surveymonkey-respondents-median",
      "surveymonkey-respondents-q3",
    ]);
    expect(rows.find((row) => row.id === "xmi-2023-consumer-payments")).toMatchObject({
      statistic: "mean-of-company-nps",
      population: "consumer-panel",
      rank: "lowest",
      region: "US",
    });
  });

  it("is validated by defineBenchmarks and is a new array on each call", () => {
    expect(defineBenchmarks(rows)).toEqual(rows);
    expect(builtInBenchmarks()).not.toBe(rows);
  });
});

describe("benchmarks", () => {
  it("filters by segment, region, year and population", () => {
    expect(findBenchmarks().length).toBe(27);
    expect(findBenchmarks({ segment: "PAYMENT" }).map((row) => row.id)).toEqual([
      "xmi-2021-consumer-payment",
      "xmi-2022-consumer-payment",
      "xmi-2023-consumer-payments",
    ]);
    expect(findBenchmarks({ region: "global" })).toHaveLength(5);
    expect(findBenchmarks({ region: "us" })).toHaveLength(21);
    expect(findBenchmarks({ year: 2015, population: "consumer-panel" })).toHaveLength(3);
    expect(findBenchmarks({ population: "vendor-customers" })).toHaveLength(9);
    expect(findBenchmarks({ segment: "nothing like this" })).toEqual([]);
    const own = defineBenchmarks([ROW]);
    expect(findBenchmarks({ rows: own, segment: "test" })).toEqual(own);
  });

  it.each([
    [{ year: 2015.5 }, "findBenchmarks: year must be an integer, received 2015.5"],
    [{ segment: 3 }, "findBenchmarks: segment must be a string, received 3"],
    [
      { population: "panel" },
      'findBenchmarks: population must be one of "consumer-panel", "vendor-customers", received "panel"',
    ],
    [{ rows: "x" }, 'findBenchmarks: rows must be an array of benchmarks, received "x"'],
  ])("rejects %j", (query, message) => {
    const error = thrown(() => findBenchmarks(query as never));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(message);
  });
});

describe("defineBenchmarks", () => {
  it("fills the defaults", () => {
    expect(defineBenchmarks([ROW])).toEqual([
      { ...ROW, study: "", year: null, region: "not stated", method: "not stated" },
    ]);
  });

  it("reports every issue of every row, with row, field and value", () => {
    const error = thrown(() =>
      defineBenchmarks([
        { ...ROW, value: 120, quartiles: { median: 50, upper: 40 } },
        { ...ROW, statistic: "avg", quartile: { upper: 3 } },
        ROW,
        "row",
      ]),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.issues.map((issue) => [issue.row, issue.field, issue.value])).toEqual([
      [1, "value", 120],
      [1, "quartiles", { median: 50, upper: 40 }],
      [2, "statistic", "avg"],
      [2, "quartile", { upper: 3 }],
      [4, undefined, "row"],
    ]);
    expect(error.issues[0]?.message).toBe("value must be a number greater than -100 and less than 100, received 120");
    expect(error.message).toBe(
      "defineBenchmarks: 5 issues in 4 rows: row 1 value must be a number greater than -100 and less than 100, received 120; " +
        "row 1 quartiles must be an object with lower, median, upper numbers from -100 to 100, in that order, received an object; " +
        'row 2 statistic must be one of "mean", "median", "upper-quartile", "lower-quartile", "mean-of-company-nps", "industry-average", "sector-average", "average", "benchmark", received "avg"; ' +
        "row 2 quartile is not a benchmark field; " +
        'row 4 row must be an object, received "row"',
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [0, "value"],
      [0, "quartiles"],
      [1, "statistic"],
      [1, "quartile"],
      [3],
    ]);
  });

  it("rejects duplicate ids and non-arrays", () => {
    const error = thrown(() => defineBenchmarks([ROW, ROW]));
    expect(error.issues[0]?.message).toBe('id must be unique, received "own-20" (also in row 1)');
    const notArray = thrown(() => defineBenchmarks("rows" as never));
    expect(notArray.code).toBe("invalid_input");
    expect(notArray.message).toBe('defineBenchmarks: rows must be an array of objects, received "rows"');
  });
});

describe("compareToBenchmark", () => {
  const [own] = defineBenchmarks([ROW, { ...ROW, id: "own-0", value: 0 }]);

  it.each(ORACLE.oneSample)("reproduces the one-sample test of the inference oracle ($id)", (reference) => {
    const [row] = defineBenchmarks([{ ...ROW, value: reference.benchmark }]);
    const score = compareToBenchmark(reference.counts, row as never);
    expect(score?.test.statistic).toBeCloseTo(reference.score.z, 9);
    expect(score?.test.pValue).toBeCloseTo(reference.score.p_two_sided, 12);
    const wald = compareToBenchmark(reference.counts, row as never, { method: "wald" });
    expect(wald?.test.pValue).toBeCloseTo(reference.wald.p_two_sided, 12);
    expect(wald?.interval.method).toBe("wald");
  });

  it("gives the difference, the own interval, the verdict and the band", () => {
    const counts = { promoters: 50, passives: 30, detractors: 20 };
    const result = compareToBenchmark(counts, own as never);
    expect(result?.estimate).toBe(30);
    expect(result?.difference).toBe(10);
    expect(result?.interval).toEqual(confidenceInterval(counts, { method: "score" }));
    expect(result?.verdict).toBe("not distinguishable");
    expect(result?.verdictText).toBe("not distinguishable from 20 at this sample size (95% confidence)");
    expect(result?.band).toBeUndefined();
    const big = { promoters: 500, passives: 300, detractors: 200 };
    expect(compareToBenchmark(big, own as never)?.verdict).toBe("above");
    expect(compareToBenchmark({ promoters: 10, passives: 30, detractors: 60 }, own as never)?.verdict).toBe("below");
    expect(compareToBenchmark({ promoters: 0, passives: 0, detractors: 0 }, own as never)).toBeUndefined();
  });

  it("places the NPS among the quartiles", () => {
    const band = (promoters: number, detractors: number) =>
      compareToBenchmark({ promoters, passives: 100 - promoters - detractors, detractors }, "surveymonkey-all-q3")
        ?.band;
    expect(band(80, 5)).toMatchObject({ from: { name: "upper quartile", value: 72 }, to: undefined });
    expect(band(80, 5)?.label).toBe("top quartile: at or above the upper quartile (72)");
    expect(band(60, 10)?.label).toBe("second quartile: between the median (44) and the upper quartile (72)");
    expect(band(40, 10)?.label).toBe("below the median (44)");
    const [quartered] = defineBenchmarks([{ ...ROW, quartiles: { lower: 0, median: 20, upper: 40 } }]);
    const at = (promoters: number, detractors: number) =>
      compareToBenchmark({ promoters, passives: 100 - promoters - detractors, detractors }, quartered as never)?.band
        ?.label;
    expect(at(40, 30)).toBe("third quartile: between the lower quartile (0) and the median (20)");
    expect(at(10, 30)).toBe("bottom quartile: below the lower quartile (0)");
  });

  it("computes caveats from the row", () => {
    const counts = { promoters: 50, passives: 30, detractors: 20 };
    const caveats = (id: string, asOf?: number) =>
      compareToBenchmark(counts, id, asOf === undefined ? {} : { asOf })?.caveats ?? [];
    expect(caveats("xmi-2023-grocers", 2026)).toEqual([
      {
        code: "statistic",
        message:
          "this figure is a mean of company scores (each company counts once, whatever its size); your score is pooled over your own customers",
      },
      {
        code: "population",
        message:
          "this figure comes from a consumer panel (a sample of consumers rating brands from outside); your score comes from surveying your own customers: the two are not directly comparable",
      },
      { code: "rank", message: "this is the highest industry of its study, not a typical one" },
      { code: "age", message: "this benchmark is 3 years old (2023, as of 2026)" },
    ]);
    expect(caveats("xmi-2023-grocers").at(-1)?.message).toBe(
      "this benchmark is from 2023; NPS levels move over the years",
    );
    expect(caveats("surveymonkey-all-mean").map((c) => c.code)).toEqual(["statistic", "population", "undated"]);
    expect(caveats("surveymonkey-all-mean")[2]?.message).toBe("this benchmark is undated (undated page, seen in 2021)");
    expect(caveats("spg-2013-clients", 2013).map((c) => c.code)).toEqual(["statistic", "population", "region"]);
    expect(caveats("spg-2013-clients")[0]?.message).toBe(
      "the source does not say whether this average is a pooled NPS or a mean of company scores; your score is pooled over your own customers",
    );
    const scaled = compareToBenchmark({ ...counts, scale: "1-10" }, "spg-2013-clients");
    expect(scaled?.caveats.at(-1)).toEqual({
      code: "scale",
      message: "your answers are on a 1-10 scale; published benchmarks use the 0-10 scale",
    });
  });

  it.each([
    [
      () => compareToBenchmark({ promoters: 1, passives: 0, detractors: 0 }, "retently-2020-ecommerce"),
      'compareToBenchmark: benchmark must be a benchmark row or the id of a built-in one, received "retently-2020-ecommerce"',
    ],
    [
      () => compareToBenchmark({ promoters: 1, passives: 0, detractors: 0 }, "spg-2013-clients", { asOf: 2026.5 }),
      "compareToBenchmark: asOf must be an integer year from 1900 to 9999, received 2026.5",
    ],
    [
      () =>
        compareToBenchmark({ promoters: 1, passives: 0, detractors: 0 }, "spg-2013-clients", {
          method: "bayes" as never,
        }),
      'compareToBenchmark: method must be one of "score", "wald", "adjusted-wald", received "bayes"',
    ],
    [
      () => compareToBenchmark({ promoters: 1, passives: 0, detractors: 0 }, { id: "x", value: 100 } as never),
      "compareToBenchmark: benchmark must be a benchmark row (see defineBenchmarks) with a value between -100 and 100, received an object",
    ],
  ])("error %#", (call, message) => {
    const error = thrown(call);
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(message);
  });
});
