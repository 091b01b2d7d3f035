import { checkOptions } from "../core/checkOptions.js";
import { checkLevel } from "../core/options.js";
import { prepareResponses } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import { checkScale, type Scale, STANDARD_SCALE } from "../core/scale.js";
import { type CategoryValues, type Tally, withScale } from "../core/tally.js";
import { criticalValue, normalCdf } from "../inference/normal.js";
import { compareIds, latestOfPrepared } from "./latestByRespondent.js";

/**
 * Options of {@link migrationBetween}.
 *
 * @category Customers
 */
export interface MigrationOptions {
  /** Two-sided confidence level of the paired change's interval, strictly between 0 and 1. @defaultValue 0.95 */
  readonly level?: number;
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * The 3×3 migration table: `table.passives.promoters` is the number of respondents who were passives
 * in the first wave and promoters in the second. Rows are the first wave, columns the second.
 *
 * @category Customers
 */
export interface MigrationTable {
  /** Respondents who were promoters in the first wave, by their category in the second. */
  readonly promoters: CategoryValues;
  /** Respondents who were passives in the first wave, by their category in the second. */
  readonly passives: CategoryValues;
  /** Respondents who were detractors in the first wave, by their category in the second. */
  readonly detractors: CategoryValues;
}

/**
 * Row shares of the migration table (each row adds up to 1): of the first wave's passives, the share
 * who became promoters, and so on. A row is `undefined` when no matched respondent was in that
 * category in the first wave.
 *
 * @category Customers
 */
export interface MigrationShares {
  /** Where the first wave's promoters went; `undefined` when there were none. */
  readonly promoters: CategoryValues | undefined;
  /** Where the first wave's passives went; `undefined` when there were none. */
  readonly passives: CategoryValues | undefined;
  /** Where the first wave's detractors went; `undefined` when there were none. */
  readonly detractors: CategoryValues | undefined;
}

/**
 * The matched panel in one wave.
 *
 * @category Customers
 */
export interface PanelWave {
  /** The tally of the matched respondents' answers in this wave (unweighted: one per respondent). */
  readonly tally: Tally;
  /** Their NPS in points; `undefined` when no respondent is matched. */
  readonly nps: number | undefined;
}

/**
 * The paired change of the NPS of the matched panel, second wave minus first, in points.
 *
 * @category Customers
 */
export interface PairedChange {
  /** NPS after − NPS before, in points (the mean of the per-respondent differences, ×100). */
  readonly estimate: number;
  /** Standard error of the paired change, in points: 100·√((mean(d²) − d̄²)/n). */
  readonly standardError: number;
  /** Lower bound of the Wald interval estimate − z·SE, clipped to [−200, 200]. */
  readonly lower: number;
  /** Upper bound of the Wald interval estimate + z·SE, clipped to [−200, 200]. */
  readonly upper: number;
  /** The confidence level used. */
  readonly level: number;
  /** z = estimate / SE; `undefined` when the standard error is 0 (every respondent changed by the same amount). */
  readonly statistic: number | undefined;
  /** Two-sided p-value 2·Φ(−|z|) of "no change"; `undefined` when `statistic` is. */
  readonly pValue: number | undefined;
  /** Number of matched respondents (pairs). */
  readonly n: number;
}

/**
 * How the same customers moved between two survey waves; see {@link migrationBetween}.
 *
 * @category Customers
 */
export interface Migration {
  /** Number of respondents present in both waves (the matched panel). */
  readonly matched: number;
  /** Respondents present only in the first wave. */
  readonly onlyBefore: number;
  /** Respondents present only in the second wave. */
  readonly onlyAfter: number;
  /** Answers without a respondent id in each wave: they cannot be matched and are left out. */
  readonly withoutRespondent: {
    /** In the first wave. */
    readonly before: number;
    /** In the second wave. */
    readonly after: number;
  };
  /** Answers replaced by a more recent answer of the same respondent in the same wave. */
  readonly replaced: {
    /** In the first wave. */
    readonly before: number;
    /** In the second wave. */
    readonly after: number;
  };
  /** Counts of the matched respondents, first-wave category → second-wave category. */
  readonly table: MigrationTable;
  /** Row shares of `table`. */
  readonly rowShares: MigrationShares;
  /** The matched panel in the first wave. */
  readonly before: PanelWave;
  /** The matched panel in the second wave. */
  readonly after: PanelWave;
  /** The paired change with its standard error, interval and p-value; `undefined` when no respondent is matched. */
  readonly change: PairedChange | undefined;
}

/** The value of a category for the NPS: promoter +1, passive 0, detractor −1 (indices 0, 1, 2). */
const VALUE = [1, 0, -1] as const;

/**
 * Migration between two survey waves: for the respondents who answered both (matched by respondent
 * id, each wave first reduced to each respondent's latest answer by the rule of
 * {@link latestByRespondent}), the 3×3 table detractor/passive/promoter → detractor/passive/promoter,
 * its row shares, the NPS of this matched panel in each wave, and the paired change.
 *
 * Paired change: each matched respondent i contributes y ∈ {+1, 0, −1} (promoter, passive, detractor)
 * in each wave and the difference dᵢ = y_after − y_before ∈ {−2, …, 2}. The change is
 * d̄ = mean(dᵢ) = NPS_after − NPS_before (×100 for points). Because the same people answer twice, the
 * two NPS are correlated, so the standard error comes from the paired differences:
 * Var(d̄) = (mean(d²) − d̄²)/n, the multinomial variance of the 9 cells (divisor n, like the core's
 * one-sample variance; the sample variance with n − 1 would make it the paired t statistic). Interval
 * d̄ ± z·SE, two-sided p = 2·Φ(−|z|). Values checked against R (`test/customers/fixtures/`). The
 * independent-samples standard error of {@link compareNps} ignores the correlation and is wrong here.
 *
 * Weights are not used: each respondent counts once. Ids are compared exactly. O(n log n).
 *
 * @param before - The first wave's responses.
 * @param after - The second wave's responses.
 * @param options - Level and scale.
 * @returns The migration; with no matched respondent the table is all zeros, the NPS and `change` are
 * `undefined`.
 * @throws {@link NpsError} `invalid_input` when a wave is not an array of responses or an id is not a
 * string; `invalid_score`, `invalid_weight`, `invalid_date` for invalid answers; `invalid_option` for a
 * level outside (0, 1).
 * @example
 * ```ts
 * import { migrationBetween, roundScore } from "npskit";
 * const before = [
 *   { score: 8, respondentId: "A" }, { score: 3, respondentId: "B" },
 *   { score: 10, respondentId: "C" }, { score: 7, respondentId: "D" }, { score: 9, respondentId: "E" },
 * ];
 * const after = [
 *   { score: 9, respondentId: "A" }, { score: 7, respondentId: "B" },
 *   { score: 10, respondentId: "C" }, { score: 9, respondentId: "D" }, { score: 6, respondentId: "F" },
 * ];
 * const result = migrationBetween(before, after);
 * [result.matched, result.onlyBefore, result.onlyAfter]; // => [4, 1, 1]
 * result.table.passives; // => { promoters: 2, passives: 0, detractors: 0 }
 * [result.before.nps, result.after.nps]; // => [0, 75]
 * roundScore(result.change?.standardError ?? 0, 2); // => 21.65
 * ```
 * @category Customers
 */
export function migrationBetween(
  before: ReadonlyArray<NpsResponse>,
  after: ReadonlyArray<NpsResponse>,
  options: MigrationOptions = {},
): Migration {
  const fn = "migrationBetween";
  checkOptions(fn, options);
  const { level = 0.95 } = options;
  const scale = checkScale(fn, options.scale);
  checkLevel(fn, level);
  const first = wave(fn, before, scale);
  const second = wave(fn, after, scale);
  const cells = new Float64Array(9);
  let matched = 0;
  let onlyBefore = 0;
  let i = 0;
  let j = 0;
  // Both lists are sorted by id: a merge join.
  while (i < first.latest.length || j < second.latest.length) {
    const a = first.latest[i];
    const b = second.latest[j];
    const order = a === undefined ? 1 : b === undefined ? -1 : compareIds(a.id, b.id);
    if (order < 0) {
      onlyBefore++;
      i++;
    } else if (order > 0) {
      j++;
    } else {
      matched++;
      const cell = (a as Latest).category * 3 + (b as Latest).category;
      cells[cell] = (cells[cell] as number) + 1;
      i++;
      j++;
    }
  }
  const table = tableOf(cells);
  const rowShares = sharesOf(table);
  const beforeTally = withScale(
    { promoters: sumRow(table.promoters), passives: sumRow(table.passives), detractors: sumRow(table.detractors) },
    scale,
  );
  const afterTally = withScale(
    {
      promoters: table.promoters.promoters + table.passives.promoters + table.detractors.promoters,
      passives: table.promoters.passives + table.passives.passives + table.detractors.passives,
      detractors: table.promoters.detractors + table.passives.detractors + table.detractors.detractors,
    },
    scale,
  );
  return {
    matched,
    onlyBefore,
    onlyAfter: second.latest.length - matched,
    withoutRespondent: { before: first.withoutRespondent, after: second.withoutRespondent },
    replaced: { before: first.replaced, after: second.replaced },
    table,
    rowShares,
    before: { tally: beforeTally, nps: npsOf(beforeTally) },
    after: { tally: afterTally, nps: npsOf(afterTally) },
    change: pairedChange(cells, level),
  };
}

interface Latest {
  readonly id: string;
  readonly category: number;
}

/** One wave reduced to the latest answer per respondent, as (id, category) sorted by id. */
function wave(
  fn: string,
  responses: ReadonlyArray<NpsResponse>,
  scale: Scale,
): { latest: Latest[]; withoutRespondent: number; replaced: number } {
  const prepared = prepareResponses(fn, responses, scale);
  const reduced = latestOfPrepared(responses, prepared, undefined);
  const latest = reduced.respondents.map((r) => ({
    id: r.respondentId,
    category: prepared.categories[r.index] as number,
  }));
  const withoutRespondent = reduced.withoutRespondent.length;
  return { latest, withoutRespondent, replaced: prepared.length - withoutRespondent - latest.length };
}

function tableOf(cells: Float64Array): MigrationTable {
  const row = (from: number): CategoryValues => ({
    promoters: cells[from * 3] as number,
    passives: cells[from * 3 + 1] as number,
    detractors: cells[from * 3 + 2] as number,
  });
  return { promoters: row(0), passives: row(1), detractors: row(2) };
}

function sumRow(row: CategoryValues): number {
  return row.promoters + row.passives + row.detractors;
}

function sharesOf(table: MigrationTable): MigrationShares {
  const share = (row: CategoryValues): CategoryValues | undefined => {
    const total = sumRow(row);
    if (total === 0) return undefined;
    return { promoters: row.promoters / total, passives: row.passives / total, detractors: row.detractors / total };
  };
  return { promoters: share(table.promoters), passives: share(table.passives), detractors: share(table.detractors) };
}

function npsOf(tally: Tally): number | undefined {
  const n = tally.promoters + tally.passives + tally.detractors;
  return n === 0 ? undefined : (100 * (tally.promoters - tally.detractors)) / n + 0;
}

/** The paired change of the 9 cells (row = before, column = after; categories promoter, passive, detractor). */
export function pairedChange(cells: ArrayLike<number>, level: number): PairedChange | undefined {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let from = 0; from < 3; from++) {
    for (let to = 0; to < 3; to++) {
      const count = cells[from * 3 + to] as number;
      const d = (VALUE[to] as number) - (VALUE[from] as number);
      n += count;
      sum += count * d;
      sumSquares += count * d * d;
    }
  }
  if (n === 0) return undefined;
  const mean = sum / n;
  // mean(d²) − d̄² computed as (n·Σd² − (Σd)²)/n², exact in integers before the division.
  const variance = Math.max(0, n * sumSquares - sum * sum) / (n * n * n);
  const standardError = 100 * Math.sqrt(variance);
  const estimate = 100 * mean + 0;
  const z = criticalValue(level);
  const statistic = standardError > 0 ? estimate / standardError + 0 : undefined;
  return {
    estimate,
    standardError,
    lower: clip(estimate - z * standardError),
    upper: clip(estimate + z * standardError),
    level,
    statistic,
    pValue: statistic === undefined ? undefined : Math.min(1, 2 * normalCdf(-Math.abs(statistic))),
    n,
  };
}

function clip(value: number): number {
  return Math.min(200, Math.max(-200, value)) + 0;
}
