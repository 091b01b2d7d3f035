import type { DistributionEntry } from "../core/distribution.js";
import { NpsError } from "../core/errors.js";
import { roundScore } from "../core/roundScore.js";
import type { Category } from "../core/scale.js";
import type { CategoryValues } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import type { CrossSegmentBreakdown } from "../segments/crossSegment.js";
import type { SegmentBreakdown } from "../segments/segmentBy.js";
import type { TierBreakdown } from "../segments/segmentByTiers.js";
import type { RollingTrend } from "../trends/rollingTrend.js";
import type { RollingTrendBy } from "../trends/rollingTrendBy.js";
import type { Trend } from "../trends/trend.js";
import type { TrendBy } from "../trends/trendBy.js";
import type { TrendPoint } from "../trends/trendPoint.js";
import { levelText } from "./levelText.js";
import type { Overview } from "./overview.js";
import { type AnyTrend, isBySegment, isRolling } from "./trendKind.js";

/**
 * A Vega-Lite specification: a plain JSON object that Vega-Lite 5 or 6 (vega-embed, Observable's
 * `vl`, Altair's `alt.Chart.from_dict`, JupyterLab's Vega-Lite renderer) draws as it is. The data are
 * inlined in `data.values`; nothing is loaded from anywhere.
 *
 * @category Reports
 */
export interface ChartSpec {
  /** The Vega-Lite schema URL; it names the version and is never fetched. */
  readonly $schema: string;
  /** A short description, shown to screen readers. */
  readonly description: string;
  /** The other top-level properties (`data`, `mark` or `layer`, `encoding`, `width`…), as Vega-Lite defines them. */
  readonly [property: string]: unknown;
}

/**
 * Options shared by the chart functions ({@link trendChart}, {@link trendSharesChart},
 * {@link segmentChart}, {@link distributionChart}, {@link migrationChart}).
 *
 * @category Reports
 */
export interface ChartOptions {
  /** Title shown above the chart. @defaultValue a title that says what the chart shows */
  readonly title?: string;
  /** Width of the plotting area in pixels, a number > 0. @defaultValue 560 */
  readonly width?: number;
  /**
   * Height of the plotting area in pixels, a number > 0. @defaultValue 260 (for {@link segmentChart}:
   * 26 pixels per segment)
   */
  readonly height?: number;
}

/**
 * One cell of a migration table for {@link migrationChart}: how many respondents were in category
 * `from` in the first wave and in category `to` in the second.
 *
 * @category Reports
 */
export interface MigrationCell {
  /** Category in the first wave. */
  readonly from: Category;
  /** Category in the second wave. */
  readonly to: Category;
  /** Number (or sum of weights) of respondents, finite and ≥ 0. */
  readonly count: number;
}

/**
 * A 3×3 migration table by first-wave category (rows), each row giving the counts by second-wave
 * category: the shape of the table returned by the customer migration functions.
 *
 * @category Reports
 */
export interface MigrationRows {
  /** First-wave promoters by their category in the second wave. */
  readonly promoters: CategoryValues;
  /** First-wave passives by their category in the second wave. */
  readonly passives: CategoryValues;
  /** First-wave detractors by their category in the second wave. */
  readonly detractors: CategoryValues;
}

/** The Vega-Lite v6 schema URL: identifies the version, never fetched. */
export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const CATEGORIES: ReadonlyArray<Category> = ["detractor", "passive", "promoter"];
const PLURAL = { promoter: "promoters", passive: "passives", detractor: "detractors" } as const;
/** Red, grey, green: the colours of the three categories in every chart. */
const CATEGORY_COLORS = ["#d6604d", "#a3a3a3", "#1b9e77"];
const LINE_COLOR = "#2c6fbb";

function categoryScale(): Record<string, unknown> {
  return { domain: [...CATEGORIES], range: [...CATEGORY_COLORS] };
}

interface Frame {
  readonly title: string;
  readonly width: number;
  readonly height: number;
}

/** The chart options checked, with their defaults: the title, the width (560) and the height. */
export function frameOf(fn: string, options: ChartOptions, title: string, height: number): Frame {
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  for (const name of ["width", "height"] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      throw new NpsError(
        "invalid_option",
        `${fn}: ${name} must be a finite number greater than 0, received ${describeValue(value)}`,
      );
    }
  }
  if (options.title !== undefined && typeof options.title !== "string") {
    throw new NpsError("invalid_option", `${fn}: title must be a string, received ${describeValue(options.title)}`);
  }
  return { title: options.title ?? title, width: options.width ?? 560, height: options.height ?? height };
}

