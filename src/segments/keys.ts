import type { SegmentKey } from "./groupResponses.js";

/** Rank of a key's type in the key order: numbers, strings, booleans, then null. */
function typeRank(key: SegmentKey): number {
  if (typeof key === "number") return 0;
  if (typeof key === "string") return 1;
  if (typeof key === "boolean") return 2;
  return 3;
}

/**
 * The deterministic key order: numbers ascending (NaN after every other number), then strings by
 * UTF-16 code units (not locale-dependent), then `false`, `true`, and `null` last.
 */
export function compareKeys(a: SegmentKey, b: SegmentKey): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return 0;
}

/**
 * A printable label for a key: strings as they are (the empty string as `""`), numbers and booleans
 * as written (`-0` as `0`), `null` as `(no value)`. Labels are for display; two keys may share a label
 * (the string `"1"` and the number `1`), keys never do.
 */
export function keyLabel(key: SegmentKey): string {
  if (key === null) return "(no value)";
  if (key === "") return '""';
  if (typeof key === "number") return String(key + 0);
  return String(key);
}
