import type { CategoryValues } from "../core/tally.js";
import { binomialSample } from "../internal/binomial.js";
import { createRandom } from "../internal/random.js";

/**
 * Percentile bootstrap interval of the NPS, in points, from the three counts alone.
 *
 * Resampling n respondents with replacement only changes how many fall in each category, so each of
 * the `resamples` replicates draws the counts directly (`docs/intervals.md`, "Which interval to use"):
 * `nP* ~ Bin(n, pP)`, then `nD* ~ Bin(n − nP*, nD / (nO + nD))` (0 when there are no passives or
 * detractors), and records `K* = nP* − nD*`. The NPS of a replicate is `100·K* / n`.
 *
 * Quantile rule: the limits are `G⁻¹(α/2)` and `G⁻¹(1 − α/2)` with `α = 1 − level`, `G` the empirical
 * distribution function of the replicates and `G⁻¹(p) = min{k : G(k) ≥ p}` (R's `quantile` type 1) —
 * i.e. the ⌈B·α/2⌉-th and the (B − ⌊B·α/2⌋)-th smallest replicate. This is the finite-B version of
 * the ideal (B → ∞) bootstrap of the reference values; B·α/2 is rounded to an integer when it is
 * within 1e-9 of one, so that binary rounding of the level (0.05/2 = 0.025000000000000022) does not
 * move a limit by one replicate.
 *
 * Reproducible: the only randomness is `createRandom(seed)` (xoshiro128**), and the binomial draws are
 * exact algorithms on its uniforms (see `binomialSample`), so a seed gives the same interval on every
 * platform. Counts must be integers with n ≥ 1 and `resamples` an integer ≥ 1 (the caller checks);
 * for n = 0 there is nothing to resample and the whole range [−100, 100] is returned.
 *
 * Cost: O(B) binomial draws of O(1) expected time each, whatever n (10,000 replicates take a few
 * milliseconds even for n = 10⁷), plus selecting the two order statistics, O(B) expected (quickselect). Never O(n).
 *
 * @param counts - Promoters, passives and detractors (integers).
 * @param level - Two-sided confidence level in (0, 1), e.g. 0.95.
 * @param resamples - Number of bootstrap replicates B (integer ≥ 1).
 * @param seed - Seed of the generator (its low 32 bits are used).
 * @returns The lower and upper limits in points, multiples of 100/n within [−100, 100].
 */
export function bootstrapBounds(
  counts: CategoryValues,
  level: number,
  resamples: number,
  seed: number,
): { readonly lower: number; readonly upper: number } {
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (!(n > 0)) return { lower: -100, upper: 100 };
  const random = createRandom(seed);
  const promoterShare = promoters / n;
  const others = passives + detractors;
  const detractorShareOfOthers = others > 0 ? detractors / others : 0;
  const replicates = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) {
    const promotersStar = binomialSample(random, n, promoterShare);
    const detractorsStar = binomialSample(random, n - promotersStar, detractorShareOfOthers);
    replicates[i] = promotersStar - detractorsStar;
  }
  let tailCount = resamples * ((1 - level) / 2);
  const nearest = Math.round(tailCount);
  if (Math.abs(tailCount - nearest) <= 1e-9 * Math.max(1, nearest)) tailCount = nearest;
  const lowerIndex = Math.min(resamples, Math.max(1, Math.ceil(tailCount)));
  const upperIndex = Math.min(resamples, Math.max(1, resamples - Math.floor(tailCount)));
  const lowerK = select(replicates, lowerIndex - 1, 0, resamples - 1);
  const upperK = select(replicates, upperIndex - 1, lowerIndex - 1, resamples - 1);
  return { lower: (100 * lowerK) / n, upper: (100 * upperK) / n };
}

/**
 * The value of rank `k` (0-based) of `values`, i.e. `sorted(values)[k]`, for k in [from, to], where
 * every element before `from` is ≤ every element from `from` on (true for the whole array, and after a
 * previous call with a smaller k for the range above it). Hoare's quickselect with the
 * median of three as pivot, partially reordering `values` in place; O(to − from) expected.
 */
function select(values: Float64Array, k: number, from: number, to: number): number {
  let left = from;
  let right = to;
  while (right > left) {
    const middle = (left + right) >>> 1;
    const x = values[left] ?? 0;
    const y = values[middle] ?? 0;
    const z = values[right] ?? 0;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k] ?? 0;
  }
  return values[k] ?? 0;
}
