/**
 * The command's Node layer, as one module: what `src/cli` uses of `src/node` beyond the public
 * `npskit/node` entry (its errors and I/O, the streaming reader, the row accounting). The build makes
 * it a file of its own beside the entry points (`dist/node-command.js`), sharing their chunks, so
 * that the command imports the library instead of bundling a second copy. Not a public entry point.
 */
export { loadChartScripts } from "./chartScripts.js";
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
} from "./io.js";
export { countProblems, DEFAULT_MAX_REJECTED, tooManyLost, undatedNote } from "./lostRows.js";
export { readResponsesWith } from "./readResponses.js";
export type { InputFormatChoice } from "./readRows.js";
export { decodeStream, type EncodingChoice, streamRows } from "./stream.js";
export { columnOptions, type ReadValues, reasonOf, streamResponses } from "./streamResponses.js";
