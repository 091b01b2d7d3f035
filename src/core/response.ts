/**
 * A value an attribute can take: text, a number, a boolean, or `null` for "no value".
 *
 * @category Responses
 */
export type AttributeValue = string | number | boolean | null;

/**
 * One validated survey answer. Only `score` is required; an optional field may be absent, `undefined`
 * or `null` (as JSON and SQL give it), which all mean "no value". `attributes` holds segment columns (plan,
 * country, spend…); objects made by {@link parseResponses} have no prototype, so a column named
 * `__proto__` is an ordinary key.
 *
 * @category Responses
 */
export interface NpsResponse {
  /** The 0–10 answer (or on a custom scale). */
  readonly score: number;
  /** When the answer was given (an instant); `null` or absent: no date. */
  readonly date?: Date | null;
  /** Who answered, compared exactly (no trimming, no case folding); `null` or absent: anonymous. */
  readonly respondentId?: string | null;
  /** Survey weight, finite and > 0; `null` or absent: unweighted. */
  readonly weight?: number | null;
  /** Free-text comment; `null` or absent: none. */
  readonly comment?: string | null;
  /** Segment attributes by column name; `null` or absent: none. */
  readonly attributes?: Readonly<Record<string, AttributeValue>> | null;
}

/**
 * Who counts in a period or window: `"all"` counts every response; `"latest"` counts each respondent
 * once, with their most recent answer in that period or window (responses without a `respondentId`
 * count as themselves).
 *
 * @category Trends
 */
export type RespondentPolicy = "all" | "latest";
