import { NpsError } from "../core/errors.js";
import type { DriverAnalysis } from "../drivers/drivers.js";
import { describeValue } from "../internal/describe.js";
import type { DistinctiveTerms } from "../text/distinctiveTerms.js";
import type { ThemeAnalysis } from "../text/themes.js";
import type { ThemesByPeriod } from "../text/themesByPeriod.js";
import { type ChartOptions, type ChartSpec, finite, frameOf, SCHEMA } from "./charts.js";

const NEGATIVE = "#d6604d";
const POSITIVE = "#1b9e77";
const CATEGORY_COLORS = { domain: ["detractor", "passive", "promoter"], range: [NEGATIVE, "#a3a3a3", POSITIVE] };

function checkKind(fn: string, value: unknown, kind: string, producer: string): void {
  if (value === null || typeof value !== "object" || (value as { kind?: unknown }).kind !== kind) {
    throw new NpsError(
      "invalid_input",
      `${fn}: the input must be the result of ${producer}, received ${describeValue(value)}`,
    );
  }
}

/**
 * A Vega-Lite diverging bar chart of the NPS impact of each theme (`themes` from `npskit/text`): one
 * horizontal bar per theme, left and red when the theme costs points, right and green when it adds
 * some, sorted by impact, with a rule at zero; tooltips give mentions, share of comments, the NPS of
 * mentioners and others and the adjusted p-value. Themes without an impact are left out. O(themes).
 *
 * @param analysis - The result of `themes`.
 * @param options - Title and size.
 * @returns A Vega-Lite spec with its data inlined (one row per theme).
 * @throws {@link NpsError} `invalid_input` when `analysis` is not a `themes` result; `invalid_option` for a bad size or title.
 * @example
 * ```ts
 * import { themeImpactChart } from "npskit";
 * import { themes } from "npskit/text";
 * const analysis = themes(
 *   [{ score: 2, comment: "long queue" }, { score: 10, comment: "friendly staff" }, { score: 8, comment: "ok" }],
 *   { themes: [{ name: "Queue", keywords: ["queue"] }, { name: "Staff", keywords: ["staff"] }] },
 * );
 * const spec = themeImpactChart(analysis);
 * (spec.data as { values: { theme: string; impact: number }[] }).values.map((row) => [row.theme, row.impact]);
 * // => [["Queue", -33.333333333333336], ["Staff", 33.333333333333336]]
 * ```
 * @category Reports
 */
export function themeImpactChart(analysis: ThemeAnalysis, options: ChartOptions = {}): ChartSpec {
  const fn = "themeImpactChart";
  checkKind(fn, analysis, "themes", "themes");
  const values = analysis.themes
    .filter((theme) => theme.impact !== undefined)
    .map((theme) => ({
      theme: theme.name,
      impact: finite(theme.impact),
      mentions: theme.mentions,
      share: finite(theme.share),
      npsMentioners: finite(theme.mentionersNps?.estimate),
      npsOthers: finite(theme.othersNps?.estimate),
      adjustedPValue: finite(theme.adjustedPValue),
      direction: (theme.impact as number) < 0 ? "costs points" : "adds points",
    }));
  const size = frameOf(fn, options, "NPS impact of each theme (points)", Math.max(60, 26 * values.length));
  return {
    $schema: SCHEMA,
    description: `Diverging bars: for each of ${values.length} themes, the NPS minus the NPS if those who mention it scored like those who mention none (negative: the theme costs points).`,
    title: size.title,
    width: size.width,
    height: size.height,
    data: { values },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y: {
            field: "theme",
            type: "nominal",
            sort: { field: "impact", order: "ascending" },
            title: null,
            axis: { labelLimit: 240 },
          },
          x: { field: "impact", type: "quantitative", title: "NPS impact (points)" },
          color: {
            field: "direction",
            type: "nominal",
            scale: { domain: ["costs points", "adds points"], range: [NEGATIVE, POSITIVE] },
            legend: null,
          },
          tooltip: [
            { field: "theme", type: "nominal" },
            { field: "impact", type: "quantitative", format: "+.1f" },
            { field: "mentions", type: "quantitative" },
            { field: "share", type: "quantitative", format: ".1%", title: "share of comments" },
            { field: "npsMentioners", type: "quantitative", format: ".1f", title: "NPS of mentioners" },
            { field: "npsOthers", type: "quantitative", format: ".1f", title: "NPS of others" },
            { field: "adjustedPValue", type: "quantitative", format: ".4f", title: "adjusted p" },
          ],
        },
      },
      { mark: { type: "rule", color: "#333" }, encoding: { x: { datum: 0 } } },
    ],
  };
}

