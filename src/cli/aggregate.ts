import { type Calendar, locate, nextPeriodStart, periodStart, type TrendPeriod } from "../core/calendar.js";
import { NpsError } from "../core/errors.js";
import { commonRange, type TallySums } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import { attributeListText, keyLabel, type SegmentKey } from "../core/segmentKey.js";
import { newWeightedSums, type WeightedSums } from "../core/tally.js";
import type { IntervalMethod } from "../inference/confidenceInterval.js";
import type { ReportDocument } from "../report/reportData.js";
import { crossBreakdownOf } from "../segments/crossSegment.js";
import { breakdownOf } from "../segments/segmentBy.js";
import { resolveSegmentOptions } from "../segments/segmentFigures.js";
import { type RollingStep, type RollingTrend, resolveRollingOptions, rollingOfDays } from "../trends/rollingTrend.js";
import type { RollingTrendBy } from "../trends/rollingTrendBy.js";
import { resolvePeriodOptions, type Trend, trendOfSums } from "../trends/trend.js";
import type { TrendBy } from "../trends/trendBy.js";
import { resolveTrendOptions } from "../trends/trendPoint.js";

/** What the report computes, as `report` checked it. */
export interface AggregateAnalysis {
  readonly by: ReadonlyArray<string>;
  readonly tiers?: unknown;
  readonly period?: TrendPeriod;
  readonly rolling?: { readonly days: number; readonly step?: RollingStep };
  readonly respondents?: "all" | "latest";
  readonly timeZone?: string;
  readonly level: number;
  readonly method: IntervalMethod;
}

/**
 * Segments and trends computed from running sums while the file streams: per segment key (or pair of
 * keys), per calendar period (`--period`) or per calendar day (`--rolling`), so that memory grows with
 * the number of keys and days, not rows. The figures are those of `buildReport` on the same responses:
 * the sums are added in the same order as the library functions add them, and the statistics are
 * computed by the same internal functions.
 */
export interface Aggregator {
  /** Adds accepted responses, in file order. */
  add(responses: ReadonlyArray<NpsResponse>): void;
  /** The segments and trend of everything added (the fields of a report document). */
  result(): Omit<ReportDocument, "overview">;
}

/**
 * Whether the analysis can be computed from running sums: not tiers (quantiles need every value) and
 * not `--respondents latest` (each respondent's latest answer needs every answer).
 */
export function canAggregate(analysis: AggregateAnalysis): boolean {
  if (analysis.tiers !== undefined || analysis.respondents === "latest") return false;
  return analysis.by.length > 0 || analysis.period !== undefined || analysis.rolling !== undefined;
}

/** Running sums of one trend series (all responses, or one segment). */
interface Series {
  /** Sums per period (or per day for a rolling trend), keyed by the period's start instant. */
  readonly buckets: Map<number, Float64Array>;
  /**
   * For a weighted rolling trend, the category and weight of each response per day, in file order:
   * sliding windows add and remove each weight in turn, and per-day sums of weights would round
   * differently (unweighted, the sums are counts, which add up exactly).
   */
  readonly days: Map<number, { readonly categories: number[]; readonly weights: number[] }>;
  length: number;
  dated: number;
  first: number;
  last: number;
}

