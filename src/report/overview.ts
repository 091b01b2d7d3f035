import { checkOptions } from "../core/checkOptions.js";
import { type DistributionEntry, distribution } from "../core/distribution.js";
import { NpsError, type NpsIssue } from "../core/errors.js";
import { nps } from "../core/nps.js";
import type { NpsResponse } from "../core/response.js";
import { checkScale, type Scale, STANDARD_SCALE } from "../core/scale.js";
import { shares } from "../core/shares.js";
import type { CategoryValues, Tally } from "../core/tally.js";
import { tallyResponses } from "../core/tallyResponses.js";
import { type ConfidenceInterval, confidenceInterval, type IntervalMethod } from "../inference/confidenceInterval.js";
import { marginOfError } from "../inference/marginOfError.js";
import { describeValue } from "../internal/describe.js";

/**
 * What {@link overview} reads: validated responses and, optionally, the bookkeeping of the parse that
 * produced them. The result of {@link parseResponses} fits as it is.
 *
 * @category Reports
 */
export interface OverviewInput {
  /** The valid responses. */
  readonly responses: ReadonlyArray<NpsResponse>;
  /** How many rows were read, accepted, skipped and rejected. @defaultValue every response accepted */
  readonly counts?: {
    /** Rows read. */
    readonly rows: number;
    /** Rows that gave a response. */
    readonly accepted: number;
    /** Rows skipped (for example a blank score). */
    readonly skipped: number;
    /** Rows rejected as invalid. */
    readonly rejected: number;
    /** Rows left out by a filter before they were checked (`npskit report --where`). @defaultValue no filter */
    readonly filtered?: number;
  };
  /** The skipped rows with their reasons. @defaultValue none */
  readonly skipped?: ReadonlyArray<{
    /** Its row number: the line in a CSV file whose header is line 1 (the first data row is 2). */
    readonly row: number;
    /** Why it was skipped. */
    readonly reason: string;
  }>;
  /** The problems of the rejected rows. @defaultValue none */
  readonly issues?: ReadonlyArray<NpsIssue>;
}

/** Options of {@link overview}. */
export interface OverviewOptions {
  /** A label for the data (a file name), copied to the result. @defaultValue none */
  readonly source?: string;
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
  /** How many skipped rows and rejection reasons to keep, an integer ≥ 0. @defaultValue 5 */
  readonly maxReasons?: number;
  /** Confidence level of the interval, in (0, 1). @defaultValue 0.95 */
  readonly level?: number;
  /** Interval method, see {@link confidenceInterval}. @defaultValue "adjusted-wald" */
  readonly method?: IntervalMethod;
}

/**
 * The confidence interval of an {@link Overview}, as {@link confidenceInterval} and
 * {@link marginOfError} compute it.
 *
 * @category Reports
 */
export interface OverviewInterval {
  /** The confidence level, e.g. 0.95. */
  readonly level: number;
  /** The interval method. */
  readonly method: IntervalMethod;
  /** Lower bound, in points. */
  readonly lower: number;
  /** Upper bound, in points. */
  readonly upper: number;
  /** Half the width of the interval, in points. */
  readonly marginOfError: number;
  /** Kish effective sample size (the number of responses when unweighted). */
  readonly effectiveN: number;
}

/**
 * Row bookkeeping of an {@link Overview}: `read = accepted + skipped + rejected` (`+ filtered` when
 * the rows were filtered).
 *
 * @category Reports
 */
export interface OverviewRows {
  /** Rows read. */
  readonly read: number;
  /** Rows that gave a valid response. */
  readonly accepted: number;
  /** Rows skipped and counted (for example a blank score). */
  readonly skipped: number;
  /** Rows rejected as invalid. */
  readonly rejected: number;
  /** Rows left out by a filter, not checked; present only when the input counts have it. */
  readonly filtered?: number;
}

/**
 * One rejection reason kept in an {@link Overview}.
 *
 * @category Reports
 */
