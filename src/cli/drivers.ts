import { parseArgs } from "node:util";
import {
  type DriverAnalysis,
  drivers as driversOf,
  formatDriversCsv,
  formatDriversText,
  type NpsResponse,
  similarNames,
} from "../index.js";
import { DRIVERS_HELP } from "./help.js";
import { type CliIo, usageError, writeNote } from "./io.js";
import { choice, levelOption, READ_OPTIONS } from "./options.js";
import { readResponses } from "./readResponses.js";

/** The `drivers` command's options. */
export const DRIVERS_OPTIONS = {
  ...READ_OPTIONS,
  drivers: { type: "string" },
  levels: { type: "string", multiple: true },
  missing: { type: "string" },
  resamples: { type: "string" },
  seed: { type: "string" },
  level: { type: "string" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

/** `npskit drivers FILE --drivers COL1,COL2`: returns the exit status. */
export async function drivers(args: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: DRIVERS_OPTIONS, allowPositionals: true });
  if (values.help === true) {
    io.stdout(DRIVERS_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw usageError(`drivers takes one file (or - for standard input), received ${positionals.length}`);
  }
  const names = (values.drivers ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) throw usageError("drivers needs the driver columns: pass --drivers <column>,<column>…");
  const format = choice("format", values.format, ["text", "markdown", "json", "csv"] as const, "text");
  const missing = choice("missing", values.missing, ["listwise", "pairwise"] as const, "listwise");
  const level = levelOption(values.level);
  const resamples = whole("resamples", values.resamples, 1000);
  const seed = whole("seed", values.seed, 1);
  const levels = parseLevels(names, values.levels);
  const read = await readResponses(
    file(positionals),
    { ...values, attribute: [...(values.attribute ?? []), ...names] },
    io,
  );
  const result = driversOf(read.responses, {
    drivers: names,
    levels: levelsByDriver(read.responses, names, levels),
    missing,
    level,
    resamples,
    seed,
  });
  noteRejections(result, read.rowNumbers, levels, io);
  if (format === "json") io.stdout(`${JSON.stringify({ file: positionals[0], ...result }, null, 2)}\n`);
  else if (format === "csv") io.stdout(formatDriversCsv(result));
  else {
    io.stdout(
      formatDriversText(result, {
        format,
        heading: `What drives the score: ${file(positionals)}`,
        headingLevel: 1,
      }),
    );
  }
  return 0;
}

/** `--levels "a,b,c"` for every driver, or `--levels "column=a,b,c"` for one (repeatable). */
export interface ParsedLevels {
  readonly byName: Readonly<Record<string, ReadonlyArray<string>>>;
  readonly common: ReadonlyArray<string> | undefined;
}

/** Reads the `--levels` options (usage error for a list with fewer than two labels or a blank one). */
export function parseLevels(names: ReadonlyArray<string>, options: ReadonlyArray<string> | undefined): ParsedLevels {
  const byName: Record<string, ReadonlyArray<string>> = Object.create(null);
  let common: ReadonlyArray<string> | undefined;
  for (const option of options ?? []) {
    const equals = option.indexOf("=");
    const column = equals > 0 ? option.slice(0, equals).trim() : "";
    // "Worth=…" for the driver "worth" is a column in the wrong case, not a first label "Worth=…".
    const near = names.includes(column) ? [] : similarNames(column, names);
    if (near.length > 0) {
      throw usageError(
        `--levels ${JSON.stringify(option)}: ${JSON.stringify(column)} is not one of the --drivers (did you mean ${near.map((name) => JSON.stringify(name)).join(" or ")}?); write <column>=a,b,c with the column as in --drivers`,
      );
    }
    const list = (names.includes(column) ? option.slice(equals + 1) : option).split(",").map((label) => label.trim());
    if (list.length < 2 || list.some((label) => label === "")) {
      throw usageError(
        `--levels must be labels from lowest to highest separated by commas, optionally after <column>=, received ${JSON.stringify(option)}`,
      );
    }
    if (names.includes(column)) byName[column] = list;
    else common = list;
  }
  return { byName, common };
}

/** The levels of each driver: its own list, or the common list for a driver whose answers are text. */
export function levelsByDriver(
  responses: ReadonlyArray<NpsResponse>,
  names: ReadonlyArray<string>,
  levels: ParsedLevels,
): Record<string, ReadonlyArray<string>> {
  const byDriver: Record<string, ReadonlyArray<string>> = Object.create(null);
  for (const name of names) {
    // A list given for every driver applies to the drivers whose answers are text, not numbers.
    const list = Object.hasOwn(levels.byName, name)
      ? levels.byName[name]
      : holdsText(responses, name)
        ? levels.common
        : undefined;
    if (list !== undefined) byDriver[name] = list;
  }
  return byDriver;
}

/** One note per driver with rejected values, naming the first five rows of the file. */
export function noteRejections(
  result: DriverAnalysis,
  rowNumbers: ReadonlyArray<number>,
  levels: ParsedLevels,
  io: CliIo,
): void {
  for (const driver of result.drivers) {
    if (driver.rejected === 0) continue;
    const rows = driver.rejectedRows
      .slice(0, 5)
      .map((rejection) => `${rowNumbers[rejection.row - 1]} (${JSON.stringify(rejection.value)})`);
    const one = driver.rejected === 1;
    const rule =
      levels.common === undefined && !Object.hasOwn(levels.byName, driver.name)
        ? `${one ? "a number" : "numbers"} (pass --levels for labels)`
        : "on the levels";
    writeNote(
      io,
      `${driver.name}: ${driver.rejected} ${one ? "value is" : "values are"} not ${rule} and ${one ? "was" : "were"} left out: row ${rows.join(", row ")}${driver.rejected > rows.length ? `, and ${driver.rejected - rows.length} more` : ""}`,
    );
  }
}

/** Whether a column holds an answer that is neither blank, NA nor a number. */
function holdsText(responses: ReadonlyArray<NpsResponse>, name: string): boolean {
  return responses.some((response) => {
    const attributes = response.attributes;
    const value =
      attributes !== undefined && attributes !== null && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    if (typeof value !== "string") return false;
    const text = value.trim();
    return !/^(?:|na|n\/a|nan|null|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/i.test(text);
  });
}

function file(positionals: ReadonlyArray<string>): string {
  return positionals[0] as string;
}

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\s*\d+\s*$/.test(value))
    throw usageError(`--${name} must be a whole number, received ${JSON.stringify(value)}`);
  return Number(value);
}
