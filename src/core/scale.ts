import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";

/**
 * The three NPS categories.
 *
 * @category Scoring
 */
export type Category = "promoter" | "passive" | "detractor";

/**
 * An answer scale with its thresholds: scores from `min` to `max` (integers), detractors up to
 * `detractorMax`, promoters from `promoterMin`, passives in between (possibly none).
 *
 * @category Scoring
 */
export interface Scale {
  /** A short name shown in reports, e.g. `"0-10"`. */
  readonly name: string;
  /** The lowest possible answer. */
  readonly min: number;
  /** The highest possible answer. */
  readonly max: number;
  /** The highest answer that counts as a detractor. */
  readonly detractorMax: number;
  /** The lowest answer that counts as a promoter. */
  readonly promoterMin: number;
}

/**
 * The standard NPS scale: answers 0 to 10; 9–10 promoters, 7–8 passives, 0–6 detractors.
 *
 * @example
 * ```ts
 * import { STANDARD_SCALE } from "npskit";
 * STANDARD_SCALE.promoterMin; // => 9
 * ```
 * @category Scoring
 */
export const STANDARD_SCALE: Scale = Object.freeze({ name: "0-10", min: 0, max: 10, detractorMax: 6, promoterMin: 9 });

/** Options of {@link defineScale}. */
export interface ScaleDefinition {
  /** A short name shown in reports. @defaultValue `"<min>-<max>"` */
  readonly name?: string;
  /** The lowest possible answer (an integer). */
  readonly min: number;
  /** The highest possible answer (an integer greater than `min`). */
  readonly max: number;
  /** The highest answer that counts as a detractor (at least `min`). */
  readonly detractorMax: number;
  /** The lowest answer that counts as a promoter (above `detractorMax`, at most `max`). */
  readonly promoterMin: number;
}

/**
 * Defines a custom answer scale after checking that its thresholds make sense: integer bounds with
 * `min ≤ detractorMax < promoterMin ≤ max`. Use it for surveys that deviate from the standard 0–10
 * scale (for example the 1–10 variant some tools use); results on such a scale are not comparable
 * with standard NPS figures.
 *
 * @param definition - Bounds and thresholds.
 * @returns A frozen {@link Scale}.
 * @throws {@link NpsError} `invalid_scale` when a bound is not an integer or the order is wrong.
 * @example
 * ```ts
 * import { classify, defineScale } from "npskit";
 * const oneToTen = defineScale({ min: 1, max: 10, detractorMax: 6, promoterMin: 9 });
 * oneToTen.name; // => "1-10"
 * classify(1, oneToTen); // => "detractor"
 * ```
 * @category Scoring
 */
export function defineScale(definition: ScaleDefinition): Scale {
  if (definition === null || typeof definition !== "object") {
    throw new NpsError(
      "invalid_scale",
      `defineScale: definition must be an object, received ${describeValue(definition)}`,
    );
  }
  const { min, max, detractorMax, promoterMin } = definition;
  for (const [field, value] of Object.entries({ min, max, detractorMax, promoterMin })) {
    if (!Number.isSafeInteger(value)) {
      throw new NpsError("invalid_scale", `defineScale: ${field} must be an integer, received ${describeValue(value)}`);
    }
  }
  if (!(min <= detractorMax && detractorMax < promoterMin && promoterMin <= max)) {
    throw new NpsError(
      "invalid_scale",
      `defineScale: thresholds must satisfy min <= detractorMax < promoterMin <= max, received ${min} <= ${detractorMax} < ${promoterMin} <= ${max}`,
    );
  }
  if (max - min > 1000) {
    throw new NpsError(
      "invalid_scale",
      `defineScale: a scale must have at most 1001 values, received ${min} to ${max}`,
    );
  }
  const name = definition.name ?? `${min}-${max}`;
  if (typeof name !== "string" || name.length === 0) {
    throw new NpsError(
      "invalid_scale",
      `defineScale: name must be a non-empty string, received ${describeValue(name)}`,
    );
  }
  return Object.freeze({ name, min, max, detractorMax, promoterMin });
}

