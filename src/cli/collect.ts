import {
  type AttributeValue,
  type ColumnarBatch,
  type CountResponsesOptions,
  countColumns,
  countResponses,
  type KeyedTallies,
  mergeKeyedTallies,
  type NpsIssue,
  type NpsResponse,
  type ParseResult,
  type SkippedRow,
} from "../index.js";

/** How many skipped rows and rejection reasons the report keeps. */
export const SHOWN_REASONS = 5;

/**
 * Gathers parsed batches: the counts, the first skipped rows and issues (every issue with
 * `keepIssues`), and either every response (`keepResponses`, for tiers and `--respondents latest`) or
 * their keyed tallies, counted batch by batch and merged, so that memory grows with the number of
 * keys and days, not rows.
 */
export interface Collector {
  add(batch: Pick<ParseResult, "responses" | "skipped" | "issues" | "counts"> | ColumnarBatch): void;
  readonly counts: { rows: number; accepted: number; skipped: number; rejected: number };
  readonly skipped: SkippedRow[];
  readonly issues: NpsIssue[];
  readonly responses: NpsResponse[];
  /** The keyed tallies of everything added (for a collector that does not keep responses). */
  tallies(): KeyedTallies | undefined;
}

/**
 * A new, empty collector. Without `keepResponses`, the responses of each batch are counted into keyed
 * tallies with `counting` (dimensions and time bucket) and merged.
 */
export function createCollector(
  keepResponses: boolean,
  keepIssues: boolean,
  counting: CountResponsesOptions = {},
): Collector {
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
  let tallies: KeyedTallies | undefined;
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
      let part: KeyedTallies;
      if ("kind" in batch) {
        // Columns straight from the reader: no object per row.
        if (batch.columns.scores.length === 0) return;
        const by = counting.by === undefined ? [] : (counting.by as ReadonlyArray<string>);
        part = countColumns(batch.columns, {
          by,
          ...(counting.period === undefined ? {} : { period: counting.period }),
          ...(counting.timeZone === undefined ? {} : { timeZone: counting.timeZone }),
        });
      } else {
        if (keepResponses) {
          for (const response of batch.responses) responses.push(compact(response));
          return;
        }
        if (batch.responses.length === 0) return;
        part = countResponses(batch.responses, counting);
      }
      tallies = tallies === undefined ? part : mergeKeyedTallies([tallies, part]);
    },
    tallies: () => tallies,
  };
}
