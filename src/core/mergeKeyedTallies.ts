import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";
import { checkKeyedTallies, type KeyedTallies, keyedTalliesOf, sumsOfTally } from "./keyedTallies.js";
import { createTallyCounter } from "./tallyCounter.js";

/**
 * Merges keyed tallies counted apart — batches of a file, shards, workers, partitions of a warehouse
 * — into the keyed tallies of the whole: cells with the same keys and bucket are added, keys new to
 * the first tallies are appended to their dimension, distributions are added and dated ranges joined.
 * Any split of the data, counted separately and merged in any order, gives the same figures as the
 * whole: unweighted exactly, weighted up to the rounding of sums added in another order (about 1e-15
 * relative). When some parts are weighted and others not, the unweighted parts join as if every
 * weight were 1 (as {@link mergeTallies} does). O(total cells).
 *
 * @param parts - The keyed tallies to merge, all with the same dimension names, time bucket and scale.
 * @returns The merged keyed tallies.
 * @throws {@link NpsError} `invalid_input` for an empty list or a value that is not keyed tallies;
 * `invalid_tally` for parts counted by other dimensions, buckets, time zones or scales.
 * @example
 * ```ts
 * import { countResponses, mergeKeyedTallies, segmentsFromTallies } from "npskit";
 * const monday = countResponses([{ score: 10, attributes: { plan: "pro" } }], { by: "plan" });
 * const tuesday = countResponses([{ score: 2, attributes: { plan: "free" } }], { by: "plan" });
 * const both = mergeKeyedTallies([monday, tuesday]);
 * both.dimensions[0]?.keys; // => ["pro", "free"]
 * segmentsFromTallies(both).segments.map((segment) => segment.nps); // => [-100, 100]
 * ```
 * @category Keyed tallies
 */
export function mergeKeyedTallies(parts: ReadonlyArray<KeyedTallies>): KeyedTallies {
  const fn = "mergeKeyedTallies";
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new NpsError(
      "invalid_input",
      `${fn}: parts must be a non-empty array of keyed tallies, received ${describeValue(parts)}`,
    );
  }
  for (const part of parts) checkKeyedTallies(fn, part);
  const [head] = parts as [KeyedTallies, ...KeyedTallies[]];
  const names = head.dimensions.map((dimension) => dimension.name);
  const describe = (part: KeyedTallies): string =>
    JSON.stringify({
      dimensions: part.dimensions.map((dimension) => dimension.name),
      time: part.time,
      scale: part.scale,
    });
  const expected = describe(head);
  for (const part of parts) {
    const actual = describe(part);
    if (actual !== expected) {
      throw new NpsError("invalid_tally", `${fn}: parts must be counted alike, received ${expected} and ${actual}`);
    }
  }
  // Parts whose weights were divided by different powers of two are brought to the largest.
  const exponent = parts.reduce(
    (most, part) => Math.max(most, part.weighted ? part.weightExponent : 0),
    Number.NEGATIVE_INFINITY,
  );
  const counter = createTallyCounter(
    names,
    head.time,
    head.scale,
    parts.some((part) => part.weighted),
    exponent,
  );
  for (const part of parts as ReadonlyArray<KeyedTallies>) {
    const factor = 2 ** ((part.weighted ? part.weightExponent : 0) - exponent);
    const recode = part.dimensions.map((dimension, d) => dimension.keys.map((key) => counter.code(d, key)));
    const codes = new Int32Array(names.length);
    for (const cell of part.cells) {
      for (let d = 0; d < names.length; d++) {
        const code = cell.codes[d] as number;
        codes[d] = code < 0 ? -1 : ((recode[d] as number[])[code] as number);
      }
      const sums = sumsOfTally(cell.tally);
      if (factor !== 1) {
        for (let k = 0; k < 3; k++) {
          sums[k] = (sums[k] as number) * factor;
          sums[3 + k] = (sums[3 + k] as number) * factor * factor;
        }
      }
      counter.addCell(codes, cell.start, sums);
    }
    part.distribution.forEach((count, i) => {
      counter.addToDistribution(i + part.scale.min, count);
    });
    counter.addDated(part.dated, part.first, part.last);
  }
  return keyedTalliesOf(counter.sums());
}