/** A finite number, or `null` (JSON has no NaN; Vega-Lite leaves nulls out). `-0` becomes `0`. */
export function finite(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value + 0;
}

function invalidInput(fn: string, what: string, value: unknown): NpsError {
  return new NpsError("invalid_input", `${fn}: ${what}, received ${describeValue(value)}`);
}

/** The trend's series: one unnamed series, or one per segment. */
function seriesOf(fn: string, trend: AnyTrend): ReadonlyArray<{ segment?: string; points: ReadonlyArray<TrendPoint> }> {
  if (trend === null || typeof trend !== "object") {
    throw invalidInput(fn, "trend must be the result of trend, rollingTrend or trendBy", trend);
  }
  if (isBySegment(trend) && Array.isArray(trend.segments)) {
    return trend.segments.map((segment) => ({ segment: segmentLabel(segment.key), points: segment.trend.points }));
  }
  if ((trend.kind === "trend" || trend.kind === "rolling-trend") && Array.isArray(trend.points)) {
    return [{ points: trend.points }];
  }
  throw invalidInput(fn, "trend must be the result of trend, rollingTrend or trendBy", trend);
}

/** The label of a segment key, as the text reports print it. */
function segmentLabel(key: string | number | boolean | null): string {
  if (key === null) return "(no value)";
  if (key === "") return '""';
  if (typeof key === "number") return String(key + 0);
  return String(key);
}

/** The period labels in time order (by index, then first seen), for the x axis. */
function periodOrder(series: ReadonlyArray<{ points: ReadonlyArray<TrendPoint> }>): string[] {
  const first = new Map<string, number>();
  for (const { points } of series) {
    for (const point of points) if (!first.has(point.label)) first.set(point.label, point.index);
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([label]) => label);
}

function trendTitle(trend: AnyTrend, what: string): string {
  if (isRolling(trend)) {
    const bySegment = isBySegment(trend) ? " by segment" : "";
    return `${what}${bySegment}, trailing ${trend.window.days}-day windows (${trend.timeZone})`;
  }
  if (isBySegment(trend)) return `${what} by ${trend.period} and segment (${trend.timeZone})`;
  return `${what} by ${trend.period} (${trend.timeZone})`;
}

/**
 * A Vega-Lite line chart of a trend: the NPS of each period (or trailing window) as a line with
 * points, over a band showing its confidence interval, in a neutral blue (red, grey and green are kept
 * for the categories). Periods flagged `small` (fewer responses than the trend's `minResponses`) are
 * drawn as hollow points without a band, and a legend says so. Per-segment trends ({@link trendBy},
 * {@link rollingTrendBy}) are drawn as small multiples: one panel per segment, in the trend's order,
 * on shared axes. Periods without responses have `null` figures, so the line breaks there. The x axis
 * lists the period labels in time order, horizontally, at most one label every 64 pixels; tooltips
 * give n, NPS and interval. Pair it with {@link trendSharesChart} for the categories. Browser-safe,
 * no dependency. O(points).
 *
 * @param trend - The result of `trend`, `rollingTrend`, `trendBy` or `rollingTrendBy`.
 * @param options - Title and size (for per-segment trends, the size of each panel).
 * @returns A Vega-Lite spec with its data inlined (one row per point and segment).
 * @throws {@link NpsError} `invalid_input` when `trend` is not a trend result; `invalid_option` for a
 * size that is not a number > 0 or a title that is not a string.
 * @example
 * ```ts
 * import { trend, trendChart } from "npskit";
 * const spec = trendChart(
 *   trend([
 *     { score: 10, date: new Date("2026-01-15T10:00:00Z") },
 *     { score: 3, date: new Date("2026-03-20T10:00:00Z") },
 *   ]),
 * );
 * spec.$schema; // => "https://vega.github.io/schema/vega-lite/v6.json"
 * (spec.data as { values: { period: string; nps: number | null }[] }).values.map((row) => [row.period, row.nps]); // => [["2026-01", 100], ["2026-02", null], ["2026-03", -100]]
 * (spec.data as { values: { small: boolean }[] }).values.map((row) => row.small); // => [true, false, true]
 * ```
 * @category Reports
 */
