/**
 * Machine-readable reasons an npskit function can fail.
 *
 * - `invalid_score`: a score is not an integer inside the scale.
 * - `invalid_weight`: a weight is not a finite number greater than 0.
 * - `invalid_tally`: a tally has negative, non-finite or inconsistent counts.
 * - `invalid_scale`: a custom scale's bounds or thresholds do not make sense.
 * - `invalid_option`: an option is outside its documented range.
 * - `invalid_input`: the data is not of the expected shape (for example not an array).
 * - `invalid_date`: a date cannot be read, or a time-zone name is unknown.
 * - `validation_failed`: raw rows did not validate; `issues` lists every problem.
 *
 * @category Errors
 */
export type NpsErrorCode =
  | "invalid_score"
  | "invalid_weight"
  | "invalid_tally"
  | "invalid_scale"
  | "invalid_option"
  | "invalid_input"
  | "invalid_date"
  | "validation_failed";

/**
 * One problem found in the data: where it was, what was wrong, and the offending value.
 *
 * @category Errors
 */
export interface NpsIssue {
  /** Where the value was: array indices and field names, outermost first (`[3, "score"]`). */
  readonly path: ReadonlyArray<string | number>;
  /** The reason, in the form `"<what> must be <rule>, received <value>"`. */
  readonly message: string;
  /** The value as it was found. */
  readonly value: unknown;
  /** The row number when the issue comes from a row: the line in a CSV file whose header is line 1 (the first row of an array is 2). */
  readonly row?: number;
  /** The column or field name, when the issue comes from a field. */
  readonly field?: string;
}

/** Options of the {@link NpsError} constructor. */
export interface NpsErrorOptions {
  /** Every problem found, for validation errors. */
  readonly issues?: ReadonlyArray<NpsIssue>;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The one error type npskit throws. `code` says what went wrong; `issues` lists every problem found
 * when the error comes from validating data.
 *
 * @example
 * ```ts
 * import { NpsError, nps } from "npskit";
 * try {
 *   nps([9, 11]);
 * } catch (error) {
 *   (error as NpsError).code; // => "invalid_score"
 * }
 * ```
 * @category Errors
 */
export class NpsError extends Error {
  /** The machine-readable reason. */
  readonly code: NpsErrorCode;
  /** Every problem found (empty unless the error comes from validating data). */
  readonly issues: ReadonlyArray<NpsIssue>;

  constructor(code: NpsErrorCode, message: string, options: NpsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NpsError";
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/**
 * Thrown when raw rows do not validate: `issues` is never empty and lists every problem found, each
 * with its row, field and value.
 *
 * @example
 * ```ts
 * import { NpsValidationError, parseResponses } from "npskit";
 * try {
 *   parseResponses([{ score: "11" }], { fields: { score: "score" } });
 * } catch (error) {
 *   (error as NpsValidationError).issues.length; // => 1
 * }
 * ```
 * @category Errors
 */
export class NpsValidationError extends NpsError {
  override readonly issues: ReadonlyArray<NpsIssue>;

  constructor(message: string, issues: ReadonlyArray<NpsIssue>, options: { readonly cause?: unknown } = {}) {
    super("validation_failed", message, { issues, ...options });
    this.name = "NpsValidationError";
    this.issues = issues;
  }
}
