import type { ColumnarResponses, NpsResponse, SegmentKey } from "../../src/index.js";

/** The object form of columnar responses (the equivalence stated on {@link ColumnarResponses}). */
export function toResponses(columns: ColumnarResponses): NpsResponse[] {
  const responses: NpsResponse[] = [];
  for (let i = 0; i < columns.scores.length; i++) {
    const response: {
      score: number;
      date?: Date;
      weight?: number;
      respondentId?: string;
      attributes?: Record<string, SegmentKey>;
    } = { score: columns.scores[i] as number };
    const time = columns.times?.[i];
    if (time !== undefined && !Number.isNaN(time)) response.date = new Date(time);
    if (columns.weights !== undefined) response.weight = columns.weights[i] as number;
    const id = columns.respondentIds?.[i];
    if (id !== undefined) response.respondentId = id;
    for (const [name, column] of Object.entries(columns.segments ?? {})) {
      const code = column.codes[i] as number;
      if (code < 0) continue;
      response.attributes ??= {};
      response.attributes[name] = column.dictionary[code] as SegmentKey;
    }
    responses.push(response);
  }
  return responses;
}
