import { unknownNameMessage } from "../core/columnNames.js";
import { guessFields } from "../input/guessFields.js";
import { type FieldMapping, parseResponses } from "../input/parseResponses.js";
import { readError } from "./io.js";
import type { RawTable } from "./readRows.js";

/** The column options of `npskit report`. */
export interface ColumnOptions {
  readonly score?: string;
  readonly date?: string;
  readonly dateFormat?: string;
  readonly timeZone?: string;
  readonly respondent?: string;
  readonly comment?: string;
  readonly weight?: string;
  readonly attributes?: ReadonlyArray<string>;
}

/** The mapping to use, the date format (given or detected), and notes for standard error. */
export interface ChosenFields {
  readonly fields: FieldMapping;
  readonly dateFormat?: string;
  readonly notes: ReadonlyArray<string>;
  /** A date pattern that reads more of the first rows' dates than the one used, when there is one. */
  readonly dateAdvice?: DateAdvice;
}

/**
 * A date pattern that reads more dates than the format in use (given with `--date-format`, detected,
 * or ISO 8601), found by the detection on the first rows: `read` of their `dates` non-blank dates, in
 * `rows` rows (the whole file when it has no more).
 *
 * @category Node
 */
export interface DateAdvice {
  /** The detected date-fns pattern. */
  readonly pattern: string;
  /** How many of the probed dates it reads. */
  readonly read: number;
  /** The non-blank dates probed. */
  readonly dates: number;
  /** The rows probed: the first 2,000, or the whole file when it has fewer. */
  readonly rows: number;
}

/** Strings that mean "no answer", as the input layer reads them by default. */
const MISSING = new Set(["", "NA", "N/A", "n/a", "null", "NULL"]);

/**
 * Date patterns tried, in order, on a guessed date column whose values are not ISO 8601 (and on a
 * given one without `--date-format`). A pattern is used only when it reads every value of the
 * column; when both a month-first and a day-first pattern do, the order is ambiguous and the dates
 * are not used.
 */
const DATE_PATTERNS = [
  "M/d/yy H:mm",
  "M/d/yyyy H:mm",
  "M/d/yyyy H:mm:ss",
  "M/d/yy H:mm:ss",
  "M/d/yyyy h:mm a",
  "M/d/yyyy",
  "M/d/yy",
  "d/M/yy H:mm",
  "d/M/yyyy H:mm",
  "d/M/yyyy H:mm:ss",
  "d/M/yyyy",
  "d/M/yy",
  "d.M.yyyy H:mm",
  "d.M.yyyy",
  "yyyy-MM-dd HH:mm:ss",
  "yyyy-MM-dd HH:mm",
  "yyyy/MM/dd HH:mm:ss",
  "yyyy/MM/dd",
] as const;

/** How many rows the column checks look at (and the streamed reader reads before choosing). */
export const PROBE_ROWS = 2000;

/**
 * Decides the column mapping: options first, then `guessFields` on the header. A guessed score
 * column must hold 0–10 answers (at least half of its non-blank values): otherwise another column
 * whose name looks like the recommendation question and whose values are 0–10 integers is used. A
 * guessed date column that cannot be read is left out with a note, rather than rejecting every row.
 */