/** A new aggregator for `analysis` (which {@link canAggregate} accepted). */
export function createAggregator(analysis: AggregateAnalysis): Aggregator {
  const interval = { level: analysis.level, method: analysis.method };
  const [nameA, nameB] = analysis.by;
  const segmentFn = nameB === undefined ? "segmentBy" : "crossSegment";
  const segmentOptions = nameA === undefined ? undefined : resolveSegmentOptions(segmentFn, interval);
  const trendFn =
    analysis.rolling !== undefined
      ? nameA === undefined
        ? "rollingTrend"
        : "rollingTrendBy"
      : nameA === undefined
        ? "trend"
        : "trendBy";
  const hasTrend = analysis.period !== undefined || analysis.rolling !== undefined;
  const trendOptions = hasTrend
    ? resolveTrendOptions(trendFn, {
        ...interval,
        ...(analysis.timeZone === undefined ? {} : { timeZone: analysis.timeZone }),
        ...(analysis.respondents === undefined ? {} : { respondents: analysis.respondents }),
      })
    : undefined;
  const bucketOf =
    trendOptions === undefined
      ? undefined
      : bucketFinder(analysis.rolling === undefined ? (analysis.period as TrendPeriod) : "day", trendOptions.calendar);
  const scale = (segmentOptions ?? trendOptions)?.scale;
  if (scale === undefined) throw new Error("createAggregator: nothing to aggregate");
  const { promoterMin, detractorMax } = scale;

  let count = 0;
  let weighted = false;
  const names = new Set<string>();
  let seenA = false;
  let seenB = false;
  // Segment keys (of the first attribute, or pairs), in order of first appearance, with their sums.
  const positions = new Map<SegmentKey, number>();
  const keys: SegmentKey[] = [];
  const pairPositions = new Map<SegmentKey, Map<SegmentKey, number>>();
  const pairs: (readonly [SegmentKey, SegmentKey])[] = [];
  const segmentSums: WeightedSums[] = [];
  const leftOut: number[] = [];
  // Trend series: one for all responses, or one per key of the first attribute (same positions).
  const series: Series[] = [];
  let trendLeftOut = 0;

  const keyOf = (response: NpsResponse, name: string): SegmentKey | undefined => {
    const attributes = response.attributes;
    if (attributes === undefined || attributes === null || !Object.hasOwn(attributes, name)) return undefined;
    return attributes[name] as SegmentKey | undefined;
  };
  const newSeries = (): Series => ({
    buckets: new Map(),
    days: new Map(),
    length: 0,
    dated: 0,
    first: Number.NaN,
    last: Number.NaN,
  });
  if (nameA === undefined) series.push(newSeries());

  return {
    add(responses) {
      for (const response of responses) {
        const index = count++;
        const given = response.weight;
        if (index === 0) weighted = given !== undefined;
        else if ((given === undefined) === weighted) {
          throw new NpsError(
            "invalid_input",
            `${trendFn}: weight must be present on every response when any response is weighted, missing at index ${weighted ? index : 0}`,
          );
        }
        const weight = given ?? 1;
        const score = response.score;
        const category = score >= promoterMin ? 0 : score <= detractorMax ? 2 : 1;
        const attributes = response.attributes;
        if (attributes !== undefined && attributes !== null) {
          for (const name of Object.keys(attributes)) names.add(name);
        }
        let group = -1;
        if (nameA !== undefined) {
          const a = keyOf(response, nameA);
          if (a !== undefined || (attributes !== undefined && attributes !== null && Object.hasOwn(attributes, nameA)))
            seenA = true;
          if (
            nameB !== undefined &&
            attributes !== undefined &&
            attributes !== null &&
            Object.hasOwn(attributes, nameB)
          )
            seenB = true;
          if (a !== undefined) {
            let position = positions.get(a);
            if (position === undefined) {
              position = keys.length;
              positions.set(a, position);
              keys.push(a);
              if (nameB === undefined) segmentSums.push(newWeightedSums());
              if (hasTrend) series.push(newSeries());
            }
            group = position;
          } else trendLeftOut++;
          // The segment cell: the key of the first attribute, or the pair of keys.
          let cell = nameB === undefined ? group : -1;
          if (nameB !== undefined && a !== undefined) {
            const b = keyOf(response, nameB);
            if (b !== undefined) {
              let inner = pairPositions.get(a);
              if (inner === undefined) {
                inner = new Map();
                pairPositions.set(a, inner);
              }
              cell = inner.get(b) ?? -1;
              if (cell < 0) {
                cell = pairs.length;
                inner.set(b, cell);
                pairs.push([a, b]);
                segmentSums.push(newWeightedSums());
              }
            }
          }
          if (cell < 0) leftOut.push(index);
          else {
            // As `accumulateGroups` adds a response.
            const target = segmentSums[cell] as WeightedSums;
            target[category] = (target[category] as number) + weight;
            if (weighted) {
              target[3 + category] = (target[3 + category] as number) + weight * weight;
              target[6 + category] = (target[6 + category] as number) + 1;
            }
          }
        }
        if (bucketOf === undefined) continue;
        const target = nameA === undefined ? series[0] : group >= 0 ? series[group] : undefined;
        if (target === undefined) continue;
        target.length++;
        const time = response.date?.getTime();
        if (time === undefined || Number.isNaN(time)) continue;
        if (target.dated === 0 || time < target.first) target.first = time;
        if (target.dated === 0 || time > target.last) target.last = time;
        target.dated++;
        const start = bucketOf(time);
        let sums = target.buckets.get(start);
        if (sums === undefined) {
          sums = new Float64Array(9);
          target.buckets.set(start, sums);
        }
        // As `addResponse` adds a response.
        sums[category] = (sums[category] as number) + weight;
        sums[3 + category] = (sums[3 + category] as number) + weight * weight;
        sums[6 + category] = (sums[6 + category] as number) + 1;
        if (weighted && analysis.rolling !== undefined) {
          let day = target.days.get(start);
          if (day === undefined) {
            day = { categories: [], weights: [] };
            target.days.set(start, day);
          }
          day.categories.push(category);
          day.weights.push(weight);
        }
      }
    },
    result() {
      let segments: ReportDocument["segments"];
      if (nameA !== undefined && segmentOptions !== undefined) {
        checkExists(segmentFn, nameA, seenA, count, names);
        if (nameB === undefined) {
          segments = breakdownOf(
            segmentFn,
            keys.map((key) => ({ key, label: keyLabel(key) })),
            segmentSums,
            weighted,
            leftOut,
            segmentOptions,
          );
        } else {
          checkExists(segmentFn, nameB, seenB, count, names);
          segments = crossBreakdownOf(segmentFn, pairs, segmentSums, weighted, leftOut, segmentOptions);
        }
      }
      let trendResult: ReportDocument["trend"];
      if (trendOptions !== undefined) {
        if (nameA !== undefined) checkExists(trendFn, nameA, seenA, count, names);
        const range = nameA === undefined ? (series[0] as Series) : commonRange(series);
        const countsOf = (part: Series) => ({ weighted, dated: part.dated, undated: part.length - part.dated });
        const header = {
          timeZone: trendOptions.calendar.timeZone,
          weekStartsOn: trendOptions.calendar.weekStartsOn,
          respondents: trendOptions.respondents,
        };
        if (analysis.rolling !== undefined) {
          const { window, step } = resolveRollingOptions(trendFn, {
            window: { days: analysis.rolling.days },
            ...(analysis.rolling.step === undefined ? {} : { step: analysis.rolling.step }),
          });
          const rollingOf = (part: Series): RollingTrend =>
            rollingOfDays(window, step, trendOptions, range, countsOf(part), (dayInstants, dayCount) => {
              if (weighted) return weightedDays(part.days, dayInstants, dayCount);
              const days = spread(part.buckets, dayInstants, dayCount);
              return {
                enter(sums, day) {
                  for (let k = 0; k < 9; k++) sums[k] = (sums[k] as number) + (days[day * 9 + k] as number);
                },
                leave(sums, day) {
                  for (let k = 0; k < 9; k++) sums[k] = (sums[k] as number) - (days[day * 9 + k] as number);
                },
              };
            });
          trendResult =
            nameA === undefined
              ? rollingOf(series[0] as Series)
              : ({
                  window,
                  step,
                  ...header,
                  segments: keys.map((key, g) => ({ key, trend: rollingOf(series[g] as Series) })),
                  leftOut: trendLeftOut,
                } satisfies RollingTrendBy);
        } else {
          const { period, fillGaps } = resolvePeriodOptions(trendFn, { period: analysis.period as TrendPeriod });
          const trendOf = (part: Series): Trend =>
            trendOfSums(period, fillGaps, trendOptions, range, countsOf(part), (instants, periods) =>
              spread(part.buckets, instants, periods),
            );
          trendResult =
            nameA === undefined
              ? trendOf(series[0] as Series)
              : ({
                  period,
                  ...header,
                  segments: keys.map((key, g) => ({ key, trend: trendOf(series[g] as Series) })),
                  leftOut: trendLeftOut,
                } satisfies TrendBy);
        }
      }
      return {
        ...(segments === undefined ? {} : { segments, segmentedBy: analysis.by }),
        ...(trendResult === undefined ? {} : { trend: trendResult }),
      };
    },
  };
}

