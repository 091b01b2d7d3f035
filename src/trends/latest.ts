import type { PreparedResponses } from "../core/prepareResponses.js";

/**
 * The positions of the dated responses ordered by bucket (counting sort, stable: input order within
 * a bucket), and where each bucket starts in that order (`starts[b]` to `starts[b + 1]`). O(n + buckets).
 */
export function orderByBucket(
  bucketOf: Int32Array,
  buckets: number,
): { readonly order: Int32Array; readonly starts: Int32Array } {
  const starts = new Int32Array(buckets + 1);
  for (let k = 0; k < bucketOf.length; k++) {
    const b = bucketOf[k] as number;
    if (b >= 0) starts[b + 1] = (starts[b + 1] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const next = starts.slice(0, buckets);
  const order = new Int32Array(starts[buckets] as number);
  for (let k = 0; k < bucketOf.length; k++) {
    const b = bucketOf[k] as number;
    if (b < 0) continue;
    const at = next[b] as number;
    order[at] = k;
    next[b] = at + 1;
  }
  return { order, starts };
}

/** Whether response `a` is more recent than `b`: a later instant, or the same instant later in the input. */
export function isLater(prepared: PreparedResponses, a: number, b: number): boolean {
  const ta = prepared.times[a] as number;
  const tb = prepared.times[b] as number;
  return ta > tb || (ta === tb && a > b);
}

/**
 * The responses that count under the `"latest"` policy in calendar buckets: in each bucket, every
 * response without a respondent id, and for each respondent their most recent response in it (see
 * {@link isLater}). O(n + buckets).
 */
export function dedupeLatest(prepared: PreparedResponses, bucketOf: Int32Array, buckets: number): number[] {
  const { order, starts } = orderByBucket(bucketOf, buckets);
  const best = new Int32Array(prepared.respondentCount).fill(-1);
  const seenIn = new Int32Array(prepared.respondentCount).fill(-1);
  const kept: number[] = [];
  const listed: number[] = [];
  for (let b = 0; b < buckets; b++) {
    listed.length = 0;
    for (let at = starts[b] as number; at < (starts[b + 1] as number); at++) {
      const k = order[at] as number;
      const r = prepared.respondents[k] as number;
      if (r < 0) {
        kept.push(k);
      } else if (seenIn[r] !== b) {
        seenIn[r] = b;
        best[r] = k;
        listed.push(r);
      } else if (isLater(prepared, k, best[r] as number)) {
        best[r] = k;
      }
    }
    for (const r of listed) kept.push(best[r] as number);
  }
  return kept;
}

/**
 * Sorts, in place, each bucket's slice of `order` by instant (ties in input order), so that a scan of
 * `order` meets the responses in time order. O(n log(n / buckets)) for evenly filled buckets.
 */
export function sortWithinBuckets(prepared: PreparedResponses, order: Int32Array, starts: Int32Array): void {
  const times = prepared.times;
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b] as number;
    const to = starts[b + 1] as number;
    if (to - from > 1) {
      order.subarray(from, to).sort((x, y) => (times[x] as number) - (times[y] as number) || x - y);
    }
  }
}