export function chooseFields(table: RawTable, options: ColumnOptions): ChosenFields {
  const notes: string[] = [];
  const { columns } = table;
  const known = new Set(columns);
  const explicit: Array<[string, string | undefined]> = [
    ["score", options.score],
    ["date", options.date],
    ["respondent", options.respondent],
    ["comment", options.comment],
    ["weight", options.weight],
    ...(options.attributes ?? []).map((name): [string, string] => ["attribute", name]),
  ];
  for (const [option, column] of explicit) {
    if (column !== undefined && !known.has(column)) {
      throw readError(`--${option}: ${unknownNameMessage(column, columns)}`);
    }
  }
  const guess = guessFields(columns);
  const guessed = guess.fields;
  const chosen = options.score === undefined ? chooseScore(table, guessed.score) : undefined;
  const score = options.score ?? (chosen?.column as string);
  const fields: {
    score: string;
    date?: string;
    respondentId?: string;
    comment?: string;
    weight?: string;
    attributes?: ReadonlyArray<string>;
  } = { score };
  const pick = (key: "respondentId" | "comment" | "weight", given: string | undefined, label: string): void => {
    const column = given ?? guessed[key];
    if (column === undefined || column === score) return;
    fields[key] = column;
    if (given === undefined) notes.push(`${label}: column ${JSON.stringify(column)} (guessed from its name)`);
  };
  pick("respondentId", options.respondent, "respondent id");
  const commentGuess = options.comment === undefined ? guessed.comment : undefined;
  const closed = commentGuess === undefined ? undefined : notFreeText(table, commentGuess);
  if (commentGuess !== undefined && closed !== undefined) {
    notes.push(
      `column ${JSON.stringify(commentGuess)} looks like a comment by its name, but ${closed}; comments are not used (pass --comment <column>)`,
    );
  } else {
    pick("comment", options.comment, "comment");
  }
  pick("weight", options.weight, "weight");
  if (options.attributes !== undefined && options.attributes.length > 0) fields.attributes = options.attributes;

  let dateFormat = options.dateFormat;
  const dateColumn = options.date ?? guessed.date;
  if (dateColumn !== undefined && dateColumn !== score) {
    const guessedDate = options.date === undefined;
    if (dateFormat !== undefined || readsDates(table, dateColumn, undefined, options.timeZone)) {
      fields.date = dateColumn;
      if (guessedDate) notes.push(`date: column ${JSON.stringify(dateColumn)} (guessed from its name)`);
    } else {
      const detected = detectDateFormat(table, dateColumn, options.timeZone);
      if (detected.pattern !== undefined) {
        fields.date = dateColumn;
        dateFormat = detected.pattern;
        notes.push(
          `date: column ${JSON.stringify(dateColumn)}${guessedDate ? " (guessed from its name)" : ""}, read with the pattern ${JSON.stringify(detected.pattern)} (detected; pass --date-format to change)`,
        );
      } else if (guessedDate) {
        notes.push(
          `column ${JSON.stringify(dateColumn)} looks like a date but ${detected.why}; dates are not used (pass --date and --date-format)`,
        );
      } else {
        // A date column asked for without a pattern: keep it and let every bad value be reported.
        fields.date = dateColumn;
      }
    }
  }
  const fieldNotes = chosen === undefined ? notes : [`score: column ${JSON.stringify(score)} ${chosen.note}`, ...notes];
  const dateAdvice =
    fields.date === undefined ? undefined : adviseDateFormat(table, fields.date, dateFormat, options.timeZone);
  return {
    fields,
    ...(dateFormat === undefined ? {} : { dateFormat }),
    notes: fieldNotes,
    ...(dateAdvice === undefined ? {} : { dateAdvice }),
  };
}

/**
 * When the format in use does not read every date of the first rows: the detected pattern, if it
 * reads more of them (so that a message about dates that do not parse can name the fix).
 */
function adviseDateFormat(
  table: RawTable,
  date: string,
  dateFormat: string | undefined,
  timeZone: string | undefined,
): DateAdvice | undefined {
  const used = readDates(table, date, dateFormat, timeZone);
  if (used.read === used.probed) return undefined;
  const detected = detectDateFormat(table, date, timeZone);
  if (detected.pattern === undefined || detected.pattern === dateFormat) return undefined;
  const better = readDates(table, date, detected.pattern, timeZone);
  if (better.read <= used.read) return undefined;
  return {
    pattern: detected.pattern,
    read: better.read,
    dates: better.probed,
    rows: Math.min(table.rows.length, PROBE_ROWS),
  };
}

/** The score column: the guess if its values are 0–10 answers, else the best-looking other column. */
function chooseScore(table: RawTable, guess: string | undefined): { column: string; note: string } {
  const checked = guess === undefined ? undefined : scoreCheck(table, guess);
  if (guess !== undefined && checked !== undefined && checked.valid >= Math.max(1, checked.present / 2)) {
    return { column: guess, note: "(guessed from its name; pass --score to choose another)" };
  }
  const candidates = table.columns
    .filter((column) => column !== guess && /nps|recommend|likel|score|rating/i.test(column))
    .map((column) => ({ column, ...scoreCheck(table, column) }))
    .filter(({ valid, present }) => valid > 0 && valid >= 0.9 * present)
    .sort((a, b) => b.valid - a.valid);
  const best = candidates[0];
  if (best !== undefined) {
    const why =
      guess === undefined
        ? "its name mentions the recommendation question and its values are 0–10 answers"
        : `column ${JSON.stringify(guess)} does not hold 0–10 answers (${describeValues(table, guess)})`;
    return { column: best.column, note: `(chosen because ${why}; pass --score to choose another)` };
  }
  if (guess !== undefined) {
    // No better column: use the guess and let every invalid value be reported with its row.
    return {
      column: guess,
      note: `(guessed from its name, but few of its values are 0–10 answers: ${describeValues(table, guess)}; pass --score to choose another)`,
    };
  }
  throw readError(
    `no column looks like the 0–10 score; pass --score <column>; the columns are ${listColumns(table.columns)}`,
  );
}

/** The non-blank values (not blank or NA) of a column in the first rows, trimmed. */
function probeValues(table: RawTable, column: string): string[] {
  const values: string[] = [];
  for (const row of table.rows.slice(0, PROBE_ROWS)) {
    const value = Object.hasOwn(row, column) ? row[column] : undefined;
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (!MISSING.has(text)) values.push(text);
  }
  return values;
}

