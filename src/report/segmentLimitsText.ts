import type { CrossSegmentBreakdown } from "../segments/crossSegment.js";
import type { SegmentBreakdown } from "../segments/segmentBy.js";
import type { TierBreakdown } from "../segments/segmentByTiers.js";
import { plural } from "./plural.js";

type Breakdown = SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown;

/** What a row of the breakdown is called: segment, tier or cell. */
function noun(breakdown: Breakdown): string {
  return breakdown.kind === "cross-segment-breakdown"
    ? "cell"
    : breakdown.kind === "tier-breakdown"
      ? "tier"
      : "segment";
}

/** How many segments were compared with the rest: those shown and those hidden. */
export function comparedCount(breakdown: Breakdown): number {
  const rows = breakdown.kind === "cross-segment-breakdown" ? breakdown.cells : breakdown.segments;
  return rows.length + (breakdown.hidden?.segments ?? 0);
}

/**
 * The notes on the segments a limited breakdown does not show, or puts apart (see `limitSegments`):
 * `1950 segments with 1950 responses not shown: 1950 beyond the 50 largest; they count in the total
 * and in the comparisons`, and `small segments (fewer than 30 responses) are listed last`. Plain text,
 * for each renderer to escape.
 */
export function segmentLimitNotes(breakdown: Breakdown): string[] {
  const notes: string[] = [];
  const name = noun(breakdown);
  const min = breakdown.settings.minResponses;
  const { hidden } = breakdown;
  if (hidden !== undefined) {
    const reasons: string[] = [];
    if (hidden.small > 0) reasons.push(`${hidden.small} small (fewer than ${min} responses)`);
    const beyond = hidden.segments - hidden.small;
    if (beyond > 0 && hidden.top !== undefined) reasons.push(`${beyond} beyond the ${hidden.top} largest`);
    notes.push(
      `${plural(hidden.segments, name)} with ${plural(hidden.responses, "response")} not shown: ${reasons.join(", ")}; they count in the total and in the comparisons`,
    );
  }
  const rows = breakdown.kind === "cross-segment-breakdown" ? breakdown.cells : breakdown.segments;
  if (breakdown.smallApart === true && rows.some((row) => row.small)) {
    notes.push(`small ${name}s (fewer than ${min} responses) are listed last, apart`);
  }
  return notes;
}