export function trendChart(
  trend: Trend | RollingTrend | TrendBy | RollingTrend | RollingTrendBy,
  options: ChartOptions = {},
): ChartSpec {
  const fn = "trendChart";
  const series = seriesOf(fn, trend);
  const bySegment = isBySegment(trend);
  const frame = frameOf(fn, options, trendTitle(trend, "NPS"), bySegment ? 110 : 260);
  const values = series.flatMap(({ segment, points }, order) =>
    points.map((point) => ({
      ...(segment === undefined ? {} : { segment, order }),
      period: point.label,
      index: point.index,
      n: point.n,
      nps: finite(point.nps),
      lower: finite(point.interval?.lower),
      upper: finite(point.interval?.upper),
      small: point.small === true,
      // The band of a small period is left out: its interval says little, and the adjusted one can
      // even leave out the NPS.
      bandLower: point.small === true ? null : finite(point.interval?.lower),
      bandUpper: point.small === true ? null : finite(point.interval?.upper),
    })),
  );
  const x = {
    field: "period",
    type: "ordinal",
    sort: periodOrder(series),
    title: null,
    axis: periodAxis(series, frame),
  };
  const level = levelOf(series);
  const minResponses = minResponsesOf(trend);
  const layer = [
    {
      mark: { type: "area", opacity: 0.18, color: LINE_COLOR },
      encoding: { y: { field: "bandLower", type: "quantitative", title: "NPS" }, y2: { field: "bandUpper" } },
    },
    {
      mark: { type: "line", color: LINE_COLOR },
      encoding: { y: { field: "nps", type: "quantitative", title: "NPS" } },
    },
    {
      mark: { type: "point", size: 40, color: LINE_COLOR, strokeWidth: 1.5, opacity: 1 },
      encoding: {
        y: { field: "nps", type: "quantitative", title: "NPS" },
        fill: {
          field: "small",
          type: "nominal",
          scale: { domain: [false, true], range: [LINE_COLOR, "#ffffff"] },
          legend: values.some((row) => row.small)
            ? { title: `Fewer than ${minResponses} responses`, labelExpr: "datum.value ? 'yes' : 'no'" }
            : null,
        },
        tooltip: [
          ...(bySegment ? [{ field: "segment", type: "nominal", title: "Segment" }] : []),
          { field: "period", type: "ordinal", title: "Period" },
          { field: "n", type: "quantitative", title: "n" },
          { field: "nps", type: "quantitative", title: "NPS", format: "+.1f" },
          { field: "lower", type: "quantitative", title: `${level} lower`, format: "+.1f" },
          { field: "upper", type: "quantitative", title: `${level} upper`, format: "+.1f" },
        ],
      },
    },
  ];
  const description = `${frame.title}: NPS of each period with its ${level} confidence interval${bySegment ? ", one panel per segment" : ""}`;
  if (!bySegment) {
    return {
      $schema: SCHEMA,
      description,
      title: frame.title,
      width: frame.width,
      height: frame.height,
      data: { values },
      encoding: { x },
      layer,
    };
  }
  return {
    $schema: SCHEMA,
    description,
    title: frame.title,
    data: { values },
    facet: {
      row: {
        field: "segment",
        type: "nominal",
        // Sorted by a number, not by a list of labels (see segmentChart).
        sort: { field: "order", op: "min", order: "ascending" },
        title: null,
        header: { labelAngle: 0, labelAnchor: "start", labelOrient: "top", labelFontWeight: "bold" },
      },
    },
    spec: { width: frame.width, height: frame.height, encoding: { x }, layer },
    resolve: { scale: { x: "shared", y: "shared" } },
  };
}

/** The `minResponses` of a trend (of its first segment's trend), 0 when the result does not carry one. */
function minResponsesOf(trend: AnyTrend): number {
  const part = isBySegment(trend) ? trend.segments[0]?.trend : trend;
  return typeof part?.minResponses === "number" ? part.minResponses : 0;
}

/**
 * The x axis of a trend chart: horizontal labels, at most one every 64 pixels (every k-th period,
 * from the first), so that labels never have to be turned to be read.
 */
function periodAxis(
  series: ReadonlyArray<{ points: ReadonlyArray<TrendPoint> }>,
  frame: Frame,
): Record<string, unknown> {
  const labels = periodOrder(series);
  const room = Math.max(1, Math.floor(frame.width / 64));
  const every = Math.ceil(labels.length / room);
  return {
    labelAngle: 0,
    labelOverlap: true,
    ...(every > 1 ? { values: labels.filter((_, i) => i % every === 0) } : {}),
  };
}