/**
 * Checks a `scale` option the way every function taking one does, and returns it (the standard
 * scale when `scale` is `undefined`). A scale is an object with a non-empty `name` and integer
 * `min <= detractorMax < promoterMin <= max`, at most 1001 values: what {@link defineScale} makes.
 *
 * @param fn - The calling function's name, for the message.
 * @param scale - The option as given.
 * @returns The scale to use.
 * @throws {@link NpsError} `invalid_option` when `scale` is not such an object (`"0-10"`, `{}`,
 * `{ min: 0, max: 10 }` without thresholds, thresholds in the wrong order).
 */
export function checkScale(fn: string, scale: unknown): Scale {
  if (scale === undefined) return STANDARD_SCALE;
  if (scale === STANDARD_SCALE) return STANDARD_SCALE;
  if (scale === null || typeof scale !== "object" || Array.isArray(scale)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: scale must be a scale made by defineScale, received ${describeValue(scale)}`,
    );
  }
  const given = scale as Record<string, unknown>;
  for (const field of ["min", "max", "detractorMax", "promoterMin"]) {
    if (!Number.isSafeInteger(given[field])) {
      throw new NpsError(
        "invalid_option",
        `${fn}: scale.${field} must be an integer, received ${describeValue(given[field])}`,
      );
    }
  }
  const { min, max, detractorMax, promoterMin } = given as unknown as Scale;
  if (!(min <= detractorMax && detractorMax < promoterMin && promoterMin <= max) || max - min > 1000) {
    throw new NpsError(
      "invalid_option",
      `${fn}: scale must satisfy min <= detractorMax < promoterMin <= max with at most 1001 values, received ${min} <= ${detractorMax} < ${promoterMin} <= ${max}`,
    );
  }
  if (typeof given.name !== "string" || given.name.length === 0) {
    throw new NpsError(
      "invalid_option",
      `${fn}: scale.name must be a non-empty string, received ${describeValue(given.name)}`,
    );
  }
  return scale as Scale;
}

/** Whether a scale has the standard 0–10 bounds and 9/6 thresholds. */
export function isStandardScale(scale: Scale): boolean {
  return (
    scale.min === 0 &&
    scale.max === 10 &&
    scale.detractorMax === STANDARD_SCALE.detractorMax &&
    scale.promoterMin === STANDARD_SCALE.promoterMin
  );
}

/** Whether `score` is an integer inside the scale (no coercion: `"9"` is not a score). */
export function isValidScore(score: unknown, scale: Scale): score is number {
  return typeof score === "number" && Number.isInteger(score) && score >= scale.min && score <= scale.max;
}

/** The error thrown for a value that is not a score on `scale`; `where` says where it was found. */
export function invalidScoreError(fn: string, score: unknown, scale: Scale, where: string): NpsError {
  return new NpsError(
    "invalid_score",
    `${fn}: score must be an integer from ${scale.min} to ${scale.max}, received ${describeValue(score)}${where}`,
    { issues: [] },
  );
}

/**
 * The category of one answer: promoter, passive or detractor.
 *
 * @param score - An integer answer on the scale.
 * @param scale - The scale. @defaultValue {@link STANDARD_SCALE}
 * @returns The answer's category.
 * @throws {@link NpsError} `invalid_score` when `score` is not an integer inside the scale (`"9"`,
 * `8.5`, `NaN`, `11` and `-1` are all rejected, never coerced); `invalid_option` for a scale that
 * `defineScale` would not make.
 * @example
 * ```ts
 * import { classify } from "npskit";
 * classify(10); // => "promoter"
 * classify(7); // => "passive"
 * classify(0); // => "detractor"
 * ```
 * @category Scoring
 */
export function classify(score: number, scale: Scale = STANDARD_SCALE): Category {
  checkScale("classify", scale);
  if (!isValidScore(score, scale)) throw invalidScoreError("classify", score, scale, "");
  if (score >= scale.promoterMin) return "promoter";
  if (score <= scale.detractorMax) return "detractor";
  return "passive";
}
