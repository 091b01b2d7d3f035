import { type DistributionEntry, distribution } from "../core/distribution.js";
import type { NpsIssue } from "../core/errors.js";
import { mergeTallies } from "../core/mergeTallies.js";
import type { AttributeValue, NpsResponse } from "../core/response.js";
import type { Tally } from "../core/tally.js";
import { tallyResponses } from "../core/tallyResponses.js";
import type { IntervalMethod } from "../inference/confidenceInterval.js";
import type { ParseResult, SkippedRow } from "../input/parseResponses.js";
import { type Overview, overview, overviewOfParts } from "../report/overview.js";
import type { Aggregator } from "./aggregate.js";

/** How many skipped rows and rejection reasons the report keeps. */
export const SHOWN_REASONS = 5;

/**
 * Gathers parsed batches: the counts, the first skipped rows and issues (every issue with
 * `keepIssues`), and either every response (`keepResponses`, for tiers and `--respondents latest`) or
 * only what the overview needs — the tally, the distribution and the date range — so that memory does
 * not grow with the file; segments and trends are then summed by an {@link Aggregator}.
 */
export interface Collector {
  add(batch: Pick<ParseResult, "responses" | "skipped" | "issues" | "counts">): void;
  readonly counts: { rows: number; accepted: number; skipped: number; rejected: number };
  readonly skipped: SkippedRow[];
  readonly issues: NpsIssue[];
  readonly responses: NpsResponse[];
  /** The overview of everything added (for a collector that does not keep responses). */
  summary(options: { source: string; level: number; method: IntervalMethod }): Overview;
}

/**
 * A new, empty collector. With an `aggregator` (and not `keepResponses`), the responses are also
 * passed to it, batch by batch, for the segments and trends computed from running sums.
 */
export function createCollector(keepResponses: boolean, keepIssues: boolean, aggregator?: Aggregator): Collector {
  const counts = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
  const skipped: SkippedRow[] = [];
  const issues: NpsIssue[] = [];
  const responses: NpsResponse[] = [];
  // Kept responses share their respondent id strings and their attribute records (frozen): a million
  // responses then take about half the memory of the parsed ones. Comments are not used by any figure
  // and are left out.
  const ids = new Map<string, string>();
  const records = new Map<string, Readonly<Record<string, AttributeValue>>>();
  const compact = (response: NpsResponse): NpsResponse => {
    const kept: { -readonly [K in keyof NpsResponse]: NpsResponse[K] } = { score: response.score };
    if (response.date !== undefined) kept.date = response.date;
    const id = response.respondentId;
    if (id !== undefined) {
      const shared = ids.get(id);
      if (shared === undefined) ids.set(id, id);
      kept.respondentId = shared ?? id;
    }
    if (response.weight !== undefined) kept.weight = response.weight;
    const attributes = response.attributes;
    if (attributes !== undefined) {
      const key = JSON.stringify(Object.entries(attributes));
      let shared = records.get(key);
      if (shared === undefined) {
        shared = Object.freeze(attributes);
        records.set(key, shared);
      }
      kept.attributes = shared;
    }
    return kept;
  };
  let tally: Tally | undefined;
  let histogram: DistributionEntry[] | undefined;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let dated = 0;
  return {
    counts,
    skipped,
    issues,
    responses,
    add(batch) {
      counts.rows += batch.counts.rows;
      counts.accepted += batch.counts.accepted;
      counts.skipped += batch.counts.skipped;
      counts.rejected += batch.counts.rejected;
      for (const row of batch.skipped) {
        if (skipped.length >= SHOWN_REASONS) break;
        skipped.push(row);
      }
      for (const issue of batch.issues) {
        if (!keepIssues && issues.length >= SHOWN_REASONS) break;
        issues.push(issue);
      }
      if (keepResponses) {
        for (const response of batch.responses) responses.push(compact(response));
        return;
      }
      if (batch.responses.length === 0) return;
      aggregator?.add(batch.responses);
      const part = tallyResponses(batch.responses);
      tally = tally === undefined ? part : mergeTallies(tally, part);
      const entries = distribution(batch.responses.map((response) => response.score));
      histogram =
        histogram === undefined
          ? [...entries]
          : histogram.map((entry, i) => ({ ...entry, count: entry.count + (entries[i]?.count ?? 0) }));
      for (const response of batch.responses) {
        const time = response.date?.getTime();
        if (time === undefined || Number.isNaN(time)) continue;
        dated++;
        if (time < first) first = time;
        if (time > last) last = time;
      }
    },
    summary(options) {
      // The figures of the merged tally, computed by the same functions `overview` calls.
      if (tally === undefined || histogram === undefined)
        return overview({ responses: [], counts, skipped, issues }, options);
      const period = dated === 0 ? undefined : { first: iso(first), last: iso(last), dated };
      return overviewOfParts({ tally, distribution: histogram, period }, { counts, skipped, issues }, options);
    },
  };
}

function iso(time: number): string {
  return new Date(time).toISOString();
}
