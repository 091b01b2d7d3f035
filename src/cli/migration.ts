import { parseArgs } from "node:util";
import {
  type CategoryValues,
  escapeLines,
  levelText,
  type Migration,
  migrationBetween as migrationOf,
  type NpsResponse,
  roundScore,
  sampleResponses,
} from "../index.js";
import { MIGRATION_HELP } from "./help.js";
import { type CliIo, usageError } from "./io.js";
import { choice, levelOption, READ_OPTIONS } from "./options.js";
import { givenReadOptions, readResponses } from "./readResponses.js";

/** The `migration` command's options. */
export const MIGRATION_OPTIONS = {
  ...READ_OPTIONS,
  level: { type: "string" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

/** Where the built-in sample is split into two waves: its first 12 months and its last 12 months. */
const SAMPLE_SPLIT = Date.UTC(2025, 11, 1);

/** `npskit migration [before after]`: returns the exit status. */
export async function migration(args: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: MIGRATION_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    io.stdout(MIGRATION_HELP);
    return 0;
  }
  const format = choice("format", values.format, ["text", "json"] as const, "text");
  const level = levelOption(values.level);
  let before: ReadonlyArray<NpsResponse>;
  let after: ReadonlyArray<NpsResponse>;
  let labels: readonly [string, string];
  if (positionals.length === 0) {
    const given = givenReadOptions(values);
    if (given.length > 0) throw usageError(`${given.join(", ")} need files to read; no file was given`);
    const sample = sampleResponses();
    before = sample.filter((response) => (response.date as Date).getTime() < SAMPLE_SPLIT);
    after = sample.filter((response) => (response.date as Date).getTime() >= SAMPLE_SPLIT);
    labels = ["sample 2024-12 to 2025-11", "sample 2025-12 to 2026-11"];
    io.stderr(
      'npskit: no files given: the built-in sample\'s first 12 months against its last 12 months; run "npskit migration before.csv after.csv" for your data\n',
    );
  } else if (positionals.length === 2) {
    const [first, second] = positionals as [string, string];
    if (first === "-" && second === "-") throw usageError("only one of the two files can be standard input (-)");
    before = (await readResponses(first, values, io)).responses;
    after = (await readResponses(second, values, io)).responses;
    labels = [first, second];
  } else {
    throw usageError(`migration takes two files (the first wave, then the second), received ${positionals.length}`);
  }
  const result = migrationOf(before, after, { level });
  if (format === "json") {
    io.stdout(`${JSON.stringify({ waves: { before: labels[0], after: labels[1] }, ...result }, null, 2)}\n`);
    return 0;
  }
  io.stdout(formatMigration(result, labels));
  return 0;
}

const ROWS = [
  ["detractors", "detractor"],
  ["passives", "passive"],
  ["promoters", "promoter"],
] as const;

/** The text output of `npskit migration`. */
export function formatMigration(result: Migration, labels: readonly [string, string]): string {
  const lines = [
    `Migration from ${labels[0]} to ${labels[1]}`,
    `Matched respondents  ${result.matched} (only in the first wave: ${result.onlyBefore}, only in the second: ${result.onlyAfter})`,
  ];
  const without = result.withoutRespondent.before + result.withoutRespondent.after;
  if (without > 0) lines.push(`Without respondent id  ${without} answers, left out (they cannot be matched)`);
  const replaced = result.replaced.before + result.replaced.after;
  if (replaced > 0)
    lines.push(`Earlier answers  ${replaced} replaced by the same respondent's latest answer in its wave`);
  lines.push(
    "",
    `${"first wave ↓ / second →".padEnd(24)}${ROWS.map(([, name]) => name.padStart(11)).join("")}${"total".padStart(8)}`,
  );
  for (const [key, name] of ROWS) {
    const row = result.table[key];
    const shares = result.rowShares[key];
    const total = row.promoters + row.passives + row.detractors;
    lines.push(
      `${name.padEnd(24)}${ROWS.map(([column]) => cell(row, shares, column).padStart(11)).join("")}${String(total).padStart(8)}`,
    );
  }
  lines.push("");
  if (result.change === undefined) {
    lines.push("No respondent answered in both waves: there is no change to measure.");
    return escapeLines(`${lines.join("\n")}\n`);
  }
  const change = result.change;
  const signed = (value: number): string => `${value > 0 ? "+" : ""}${roundScore(value, 1).toFixed(1)}`;
  lines.push(
    `NPS of the matched panel  first wave ${roundScore(result.before.nps ?? 0, 1).toFixed(1)}, second wave ${roundScore(result.after.nps ?? 0, 1).toFixed(1)}`,
    `Paired change  ${signed(change.estimate)} points, ${levelText(change.level)} CI ${signed(change.lower)} to ${signed(change.upper)} (SE ${roundScore(change.standardError, 1).toFixed(1)}, p ${change.pValue === undefined ? "n/a" : pText(change.pValue)})`,
    "The standard error is paired: the same customers answered twice.",
  );
  return escapeLines(`${lines.join("\n")}\n`);
}

function cell(row: CategoryValues, shares: CategoryValues | undefined, column: keyof CategoryValues): string {
  const count = row[column];
  return shares === undefined ? String(count) : `${count} (${Math.round(100 * shares[column])}%)`;
}

function pText(p: number): string {
  return p < 0.001 ? "< 0.001" : `= ${roundScore(p, 3).toFixed(3)}`;
}
