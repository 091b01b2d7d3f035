import {
  type AttributeValue,
  type BatchCounter,
  type ColumnarBatch,
  type CountResponsesOptions,
  countInBatches,
  countResponses,
  type KeyedTallies,
  mergeKeyedTallies,
  type NpsIssue,
  type NpsResponse,
  type ParseResult,
  type SkippedRow,
} from "../index.js";
import { countProblems } from "../node.js";

/** How many skipped rows and rejection reasons the report keeps. */
export const SHOWN_REASONS = 5;

/**
 * Gathers parsed batches: the counts, the first skipped rows and issues (every issue with
 * `keepIssues`), and either every response (`keepResponses`, for tiers and `--respondents latest`) or
 * their keyed tallies, counted batch by batch and merged, so that memory grows with the number of
 * keys and days, not rows.
 */
export interface Collector {
  add(
    batch:
      | (Pick<ParseResult, "responses" | "skipped" | "issues" | "counts"> &
          Partial<Pick<ParseResult, "undated">> & { readonly rowNumbers?: ReadonlyArray<number> })
      | ColumnarBatch,
  ): void;
  readonly counts: { rows: number; accepted: number; skipped: number; rejected: number };
  readonly skipped: SkippedRow[];
  readonly issues: NpsIssue[];
  /** The first accepted rows whose date does not parse (counted without a date), and how many there are. */
  readonly undated: { readonly shown: NpsIssue[]; count: number };
  /** How many problems each column has over every row (`""`: rows that cannot be read), undated dates included. */
  readonly problems: Map<string, number>;
  readonly responses: NpsResponse[];
  /** The keyed tallies of everything added (for a collector that does not keep responses). */
  tallies(): KeyedTallies | undefined;
  /** Where the dates are: answers per UTC year, and the rows of the earliest and latest dates. */
  dates(): DateSpread;
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
  const undated = { shown: [] as NpsIssue[], count: 0 };
  const problems = new Map<string, number>();
  const responses: NpsResponse[] = [];
  // Kept responses share their respondent id strings and their attribute records (frozen): a million
  // responses then take about half the memory of the parsed ones. Comments are not used by any figure
  // and are left out.
  const ids = new Map<string, string>();
  const records = new Map<string, Readonly<Record<string, AttributeValue>>>();
  const compact = (response: NpsResponse): NpsResponse => {
    const kept: { -readonly [K in keyof NpsResponse]: NpsResponse[K] } = { score: response.score };
    if (response.date !== undefined && response.date !== null) kept.date = response.date;
    const id = response.respondentId;
    if (id !== undefined && id !== null) {
      const shared = ids.get(id);
      if (shared === undefined) ids.set(id, id);
      kept.respondentId = shared ?? id;
    }
    if (response.weight !== undefined && response.weight !== null) kept.weight = response.weight;
    const attributes = response.attributes;
    if (attributes !== undefined && attributes !== null) {
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
  // Columnar batches are counted by one counter, which keeps its calendar lookups across batches.
  let batches: BatchCounter | undefined;
  const spread: DateSpread = { years: new Map(), earliest: undefined, latest: undefined };
  const seeDate = (time: number, row: number | undefined): void => {
    if (Number.isNaN(time)) return;
    const year = new Date(time).getUTCFullYear();
    spread.years.set(year, (spread.years.get(year) ?? 0) + 1);
    if (spread.earliest === undefined || time < spread.earliest.time) spread.earliest = { time, row };
    if (spread.latest === undefined || time > spread.latest.time) spread.latest = { time, row };
  };
  return {
    counts,
    skipped,
    issues,
    undated,
    problems,
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
      countProblems(problems, batch.issues);
      const lostDates = batch.undated ?? [];
      undated.count += lostDates.length;
      countProblems(problems, lostDates);
      for (const issue of lostDates) {
        if (undated.shown.length >= SHOWN_REASONS) break;
        undated.shown.push(issue);
      }
      if ("kind" in batch) {
        // Columns straight from the reader: no object per row.
        if (batch.columns.scores.length === 0) return;
        const times = batch.columns.times;
        if (times !== undefined) {
          for (let i = 0; i < times.length; i++) seeDate(times[i] as number, batch.rowNumbers[i]);
        }
        batches ??= countInBatches({
          by: counting.by === undefined ? [] : (counting.by as ReadonlyArray<string>),
          ...(counting.period === undefined ? {} : { period: counting.period }),
          ...(counting.timeZone === undefined ? {} : { timeZone: counting.timeZone }),
        });
        batches.add(batch.columns);
        return;
      }
      const rowNumbers = batch.rowNumbers;
      batch.responses.forEach((response, i) => {
        seeDate(response.date?.getTime() ?? Number.NaN, rowNumbers?.[i]);
      });
      if (keepResponses) {
        for (const response of batch.responses) responses.push(compact(response));
        return;
      }
      if (batch.responses.length === 0) return;
      const part = countResponses(batch.responses, counting);
      tallies = tallies === undefined ? part : mergeKeyedTallies([tallies, part]);
    },
    tallies: () => {
      if (batches === undefined) return tallies;
      const counted = batches.result();
      return tallies === undefined ? counted : mergeKeyedTallies([tallies, counted]);
    },
    dates: () => spread,
  };
}

/** Where the dates of the accepted answers are (see {@link outlyingDates}). */
export interface DateSpread {
  /** Dated answers per UTC year. */
  readonly years: Map<number, number>;
  /** The earliest and latest dated answers, with their rows when known. */
  earliest: { readonly time: number; readonly row: number | undefined } | undefined;
  latest: { readonly time: number; readonly row: number | undefined } | undefined;
}

/**
 * Answers dated far from the rest: years farther from the median year than two years plus ten times
 * the median absolute deviation of the years (1700 among answers of 2025 and 2026; nothing in a
 * survey that runs evenly from 2015 to 2026). The note names those years and how many answers they
 * hold, and the years of the rest; `undefined` when there are none.
 */
export function outlyingDates(spread: DateSpread): string | undefined {
  const years = [...spread.years].sort(([a], [b]) => a - b);
  const total = years.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return undefined;
  /** The value below which half the answers lie, for (value, count) pairs sorted by value. */
  const medianOf = (pairs: ReadonlyArray<readonly [number, number]>): number => {
    let seen = 0;
    for (const [value, count] of pairs) {
      seen += count;
      if (seen >= total / 2) return value;
    }
    return (pairs[pairs.length - 1] as readonly [number, number])[0];
  };
  const median = medianOf(years);
  const deviations = years
    .map(([year, count]): readonly [number, number] => [Math.abs(year - median), count])
    .sort(([a], [b]) => a - b);
  const reach = 2 + 10 * medianOf(deviations);
  const far = years.filter(([year]) => Math.abs(year - median) > reach);
  if (far.length === 0) return undefined;
  const near = years.filter(([year]) => Math.abs(year - median) <= reach).map(([year]) => year);
  const answers = far.reduce((sum, [, count]) => sum + count, 0);
  const shown = far.slice(0, 5).map(([year]) => String(year));
  const list = far.length > 5 ? `${shown.join(", ")} and ${far.length - 5} more` : shown.join(", ");
  const low = near[0] as number;
  const high = near[near.length - 1] as number;
  return `${answers} ${answers === 1 ? "answer is" : "answers are"} dated in ${list}, far from the rest (${low === high ? low : `${low}–${high}`}): a mistyped year?`;
}