function levelOf(series: ReadonlyArray<{ points: ReadonlyArray<TrendPoint> }>): string {
  for (const { points } of series) {
    for (const point of points) if (point.interval !== undefined) return percentText(point.interval.level);
  }
  return "95%";
}

function percentText(level: number): string {
  return levelText(level);
}

/**
 * A Vega-Lite stacked bar chart of a trend's categories: for each period (or trailing window) the
 * shares of detractors, passives and promoters, adding up to 100%, in the same red, grey and green as
 * every npskit chart; one row of bars per segment for {@link trendBy}. Periods without responses have
 * no bar. Browser-safe, no dependency. O(points).
 *
 * @param trend - The result of `trend`, `rollingTrend` or `trendBy`.
 * @param options - Title and size (of each row for {@link trendBy}).
 * @returns A Vega-Lite spec with its data inlined (one row per point, category and segment).
 * @throws {@link NpsError} `invalid_input` when `trend` is not a trend result; `invalid_option` for a
 * size that is not a number > 0 or a title that is not a string.
 * @example
 * ```ts
 * import { trend, trendSharesChart } from "npskit";
 * const spec = trendSharesChart(trend([{ score: 10, date: new Date("2026-01-15T10:00:00Z") }, { score: 3, date: new Date("2026-01-20T10:00:00Z") }]));
 * (spec.data as { values: { category: string; share: number }[] }).values.map((row) => [row.category, row.share]); // => [["detractor", 0.5], ["passive", 0], ["promoter", 0.5]]
 * spec.mark; // => { type: "bar" }
 * ```
 * @category Reports
 */
export function trendSharesChart(
  trend: Trend | RollingTrend | TrendBy | RollingTrend | RollingTrendBy,
  options: ChartOptions = {},
): ChartSpec {
  const fn = "trendSharesChart";
  const series = seriesOf(fn, trend);
  const bySegment = isBySegment(trend);
  const frame = frameOf(fn, options, trendTitle(trend, "Promoters, passives and detractors"), bySegment ? 120 : 220);
  const values = series.flatMap(({ segment, points }) =>
    points.flatMap((point) => {
      const shares = point.shares;
      if (shares === undefined) return [];
      return CATEGORIES.map((category, order) => ({
        ...(segment === undefined ? {} : { segment }),
        period: point.label,
        index: point.index,
        category,
        order,
        share: finite(shares[PLURAL[category]]),
        count: finite(point.tally[PLURAL[category]]),
      }));
    }),
  );
  return {
    $schema: SCHEMA,
    description: `${frame.title}: share of each category per period`,
    title: frame.title,
    width: frame.width,
    height: frame.height,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: { field: "period", type: "ordinal", sort: periodOrder(series), title: null, axis: periodAxis(series, frame) },
      y: {
        field: "share",
        type: "quantitative",
        stack: "zero",
        title: "Share",
        axis: { format: ".0%" },
        scale: { domain: [0, 1] },
      },
      color: { field: "category", type: "nominal", title: "Category", scale: categoryScale() },
      order: { field: "order", type: "quantitative" },
      ...(bySegment
        ? {
            row: {
              field: "segment",
              type: "nominal",
              title: null,
              header: { labelAngle: 0, labelAnchor: "start", labelOrient: "top", labelFontWeight: "bold" },
            },
          }
        : {}),
      tooltip: [
        ...(bySegment ? [{ field: "segment", type: "nominal", title: "Segment" }] : []),
        { field: "period", type: "ordinal", title: "Period" },
        { field: "category", type: "nominal", title: "Category" },
        { field: "count", type: "quantitative", title: "Count" },
        { field: "share", type: "quantitative", title: "Share", format: ".1%" },
      ],
    },
  };
}

