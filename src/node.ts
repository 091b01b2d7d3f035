/**
 * The Node entry point, `npskit/node`: reading survey exports from files as the `npskit` command
 * does. `readResponses` reads a file into responses — encoding and delimiter detection, column
 * guessing with the same notes, date-format detection, streaming, and the same row accounting —
 * and `streamResponses` is the same reader batch by batch (objects or typed columns), for files that
 * do not fit in memory; `countProblems`, `undatedNote`, `tooManyLost` and `DEFAULT_MAX_REJECTED` are
 * its row accounting. `readTallies` reads the result rows of a `tallySql` query saved to a file.
 * `describeFileError` puts a file-system error in the words of the command's messages.
 * `loadChartScripts` reads the charting library the offline HTML report inlines. Node only (it
 * reads files); everything else is in `npskit`.
 *
 * @packageDocumentation
 */
export { loadChartScripts } from "./node/chartScripts.js";
export type { DateAdvice } from "./node/chooseFields.js";
export { type ByteSource, describeFileError, type ReadingIo } from "./node/io.js";
export { countProblems, DEFAULT_MAX_REJECTED, type LostRows, tooManyLost, undatedNote } from "./node/lostRows.js";
export { type ReadResponsesOptions, type ReadResponsesResult, readResponses } from "./node/readResponses.js";
export type { InputFormatChoice } from "./node/readRows.js";
export { type ReadTalliesOptions, type ReadTalliesResult, readTallies } from "./node/readTallies.js";
export type { EncodingChoice } from "./node/stream.js";
export {
  type ReadingOptions,
  type ResponseBatch,
  type StreamedInput,
  type StreamResponsesOptions,
  streamResponses,
} from "./node/streamResponses.js";
