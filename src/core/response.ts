/**
 * A value an attribute can take: text, a number, a boolean, or `null` for "no value".
 *
 * @category Responses
 */
export type AttributeValue = string | number | boolean | null;

/**
 * One validated survey answer. Only `score` is required. `attributes` holds segment columns (plan,
 * country, spend…); objects made by {@link parseResponses} have no prototype, so a column named
 * `__proto__` is an ordinary key.
 *
 * @category Responses
 */
export interface NpsResponse {
  /** The 0–10 answer (or on a custom scale). */
  readonly score: number;
  /** When the answer was given (an instant). */
  readonly date?: Date;
  /** Who answered, compared exactly (no trimming, no case folding). */
  readonly respondentId?: string;
  /** Survey weight, finite and > 0. */
  readonly weight?: number;
  /** Free-text comment. */
  readonly comment?: string;
  /** Segment attributes by column name. */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/**
 * Who counts in a period or window: `"all"` counts every response; `"latest"` counts each respondent
 * once, with their most recent answer in that period or window (responses without a `respondentId`
 * count as themselves).
 *
 * @category Trends
 */
export type RespondentPolicy = "all" | "latest";