/**
 * A Vega-Lite forest plot of a segment breakdown: for each segment (or cell, or tier) its NPS as a
 * point and its confidence interval as a horizontal line, in the breakdown's order, with a dashed
 * vertical rule at the NPS of all segmented responses. Segments flagged `small` are drawn hollow.
 * Tooltips give n, share, NPS, interval and the difference from the rest. Browser-safe, no dependency.
 * O(segments).
 *
 * @param breakdown - The result of {@link segmentBy}, {@link segmentByTiers} or {@link crossSegment}.
 * @param options - Title and size.
 * @returns A Vega-Lite spec with its data inlined (one row per segment; the overall rule has its own
 * one-row data and is absent when the breakdown has no total).
 * @throws {@link NpsError} `invalid_input` when `breakdown` is not a segment breakdown;
 * `invalid_option` for a size that is not a number > 0 or a title that is not a string.
 * @example
 * ```ts
 * import { segmentBy, segmentChart } from "npskit";
 * const responses = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 3 : 10, attributes: { plan: "pro" } })),
 *   ...Array.from({ length: 20 }, (_, i) => ({ score: i % 2 === 0 ? 2 : 9, attributes: { plan: "free" } })),
 * ];
 * const spec = segmentChart(segmentBy(responses, "plan"));
 * (spec.data as { values: { segment: string; nps: number }[] }).values.map((row) => [row.segment, row.nps]); // => [["free", 0], ["pro", 50]]
 * (spec.layer as unknown[]).length; // => 3
 * ```
 * @category Reports
 */
export function segmentChart(
  breakdown: SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown,
  options: ChartOptions = {},
): ChartSpec {
  const fn = "segmentChart";
  const rows =
    breakdown !== null && typeof breakdown === "object"
      ? breakdown.kind === "cross-segment-breakdown"
        ? breakdown.cells
        : breakdown.segments
      : undefined;
  if (!Array.isArray(rows)) {
    throw invalidInput(fn, "breakdown must be the result of segmentBy, segmentByTiers or crossSegment", breakdown);
  }
  const level = percentText(breakdown.settings.level);
  const frame = frameOf(fn, options, "NPS by segment", Math.max(60, 26 * rows.length));
  const values = rows.map((row, order) => ({
    segment: row.label,
    order,
    n: row.n,
    share: finite(row.share),
    nps: finite(row.nps),
    lower: finite(row.interval.lower),
    upper: finite(row.interval.upper),
    vsRest: finite(row.vsRest?.difference),
    small: row.small,
  }));
  const y = {
    field: "segment",
    type: "nominal",
    // Sorted by a number, not by a list of labels: Vega-Lite writes such a list into a Vega expression,
    // where a label holding U+2028 or U+2029 is a syntax error and the chart is not drawn.
    sort: { field: "order", op: "min", order: "ascending" },
    title: null,
    axis: { labelLimit: 260 },
  };
  const total = finite(breakdown.total?.nps);
  const layers: unknown[] = [
    {
      mark: { type: "rule", color: LINE_COLOR, strokeWidth: 2 },
      encoding: { x: { field: "lower", type: "quantitative", title: "NPS" }, x2: { field: "upper" }, y },
    },
    {
      mark: { type: "point", size: 70, color: LINE_COLOR, strokeWidth: 2 },
      encoding: {
        x: { field: "nps", type: "quantitative", title: "NPS" },
        y,
        fill: {
          field: "small",
          type: "nominal",
          scale: { domain: [false, true], range: [LINE_COLOR, "#ffffff"] },
          legend: values.some((row) => row.small)
            ? {
                title: `Fewer than ${breakdown.settings.minResponses} responses`,
                labelExpr: "datum.value ? 'yes' : 'no'",
              }
            : null,
        },
        tooltip: [
          { field: "segment", type: "nominal", title: "Segment" },
          { field: "n", type: "quantitative", title: "n" },
          { field: "share", type: "quantitative", title: "Share", format: ".1%" },
          { field: "nps", type: "quantitative", title: "NPS", format: "+.1f" },
          { field: "lower", type: "quantitative", title: `${level} lower`, format: "+.1f" },
          { field: "upper", type: "quantitative", title: `${level} upper`, format: "+.1f" },
          { field: "vsRest", type: "quantitative", title: "vs rest", format: "+.1f" },
        ],
      },
    },
  ];
  if (total !== null) {
    layers.unshift({
      data: { values: [{ overall: total }] },
      mark: { type: "rule", strokeDash: [4, 4], color: "#555555" },
      encoding: {
        x: { field: "overall", type: "quantitative" },
        tooltip: [{ field: "overall", type: "quantitative", title: "All segments", format: "+.1f" }],
      },
    });
  }
  return {
    $schema: SCHEMA,
    description: `${frame.title}: NPS of each segment with its ${level} confidence interval`,
    title: frame.title,
    width: frame.width,
    height: frame.height,
    data: { values },
    layer: layers,
  };
}

