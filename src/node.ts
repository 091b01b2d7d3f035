/**
 * The Node entry point, `npskit/node`: `readResponses` reads a survey export from a file as the
 * `npskit` command does — encoding and delimiter detection, column guessing with the same notes,
 * date-format detection, streaming, and the same row accounting — and `loadChartScripts`, the
 * charting library the offline HTML report inlines. Node only (it reads files);
 * everything else is in `npskit`.
 *
 * @packageDocumentation
 */
export { loadChartScripts } from "./node/chartScripts.js";
export type { DateAdvice } from "./node/chooseFields.js";
export { type ReadResponsesOptions, type ReadResponsesResult, readResponses } from "./node/readResponses.js";
export type { InputFormatChoice } from "./node/readRows.js";
export type { EncodingChoice } from "./node/stream.js";
export type { StreamedInput } from "./node/streamResponses.js";