export interface OverviewRejection {
  /** Its row number when known: the line in a CSV file whose header is line 1 (the first data row is 2). */
  readonly row?: number;
  /** The column, when known. */
  readonly field?: string;
  /** The reason, naming the value. */
  readonly message: string;
}

/**
 * The summary of a set of responses that `npskit report` prints: plain data, JSON-serialisable.
 * Fields that are undefined for zero responses (`shares`, `nps`, `period`) are absent then.
 *
 * @category Reports
 */
export interface Overview {
  /** The label given in the options. */
  readonly source?: string;
  /** The scale's name, `"0-10"` for the standard scale. */
  readonly scale: string;
  /** Rows read, accepted, skipped and rejected. */
  readonly rows: OverviewRows;
  /** The first skipped rows (at most `maxReasons`). */
  readonly firstSkipped: ReadonlyArray<{
    /** Its row number: the line in a CSV file whose header is line 1 (the first data row is 2). */
    readonly row: number;
    /** Why it was skipped. */
    readonly reason: string;
  }>;
  /** The first rejection reasons (at most `maxReasons`; a row may have several). */
  readonly firstRejected: ReadonlyArray<OverviewRejection>;
  /** First and last answer date as ISO 8601 instants, when the responses have dates. */
  readonly period?: {
    /** The earliest date. */
    readonly first: string;
    /** The latest date. */
    readonly last: string;
    /** How many responses have a date. */
    readonly dated: number;
  };
  /** How many answers gave each scale value, lowest first (not weighted). */
  readonly distribution: ReadonlyArray<DistributionEntry>;
  /** Whether the responses carry weights (then `tally` holds sums of weights). */
  readonly weighted: boolean;
  /** Promoters, passives and detractors. */
  readonly tally: Tally;
  /** The share of each category, 0 to 1. */
  readonly shares?: CategoryValues;
  /** The NPS in points, −100 to 100, full precision. */
  readonly nps?: number;
  /** Its confidence interval and margin of error. */
  readonly interval?: OverviewInterval;
}

/**
 * Summarises responses for a report: rows read, accepted, skipped and rejected with the first
 * reasons, the date range, the 0–10 distribution, the tally with its shares, the NPS, and its
 * confidence interval and margin of error. It computes nothing itself: every figure comes from
 * {@link distribution}, {@link tallyResponses}, {@link shares}, {@link nps},
 * {@link confidenceInterval} and {@link marginOfError}. Render it with {@link formatOverviewText} or
 * `JSON.stringify`. O(n) plus the cost of the interval method.
 *
 * @param input - Responses, optionally with the counts, skipped rows and issues of their parse.
 * @param options - Label, scale, how many reasons to keep, interval level and method.
 * @returns The overview (no `nps`, `shares`, `interval` or `period` when there are no responses).
 * @throws {@link NpsError} `invalid_option` for a `maxReasons` that is not an integer ≥ 0, a level
 * outside (0, 1) or an unknown method; `invalid_score` or `invalid_weight` for an invalid response.
 * @example
 * ```ts
 * import { overview, roundScore } from "npskit";
 * const result = overview({ responses: [{ score: 10 }, { score: 9 }, { score: 7 }, { score: 2 }] });
 * result.nps; // => 25
 * result.rows; // => { read: 4, accepted: 4, skipped: 0, rejected: 0 }
 * result.tally; // => { promoters: 2, passives: 1, detractors: 1 }
 * result.interval?.method; // => "adjusted-wald"
 * roundScore(result.interval?.marginOfError ?? 0, 1); // => 58.4
 * ```
 * @category Reports
 */
export function overview(input: OverviewInput, options: OverviewOptions = {}): Overview {
  checkOptions("overview", options);
  const scale = checkScale("overview", options.scale);
  if (input === null || typeof input !== "object" || !Array.isArray(input.responses)) {
    throw new NpsError(
      "invalid_input",
      `overview: input must be an object with a responses array, received ${describeValue(input)}`,
    );
  }
  const responses = input.responses;
  const parts = {
    tally: tallyResponses(responses, { scale }),
    distribution: distribution(
      responses.map((response) => response.score),
      { scale },
    ),
    period: periodOf(responses),
  };
  return overviewOfParts(parts, input, options);
}

