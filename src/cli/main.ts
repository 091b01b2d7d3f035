import { escapeLines, NpsError } from "../index.js";
import { benchmarks } from "./benchmarks.js";
import { drivers } from "./drivers.js";
import { followUp } from "./followUp.js";
import { MAIN_HELP } from "./help.js";
import { CliError, type CliIo, nodeIo } from "./io.js";
import { migration } from "./migration.js";
import { report } from "./report.js";
import { sampleSize } from "./sampleSize.js";
import { themes } from "./themes.js";

/**
 * Runs the `npskit` command with its arguments (without `node` and the script) and returns the
 * exit status: 0 success, 1 unusable data (unreadable file, unknown column, no valid score), 2 usage
 * error (unknown command or option, bad option value). `io` replaces the process's streams and file
 * system, for tests.
 */
export async function main(args: ReadonlyArray<string>, io: CliIo = nodeIo()): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
        io.stderr(MAIN_HELP);
        return 2;
      case "-h":
      case "--help":
        io.stdout(MAIN_HELP);
        return 0;
      case "help":
        return await help(rest, io);
      case "report":
        return await report(rest, io);
      case "benchmarks":
        return benchmarks(rest, io);
      case "follow-up":
        return await followUp(rest, io);
      case "migration":
        return await migration(rest, io);
      case "sample-size":
        return sampleSize(rest, io);
      case "themes":
        return await themes(rest, io);
      case "drivers":
        return await drivers(rest, io);
      default:
        io.stderr(`npskit: unknown command ${escapeLines(JSON.stringify(command))}\n\n${MAIN_HELP}`);
        return 2;
    }
  } catch (error) {
    return failure(error, io);
  }
}

async function help(args: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [topic] = args;
  if (topic === "report") return report(["--help"], io);
  if (topic === "sample-size") return sampleSize(["--help"], io);
  if (topic === "benchmarks") return benchmarks(["--help"], io);
  if (topic === "follow-up") return followUp(["--help"], io);
  if (topic === "migration") return migration(["--help"], io);
  if (topic === "themes") return themes(["--help"], io);
  if (topic === "drivers") return drivers(["--help"], io);
  if (topic === undefined) {
    io.stdout(MAIN_HELP);
    return 0;
  }
  io.stderr(`npskit: unknown command ${escapeLines(JSON.stringify(topic))}\n\n${MAIN_HELP}`);
  return 2;
}

/** Reports an error on standard error and returns its exit status. */
function failure(error: unknown, io: CliIo): number {
  if (error instanceof CliError) {
    io.stderr(`npskit: ${messageLines(error.message)}\n`);
    if (error.exitCode === 2) io.stderr('Run "npskit --help" for usage.\n');
    return error.exitCode;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) {
    io.stderr(`npskit: ${messageLines((error as Error).message)}\nRun "npskit --help" for usage.\n`);
    return 2;
  }
  if (error instanceof NpsError) {
    // Options are checked before any data is read, so an invalid option here is a bad value given
    // on the command line (a time zone, a date pattern); anything else is about the data.
    const usage = error.code === "invalid_option" || error.code === "invalid_date";
    io.stderr(`npskit: ${messageLines(error.message)}\n`);
    return usage ? 2 : 1;
  }
  throw error;
}

/**
 * An error message as printed: control characters escaped, and every line after the first indented,
 * so that a message quoting data over several lines still reads as one message.
 */
function messageLines(message: string): string {
  return escapeLines(message)
    .split("\n")
    .map((line, i) => (i === 0 || line.startsWith("  ") ? line : `  ${line}`))
    .join("\n");
}