/** How many of a column's first values are present (not blank or NA), and how many of those are 0–10 integers. */
function scoreCheck(table: RawTable, column: string): { present: number; valid: number } {
  const values = probeValues(table, column);
  const valid = values.filter((text) => /^\d{1,2}$/.test(text) && Number(text) <= 10).length;
  return { present: values.length, valid };
}

/**
 * Why a column guessed as the comment does not hold free text, or undefined when it may. Among its
 * first non-blank values: all numbers, or few distinct answers (at most 10 and at most a tenth of 20
 * or more values), which are the answers to a closed question. A blank column is kept (harmless).
 */
function notFreeText(table: RawTable, column: string): string | undefined {
  const values = probeValues(table, column);
  if (values.length === 0) return undefined;
  if (values.every((text) => /^[-+]?\d+([.,]\d+)?$/.test(text))) {
    return `its values are numbers (${describeValues(table, column)})`;
  }
  const distinct = new Set(values).size;
  if (values.length >= 20 && distinct <= Math.min(10, values.length / 10)) {
    return `its ${values.length} values are ${distinct} distinct answers (${describeValues(table, column)})`;
  }
  return undefined;
}

function describeValues(table: RawTable, column: string): string {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const value = Object.hasOwn(row, column) ? row[column] : undefined;
    if (value === undefined || value === null || MISSING.has(String(value).trim())) continue;
    seen.add(String(value));
    if (seen.size === 3) break;
  }
  return seen.size === 0
    ? "it is blank in every row"
    : `values such as ${[...seen].map((v) => JSON.stringify(v)).join(", ")}`;
}

/**
 * How many of the non-blank values of the date column, in the first rows, read with this pattern
 * (undefined: ISO 8601), and the first values that do not. The values are checked on their own, so
 * that rows skipped for a blank score still count.
 */
function readDates(
  table: RawTable,
  date: string,
  dateFormat: string | undefined,
  timeZone: string | undefined,
): { read: number; probed: number; unread: string[] } {
  const probes = dateProbes(table, date);
  if (probes.length === 0) return { read: 0, probed: 0, unread: [] };
  const result = parseResponses(probes, {
    fields: { score: "score", date: "date" },
    mode: "collect",
    ...(dateFormat === undefined ? {} : { dateFormat }),
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  const unread = [...new Set(result.issues.map((issue) => String(issue.value)))].slice(0, 3);
  return { read: probes.length - result.issues.length, probed: probes.length, unread };
}

/**
 * Whether a column reads as dates with this pattern: more than half of its probed values do. The
 * others are then rejected row by row, with their line, rather than the whole column being dropped
 * for one mistyped value.
 */
function readsDates(
  table: RawTable,
  date: string,
  dateFormat: string | undefined,
  timeZone: string | undefined,
): boolean {
  const { read, probed } = readDates(table, date, dateFormat, timeZone);
  return probed > 0 && read * 2 > probed;
}

/** Rows `{ score: 0, date }` for the non-blank values of the date column in the first rows. */
function dateProbes(table: RawTable, date: string): Array<Record<string, unknown>> {
  const probes: Array<Record<string, unknown>> = [];
  for (const row of table.rows.slice(0, PROBE_ROWS)) {
    const value = Object.hasOwn(row, date) ? row[date] : undefined;
    if (value === undefined || value === null || MISSING.has(String(value).trim())) continue;
    probes.push({ score: 0, date: value });
  }
  return probes;
}

function detectDateFormat(
  table: RawTable,
  date: string,
  timeZone: string | undefined,
): { pattern?: string; why: string } {
  if (dateProbes(table, date).length === 0) return { why: "it is blank in every row" };
  // The patterns that read the most values (more than half of them).
  const counts = DATE_PATTERNS.map((pattern) => ({ pattern, ...readDates(table, date, pattern, timeZone) }));
  const best = Math.max(...counts.map((count) => count.read));
  const fits = counts
    .filter((count) => count.read === best && count.read * 2 > count.probed)
    .map((count) => count.pattern);
  const monthFirst = fits.find((pattern) => pattern.startsWith("M/"));
  const dayFirst = fits.find((pattern) => pattern.startsWith("d/"));
  if (monthFirst !== undefined && dayFirst !== undefined) {
    return { why: `its values read both month-first and day-first (${monthFirst} or ${dayFirst})` };
  }
  const pattern = fits[0];
  if (pattern === undefined) {
    const { unread } = readDates(table, date, undefined, timeZone);
    const shown =
      unread.length === 0
        ? describeValues(table, date)
        : `values such as ${unread.map((v) => JSON.stringify(v)).join(", ")}`;
    return { why: `its values (${shown}) are not in a known date format` };
  }
  return { pattern, why: "" };
}

function listColumns(columns: ReadonlyArray<string>): string {
  const shown = columns.slice(0, 30).map((column) => JSON.stringify(column));
  return columns.length > 30 ? `${shown.join(", ")} and ${columns.length - 30} more` : shown.join(", ");
}
