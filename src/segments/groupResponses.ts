import type { NpsResponse } from "../core/response.js";
import { groupResponsesFor, type ResponseGroups, type SegmentBy } from "../core/segmentKey.js";

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
