import { afterAll, describe, expect, it } from "vitest";
import { type AggregateAnalysis, canAggregate, createAggregator } from "../../src/cli/aggregate.js";
import { buildReport, type NpsResponse, type ReportOptions, sampleResponses } from "../../src/index.js";
import { createRandom } from "../../src/internal/random.js";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

const PLANS = ["free", "pro", "team", "enterprise"];
const COUNTRIES = ["FR", "DE", "US", "JP", "BR"];

/** Responses over two years with a plan, a country and (optionally) a weight of two decimals. */
function generated(size: number, weighted: boolean, seed = 7): NpsResponse[] {
  const random = createRandom(seed);
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: size }, (): NpsResponse => {
    const score = Math.floor(random.nextDouble() * 11);
    const date = new Date(start + Math.floor(random.nextDouble() * 730 * 86_400_000));
    const plan = PLANS[Math.floor(random.nextDouble() * PLANS.length)] as string;
    const country = COUNTRIES[Math.floor(random.nextDouble() * COUNTRIES.length)] as string;
    const weight = Math.round((0.2 + random.nextDouble() * 2.5) * 100) / 100;
    return { score, date, attributes: { plan, country }, ...(weighted ? { weight } : {}) };
  });
}

/** The segment and trend fields of `buildReport` (the path that keeps every response). */
function inMemory(responses: ReadonlyArray<NpsResponse>, options: ReportOptions): string {
  const { overview: _, ...rest } = buildReport({ responses }, options);
  return JSON.stringify(rest);
}

/** The same fields from running sums, the responses added in batches of uneven sizes. */
function aggregated(responses: ReadonlyArray<NpsResponse>, analysis: AggregateAnalysis): string {
  const aggregator = createAggregator(analysis);
  for (let at = 0, size = 1; at < responses.length; at += size, size = (size * 7 + 3) % 500) {
    aggregator.add(responses.slice(at, at + size));
  }
  return JSON.stringify(aggregator.result());
}

const ANALYSES: ReadonlyArray<Omit<AggregateAnalysis, "level" | "method">> = [
  { by: ["plan"] },
  { by: ["plan", "country"] },
  { by: ["plan"], period: "month" },
  { by: [], period: "week", timeZone: "Europe/Paris" },
  { by: ["plan"], period: "quarter", timeZone: "America/New_York" },
  { by: [], rolling: { days: 30 } },
  { by: ["plan"], rolling: { days: 90 } },
  { by: ["country"], rolling: { days: 7, step: "week" }, timeZone: "Europe/Paris" },
  { by: [], rolling: { days: 90, step: "month" }, respondents: "all" },
];

function optionsOf(analysis: AggregateAnalysis): ReportOptions {
  return {
    level: analysis.level,
    method: analysis.method,
    ...(analysis.by.length === 0 ? {} : { by: analysis.by }),
    ...(analysis.period === undefined ? {} : { period: analysis.period }),
    ...(analysis.rolling === undefined ? {} : { rolling: analysis.rolling }),
    ...(analysis.timeZone === undefined ? {} : { timeZone: analysis.timeZone }),
    ...(analysis.respondents === undefined ? {} : { respondents: analysis.respondents }),
  };
}

describe("segments and trends from running sums", () => {
  const cases: Array<[string, ReadonlyArray<NpsResponse>]> = [
    ["the built-in sample", sampleResponses()],
    ["generated responses", generated(5000, false)],
    ["generated weighted responses", generated(5000, true)],
  ];
  for (const [name, responses] of cases) {
    for (const base of ANALYSES) {
      const analysis: AggregateAnalysis = { ...base, level: 0.9, method: "score" };
      it(`give the same JSON as the responses kept in memory: ${name}, ${JSON.stringify(base)}`, () => {
        expect(aggregated(responses, analysis)).toBe(inMemory(responses, optionsOf(analysis)));
      });
    }
  }

  it("are not used for tiers and --respondents latest, nor for the plain overview", () => {
    const common = { level: 0.95, method: "adjusted-wald" } as const;
    expect(canAggregate({ ...common, by: [], tiers: { attribute: "spend", tiers: 4 } })).toBe(false);
    expect(canAggregate({ ...common, by: [], period: "month", respondents: "latest" })).toBe(false);
    expect(canAggregate({ ...common, by: [], rolling: { days: 90 }, respondents: "all" })).toBe(true);
    expect(canAggregate({ ...common, by: ["plan"], period: "month" })).toBe(true);
    expect(canAggregate({ ...common, by: [] })).toBe(false);
  });

  it("keep responses without a date out of the periods, counted as undated", () => {
    const responses = [...generated(300, false), { score: 9, attributes: { plan: "pro", country: "FR" } }];
    const analysis: AggregateAnalysis = { by: ["plan"], period: "month", level: 0.95, method: "adjusted-wald" };
    expect(aggregated(responses, analysis)).toBe(inMemory(responses, optionsOf(analysis)));
  });

  it("throw the library's error for an attribute that no response has", () => {
    const aggregator = createAggregator({ by: ["region"], level: 0.95, method: "adjusted-wald" });
    aggregator.add(generated(10, false));
    expect(() => aggregator.result()).toThrow(
      expect.objectContaining({
        code: "invalid_option",
        message: 'segmentBy: attribute "region" does not exist; attributes are: plan, country',
      }),
    );
    expect(() => buildReport({ responses: generated(10, false) }, { by: ["region"] })).toThrow(
      'segmentBy: attribute "region" does not exist; attributes are: plan, country',
    );
  });
});

describe("npskit report on a generated file", () => {
  const responses = generated(3000, true, 11);
  const csv = [
    "score,date,plan,country,w",
    ...responses.map(
      (r) => `${r.score},${r.date?.toISOString()},${r.attributes?.plan},${r.attributes?.country},${r.weight}`,
    ),
  ].join("\n");
  const path = temp.file("generated.csv", csv);
  const unweighted = responses.map(({ weight: _, ...rest }) => rest);

  const runs: Array<[ReadonlyArray<string>, ReadonlyArray<NpsResponse>, ReportOptions]> = [
    [["--by", "plan"], unweighted, { by: ["plan"] }],
    [["--by", "plan", "--period", "month"], unweighted, { by: ["plan"], period: "month" }],
    [["--rolling", "90", "--by", "plan"], unweighted, { by: ["plan"], rolling: { days: 90 } }],
    [["--by", "plan", "--by", "country"], unweighted, { by: ["plan", "country"] }],
    [["--by", "plan", "--period", "month", "--weight", "w"], responses, { by: ["plan"], period: "month" }],
    [["--by", "plan", "--by", "country", "--weight", "w"], responses, { by: ["plan", "country"] }],
    [["--rolling", "90", "--by", "plan", "--weight", "w"], responses, { by: ["plan"], rolling: { days: 90 } }],
  ];
  for (const [args, data, options] of runs) {
    it(`gives the library's report: ${args.join(" ")}`, async () => {
      const result = await run(["report", path, "--score", "score", "--date", "date", ...args, "--format", "json"]);
      expect(result.code).toBe(0);
      const { input: _, ...report } = JSON.parse(result.stdout);
      const document = buildReport({ responses: data }, { ...options, source: path });
      const expected = {
        ...document.overview,
        segmentedBy: document.segmentedBy,
        segments: document.segments,
        trend: document.trend,
      };
      expect(report).toStrictEqual(JSON.parse(JSON.stringify(expected)));
    });
  }
});
