/*
 * The row rules as a zod schema: what parseResponses ran on every row before its checks were
 * compiled, and the reference the property tests compare the compiled checks with
 * (test/input/referenceParse.ts). zod is a development dependency only.
 */
import { z } from "zod";
import type { AttributeValue } from "../../src/core/response.js";
import type { Scale } from "../../src/core/scale.js";
import type { DateTextReader } from "../../src/input/readDate.js";

/** An integer written in decimal, optionally signed with `-` and with a zero fraction (`"9.0"`). */
const INTEGER_TEXT = /^\s*-?\d+(?:\.0+)?\s*$/;
/** A decimal number, optionally signed, with an optional exponent (`"1.5"`, `".5"`, `"2e3"`). */
const DECIMAL_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** The largest distance of a valid `Date` from the epoch, in milliseconds. */
const MAX_TIME = 8.64e15;

/**
 * The values of one row, read from the mapped columns. Missing values (absent keys, `null`, and
 * missing-value strings) are already `undefined` here, or `null` for attributes.
 */
export interface RowInput {
  score: unknown;
  date: unknown;
  respondentId: unknown;
  weight: unknown;
  comment: unknown;
  attributes: unknown[];
}

/** The fields of a row as the schema returns them. */
export interface RowOutput {
  score: number;
  date?: Date | undefined;
  respondentId?: string | undefined;
  weight?: number | undefined;
  comment?: string | undefined;
  attributes: AttributeValue[];
}

/** The keys of {@link RowInput}, which are also the first element of every zod issue path. */
export type RowKey = keyof RowInput;

/** The result of validating one row: the typed fields, or zod's issues. */
export type RowParse =
  | { readonly success: true; readonly data: RowOutput }
  | { readonly success: false; readonly error: z.ZodError };

/**
 * Builds the zod schema for one row; called once per `parseResponses` call, never per row and never
 * at import time. O(1).
 */
export function buildRowSchema(scale: Scale, readDateText: DateTextReader): (input: RowInput) => RowParse {
  const score = z
    .union([z.number(), z.string().regex(INTEGER_TEXT).transform(Number)])
    .pipe(z.int().min(scale.min).max(scale.max))
    .transform((value) => value + 0); // -0 becomes 0
  // Strings come first in every union: they are what CSV rows hold, and a union stops at the first
  // alternative that accepts the value.
  const date = z.union([
    z.string().transform((text, context) => {
      const time = readDateText(text);
      if (time === undefined) {
        context.issues.push({ code: "custom", message: "invalid date", input: text });
        return z.NEVER;
      }
      return new Date(time);
    }),
    z.date().transform((value) => new Date(value.getTime())),
    z
      .number()
      .min(-MAX_TIME)
      .max(MAX_TIME)
      .transform((value) => new Date(value)),
  ]);
  const respondentId = z.union([z.string(), z.int().transform(String)]);
  const weight = z.union([z.string().regex(DECIMAL_TEXT).transform(Number), z.number()]).pipe(z.number().positive());
  const comment = z.union([z.string(), z.number().transform(String), z.boolean().transform(String)]);
  const attribute = z.union([z.string(), z.number(), z.boolean(), z.null()]);
  const schema = z.object({
    score,
    date: date.optional(),
    respondentId: respondentId.optional(),
    weight: weight.optional(),
    comment: comment.optional(),
    attributes: z.array(attribute),
  });
  return (input) => schema.safeParse(input) as RowParse;
}