/**
 * A Vega-Lite chart of the words that mark each category (`distinctiveTerms` from `npskit/text`): one
 * panel per category, its terms with z ≥ `minZScore` (at most `limit`), bars as long as their z-score
 * in the category's colour. O(terms).
 *
 * @param terms - The result of `distinctiveTerms`.
 * @param options - Title, size (of each panel), the number of terms per category (1 to 100, default 10)
 * and the smallest z-score shown (default 1.96).
 * @returns A Vega-Lite spec with its data inlined (one row per term shown).
 * @throws {@link NpsError} `invalid_input` when `terms` is not a `distinctiveTerms` result; `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { distinctiveTermsChart } from "npskit";
 * import { distinctiveTerms } from "npskit/text";
 * const terms = distinctiveTerms([
 *   ...Array.from({ length: 20 }, () => ({ score: 2, comment: "queue too long" })),
 *   ...Array.from({ length: 20 }, () => ({ score: 10, comment: "friendly staff" })),
 * ], { ngrams: "unigrams" });
 * const spec = distinctiveTermsChart(terms!, { limit: 1 });
 * (spec.data as { values: { category: string; term: string }[] }).values.map((row) => `${row.category} ${row.term}`);
 * // => ["detractor long", "promoter friendly"]
 * ```
 * @category Reports
 */
export function distinctiveTermsChart(
  terms: DistinctiveTerms,
  options: ChartOptions & { readonly limit?: number; readonly minZScore?: number } = {},
): ChartSpec {
  const fn = "distinctiveTermsChart";
  checkKind(fn, terms, "distinctive-terms", "distinctiveTerms");
  const { limit = 10, minZScore = 1.96 } = options ?? {};
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: limit must be an integer from 1 to 100, received ${describeValue(limit)}`,
    );
  }
  if (typeof minZScore !== "number" || !Number.isFinite(minZScore)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: minZScore must be a finite number, received ${describeValue(minZScore)}`,
    );
  }
  const values = terms.groups.flatMap((group) =>
    group.terms
      .filter((term) => term.zScore >= minZScore)
      .slice(0, limit)
      .map((term) => ({
        category: group.category,
        term: term.term,
        zScore: finite(term.zScore),
        detractors: term.counts.detractors,
        passives: term.counts.passives,
        promoters: term.counts.promoters,
      })),
  );
  const size = frameOf(fn, options ?? {}, "Words that mark each category (z-score)", Math.max(60, 18 * limit));
  return {
    $schema: SCHEMA,
    description: `Bars: the terms that most mark detractors, passives and promoters against the rest, by z-score of the log-odds ratio with an informative Dirichlet prior (${values.length} terms).`,
    title: size.title,
    data: { values },
    facet: { column: { field: "category", type: "nominal", sort: ["detractor", "passive", "promoter"], title: null } },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: size.width / 3,
      height: size.height,
      mark: { type: "bar" },
      encoding: {
        y: { field: "term", type: "nominal", sort: { field: "zScore", order: "descending" }, title: null },
        x: { field: "zScore", type: "quantitative", title: "z" },
        color: { field: "category", type: "nominal", scale: CATEGORY_COLORS, legend: null },
        tooltip: [
          { field: "term", type: "nominal" },
          { field: "zScore", type: "quantitative", format: ".2f", title: "z" },
          { field: "detractors", type: "quantitative" },
          { field: "passives", type: "quantitative" },
          { field: "promoters", type: "quantitative" },
        ],
      },
    },
  };
}

