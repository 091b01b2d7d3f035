import { NpsError } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import { describeValue } from "../internal/describe.js";

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

/**
 * Splits responses into groups by an attribute or a function, in one pass, keeping the indices of
 * the responses in each group.
 *
 * - With an attribute name, a response's key is `response.attributes[name]`, read as an own
 *   property only (`Object.hasOwn`), so names such as `__proto__` or `constructor` are ordinary
 *   columns. A value `null` is a key of its own: the responses that answered "no value". A response
 *   without that column at all (no `attributes`, or the column absent or `undefined`) is left out and
 *   its index listed in `leftOut`.
 * - With a function, the returned value is the key; `undefined` leaves the response out.
 *
 * Keys are compared exactly, as a `Map` does (`"1"` and `1` are different groups). Groups come in
 * the order of their first response; sort them afterwards as needed. O(n) time.
 *
 * @param responses - The responses (not mutated).
 * @param by - An attribute name or a function of a response returning its key.
 * @returns The groups with the indices of their responses, and the indices left out. For no
 * responses, no groups and nothing left out.
 * @throws {@link NpsError} `invalid_option` when `by` is neither a string nor a function, when the
 * attribute exists on no response (the message lists the attributes that do exist), or when a value
 * is not a string, number, boolean or null; `invalid_input` when `responses` is not an array of objects.
 * @example
 * ```ts
 * import { groupResponses } from "npskit";
 * const responses = [
 *   { score: 10, attributes: { plan: "pro" } },
 *   { score: 3, attributes: { plan: "free" } },
 *   { score: 9, attributes: { plan: "pro" } },
 *   { score: 7 },
 * ];
 * groupResponses(responses, "plan");
 * // => { groups: [{ key: "pro", indices: [0, 2] }, { key: "free", indices: [1] }], leftOut: [3] }
 * groupResponses(responses, (response) => response.score >= 9).groups.length; // => 2
 * ```
 * @category Segments
 */
export function groupResponses(responses: ReadonlyArray<NpsResponse>, by: SegmentBy): ResponseGroups {
  return groupResponsesFor("groupResponses", responses, by);
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

/**
 * Checks `responses` and `by`, and returns a function giving the key of the response at an index
 * (`undefined` when it is left out). Throws when an attribute exists on no response.
 */
export function segmentKeyReader(
  fn: string,
  responses: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
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
  if (responses.length > 0 && !attributeExists(responses, by)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: attribute ${JSON.stringify(by)} does not exist; attributes are: ${attributeNames(responses)}`,
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

/** The attribute names found on the responses, in order of first appearance (at most 20 listed). */
function attributeNames(responses: ReadonlyArray<NpsResponse>): string {
  const names = new Set<string>();
  for (const response of responses) {
    const attributes = response?.attributes;
    if (attributes === undefined || attributes === null) continue;
    for (const name of Object.keys(attributes)) names.add(name);
  }
  return attributeListText(names);
}

/** Attribute names in order of first appearance, as listed in error messages (at most 20). */
export function attributeListText(names: ReadonlySet<string>): string {
  if (names.size === 0) return "(none)";
  const listed = [...names].slice(0, 20).map((name) => (/^[\w .-]+$/.test(name) ? name : JSON.stringify(name)));
  return names.size > 20 ? `${listed.join(", ")}, … (${names.size} in all)` : listed.join(", ");
}
