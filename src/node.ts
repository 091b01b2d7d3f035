/**
 * The Node entry point, `npskit/node`: reading survey exports from files and standard input as the
 * `npskit` command does — encoding and delimiter detection, column guessing with the same notes,
 * date-format detection, streaming with a progress bar on a terminal, and the row accounting. Node
 * only (it reads files); everything else is in `npskit`.
 *
 * @packageDocumentation
 */
export {
  type ByteSource,
  CliError,
  type CliIo,
  dataError,
  nodeIo,
  openFile,
  openStdin,
  usageError,
  writeTextFile,
} from "./node/io.js";
export type { InputFormatChoice } from "./node/readRows.js";
export { decodeStream, type EncodingChoice, streamRows } from "./node/stream.js";
export { columnOptions, type ReadValues, reasonOf, streamResponses } from "./node/streamResponses.js";