/**
 * A Vega-Lite bar chart of the score distribution: one bar per scale value, lowest first, coloured by
 * category (detractors red, passives grey, promoters green). Tooltips give the count and the share of
 * all answers. Browser-safe, no dependency. O(scale values).
 *
 * @param input - An {@link Overview}, or the entries of {@link distribution}.
 * @param options - Title and size.
 * @returns A Vega-Lite spec with its data inlined (one row per scale value).
 * @throws {@link NpsError} `invalid_input` when `input` is neither an overview nor distribution
 * entries; `invalid_option` for a size that is not a number > 0 or a title that is not a string.
 * @example
 * ```ts
 * import { distributionChart, overview } from "npskit";
 * const spec = distributionChart(overview({ responses: [{ score: 10 }, { score: 9 }, { score: 3 }] }));
 * (spec.data as { values: { score: number; count: number }[] }).values.filter((row) => row.count > 0); // => [{ score: 3, category: "detractor", count: 1, share: 1 / 3 }, { score: 9, category: "promoter", count: 1, share: 1 / 3 }, { score: 10, category: "promoter", count: 1, share: 1 / 3 }]
 * spec.mark; // => { type: "bar" }
 * ```
 * @category Reports
 */
export function distributionChart(
  input: Overview | ReadonlyArray<DistributionEntry>,
  options: ChartOptions = {},
): ChartSpec {
  const fn = "distributionChart";
  const entries = Array.isArray(input)
    ? input
    : input !== null && typeof input === "object" && "distribution" in input
      ? input.distribution
      : undefined;
  if (!Array.isArray(entries)) {
    throw invalidInput(fn, "input must be an overview or an array of distribution entries", input);
  }
  entries.forEach((entry: unknown, i: number) => {
    const { score, count, category } = (entry ?? {}) as Partial<DistributionEntry>;
    if (
      !Number.isSafeInteger(score) ||
      typeof count !== "number" ||
      !(count >= 0 && Number.isFinite(count)) ||
      !["promoter", "passive", "detractor"].includes(category as string)
    ) {
      throw invalidInput(
        fn,
        `input[${i}] must be a distribution entry (an integer score, a count >= 0 and a category)`,
        entry,
      );
    }
  });
  const frame = frameOf(fn, options, "Scores", 220);
  const total = entries.reduce((sum: number, entry: DistributionEntry) => sum + entry.count, 0);
  const values = entries.map((entry: DistributionEntry) => ({
    score: entry.score,
    category: entry.category,
    count: entry.count,
    share: total > 0 ? entry.count / total : null,
  }));
  return {
    $schema: SCHEMA,
    description: `${frame.title}: number of answers for each score`,
    title: frame.title,
    width: frame.width,
    height: frame.height,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: { field: "score", type: "ordinal", title: "Score", axis: { labelAngle: 0 } },
      y: { field: "count", type: "quantitative", title: "Answers" },
      color: { field: "category", type: "nominal", title: "Category", scale: categoryScale() },
      tooltip: [
        { field: "score", type: "ordinal", title: "Score" },
        { field: "category", type: "nominal", title: "Category" },
        { field: "count", type: "quantitative", title: "Answers" },
        { field: "share", type: "quantitative", title: "Share", format: ".1%" },
      ],
    },
  };
}

/**
 * A Vega-Lite heat map of a 3×3 migration table: first-wave category down, second-wave category
 * across, each cell shaded by its share of the row (of the first wave's detractors, how many became
 * promoters…) and labelled with its count and that share, e.g. `12 (40%)`. Missing cells count 0. It takes plain data,
 * so any table of `{ from, to, count }` cells (or rows of category counts) fits. Browser-safe, no
 * dependency. O(cells).
 *
 * @param table - The cells, or rows `{ promoters, passives, detractors }` of second-wave counts.
 * @param options - Title and size.
 * @returns A Vega-Lite spec with its data inlined (always the nine cells, detractors first).
 * @throws {@link NpsError} `invalid_input` for a category that is not `"promoter"`, `"passive"` or
 * `"detractor"`, a count that is not a finite number ≥ 0, or the same cell twice; `invalid_option`
 * for a size that is not a number > 0 or a title that is not a string.
 * @example
 * ```ts
 * import { migrationChart } from "npskit";
 * const spec = migrationChart([
 *   { from: "passive", to: "promoter", count: 3 },
 *   { from: "passive", to: "passive", count: 1 },
 * ]);
 * const cells = (spec.data as { values: { from: string; to: string; count: number; rowShare: number | null }[] }).values;
 * cells.length; // => 9
 * cells.filter((cell) => cell.from === "passive").map((cell) => [cell.to, cell.count, cell.rowShare]); // => [["detractor", 0, 0], ["passive", 1, 0.25], ["promoter", 3, 0.75]]
 * cells.find((cell) => cell.from === "passive" && cell.to === "promoter")?.label; // => "3 (75%)"
 * ```
 * @category Reports
 */
