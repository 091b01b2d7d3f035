import type { AttributeValue, NpsResponse } from "../../src/core/response.js";

/** `promoters` 10s, `passives` 8s and `detractors` 2s with the given attributes (and weight). */
export function block(
  attributes: Record<string, AttributeValue>,
  promoters: number,
  passives: number,
  detractors: number,
  weight?: number,
): NpsResponse[] {
  const scores = [
    ...Array<number>(promoters).fill(10),
    ...Array<number>(passives).fill(8),
    ...Array<number>(detractors).fill(2),
  ];
  return scores.map((score) => (weight === undefined ? { score, attributes } : { score, attributes, weight }));
}

/** The NpsError thrown by `run`. */
export { errorOf as thrown } from "../helpers/errors.js";
