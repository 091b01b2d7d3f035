import { describeValue } from "../internal/describe.js";
import { didYouMean } from "./columnNames.js";
import { NpsError } from "./errors.js";
import type { NpsResponse } from "./response.js";

/**
 * The key of a segment: an attribute value or what a grouping function returned. `null` is a key of
 * its own (the "no value" segment). Keys are compared exactly, as a `Map` does: the string `"1"` and
 * the number `1` are different segments, `0` and `-0` are the same one, and `NaN` equals itself.
 *
 * @category Segments
 */
export type SegmentKey = string | number | boolean | null;

/**
 * How to segment responses: the name of an attribute (read from `response.attributes`), or a
 * function of a response returning its segment key, or `undefined` to leave the response out.
 *
 * @category Segments
 */
export type SegmentBy = string | ((response: NpsResponse) => SegmentKey | undefined);

/** Rank of a key's type in the key order: numbers, strings, booleans, then null. */
function typeRank(key: SegmentKey): number {
  if (typeof key === "number") return 0;
  if (typeof key === "string") return 1;
  if (typeof key === "boolean") return 2;
  return 3;
}

/** A string that is a plain decimal number (`"12"`, `"-3.5"`), as exports write numeric codes. */
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The deterministic, natural key order: numbers ascending (NaN after every other number), then
 * strings — those that are decimal numbers (`"2"`, `"10"`, as read from a file) by value, before the
 * others, which go by UTF-16 code units (not locale-dependent) — then `false`, `true`, and `null`
 * last. So the segments `"1"`, `"2"`, `"10"` come in that order, not as `"1"`, `"10"`, `"2"`.
 */
export function compareKeys(a: SegmentKey, b: SegmentKey): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === "number" && typeof b === "number") return compareNumbers(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (typeof a === "string" && typeof b === "string") {
    const numberA = NUMERIC_TEXT.test(a.trim());
    const numberB = NUMERIC_TEXT.test(b.trim());
    if (numberA && numberB) return compareNumbers(Number(a), Number(b)) || (a < b ? -1 : a > b ? 1 : 0);
    if (numberA !== numberB) return numberA ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return 0;
}

/** The positions of `keys` in key order ({@link compareKeys}). */
export function keyOrder(keys: ReadonlyArray<SegmentKey>): number[] {
  return keys.map((_, i) => i).sort((i, j) => compareKeys(keys[i] as SegmentKey, keys[j] as SegmentKey) || i - j);
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
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

/**
 * Checks `responses` and `by`, and returns a function giving the key of the response at an index
 * (`undefined` when it is left out). Throws when an attribute exists on no response, unless
 * `requireAttribute` is false.
 */
export function segmentKeyReader(
  fn: string,
  responses: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
  requireAttribute = true,
): (index: number) => SegmentKey | undefined {
  if (!Array.isArray(responses)) {
    throw new NpsError("invalid_input", `${fn}: responses must be an array, received ${describeValue(responses)}`);
  }
  const responseAt = (i: number): NpsResponse => {
    const response = responses[i];
    if (response === null || typeof response !== "object") {
      throw new NpsError(
        "invalid_input",
        `${fn}: response must be an object, received ${describeValue(response)} at index ${i}`,
      );
    }
    return response;
  };
  if (typeof by === "function") {
    return (i) => {
      const key = by(responseAt(i));
      if (key !== undefined && !isSegmentKey(key)) {
        throw new NpsError(
          "invalid_option",
          `${fn}: segment key must be a string, number, boolean, null or undefined, received ${describeValue(key)} at index ${i}`,
        );
      }
      return key;
    };
  }
  if (typeof by !== "string") {
    throw new NpsError(
      "invalid_option",
      `${fn}: by must be an attribute name or a function, received ${describeValue(by)}`,
    );
  }
  if (requireAttribute && responses.length > 0 && !attributeExists(responses, by)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: attribute ${JSON.stringify(by)} does not exist${didYouMean(by, attributeSet(responses))}; attributes are: ${attributeListText(attributeSet(responses))}`,
    );
  }
  return (i) => {
    const attributes = responseAt(i).attributes;
    if (attributes === undefined || attributes === null || !Object.hasOwn(attributes, by)) return undefined;
    const key = attributes[by];
    if (key === undefined) return undefined;
    if (!isSegmentKey(key)) {
      throw new NpsError(
        "invalid_option",
        `${fn}: attribute ${JSON.stringify(by)} must be a string, number, boolean or null, received ${describeValue(key)} at index ${i}`,
      );
    }
    return key;
  };
}

function isSegmentKey(value: unknown): value is SegmentKey {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function attributeExists(responses: ReadonlyArray<NpsResponse>, name: string): boolean {
  for (const response of responses) {
    const attributes = response?.attributes;
    if (attributes !== undefined && attributes !== null && Object.hasOwn(attributes, name)) return true;
  }
  return false;
}

/** The attribute names found on the responses, in order of first appearance. */
function attributeSet(responses: ReadonlyArray<NpsResponse>): Set<string> {
  const names = new Set<string>();
  for (const response of responses) {
    const attributes = response?.attributes;
    if (attributes === undefined || attributes === null) continue;
    for (const name of Object.keys(attributes)) names.add(name);
  }
  return names;
}

/** Attribute names in order of first appearance, as listed in error messages (at most 20). */
export function attributeListText(names: ReadonlySet<string>): string {
  if (names.size === 0) return "(none)";
  const listed = [...names].slice(0, 20).map((name) => (/^[\w .-]+$/.test(name) ? name : JSON.stringify(name)));
  return names.size > 20 ? `${listed.join(", ")}, … (${names.size} in all)` : listed.join(", ");
}

/**
 * One group made by {@link groupResponses}.
 *
 * @category Segments
 */
export interface ResponseGroup {
  /** The segment key shared by the group's responses. */
  readonly key: SegmentKey;
  /** Indices of the group's responses in the input array, ascending. */
  readonly indices: ReadonlyArray<number>;
}

/**
 * The result of {@link groupResponses}.
 *
 * @category Segments
 */
export interface ResponseGroups {
  /** The groups, in the order their first response appears in the input. */
  readonly groups: ReadonlyArray<ResponseGroup>;
  /** Indices of the responses that belong to no group, ascending. */
  readonly leftOut: ReadonlyArray<number>;
}

/** {@link groupResponses}, naming `fn` in error messages. */
export function groupResponsesFor(fn: string, responses: ReadonlyArray<NpsResponse>, by: SegmentBy): ResponseGroups {
  const keyOf = segmentKeyReader(fn, responses, by);
  const positions = new Map<SegmentKey, number>();
  const groups: { key: SegmentKey; indices: number[] }[] = [];
  const leftOut: number[] = [];
  for (let i = 0; i < responses.length; i++) {
    const key = keyOf(i);
    if (key === undefined) {
      leftOut.push(i);
      continue;
    }
    const position = positions.get(key);
    if (position === undefined) {
      positions.set(key, groups.length);
      groups.push({ key, indices: [i] });
    } else {
      (groups[position] as { indices: number[] }).indices.push(i);
    }
  }
  return { groups, leftOut };
}
