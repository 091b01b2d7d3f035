import { NpsError } from "../core/errors.js";
import { checkChoice } from "../core/options.js";
import { describeValue } from "../internal/describe.js";
import type { CrossSegmentBreakdown } from "./crossSegment.js";
import type { SegmentBreakdown } from "./segmentBy.js";
import type { TierBreakdown } from "./segmentByTiers.js";
import type { HiddenSegments, SegmentFigures } from "./segmentFigures.js";

/**
 * What to do with the small segments (those flagged `small`, below `minResponses`): `"flag"` shows
 * them in place with the flag, `"apart"` shows them after the others, `"hide"` leaves them out of
 * the list (counted in `hidden`).
 *
 * @category Segments
 */
export type SmallSegments = "flag" | "apart" | "hide";

/**
 * Options of {@link limitSegments}.
 *
 * @category Segments
 */
export interface SegmentLimitOptions {
  /** Show at most this many segments, the largest (most responses); an integer ≥ 1, or `"all"`. @defaultValue "all" */
  readonly top?: number | "all";
  /** What to do with the small segments. @defaultValue "flag" */
  readonly small?: SmallSegments;
}

/** How many segments a report shows at most unless told otherwise (`buildReport`'s `top`). */
export const DEFAULT_TOP = 50;

/**
 * Limits the segments (or cells) a breakdown shows, for a report: small segments hidden or put apart,
 * then at most `top` segments, the largest (most responses; ties in the breakdown's order), kept in
 * the breakdown's order. It computes nothing: the figures of the segments shown are those of the full
 * breakdown — the comparisons with the rest and the p-value adjustment count every segment, and so
 * does the total — and `hidden` says how many segments and responses are not shown, and why (absent
 * when every segment is shown). With `small: "apart"`, the small segments come after the others and
 * `smallApart` is `true`. Browser-safe. O(s log s) for s segments.
 *
 * @param breakdown - A result of {@link segmentBy}, {@link segmentByTiers} or {@link crossSegment} (or their `…FromTallies`).
 * @param options - `top` and `small`.
 * @returns The breakdown with the segments shown (a new object; the input is not changed).
 * @throws {@link NpsError} `invalid_option` for a `top` that is not an integer ≥ 1 or `"all"`, or an unknown `small`.
 * @example
 * ```ts
 * import { limitSegments, segmentBy } from "npskit";
 * const responses = [
 *   ...Array.from({ length: 40 }, () => ({ score: 9, attributes: { plan: "pro" } })),
 *   ...Array.from({ length: 35 }, () => ({ score: 3, attributes: { plan: "free" } })),
 *   { score: 10, attributes: { plan: "team" } },
 * ];
 * const limited = limitSegments(segmentBy(responses, "plan"), { small: "hide" });
 * limited.segments.map((segment) => segment.label); // => ["free", "pro"]
 * limited.hidden; // => { segments: 1, responses: 1, small: 1 }
 * limited.total?.n; // => 76
 * limitSegments(segmentBy(responses, "plan"), { top: 1 }).segments.map((segment) => segment.label); // => ["pro"]
 * ```
 * @category Segments
 */
export function limitSegments<B extends SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown>(
  breakdown: B,
  options: SegmentLimitOptions = {},
): B {
  const fn = "limitSegments";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const { top, small } = resolveSegmentLimits(fn, options.top ?? "all", options.small, "small");
  const rows: unknown =
    breakdown === null || typeof breakdown !== "object"
      ? undefined
      : breakdown.kind === "cross-segment-breakdown"
        ? breakdown.cells
        : breakdown.kind === "segment-breakdown" || breakdown.kind === "tier-breakdown"
          ? breakdown.segments
          : undefined;
  const row = (value: unknown): boolean =>
    value !== null &&
    typeof value === "object" &&
    typeof (value as SegmentFigures).n === "number" &&
    !Number.isNaN((value as SegmentFigures).n) &&
    typeof (value as SegmentFigures).small === "boolean";
  if (!Array.isArray(rows) || !rows.every(row)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: breakdown must be the result of segmentBy, segmentByTiers or crossSegment, received ${describeValue(breakdown)}`,
    );
  }
  return limitRows(breakdown, rows as ReadonlyArray<SegmentFigures>, top, small);
}

function limitRows<B extends SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown>(
  breakdown: B,
  rows: ReadonlyArray<SegmentFigures>,
  top: number | "all",
  small: SmallSegments,
): B {
  const indices = rows.map((_, i) => i);
  const candidates = small === "hide" ? indices.filter((i) => !(rows[i] as SegmentFigures).small) : indices;
  const hiddenSmall = indices.length - candidates.length;
  let kept = candidates;
  if (top !== "all" && candidates.length > top) {
    const largest = [...candidates]
      .sort((a, b) => (rows[b] as SegmentFigures).n - (rows[a] as SegmentFigures).n || a - b)
      .slice(0, top);
    const chosen = new Set(largest);
    kept = candidates.filter((i) => chosen.has(i));
  }
  const beyondTop = candidates.length - kept.length;
  const apart = small === "apart";
  if (apart) {
    kept = [
      ...kept.filter((i) => !(rows[i] as SegmentFigures).small),
      ...kept.filter((i) => (rows[i] as SegmentFigures).small),
    ];
  }
  const shownSet = new Set(kept);
  let responses = 0;
  for (const i of indices) if (!shownSet.has(i)) responses += (rows[i] as SegmentFigures).n;
  const hidden: HiddenSegments | undefined =
    kept.length === rows.length
      ? undefined
      : {
          segments: rows.length - kept.length,
          responses,
          small: hiddenSmall,
          ...(beyondTop > 0 ? { top: top as number } : {}),
        };
  const shown = kept.map((i) => rows[i]);
  const { hidden: _hidden, smallApart: _apart, ...rest } = breakdown;
  return {
    ...rest,
    ...(breakdown.kind === "cross-segment-breakdown" ? { cells: shown } : { segments: shown }),
    ...(hidden === undefined ? {} : { hidden }),
    ...(apart ? { smallApart: true } : {}),
  } as unknown as B;
}

/** Checks `top` and the small-segment choice (named `smallName` in errors), with the default `"flag"`. */
export function resolveSegmentLimits(
  fn: string,
  top: unknown,
  small: unknown,
  smallName: string,
): { readonly top: number | "all"; readonly small: SmallSegments } {
  if (top !== "all" && !(Number.isSafeInteger(top) && (top as number) >= 1)) {
    throw new NpsError("invalid_option", `${fn}: top must be an integer >= 1 or "all", received ${describeValue(top)}`);
  }
  const choice = small ?? "flag";
  checkChoice(fn, smallName, choice, ["flag", "apart", "hide"]);
  return { top: top as number | "all", small: choice };
}
