import { parseArgs } from "node:util";
import { type FieldMapping, type ParseResult, parseResponses } from "../input/parseResponses.js";
import { formatOverviewText } from "../report/formatOverviewText.js";
import { type Overview, overview } from "../report/overview.js";
import { sampleResponses } from "../sample/sampleResponses.js";
import { chooseFields } from "./chooseFields.js";
import { decodeText, type EncodingChoice } from "./decode.js";
import { REPORT_HELP } from "./help.js";
import { type CliIo, dataError, usageError } from "./io.js";
import { choice, delimiterOption, levelOption, methodOption, REPORT_OPTIONS } from "./options.js";
import { type InputFormatChoice, readRows } from "./readRows.js";

/** Options that only make sense with a file. */
const FILE_OPTIONS = [
  "score",
  "date",
  "date-format",
  "time-zone",
  "respondent",
  "comment",
  "weight",
  "attribute",
  "encoding",
  "delimiter",
  "input-format",
  "skip-missing",
  "reject-missing",
] as const;

/** How the file was read, in the JSON output. */
interface InputDescription {
  readonly format: "csv" | "json" | "ndjson" | "sample";
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly fields?: FieldMapping;
  readonly dateFormat?: string;
  readonly timeZone?: string;
  readonly missingScore?: "skip" | "reject";
}

/** `npskit report [file|-]`: returns the exit status. */
export async function report(args: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: REPORT_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    throw usageError(`report takes one file (or - for standard input), received ${positionals.length}`);
  }
  const format = choice("format", values.format, ["text", "json"] as const, "text");
  const level = levelOption(values.level);
  const method = methodOption(values.method);
  const encoding = choice<EncodingChoice>(
    "encoding",
    normaliseEncoding(values.encoding),
    ["auto", "utf-8", "latin1"],
    "auto",
  );
  const inputFormat = choice<InputFormatChoice>(
    "input-format",
    values["input-format"],
    ["auto", "csv", "json", "ndjson"],
    "auto",
  );
  const delimiter = delimiterOption(values.delimiter);
  if (values["skip-missing"] === true && values["reject-missing"] === true) {
    throw usageError("--skip-missing and --reject-missing cannot be used together");
  }
  const file = positionals[0];
  const note = (text: string): void => io.stderr(`npskit: ${text}\n`);

  let parsed: Pick<ParseResult, "responses" | "skipped" | "issues" | "counts">;
  let source: string;
  let input: InputDescription;
  let hint = "";
  if (file === undefined) {
    const given = FILE_OPTIONS.filter((name) => values[name] !== undefined);
    if (given.length > 0) {
      throw usageError(`${given.map((name) => `--${name}`).join(", ")} need a file to read; no file was given`);
    }
    const responses = sampleResponses();
    source = "built-in sample";
    note(
      `no file given: reporting on the built-in sample (${responses.length} responses); run "npskit report <file>" for your data`,
    );
    parsed = {
      responses,
      skipped: [],
      issues: [],
      counts: { rows: responses.length, accepted: responses.length, skipped: 0, rejected: 0 },
    };
    input = { format: "sample" };
  } else {
    source = file === "-" ? "standard input" : file;
    const bytes = await readBytes(file, io);
    const decoded = decodeText(bytes, encoding);
    if (decoded.note !== undefined) note(`encoding: ${decoded.note}`);
    const table = readRows(decoded.text, {
      format: inputFormat,
      ...(delimiter === undefined ? {} : { delimiter }),
      ...(file === "-" ? {} : { fileName: file }),
    });
    for (const text of table.notes) note(text);
    if (table.rows.length === 0) throw dataError(`${source} has no data rows`);
    const timeZone = values["time-zone"];
    const chosen = chooseFields(table, {
      ...optional("score", values.score),
      ...optional("date", values.date),
      ...optional("dateFormat", values["date-format"]),
      ...optional("timeZone", timeZone),
      ...optional("respondent", values.respondent),
      ...optional("comment", values.comment),
      ...optional("weight", values.weight),
      ...optional("attributes", values.attribute),
    });
    for (const text of chosen.notes) note(text);
    const missingScore = values["reject-missing"] === true ? "reject" : "skip";
    parsed = parseResponses(table.rows, {
      fields: chosen.fields,
      mode: "collect",
      missingScore,
      // CSV rows are numbered as a spreadsheet shows them: the header is row 1.
      firstRow: table.format === "csv" ? 2 : 1,
      ...optional("dateFormat", chosen.dateFormat),
      ...optional("timeZone", timeZone),
    });
    if (values.score === undefined) {
      hint = `\nthe score column was guessed: pass --score <column> if ${JSON.stringify(chosen.fields.score)} is not the 0–10 answer`;
    }
    input = {
      format: table.format,
      encoding: decoded.encoding,
      ...optional("delimiter", table.delimiter),
      fields: chosen.fields,
      ...optional("dateFormat", chosen.dateFormat),
      ...(chosen.fields.date === undefined ? {} : { timeZone: timeZone ?? "UTC" }),
      missingScore,
    };
  }

  const result = overview(parsed, { source, level, method });
  if (result.rows.accepted === 0) {
    const reasons = [
      ...result.firstRejected.map((r) => `row ${r.row ?? "?"}: ${r.message}`),
      ...result.firstSkipped.map((s) => `row ${s.row}: ${s.reason}`),
    ];
    throw dataError(
      `no valid score in ${source} (${result.rows.read} rows: ${result.rows.skipped} skipped, ${result.rows.rejected} rejected)${reasons.length > 0 ? `\n  ${reasons.join("\n  ")}` : ""}${hint}`,
    );
  }
  io.stdout(format === "json" ? `${JSON.stringify(jsonReport(result, input), null, 2)}\n` : formatOverviewText(result));
  if (values.strict === true && result.rows.rejected > 0) {
    note(`${result.rows.rejected} rows were rejected (--strict)`);
    return 1;
  }
  return 0;
}

/** The JSON document of `report --format json`: the overview, then how the input was read. */
function jsonReport(result: Overview, input: InputDescription): unknown {
  return { ...result, input };
}

async function readBytes(file: string, io: CliIo): Promise<Uint8Array> {
  try {
    return file === "-" ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw dataError(`cannot read ${file}: ${reason}`);
  }
}

function normaliseEncoding(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === "utf8") return "utf-8";
  if (lower === "latin-1" || lower === "iso-8859-1" || lower === "iso8859-1") return "latin1";
  return lower;
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise (for exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
