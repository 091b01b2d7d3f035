import { parseArgs } from "node:util";
import type { NpsResponse } from "../core/response.js";
import { roundScore } from "../core/roundScore.js";
import { type DriverAnalysis, drivers as driversOf } from "../drivers/drivers.js";
import { DRIVERS_HELP } from "./help.js";
import { type CliIo, usageError } from "./io.js";
import { choice, levelOption, READ_OPTIONS } from "./options.js";
import { readResponses } from "./readResponses.js";
import { csvText } from "./themes.js";

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
  // --levels "a,b,c" for every driver, or --levels "column=a,b,c" for one (repeatable).
  const levels: Record<string, ReadonlyArray<string>> = Object.create(null);
  let common: ReadonlyArray<string> | undefined;
  for (const option of values.levels ?? []) {
    const equals = option.indexOf("=");
    const column = equals > 0 ? option.slice(0, equals).trim() : "";
    const list = (names.includes(column) ? option.slice(equals + 1) : option).split(",").map((label) => label.trim());
    if (list.length < 2 || list.some((label) => label === "")) {
      throw usageError(
        `--levels must be labels from lowest to highest separated by commas, optionally after <column>=, received ${JSON.stringify(option)}`,
      );
    }
    if (names.includes(column)) levels[column] = list;
    else common = list;
  }
  const read = await readResponses(
    file(positionals),
    { ...values, attribute: [...(values.attribute ?? []), ...names] },
    io,
  );
  const byDriver: Record<string, ReadonlyArray<string>> = Object.create(null);
  for (const name of names) {
    // A list given for every driver applies to the drivers whose answers are text, not numbers.
    const list = Object.hasOwn(levels, name) ? levels[name] : holdsText(read.responses, name) ? common : undefined;
    if (list !== undefined) byDriver[name] = list;
  }
  const result = driversOf(read.responses, { drivers: names, levels: byDriver, missing, level, resamples, seed });
  for (const driver of result.drivers) {
    if (driver.rejected === 0) continue;
    const rows = driver.rejectedRows
      .slice(0, 5)
      .map((rejection) => `${read.rowNumbers[rejection.row - 1]} (${JSON.stringify(rejection.value)})`);
    const rule =
      common === undefined && !Object.hasOwn(levels, driver.name)
        ? "numbers (pass --levels for labels)"
        : "on the levels";
    io.stderr(
      `npskit: ${driver.name}: ${driver.rejected} values are not ${rule} and were left out: row ${rows.join(", row ")}${driver.rejected > rows.length ? `, and ${driver.rejected - rows.length} more` : ""}\n`,
    );
  }
  if (format === "json") io.stdout(`${JSON.stringify({ file: positionals[0], ...result }, null, 2)}\n`);
  else if (format === "csv") io.stdout(formatDriversCsv(result));
  else io.stdout(formatDrivers(result, file(positionals), format === "markdown"));
  return 0;
}

/** Whether a column holds an answer that is neither blank, NA nor a number. */
function holdsText(responses: ReadonlyArray<NpsResponse>, name: string): boolean {
  return responses.some((response) => {
    const attributes = response.attributes;
    const value = attributes !== undefined && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
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

const fixed = (value: number | undefined, digits: number): string =>
  value === undefined ? "–" : roundScore(value, digits).toFixed(digits);
const signed = (value: number): string => `${value > 0 ? "+" : ""}${roundScore(value, 1).toFixed(1)}`;

/** The text or Markdown output of `npskit drivers`. */
export function formatDrivers(result: DriverAnalysis, source: string, markdown: boolean): string {
  const lines: string[] = [];
  lines.push(markdown ? `# What drives the score: ${source}` : `What drives the score: ${source}`, "");
  const model =
    result.rSquared === undefined
      ? `No model: ${result.modelProblem}.`
      : `R² of the 0-10 score on all drivers: ${fixed(result.rSquared, 3)} (${result.n} respondents, ${result.missing} missing-answer handling).`;
  lines.push(
    model,
    `Importance: LMG (Shapley) share of R²; ${result.resamples > 0 ? `${roundScore(100 * result.level, 2)}% bootstrap intervals from ${result.resamples} resamples, seed ${result.seed}` : "no bootstrap"}. Associations, not causes.`,
    "",
  );
  const headers = ["Driver", "n", "Missing", "Rejected", "Spearman", "Importance", "Interval", "Share of R²"];
  const rows = result.drivers.map((driver) => [
    driver.name,
    String(driver.n),
    String(driver.missing),
    String(driver.rejected),
    fixed(driver.spearman, 3),
    fixed(driver.importance, 3),
    driver.importanceInterval === undefined
      ? "–"
      : `${fixed(driver.importanceInterval.lower, 3)} to ${fixed(driver.importanceInterval.upper, 3)}`,
    result.rSquared === undefined || driver.importance === undefined || result.rSquared === 0
      ? "–"
      : `${roundScore((100 * driver.importance) / result.rSquared, 1).toFixed(1)}%`,
  ]);
  lines.push(...table(headers, rows, markdown), "");
  for (const driver of result.drivers) {
    lines.push(markdown ? `## NPS by answer: ${driver.name}` : `NPS by answer: ${driver.name}`, "");
    const levelRows = driver.levels.map((level) => {
      const n = level.tally.detractors + level.tally.passives + level.tally.promoters;
      return [
        level.label ?? String(level.value),
        String(n),
        signed(level.nps.estimate),
        `${signed(level.nps.lower)} to ${signed(level.nps.upper)}`,
      ];
    });
    lines.push(
      ...table(["Answer", "n", "NPS", `${roundScore(100 * result.level, 2)}% interval`], levelRows, markdown),
      "",
    );
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

function table(
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  markdown: boolean,
): string[] {
  if (markdown) {
    return [
      `| ${headers.join(" | ")} |`,
      `| ${headers.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
      ...rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`),
    ];
  }
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: ReadonlyArray<string>): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].map((text) => `  ${text}`);
}

/** The CSV output of `npskit drivers`: one row per driver and answer level, full precision. */
export function formatDriversCsv(result: DriverAnalysis): string {
  const cell = (value: number | undefined): string => (value === undefined ? "" : String(value));
  const rows: string[][] = [];
  for (const driver of result.drivers) {
    for (const level of driver.levels) {
      rows.push([
        driver.name,
        cell(driver.spearman),
        cell(driver.importance),
        cell(driver.importanceInterval?.lower),
        cell(driver.importanceInterval?.upper),
        level.label ?? String(level.value),
        String(level.value),
        String(level.tally.detractors + level.tally.passives + level.tally.promoters),
        String(level.nps.estimate),
        String(level.nps.lower),
        String(level.nps.upper),
      ]);
    }
  }
  return csvText(
    [
      "driver",
      "spearman",
      "importance",
      "importance_lower",
      "importance_upper",
      "answer",
      "answer_value",
      "n",
      "nps",
      "nps_lower",
      "nps_upper",
    ],
    rows,
  );
}