/** The error `segmentKeyReader` throws for an attribute that no response has. */
function checkExists(fn: string, name: string, seen: boolean, count: number, names: ReadonlySet<string>): void {
  if (seen || count === 0) return;
  throw new NpsError(
    "invalid_option",
    `${fn}: attribute ${JSON.stringify(name)} does not exist; attributes are: ${attributeListText(names)}`,
  );
}

/** The responses of each day entering and leaving the running sums one by one, as `addResponse` does. */
function weightedDays(
  days: Series["days"],
  instants: Float64Array,
  count: number,
): { enter(sums: TallySums, day: number): void; leave(sums: TallySums, day: number): void } {
  const byIndex: Array<{ readonly categories: number[]; readonly weights: number[] } | undefined> = new Array(count);
  for (const [start, day] of days) {
    const index = locate(instants, start);
    if (instants[index] !== start) throw new Error(`aggregate: no day starts at ${new Date(start).toISOString()}`);
    byIndex[index] = day;
  }
  const apply = (sums: TallySums, index: number, sign: 1 | -1): void => {
    const day = byIndex[index];
    if (day === undefined) return;
    for (let k = 0; k < day.weights.length; k++) {
      const category = day.categories[k] as number;
      const weight = day.weights[k] as number;
      sums[category] = (sums[category] as number) + sign * weight;
      sums[3 + category] = (sums[3 + category] as number) + sign * weight * weight;
      sums[6 + category] = (sums[6 + category] as number) + sign;
    }
  };
  return { enter: (sums, day) => apply(sums, day, 1), leave: (sums, day) => apply(sums, day, -1) };
}