export function migrationChart(
  table: ReadonlyArray<MigrationCell> | MigrationRows,
  options: ChartOptions = {},
): ChartSpec {
  const fn = "migrationChart";
  const cells = migrationCells(fn, table);
  const frame = frameOf(fn, options, "Category in the first and second wave", 200);
  const counts = new Map<string, number>();
  cells.forEach((cell, index) => {
    if (!CATEGORIES.includes(cell?.from) || !CATEGORIES.includes(cell?.to)) {
      throw invalidInput(
        fn,
        `table[${index}] must have from and to among "promoter", "passive", "detractor"`,
        cell === null || typeof cell !== "object" ? cell : CATEGORIES.includes(cell.from) ? cell.to : cell.from,
      );
    }
    if (typeof cell.count !== "number" || !Number.isFinite(cell.count) || cell.count < 0) {
      throw invalidInput(fn, `table[${index}].count must be a finite number greater than or equal to 0`, cell.count);
    }
    const key = `${cell.from}>${cell.to}`;
    if (counts.has(key)) {
      throw invalidInput(fn, `table[${index}] must be the only cell from ${cell.from} to ${cell.to}`, key);
    }
    counts.set(key, cell.count);
  });
  const values = CATEGORIES.flatMap((from) => {
    const rowTotal = CATEGORIES.reduce((sum, to) => sum + (counts.get(`${from}>${to}`) ?? 0), 0);
    return CATEGORIES.map((to) => {
      const count = (counts.get(`${from}>${to}`) ?? 0) + 0;
      const rowShare = rowTotal > 0 ? count / rowTotal : null;
      const shown = Number.isInteger(count) ? String(count) : roundScore(count, 1).toFixed(1);
      const label = rowShare === null ? shown : `${shown} (${roundScore(100 * rowShare, 0)}%)`;
      return { from, to, count, rowShare, label };
    });
  });
  const axisOrder = [...CATEGORIES];
  const x = { field: "to", type: "nominal", sort: axisOrder, title: "Second wave", axis: { labelAngle: 0 } };
  const y = { field: "from", type: "nominal", sort: axisOrder, title: "First wave" };
  return {
    $schema: SCHEMA,
    description: `${frame.title}: respondents by category in the first wave (rows) and the second (columns)`,
    title: frame.title,
    width: frame.width,
    height: frame.height,
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          color: {
            field: "rowShare",
            type: "quantitative",
            title: "Share of the row",
            scale: { scheme: "blues", domain: [0, 1] },
            legend: { format: ".0%" },
          },
          tooltip: [
            { field: "from", type: "nominal", title: "First wave" },
            { field: "to", type: "nominal", title: "Second wave" },
            { field: "count", type: "quantitative", title: "Respondents" },
            { field: "rowShare", type: "quantitative", title: "Share of the row", format: ".1%" },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 13 },
        encoding: {
          text: { field: "label", type: "nominal" },
          color: { condition: { test: "datum.rowShare > 0.6", value: "#ffffff" }, value: "#222222" },
        },
      },
    ],
  };
}

function migrationCells(fn: string, table: ReadonlyArray<MigrationCell> | MigrationRows): ReadonlyArray<MigrationCell> {
  if (Array.isArray(table)) return table;
  if (table !== null && typeof table === "object") {
    const rows = table as MigrationRows;
    if (CATEGORIES.every((from) => rows[PLURAL[from]] !== null && typeof rows[PLURAL[from]] === "object")) {
      return CATEGORIES.flatMap((from) =>
        CATEGORIES.map((to) => ({ from, to, count: rows[PLURAL[from]][PLURAL[to]] })),
      );
    }
  }
  throw invalidInput(fn, "table must be an array of { from, to, count } cells or a migration table", table);
}