/**
 * A Vega-Lite bar chart of the drivers' relative importance (`drivers`): one bar per driver, its LMG
 * share of R², sorted, with the bootstrap interval as an error bar when there is one. Drivers without
 * an importance (no model) are left out. O(drivers).
 *
 * @param analysis - The result of `drivers`.
 * @param options - Title and size.
 * @returns A Vega-Lite spec with its data inlined (one row per driver).
 * @throws {@link NpsError} `invalid_input` when `analysis` is not a `drivers` result; `invalid_option` for a bad size or title.
 * @example
 * ```ts
 * import { driverImportanceChart, drivers } from "npskit";
 * const analysis = drivers(
 *   [
 *     { score: 10, attributes: { service: 5, price: 3 } },
 *     { score: 8, attributes: { service: 4, price: 4 } },
 *     { score: 6, attributes: { service: 3, price: 2 } },
 *     { score: 3, attributes: { service: 1, price: 3 } },
 *     { score: 9, attributes: { service: 4, price: 1 } },
 *   ],
 *   { drivers: ["service", "price"], resamples: 0 },
 * );
 * const spec = driverImportanceChart(analysis);
 * (spec.data as { values: { driver: string }[] }).values.map((row) => row.driver); // => ["service", "price"]
 * ```
 * @category Reports
 */
export function driverImportanceChart(analysis: DriverAnalysis, options: ChartOptions = {}): ChartSpec {
  const fn = "driverImportanceChart";
  checkKind(fn, analysis, "drivers", "drivers");
  const values = analysis.drivers
    .filter((driver) => driver.importance !== undefined)
    .map((driver) => ({
      driver: driver.name,
      importance: finite(driver.importance),
      lower: finite(driver.importanceInterval?.lower),
      upper: finite(driver.importanceInterval?.upper),
      spearman: finite(driver.spearman),
      n: driver.n,
    }));
  const size = frameOf(
    fn,
    options,
    `Relative importance (LMG share of R² = ${analysis.rSquared === undefined ? "–" : analysis.rSquared.toFixed(3)})`,
    Math.max(60, 26 * values.length),
  );
  const y = {
    field: "driver",
    type: "nominal",
    sort: { field: "importance", op: "max", order: "descending" },
    title: null,
    axis: { labelLimit: 240 },
  };
  return {
    $schema: SCHEMA,
    description: `Bars: the share of the R² of the score on ${values.length} drivers that each accounts for, with ${Math.round(100 * analysis.level)}% bootstrap intervals.`,
    title: size.title,
    width: size.width,
    height: size.height,
    data: { values },
    layer: [
      {
        mark: { type: "bar", color: "#2c6fbb" },
        encoding: {
          y,
          x: { field: "importance", type: "quantitative", title: "importance (R² units)" },
          tooltip: [
            { field: "driver", type: "nominal" },
            { field: "importance", type: "quantitative", format: ".3f" },
            { field: "lower", type: "quantitative", format: ".3f" },
            { field: "upper", type: "quantitative", format: ".3f" },
            { field: "spearman", type: "quantitative", format: ".3f", title: "Spearman" },
            { field: "n", type: "quantitative" },
          ],
        },
      },
      {
        mark: { type: "rule", color: "#333" },
        transform: [{ filter: "datum.lower != null" }],
        encoding: { y, x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } },
      },
    ],
  };
}