/** The sums of each bucket (keyed by start instant) at its index among the boundaries, 9 slots each. */
function spread(buckets: ReadonlyMap<number, Float64Array>, instants: Float64Array, count: number): TallySums {
  const sums = new Float64Array(count * 9);
  for (const [start, part] of buckets) {
    const index = locate(instants, start);
    if (instants[index] !== start) throw new Error(`aggregate: no period starts at ${new Date(start).toISOString()}`);
    sums.set(part, index * 9);
  }
  return sums;
}

/**
 * The start instant of the period (or day) containing an instant, remembering the periods already
 * found so that the calendar is consulted once per period rather than once per response.
 */
function bucketFinder(period: TrendPeriod, calendar: Calendar): (time: number) => number {
  const starts: number[] = [];
  const ends: number[] = [];
  let recent = -1;
  return (time) => {
    if (recent >= 0 && (starts[recent] as number) <= time && time < (ends[recent] as number)) {
      return starts[recent] as number;
    }
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] as number) <= time) low = middle + 1;
      else high = middle;
    }
    if (low > 0 && time < (ends[low - 1] as number)) {
      recent = low - 1;
      return starts[recent] as number;
    }
    const start = periodStart(time, period, calendar);
    starts.splice(low, 0, start.getTime());
    ends.splice(low, 0, nextPeriodStart(start, period, calendar).getTime());
    recent = low;
    return start.getTime();
  };
}