/**
 * The figures an overview is made of, for a caller that accumulates them without keeping the
 * responses (a streamed file): the tally, the distribution and the date range.
 */
export interface OverviewParts {
  /** The tally of the responses. */
  readonly tally: Tally;
  /** How many answers gave each scale value. */
  readonly distribution: ReadonlyArray<DistributionEntry>;
  /** First and last date, when any response has one. */
  readonly period: Overview["period"] | undefined;
}

/** The overview of accumulated parts and row bookkeeping (the responses themselves are not read). */
export function overviewOfParts(
  parts: OverviewParts,
  input: Omit<OverviewInput, "responses">,
  options: OverviewOptions = {},
): Overview {
  checkOptions("overviewOfParts", options);
  const scale = checkScale("overview", options.scale);
  const maxReasons = options.maxReasons ?? 5;
  if (!Number.isSafeInteger(maxReasons) || maxReasons < 0) {
    throw new NpsError(
      "invalid_option",
      `overview: maxReasons must be an integer greater than or equal to 0, received ${describeValue(maxReasons)}`,
    );
  }
  const { tally, period } = parts;
  const accepted = tally.weighted?.counts ?? tally;
  const n = accepted.promoters + accepted.passives + accepted.detractors;
  const counts = input.counts ?? { rows: n, accepted: n, skipped: 0, rejected: 0 };
  const firstRejected = (input.issues ?? []).slice(0, maxReasons).map(rejectionOf);
  const intervalOptions = { level: options.level ?? 0.95, method: options.method ?? "adjusted-wald" } as const;
  // Called even for no responses, so that a bad level or method is reported whatever the data.
  const interval = confidenceInterval(tally, intervalOptions);
  const figures = interval === undefined ? {} : withFigures(tally, interval, intervalOptions);
  return {
    ...(options.source === undefined ? {} : { source: options.source }),
    scale: scale.name,
    rows: {
      read: counts.rows,
      accepted: counts.accepted,
      skipped: counts.skipped,
      rejected: counts.rejected,
      ...(counts.filtered === undefined ? {} : { filtered: counts.filtered }),
    },
    firstSkipped: (input.skipped ?? []).slice(0, maxReasons).map(({ row, reason }) => ({ row, reason })),
    firstRejected,
    ...(period === undefined ? {} : { period }),
    distribution: parts.distribution,
    weighted: tally.weighted !== undefined,
    tally,
    ...figures,
  };
}

function withFigures(
  tally: Tally,
  interval: ConfidenceInterval,
  options: { readonly level: number; readonly method: IntervalMethod },
): { shares?: CategoryValues; nps?: number; interval?: OverviewInterval } {
  const categoryShares = shares(tally);
  const score = nps(tally);
  const margin = marginOfError(tally, options);
  return {
    ...(categoryShares === undefined ? {} : { shares: categoryShares }),
    ...(score === undefined ? {} : { nps: score }),
    ...(margin === undefined
      ? {}
      : {
          interval: {
            level: interval.level,
            method: interval.method,
            lower: interval.lower,
            upper: interval.upper,
            marginOfError: margin,
            effectiveN: interval.effectiveN,
          },
        }),
  };
}

function rejectionOf(issue: NpsIssue): OverviewRejection {
  return {
    ...(issue.row === undefined ? {} : { row: issue.row }),
    ...(issue.field === undefined ? {} : { field: issue.field }),
    message: issue.message,
  };
}

function periodOf(responses: ReadonlyArray<NpsResponse>): Overview["period"] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let dated = 0;
  for (const response of responses) {
    const time = response.date?.getTime();
    if (time === undefined || Number.isNaN(time)) continue;
    dated++;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  if (dated === 0) return undefined;
  return { first: new Date(first).toISOString(), last: new Date(last).toISOString(), dated };
}
