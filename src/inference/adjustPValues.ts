import { NpsError } from "../core/errors.js";
import { checkChoice } from "../core/options.js";
import { describeValue } from "../internal/describe.js";

/**
 * A multiple-comparison adjustment of {@link adjustPValues}.
 *
 * - `"holm"` (default): Holm's step-down method, controls the family-wise error rate, never less
 *   powerful than Bonferroni.
 * - `"bonferroni"`: min(1, m·p).
 * - `"benjamini-hochberg"`: controls the false discovery rate (for many segments, when some false
 *   alarms are acceptable).
 *
 * @category Inference
 */
export type PValueAdjustment = "holm" | "bonferroni" | "benjamini-hochberg";

/**
 * Adjusts a family of p-values (for example one per segment) for multiple comparisons, as R's
 * `p.adjust`: reject hypothesis i at level α when its adjusted p-value is ≤ α.
 *
 * Bonferroni p̃ᵢ = min(1, m·pᵢ); Holm (1979, *Scandinavian Journal of Statistics* 6, 65–70): with
 * p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎); Benjamini & Hochberg (1995, *JRSS B*
 * 57, 289–300): p̃₍ᵢ₎ = min_{j ≥ i} min(1, m·p₍ⱼ₎/j). O(m log m).
 *
 * @param pValues - The raw p-values, each from 0 to 1 (not mutated).
 * @param method - The adjustment. @defaultValue "holm"
 * @returns The adjusted p-values in the input order (empty for no p-values); each is ≥ its raw value
 * and ≤ 1.
 * @throws {@link NpsError} `invalid_input` when `pValues` is not an array or holds a value that is not a
 * number from 0 to 1; `invalid_option` for an unknown method.
 * @example
 * ```ts
 * import { adjustPValues } from "npskit";
 * adjustPValues([0.01, 0.04, 0.03]); // => [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], "bonferroni"); // => [0.03, 0.12, 0.09]
 * adjustPValues([0.01, 0.04, 0.03], "benjamini-hochberg"); // => [0.03, 0.04, 0.04]
 * ```
 * @category Inference
 */
export function adjustPValues(pValues: ReadonlyArray<number>, method: PValueAdjustment = "holm"): number[] {
  checkChoice("adjustPValues", "method", method, ["holm", "bonferroni", "benjamini-hochberg"]);
  if (!Array.isArray(pValues)) {
    throw new NpsError(
      "invalid_input",
      `adjustPValues: pValues must be an array of numbers, received ${describeValue(pValues)}`,
    );
  }
  pValues.forEach((p, i) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw new NpsError(
        "invalid_input",
        `adjustPValues: pValues[${i}] must be a number from 0 to 1, received ${describeValue(p)}`,
      );
    }
  });
  const m = pValues.length;
  if (method === "bonferroni") return pValues.map((p) => Math.min(1, m * p));
  const order = pValues.map((_, i) => i).sort((i, j) => (pValues[i] as number) - (pValues[j] as number) || i - j);
  const adjusted = new Array<number>(m).fill(0);
  if (method === "holm") {
    let running = 0;
    order.forEach((index, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
      adjusted[index] = running;
    });
    return adjusted;
  }
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank] as number;
    const p = pValues[index] as number;
    running = Math.min(running, (m * p) / (rank + 1));
    // m·p/(rank + 1) ≥ p exactly; the max only undoes a rounding of the last bit.
    adjusted[index] = Math.max(p, running);
  }
  return adjusted;
}