/**
 * A Vega-Lite line chart of each theme by period (`themesByPeriod` from `npskit/text`): one line per
 * theme, its share of the period's comments (`measure: "share"`, the default) or its NPS impact in
 * points against that period's baseline (`measure: "impact"`, with a rule at zero); tooltips give
 * mentions, comments and responses. Periods without a value (no comment, or no baseline) leave a gap.
 * O(periods × themes).
 *
 * @param byPeriod - The result of `themesByPeriod`.
 * @param options - Title, size and the measure.
 * @returns A Vega-Lite spec with its data inlined (one row per period and theme).
 * @throws {@link NpsError} `invalid_input` when `byPeriod` is not a `themesByPeriod` result; `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { themesByPeriodChart } from "npskit";
 * import { themesByPeriod } from "npskit/text";
 * const byPeriod = themesByPeriod(
 *   [
 *     { score: 2, comment: "long queue", date: new Date("2026-01-10") },
 *     { score: 10, comment: "great staff", date: new Date("2026-01-12") },
 *     { score: 9, comment: "fine", date: new Date("2026-02-05") },
 *   ],
 *   { period: "month", themes: [{ name: "Waiting", keywords: ["queue"] }] },
 * );
 * const spec = themesByPeriodChart(byPeriod);
 * (spec.data as { values: { period: string; value: number }[] }).values.map((row) => [row.period, row.value]);
 * // => [["2026-01", 0.5], ["2026-02", 0]]
 * ```
 * @category Reports
 */
export function themesByPeriodChart(
  byPeriod: ThemesByPeriod,
  options: ChartOptions & { readonly measure?: "share" | "impact" } = {},
): ChartSpec {
  const fn = "themesByPeriodChart";
  checkKind(fn, byPeriod, "themes-by-period", "themesByPeriod");
  const measure = options?.measure ?? "share";
  if (measure !== "share" && measure !== "impact") {
    throw new NpsError(
      "invalid_option",
      `${fn}: measure must be "share" or "impact", received ${describeValue(measure)}`,
    );
  }
  const values = byPeriod.points.flatMap((point) =>
    point.themes.map((theme) => ({
      period: point.label,
      theme: theme.name,
      value: finite(measure === "share" ? theme.share : theme.impact),
      mentions: theme.mentions,
      comments: point.comments,
      responses: point.responses,
    })),
  );
  const size = frameOf(
    fn,
    options ?? {},
    measure === "share"
      ? `Share of comments by ${byPeriod.period}, per theme`
      : `NPS impact by ${byPeriod.period}, per theme (points)`,
    240,
  );
  const x = {
    field: "period",
    type: "ordinal",
    sort: byPeriod.points.map((point) => point.label),
    title: null,
    axis: { labelOverlap: true },
  };
  const line = {
    mark: { type: "line", point: true },
    encoding: {
      x,
      y: {
        field: "value",
        type: "quantitative",
        title: measure === "share" ? "share of comments" : "impact (points)",
        ...(measure === "share" ? { axis: { format: ".0%" } } : {}),
      },
      color: { field: "theme", type: "nominal", title: "Theme", legend: { labelLimit: 240 } },
      tooltip: [
        { field: "theme", type: "nominal" },
        { field: "period", type: "ordinal" },
        {
          field: "value",
          type: "quantitative",
          title: measure === "share" ? "share of comments" : "impact",
          format: measure === "share" ? ".1%" : "+.1f",
        },
        { field: "mentions", type: "quantitative" },
        { field: "comments", type: "quantitative" },
        { field: "responses", type: "quantitative" },
      ],
    },
  };
  return {
    $schema: SCHEMA,
    description: `Lines: each of ${byPeriod.themes.length} themes' ${measure === "share" ? "share of the comments" : "NPS impact"} in each ${byPeriod.period} (${byPeriod.points.length} periods).`,
    title: size.title,
    width: size.width,
    height: size.height,
    data: { values },
    layer:
      measure === "share" ? [line] : [line, { mark: { type: "rule", color: "#333" }, encoding: { y: { datum: 0 } } }],
  };
}
