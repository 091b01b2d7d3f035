import { NpsError } from "../core/errors.js";
import { type Category, classify, type Scale, STANDARD_SCALE } from "../core/scale.js";
import { describeValue } from "../internal/describe.js";

/**
 * What the text functions read of a response: its score and, when there is one, its comment (an
 * `NpsResponse` fits).
 *
 * @category Text
 */
export interface CommentedResponse {
  /** The answer on the scale. */
  readonly score: number;
  /** The free-text comment; missing, `null` and blank comments are skipped and counted. */
  readonly comment?: string | null | undefined;
}

/** The category index of a response (0 detractor, 1 passive, 2 promoter), its comment or `undefined` when blank. */
export interface ReadResponse {
  readonly category: 0 | 1 | 2;
  readonly comment: string | undefined;
}

export const CATEGORIES: ReadonlyArray<Category> = ["detractor", "passive", "promoter"];

/** Reads the responses: every score classified (an invalid one throws `invalid_score`), blank comments made `undefined`. */
export function readCommented(
  fn: string,
  responses: ReadonlyArray<CommentedResponse>,
  scale: Scale = STANDARD_SCALE,
): ReadResponse[] {
  if (!Array.isArray(responses)) {
    throw new NpsError("invalid_input", `${fn}: responses must be an array, received ${describeValue(responses)}`);
  }
  return responses.map((response, i) => {
    if (response === null || typeof response !== "object") {
      throw new NpsError(
        "invalid_input",
        `${fn}: responses[${i}] must be an object, received ${describeValue(response)}`,
      );
    }
    let category: Category;
    try {
      category = classify(response.score, scale);
    } catch {
      throw new NpsError(
        "invalid_score",
        `${fn}: responses[${i}].score must be an integer from ${scale.min} to ${scale.max}, received ${describeValue(response.score)}`,
      );
    }
    const comment = response.comment;
    if (comment !== undefined && comment !== null && typeof comment !== "string") {
      throw new NpsError(
        "invalid_input",
        `${fn}: responses[${i}].comment must be a string, received ${describeValue(comment)}`,
      );
    }
    return {
      category: CATEGORIES.indexOf(category) as 0 | 1 | 2,
      comment: comment === undefined || comment === null || comment.trim() === "" ? undefined : comment,
    };
  });
}
