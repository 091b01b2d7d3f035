/**
 * What a published benchmark figure is, as its publisher states it.
 *
 * - `"mean"`, `"median"`, `"upper-quartile"`, `"lower-quartile"`: of the organisations' scores.
 * - `"mean-of-company-nps"`: the mean of company NPS values, each company weighted equally (not a
 *   pooled NPS of all respondents).
 * - `"industry-average"`, `"sector-average"`, `"average"`, `"benchmark"`: the publisher's own word;
 *   whether it is a pooled NPS or a mean of company scores is not stated.
 *
 * @category Benchmarks
 */
export type BenchmarkStatistic =
  | "mean"
  | "median"
  | "upper-quartile"
  | "lower-quartile"
  | "mean-of-company-nps"
  | "industry-average"
  | "sector-average"
  | "average"
  | "benchmark";

/**
 * Who was surveyed. `"consumer-panel"`: an outside-in panel, a national sample of consumers rating
 * brands (Temkin / XM Institute, Satmetrix, Bain). `"vendor-customers"`: companies' surveys of their
 * own customers, pooled by a survey vendor or consultancy (SurveyMonkey, ClearlyRated, SPG). The two
 * are not comparable.
 *
 * @category Benchmarks
 */
export type BenchmarkPopulation = "consumer-panel" | "vendor-customers";

/**
 * Quartiles of the organisations' scores, when a source gives them (any of the three).
 *
 * @category Benchmarks
 */
export interface BenchmarkQuartiles {
  /** The lower quartile (25% of organisations score below it). */
  readonly lower?: number;
  /** The median. */
  readonly median?: number;
  /** The upper quartile (the "top 25%" threshold). */
  readonly upper?: number;
}

/**
 * One published NPS benchmark figure with its source.
 *
 * @category Benchmarks
 */
export interface Benchmark {
  /** Short unique id, e.g. `"xmi-2023-grocers"`. */
  readonly id: string;
  /** Who the figure is about (industry, sector, all organisations…), as the source says. */
  readonly segment: string;
  /** The figure, in NPS points. */
  readonly value: number;
  /** What the figure is (mean, median, mean of company NPS…). */
  readonly statistic: BenchmarkStatistic;
  /** Who published it. */
  readonly publisher: string;
  /** The study or page. */
  readonly study: string;
  /** The year the figure is for; `null` when the source is undated (see `note`). */
  readonly year: number | null;
  /** Region covered, as stated (`"US"`, `"global"`, `"not stated"`…). */
  readonly region: string;
  /** Consumer panel or companies' own customers. */
  readonly population: BenchmarkPopulation;
  /** Method and sample, as the source states them. */
  readonly method: string;
  /** Where it was published (the publisher's page or press release). */
  readonly source: string;
  /** Quartiles of the organisations' scores, when the source gives them. */
  readonly quartiles?: BenchmarkQuartiles;
  /** `"highest"` or `"lowest"` when the figure is the top or bottom industry of its study. */
  readonly rank?: "highest" | "lowest";
  /** Anything else worth knowing, e.g. when an undated page was seen. */
  readonly note?: string;
}
