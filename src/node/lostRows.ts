import type { NpsIssue } from "../core/errors.js";
import type { FieldMapping } from "../input/parseResponses.js";
import { describeValue, escapeControls } from "../internal/describe.js";
import type { DateAdvice } from "./chooseFields.js";

/**
 * The default of `--max-rejected` and of `readResponses`'s `maxRejected`: 5 % of the rows.
 *
 * @category Node
 */
export const DEFAULT_MAX_REJECTED = 5;

/**
 * What a reading lost, as {@link tooManyLost} takes it: rows rejected, rows kept without their date,
 * and the problems behind them.
 *
 * @category Node
 */
export interface LostRows {
  /** Rows read. */
  readonly rows: number;
  /** Rows rejected (an invalid value, a row that cannot be read). */
  readonly rejected: number;
  /** Rows accepted without their date because it does not parse. */
  readonly undated: number;
  /** How many problems each column has (`""`: rows that cannot be read), over every row. */
  readonly problems: ReadonlyMap<string, number>;
  /** The first problems, for an example value of the main one. */
  readonly examples: ReadonlyArray<NpsIssue>;
  /** The columns used (`fields` of `streamResponses`' result). */
  readonly fields: FieldMapping;
  /** The date pattern used (absent: ISO 8601). */
  readonly dateFormat?: string | undefined;
  /** A date pattern that reads more of the first rows' dates than the one used. */
  readonly dateAdvice?: DateAdvice | undefined;
}

/**
 * The note on the rows kept without their date, as the command prints it: `1,409 rows with a date
 * that does not parse: left out of trends (they count in the overall figures and segments)`.
 *
 * @category Node
 */
export function undatedNote(count: number): string {
  return `${plural(count, "row")} with a date that does not parse: left out of trends (${count === 1 ? "it counts" : "they count"} in the overall figures and segments)`;
}

/**
 * Adds a batch's problems (its rejected rows' `issues` and its `undated` rows) to `problems`, the
 * count by column (`""`: rows that cannot be read) that {@link tooManyLost} names the main reason
 * from. O(k) for k issues.
 *
 * @example
 * ```typescript
 * const problems = new Map<string, number>();
 * await streamResponses("survey.csv", {}, (batch) => {
 *   countProblems(problems, batch.issues);
 *   countProblems(problems, batch.undated);
 * });
 * ```
 * @category Node
 */
export function countProblems(problems: Map<string, number>, issues: ReadonlyArray<NpsIssue>): void {
  for (const issue of issues) {
    const column = issue.field ?? "";
    problems.set(column, (problems.get(column) ?? 0) + 1);
  }
}

/**
 * When more than `maxRejected` percent of the rows were rejected or lost their date: a message that
 * names the share, the main reason (the column with the most problems) and the fix, e.g. `1,409 of
 * 2,385 rows (59.1 %) were rejected or lost their date, more than --max-rejected 5 %: 1,409 dates of
 * column "Date" do not parse with --date-format "MM/dd/yyyy HH:mm" (such as "13/01/2018 09:30"); the
 * detected pattern "d/M/yyyy H:mm" reads all 2,385 dates: pass --date-format "d/M/yyyy H:mm"`.
 * `undefined` when the share is within the limit. The message names the command's options
 * (`--max-rejected`, `--date-format`), as `readResponses`' `tooManyLost` does. O(k) for k columns
 * with problems.
 *
 * @param lost - The row accounting of a reading, its problems by column and a few of its issues.
 * @param maxRejected - The share of rows (percent) that may be lost ({@link DEFAULT_MAX_REJECTED}).
 * @category Node
 */
export function tooManyLost(lost: LostRows, maxRejected: number): string | undefined {
  const { rows, rejected, undated } = lost;
  const count = rejected + undated;
  if (rows === 0 || count === 0 || (100 * count) / rows <= maxRejected) return undefined;
  const what =
    undated === 0 ? "were rejected" : rejected === 0 ? "lost their date" : "were rejected or lost their date";
  const share = `${number(count)} of ${number(rows)} rows (${percent(count, rows)}) ${what}, more than --max-rejected ${maxRejected} %`;
  const columns = [...lost.problems].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const main = columns[0];
  const tail =
    rejected > 0
      ? "; write every problem of the rejected rows with --rejected FILE, or raise --max-rejected to accept the loss"
      : "; or raise --max-rejected to accept the loss";
  if (main === undefined) return `${share}${tail}`;
  const [column, problems] = main;
  const example = lost.examples.find((issue) => (issue.field ?? "") === column);
  const value =
    example === undefined || example.value === undefined ? "" : ` (such as ${describeValue(example.value)})`;
  return `${share}: ${reasonOf(column, problems, value, lost)}${tail}`;
}

/** The main reason and its fix, for the column with the most problems. */
function reasonOf(column: string, problems: number, value: string, lost: LostRows): string {
  const { fields, dateFormat, dateAdvice } = lost;
  const name = quote(column);
  if (column === "") {
    return `${plural(problems, "row")} cannot be read${value}; check --delimiter and --input-format`;
  }
  if (column === fields.date) {
    const how = dateFormat === undefined ? "as ISO 8601 dates" : `with --date-format ${quote(dateFormat)}`;
    const reason = `${plural(problems, "date")} of column ${name} ${problems === 1 ? "does" : "do"} not parse ${how}${value}`;
    if (dateAdvice === undefined) {
      return `${reason}; pass --date-format with the pattern of these dates (such as "d/M/yyyy H:mm")`;
    }
    const { pattern, read, dates, rows } = dateAdvice;
    const reach = read === dates ? `all ${number(dates)} dates` : `${number(read)} of ${number(dates)} dates`;
    const where = rows >= lost.rows ? "" : ` of the first ${number(rows)} rows`;
    return `${reason}; the detected pattern ${quote(pattern)} reads ${reach}${where}: pass --date-format ${quote(pattern)}`;
  }
  if (column === fields.score) {
    return `${plural(problems, "score")} of column ${name} ${problems === 1 ? "is not a 0–10 answer" : "are not 0–10 answers"}${value}; check --score (the column of the 0–10 answer)`;
  }
  if (column === fields.weight) {
    return `${plural(problems, "weight")} of column ${name} ${problems === 1 ? "is" : "are"} missing or not a number greater than 0${value}; check --weight`;
  }
  return `${plural(problems, "value")} of column ${name} ${problems === 1 ? "is" : "are"} invalid${value}`;
}

function number(value: number): string {
  return value.toLocaleString("en-US");
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

function plural(count: number, noun: string): string {
  return `${number(count)} ${count === 1 ? noun : `${noun}s`}`;
}

/** Text from the data or the command line, quoted and safe for a terminal. */
function quote(text: string): string {
  return escapeControls(JSON.stringify(text));
}
