import { basename } from "node:path";
import { parseArgs } from "node:util";
import {
  buildReport,
  type CommentSection,
  type CsvCell,
  type DriverAnalysis,
  escapeControls,
  type FieldMapping,
  formatBenchmarkText,
  formatCsv,
  formatOverviewText,
  formatReportCsv,
  formatReportMarkdown,
  formatSegmentsText,
  formatTrendText,
  type IntervalMethod,
  type KeyedTallies,
  matchesWhere,
  NpsError,
  type NpsResponse,
  type OverviewInput,
  parseWhere,
  type ReportDocument,
  type ReportOptions,
  type ReportTable,
  type RollingStep,
  renderHtmlReport,
  sampleResponses,
  type TrendPeriod,
  unknownNameMessage,
  type WhereFilter,
} from "../index.js";
import {
  DEFAULT_MAX_REJECTED,
  describeFileError,
  type EncodingChoice,
  type InputFormatChoice,
  loadChartScripts,
  readTallies,
  streamResponses,
  tooManyLost,
  undatedNote,
} from "../node.js";
import { checkBenchmarkId } from "./benchmarks.js";
import { type Collector, createCollector, outlyingDates } from "./collect.js";
import { REPORT_HELP } from "./help.js";
import { type CliIo, dataError, readingIo, usageError, writeNote, writeTextFile } from "./io.js";
import {
  choice,
  columnOptions,
  delimiterOption,
  levelOption,
  maxRejectedOption,
  methodOption,
  needsFile,
  REPORT_OPTIONS,
  rollingOption,
  tiersOption,
  timeZoneOption,
} from "./options.js";
import { checkOutputPaths } from "./paths.js";
import { plural } from "./plural.js";
import { checkTallyOptions } from "./readTallies.js";
import { keepForWhy, type WhyResponse, wantsWhy, whyRequest, whySections, whyText } from "./reportWhy.js";

/** Options that only make sense with a file. */
const FILE_OPTIONS = [
  "score",
  "date",
  "date-format",
  "respondent",
  "comment",
  "weight",
  "attribute",
  "encoding",
  "delimiter",
  "input-format",
  "skip-missing",
  "reject-missing",
  "rejected",
  "themes",
  "language",
  "drivers",
  "levels",
  "max-rejected",
] as const;

/** File options that read responses, which a file of tallies does not have. */
const RESPONSE_OPTIONS = FILE_OPTIONS.filter(
  (name) => name !== "encoding" && name !== "delimiter" && name !== "input-format",
);

/** The output formats of `--format`. */
type OutputFormat = "text" | "json" | "markdown" | "csv" | "html";

/** How the file was read, in the JSON output. */
interface InputDescription {
  readonly format: "csv" | "json" | "ndjson" | "sample";
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly fields?: FieldMapping;
  readonly dateFormat?: string;
  readonly timeZone?: string;
  readonly missingScore?: "skip" | "reject";
  /** The `--where` filters, as given. */
  readonly where?: ReadonlyArray<string>;
  /** Accepted rows whose date does not parse (left out of trends), when there are any. */
  readonly undatedRows?: number;
  /** For `--tallies`: the period and time zone the query's rows were read with (`null`: no time bucket). */
  readonly tallies?: { readonly period: TrendPeriod | null; readonly timeZone: string };
}

/** What `report` was asked to compute, checked before any data is read. */
interface Analysis {
  readonly by: ReadonlyArray<string>;
  readonly tiers?: ReportOptions["tiers"];
  readonly period?: TrendPeriod;
  readonly rolling?: { readonly days: number; readonly step?: RollingStep };
  readonly respondents?: "all" | "latest";
  readonly sort?: "key" | "size" | "nps";
  /** `--min-n`: the size below which a segment is small. */
  readonly minResponses?: number;
  /** `--top`: how many segments at most (`undefined`: the library's default, with a warning when it hides some). */
  readonly top?: number | "all";
  /** Small segments flagged in place, apart (`--min-n`) or hidden (`--hide-small`). */
  readonly smallSegments: "flag" | "apart" | "hide";
  readonly timeZone?: string;
  readonly level: number;
  readonly method: IntervalMethod;
  readonly benchmark?: string;
  /** The title of `--title`, or the default one (set once the source is known). */
  readonly title?: string;
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
  const format = choice<OutputFormat>("format", values.format, ["text", "json", "markdown", "csv", "html"], "text");
  const table = choice<ReportTable>(
    "table",
    values.table,
    ["overview", "distribution", "segments", "trend", "benchmark", "themes", "themes-by-period", "drivers"],
    "overview",
  );
  if (values.table !== undefined && format !== "csv") throw usageError("--table needs --format csv");
  if (values.benchmark !== undefined) checkBenchmarkId(values.benchmark);
  if (format === "csv" && table === "benchmark" && values.benchmark === undefined) {
    throw usageError("--table benchmark needs --benchmark <id>");
  }
  if (values.title?.trim() === "")
    throw usageError(`--title must not be blank, received ${JSON.stringify(values.title)}`);
  // The HTML and Markdown title: --title, or "NPS report: " and the file's base name.
  const analysis = {
    ...analysisOptions(values),
    ...optional("benchmark", values.benchmark),
    ...optional("title", values.title ?? defaultTitle(values.tallies ?? positionals[0])),
  };
  const where = (values.where ?? []).map(parseWhere);
  if (format === "csv" && table === "segments" && analysis.by.length === 0 && analysis.tiers === undefined) {
    throw usageError("--table segments needs --by or --tiers");
  }
  if (format === "csv" && table === "trend" && analysis.period === undefined && analysis.rolling === undefined) {
    throw usageError("--table trend needs --period or --rolling");
  }
  if (format === "csv" && table === "themes" && values.comment === undefined) {
    throw usageError("--table themes needs --comment");
  }
  if (
    format === "csv" &&
    table === "themes-by-period" &&
    (values.comment === undefined || analysis.period === undefined)
  ) {
    throw usageError("--table themes-by-period needs --comment and --period");
  }
  if (format === "csv" && table === "drivers" && values.drivers === undefined) {
    throw usageError("--table drivers needs --drivers");
  }
  const why = await whyRequest(values, io);
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
  const maxRejected = maxRejectedOption(values["max-rejected"], DEFAULT_MAX_REJECTED);
  if (values["skip-missing"] === true && values["reject-missing"] === true) {
    throw usageError("--skip-missing and --reject-missing cannot be used together");
  }
  const file = positionals[0];
  timeZoneOption(values["time-zone"]);
  await checkOutputPaths(
    [
      ["--out", values.out],
      ["--rejected", values.rejected],
    ],
    [file],
  );
  const note = (text: string): void => writeNote(io, text);
  if (values.tallies !== undefined) {
    if (where.length > 0) {
      throw usageError("--where filters the rows of a file of responses; with --tallies, filter in the query (WHERE)");
    }
    return reportTallies(values.tallies, file, values, analysis, { encoding, inputFormat, delimiter, note }, io, {
      format,
      table,
    });
  }
  // The plain overview needs only running totals; segments and trends are computed from running sums
  // per key and per period or day, except tiers and `--respondents latest`, which need every response.
  const _analysed =
    analysis.by.length > 0 ||
    analysis.tiers !== undefined ||
    analysis.period !== undefined ||
    analysis.rolling !== undefined;
  const keepIssues = values.rejected !== undefined;
  // Tiers and `--respondents latest` need every response; everything else is counted into keyed tallies.
  const keepResponses = analysis.tiers !== undefined || analysis.respondents === "latest";
  const bucket = analysis.period ?? (analysis.rolling === undefined ? undefined : "day");
  const collector = createCollector(keepResponses, keepIssues, {
    by: analysis.by,
    ...optional("period", bucket),
    ...optional("timeZone", analysis.timeZone),
  });

  const whyResponses: WhyResponse[] = [];
  const whyRows: number[] = [];
  let source: string;
  let input: InputDescription;
  let hint = "";
  let hasDates: boolean;
  // Rows left out by --where (undefined without filters), counted in the row accounting.
  let filtered: number | undefined;
  const checkColumns = (columns: ReadonlyArray<string>, place?: string): void => {
    checkAttributes(analysis, columns, place);
    checkWhere(where, columns, place);
  };
  // What the reading lost, past --max-rejected: printed after the report, with exit status 1.
  let lost: string | undefined;
  if (file === undefined) {
    const given = FILE_OPTIONS.filter((name) => values[name] !== undefined);
    if (given.length > 0) {
      throw usageError(needsFile(given.map((name) => `--${name}`)));
    }
    const sample = sampleResponses();
    source = "built-in sample";
    note(
      `no file given: reporting on the built-in sample (${sample.length} responses); run "npskit report <file>" for your data`,
    );
    checkColumns(sampleColumns(sample), "the built-in sample");
    const responses = where.length === 0 ? sample : sample.filter((response) => keepResponse(where, response));
    if (where.length > 0) filtered = sample.length - responses.length;
    collector.add({
      responses,
      skipped: [],
      issues: [],
      counts: { rows: responses.length, accepted: responses.length, skipped: 0, rejected: 0 },
    });
    input = { format: "sample" };
    hasDates = true;
  } else {
    source = file === "-" ? "standard input" : file;
    const timeZone = values["time-zone"];
    const missingScore: "reject" | "skip" = values["reject-missing"] === true ? "reject" : "skip";
    const reading = readingIo(io, note);
    const streamOptions = {
      ...columnOptions(values, attributesOf([...(values.attribute ?? []), ...why.drivers], analysis)),
      encoding,
      inputFormat,
      ...optional("delimiter", delimiter),
      missingScore,
      // A valid score whose date does not parse counts without its date, unless --strict.
      badDate: values.strict === true ? ("reject" as const) : ("undated" as const),
      ...reading.options,
      checkColumns: (columns: ReadonlyArray<string>) => {
        checkColumns(columns);
        checkColumnNames("drivers", why.drivers, columns, undefined);
      },
      ...(where.length === 0 ? {} : { where }),
    };
    // Counted straight from columns (no object per row), unless every response must be kept or the
    // why sections need each response's comment and driver answers (kept, slimmed, in whyResponses).
    let read: Awaited<ReturnType<typeof streamResponses>>;
    try {
      read =
        keepResponses || wantsWhy(why)
          ? await streamResponses(file, streamOptions, (batch) => {
              collector.add(batch);
              if (wantsWhy(why)) keepForWhy(batch, why, whyResponses, whyRows);
            })
          : await streamResponses(file, { ...streamOptions, output: "columns" }, (batch) => collector.add(batch));
    } finally {
      reading.done();
    }
    const { fields } = read;
    if (why.comments && fields.comment === undefined) {
      throw usageError("--comment: the comment column could not be read");
    }
    filtered = read.filtered;
    if (values.score === undefined) {
      hint = `\n  the score column was guessed: pass --score <column> if ${JSON.stringify(fields.score)} is not the 0–10 answer`;
    }
    hasDates = fields.date !== undefined;
    const { undated } = collector;
    if (undated.count > 0) {
      note(undatedNote(undated.count));
      for (const issue of undated.shown.slice(0, 3)) note(`  row ${issue.row ?? "?"}: ${issue.message}`);
      if (undated.count > 3) note(`  and ${undated.count - 3} more`);
    }
    lost = tooManyLost(
      {
        rows: collector.counts.rows,
        rejected: collector.counts.rejected,
        undated: undated.count,
        problems: collector.problems,
        examples: [...collector.issues, ...undated.shown],
        fields,
        dateFormat: read.dateFormat,
        dateAdvice: read.dateAdvice,
      },
      maxRejected,
    );
    input = {
      format: read.format,
      encoding: read.encoding,
      ...optional("delimiter", read.delimiter),
      fields,
      ...optional("dateFormat", read.dateFormat),
      ...(fields.date === undefined ? {} : { timeZone: timeZone ?? "UTC" }),
      missingScore,
      ...(undated.count === 0 ? {} : { undatedRows: undated.count }),
    };
  }
  if (filtered !== undefined) {
    collector.counts.rows += filtered;
    input = { ...input, where: where.map((filter) => filter.expression) };
  }

  if (values.rejected !== undefined) {
    await writeOut(io, values.rejected, rejectedCsv(collector));
    note(
      `${plural(collector.counts.rejected, "rejected row")} (${plural(collector.issues.length, "problem")}) written to ${values.rejected}`,
    );
  }
  if (collector.counts.accepted === 0) {
    const reasons = [
      ...collector.issues.slice(0, 5).map((r) => `row ${r.row ?? "?"}: ${r.message}`),
      ...collector.skipped.map((s) => `row ${s.row}: ${s.reason}`),
    ];
    const { rows, skipped, rejected } = collector.counts;
    // When the filters left no row, the score column is not to blame: name the filters instead.
    const why =
      filtered !== undefined && filtered === rows
        ? `\n  no row matches ${where.map((filter) => `--where ${JSON.stringify(filter.expression)}`).join(" ")}; = != and in compare text exactly, case included`
        : hint;
    throw dataError(
      `no valid score in ${source} (${plural(rows, "row")}: ${skipped} skipped, ${rejected} rejected${filtered === undefined ? "" : `, ${filtered} left out by --where`})${reasons.length > 0 ? `\n  ${reasons.join("\n  ")}` : ""}${why}`,
    );
  }
  if ((analysis.period !== undefined || analysis.rolling !== undefined) && !hasDates) {
    throw dataError(
      `--${analysis.period === undefined ? "rolling" : "period"} needs dates, and ${source} has no date column that could be read; pass --date <column> (and --date-format)`,
    );
  }
  // The why sections, from the rows kept for them.
  const sections: { comments?: CommentSection; drivers?: DriverAnalysis } = wantsWhy(why)
    ? whySections(whyResponses, why, analysis, {
        rowNumbers: whyRows,
        io,
      })
    : {};
  const spread = collector.dates();
  const far = outlyingDates(spread);
  if (far !== undefined) note(`dates: ${far}`);
  let document: ReportDocument;
  try {
    document = reportOf(
      {
        responses: collector.responses,
        counts: filtered === undefined ? collector.counts : { ...collector.counts, filtered },
        skipped: collector.skipped,
        issues: collector.issues,
      },
      collector.tallies(),
      source,
      analysis,
      sections,
    );
  } catch (error) {
    if (lost !== undefined) note(lost);
    // A trend over dates centuries apart: say which rows hold the earliest and latest.
    const { earliest, latest } = spread;
    if (
      error instanceof NpsError &&
      /dates must span/.test(error.message) &&
      earliest !== undefined &&
      latest !== undefined
    ) {
      const rowOf = (at: { readonly row: number | undefined }): string =>
        at.row === undefined ? "" : ` (row ${at.row})`;
      throw dataError(
        `${error.message}; the earliest answer is dated ${new Date(earliest.time).toISOString()}${rowOf(earliest)}, the latest ${new Date(latest.time).toISOString()}${rowOf(latest)}`,
      );
    }
    throw error;
  }
  warnHidden(document, analysis, note);
  const status = await emit(document, input, collector.counts.rejected, values, { format, table }, io);
  if (lost === undefined) return status;
  note(lost);
  return 1;
}

/** Prints or writes the report in the chosen format; the exit status (1 with --strict and rejected rows). */
async function emit(
  document: ReportDocument,
  input: InputDescription,
  rejected: number,
  values: { title?: string | undefined; out?: string | undefined; strict?: boolean | undefined },
  { format, table }: { format: OutputFormat; table: ReportTable },
  io: CliIo,
): Promise<number> {
  const note = (text: string): void => writeNote(io, text);
  const output =
    format === "html"
      ? renderHtmlReport(document, { scripts: await loadChartScripts() })
      : render(document, format, table, input, values.title !== undefined);
  if (values.out === undefined) io.stdout(output);
  else {
    await writeOut(io, values.out, output);
    note(`report written to ${values.out}`);
  }
  if (values.strict === true && rejected > 0) {
    note(`${plural(rejected, "row")} ${rejected === 1 ? "was" : "were"} rejected (--strict)`);
    return 1;
  }
  return 0;
}

/**
 * `npskit report --tallies FILE`: the report from the result rows of a `tallySql` query (CSV, JSON or
 * NDJSON) instead of a file of responses; what needs every response is a usage error.
 */
async function reportTallies(
  path: string,
  file: string | undefined,
  values: Readonly<Record<string, unknown>> & {
    benchmark?: string | undefined;
    out?: string | undefined;
    strict?: boolean | undefined;
  },
  analysis: Analysis,
  reading: {
    encoding: EncodingChoice;
    inputFormat: InputFormatChoice;
    delimiter: string | undefined;
    note: (text: string) => void;
  },
  io: CliIo,
  output: { format: OutputFormat; table: ReportTable },
): Promise<number> {
  checkTallyOptions({
    file,
    responseOptions: RESPONSE_OPTIONS.filter((name) => values[name] !== undefined),
    tiers: analysis.tiers !== undefined,
    latest: analysis.respondents === "latest",
  });
  const source = path === "-" ? "standard input" : path;
  const trend = analysis.period !== undefined || analysis.rolling !== undefined;
  const period = analysis.period ?? (trend ? "day" : undefined);
  // The command's files and standard input; no progress bar (a query's result is small).
  const { openFile, openStdin } = readingIo(io, reading.note).options;
  const read = await readTallies(path, {
    by: analysis.by,
    ...optional("period", period),
    ...optional("timeZone", analysis.timeZone),
    encoding: reading.encoding,
    inputFormat: reading.inputFormat,
    ...optional("delimiter", reading.delimiter),
    onNote: reading.note,
    checkColumns: (columns) => checkAttributes(analysis, columns, undefined),
    ...optional("openFile", openFile),
    ...optional("openStdin", openStdin),
  });
  if (trend && !read.dated) {
    throw dataError(
      `--${analysis.period === undefined ? "rolling" : "period"} needs tallies by a time bucket, and ${source} has no nps_period column; write the query with timeBucket (period ${period}${analysis.timeZone === undefined ? "" : `, timeZone ${analysis.timeZone}`})`,
    );
  }
  if (read.counts.accepted === 0) {
    const { rows, skipped, rejected } = read.counts;
    throw dataError(`no valid score in ${source} (${plural(rows, "row")}: ${skipped} skipped, ${rejected} rejected)`);
  }
  const document = reportOf({ counts: read.counts }, read.tallies, source, analysis);
  const input: InputDescription = {
    format: read.format,
    encoding: read.encoding,
    ...optional("delimiter", read.delimiter),
    tallies: {
      period: read.tallies.time?.bucket ?? null,
      timeZone: read.tallies.time?.timeZone ?? analysis.timeZone ?? "UTC",
    },
  };
  warnHidden(document, analysis, reading.note);
  return emit(document, input, read.counts.rejected, values, output, io);
}

/** "NPS report: " and the base name of the file read; none for standard input and the sample. */
function defaultTitle(path: string | undefined): string | undefined {
  return path === undefined || path === "-" ? undefined : `NPS report: ${basename(path)}`;
}

/** Checks the segment and trend options and how they combine. */
function analysisOptions(values: {
  by?: string[] | undefined;
  tiers?: string | undefined;
  period?: string | undefined;
  rolling?: string | undefined;
  step?: string | undefined;
  respondents?: string | undefined;
  sort?: string | undefined;
  "min-n"?: string | undefined;
  top?: string | undefined;
  "hide-small"?: boolean | undefined;
  "time-zone"?: string | undefined;
  level?: string | undefined;
  method?: string | undefined;
}): Analysis {
  const level = levelOption(values.level);
  const method = methodOption(values.method);
  const by = values.by ?? [];
  if (by.length > 2)
    throw usageError(`--by can be given at most twice (two attributes are crossed), received ${by.length}`);
  if (by.length === 2 && by[0] === by[1])
    throw usageError(`--by must name two different attributes, received ${JSON.stringify(by[0])} twice`);
  const tiers = tiersOption(values.tiers);
  if (tiers !== undefined && by.length > 0) throw usageError("--tiers cannot be combined with --by");
  const period =
    values.period === undefined
      ? undefined
      : choice<TrendPeriod>("period", values.period, ["day", "week", "month", "quarter", "year"], "month");
  const days = rollingOption(values.rolling);
  if (days !== undefined && period !== undefined) throw usageError("--rolling cannot be combined with --period");
  if ((period !== undefined || days !== undefined) && by.length === 2) {
    throw usageError(
      `--${period === undefined ? "rolling" : "period"} can be combined with one --by attribute, not two`,
    );
  }
  if (values.step !== undefined && days === undefined) throw usageError("--step needs --rolling");
  const step =
    values.step === undefined ? undefined : choice<RollingStep>("step", values.step, ["day", "week", "month"], "day");
  if (values.respondents !== undefined && period === undefined && days === undefined) {
    throw usageError("--respondents applies to the trend: give --period or --rolling");
  }
  const respondents =
    values.respondents === undefined
      ? undefined
      : choice("respondents", values.respondents, ["all", "latest"] as const, "all");
  if (values.sort !== undefined && by.length === 0 && tiers === undefined) {
    throw usageError("--sort orders the segments: give --by or --tiers");
  }
  const sortChoice =
    values.sort === undefined ? undefined : choice("sort", values.sort, ["label", "n", "nps"] as const, "label");
  const sort = sortChoice === undefined ? undefined : ({ label: "key", n: "size", nps: "nps" } as const)[sortChoice];
  // --min-n also sets when a trend's period is small, so it needs segments or a trend.
  if (
    values["min-n"] !== undefined &&
    by.length === 0 &&
    tiers === undefined &&
    period === undefined &&
    days === undefined
  ) {
    throw usageError("--min-n sets when segments and periods are small: give --by, --tiers, --period or --rolling");
  }
  const limits = (["top", "hide-small"] as const).filter((name) => values[name] !== undefined);
  if (limits.length > 0 && by.length === 0 && tiers === undefined) {
    throw usageError(
      `${limits.map((name) => `--${name}`).join(", ")} limit${limits.length === 1 ? "s" : ""} the segments: give --by or --tiers`,
    );
  }
  const minResponses = countOption("min-n", values["min-n"], 0);
  const top: number | "all" | undefined = values.top === "all" ? "all" : countOption("top", values.top, 1);
  return {
    by,
    ...optional("sort", sort),
    ...optional("minResponses", minResponses),
    ...optional("top", top),
    smallSegments: values["hide-small"] === true ? "hide" : minResponses !== undefined ? "apart" : "flag",
    ...optional("tiers", tiers),
    ...optional("period", period),
    ...(days === undefined ? {} : { rolling: { days, ...optional("step", step) } }),
    ...optional("respondents", respondents),
    ...optional("timeZone", values["time-zone"]),
    level,
    method,
  };
}

/**
 * A warning on standard error when the default limit hid segments (above 50): how many there are,
 * how many responses they hold, and the options that show them.
 */
function warnHidden(document: ReportDocument, analysis: Analysis, note: (text: string) => void): void {
  const hidden = document.segments?.hidden;
  if (hidden?.top === undefined || analysis.top !== undefined || document.segments === undefined) return;
  const segments = document.segments;
  const shown = segments.kind === "cross-segment-breakdown" ? segments.cells.length : segments.segments.length;
  const name =
    segments.kind === "cross-segment-breakdown" ? "cell" : segments.kind === "tier-breakdown" ? "tier" : "segment";
  note(
    `${plural(shown + hidden.segments, name)}: only the ${hidden.top} largest are shown; ${plural(hidden.segments, name)} with ${plural(hidden.responses, "response")} are not (--top all shows every one, --min-n N --hide-small hides the small ones)`,
  );
}

/** A whole number from `least` up (`--min-n`, `--top`), or a usage error naming it. */
function countOption(name: string, value: string | undefined, least: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(Number.isSafeInteger(number) && number >= least)) {
    throw usageError(
      `--${name} must be a whole number${least === 0 ? "" : ` from ${least}`}${name === "top" ? ' or "all"' : ""}, received ${JSON.stringify(value)}`,
    );
  }
  return number;
}

/** The attributes to read: those of `--attribute`, then those `--by` and `--tiers` use. */
function attributesOf(given: ReadonlyArray<string> | undefined, analysis: Analysis): ReadonlyArray<string> | undefined {
  const names = [...(given ?? []), ...analysis.by, ...(analysis.tiers === undefined ? [] : [analysis.tiers.attribute])];
  const unique = [...new Set(names)];
  return unique.length === 0 ? undefined : unique;
}

/** Exit 1 when `--by` or `--tiers` names a column the data does not have. */
function checkAttributes(analysis: Analysis, columns: ReadonlyArray<string>, where: string | undefined): void {
  checkColumnNames("by", analysis.by, columns, where);
  if (analysis.tiers !== undefined) checkColumnNames("tiers", [analysis.tiers.attribute], columns, where);
}

/**
 * Exit 1 when one of the columns that `--<option>` names is not in the data, with the closest names;
 * `where` names the data when it is not a file's header (the built-in sample: "attribute").
 */
function checkColumnNames(
  option: string,
  names: ReadonlyArray<string>,
  columns: ReadonlyArray<string>,
  where: string | undefined,
): void {
  const known = new Set(columns);
  for (const name of names) {
    if (known.has(name)) continue;
    throw dataError(
      `--${option}: ${unknownNameMessage(name, columns, where === undefined ? "column" : "attribute", where)}`,
    );
  }
}

/** Exit 1 when a `--where` filter names a column the data does not have. */
function checkWhere(
  where: ReadonlyArray<WhereFilter>,
  columns: ReadonlyArray<string>,
  place: string | undefined,
): void {
  for (const filter of where) {
    if (columns.includes(filter.column)) continue;
    const message = unknownNameMessage(filter.column, columns, place === undefined ? "column" : "attribute", place);
    throw dataError(`--where ${JSON.stringify(filter.expression)}: ${message}`);
  }
}

/** Whether a response's attributes pass the filters. */
function keepResponse(where: ReadonlyArray<WhereFilter>, response: NpsResponse): boolean {
  const attributes = response.attributes;
  return matchesWhere(where, (name) =>
    attributes != null && Object.hasOwn(attributes, name) ? attributes[name] : undefined,
  );
}

function sampleColumns(responses: ReadonlyArray<NpsResponse>): string[] {
  return Object.keys(responses[0]?.attributes ?? {});
}

function reportOf(
  input: Omit<OverviewInput, "responses"> & { readonly responses?: OverviewInput["responses"] },
  tallies: KeyedTallies | undefined,
  source: string,
  analysis: Analysis,
  sections: { comments?: CommentSection; drivers?: DriverAnalysis } = {},
): ReportDocument {
  const { level, method } = analysis;
  const { responses = [], ...bookkeeping } = input;
  return buildReport(tallies === undefined ? { responses, ...bookkeeping } : { tallies, ...bookkeeping }, {
    source,
    level,
    method,
    ...(analysis.by.length === 0 ? {} : { by: analysis.by }),
    ...optional("tiers", analysis.tiers),
    ...optional("period", analysis.period),
    ...optional("rolling", analysis.rolling),
    ...optional("timeZone", analysis.timeZone),
    ...optional("respondents", analysis.respondents),
    ...optional("sort", analysis.sort),
    ...optional("benchmark", analysis.benchmark),
    ...optional("title", analysis.title),
    ...sections,
    ...optional("minResponses", analysis.minResponses),
    ...optional("top", analysis.top),
    smallSegments: analysis.smallSegments,
  });
}

function render(
  document: ReportDocument,
  format: OutputFormat,
  table: ReportTable,
  input: InputDescription,
  titled: boolean,
): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(jsonReport(document, input), null, 2)}\n`;
    case "markdown":
      return `${formatReportMarkdown(document)}${whyText(document, "markdown", wrapNote)}`;
    case "csv":
      return formatReportCsv(document, { table });
    default:
      return `${textReport(document, titled)}${whyText(document, "text", wrapNote)}`;
  }
}

/** The title when --title was given, the overview, then the segments and the trend with a title each, and the benchmark. */
function textReport(document: ReportDocument, titled: boolean): string {
  const parts = [
    ...(titled && document.title !== undefined
      ? [`${escapeControls(document.title.replace(/[\r\n\t]+/g, " "))}\n`]
      : []),
    formatOverviewText(document.overview),
  ];
  if (document.segments !== undefined) {
    const title =
      document.segments.kind === "tier-breakdown"
        ? `tiers of ${document.segmentedBy?.[0]}`
        : (document.segmentedBy ?? []).join(" × ");
    const text = formatSegmentsText(document.segments).split("\n").flatMap(wrapNote).join("\n");
    parts.push(`NPS by ${escapeControls(title.replace(/[\r\n\t]+/g, " "))}\n\n${text}`);
  }
  if (document.overallTrend !== undefined) parts.push(formatTrendText(document.overallTrend));
  if (document.trend !== undefined) parts.push(formatTrendText(document.trend));
  if (document.benchmark !== undefined) parts.push(formatBenchmarkText(document.benchmark));
  return parts.join("\n");
}

/** A note longer than 80 columns, broken at spaces (table rows are left as they are). */
function wrapNote(line: string): string[] {
  if ([...line].length <= 80 || line.includes("  ")) return [line];
  const lines: string[] = [];
  let rest = line;
  while ([...rest].length > 80) {
    const cut = rest.lastIndexOf(" ", 80);
    if (cut <= 0) break;
    lines.push(rest.slice(0, cut));
    rest = `  ${rest.slice(cut + 1)}`;
  }
  return [...lines, rest];
}

/**
 * The JSON document of `report --format json`: the overview's fields, then `segmentedBy` and
 * `segments`, `overallTrend` (beside per-segment trends) and `trend` when asked for, then how the input
 * was read.
 */
function jsonReport(document: ReportDocument, input: InputDescription): unknown {
  return {
    ...document.overview,
    ...(document.segments === undefined ? {} : { segmentedBy: document.segmentedBy, segments: document.segments }),
    ...(document.overallTrend === undefined ? {} : { overallTrend: document.overallTrend }),
    ...(document.trend === undefined ? {} : { trend: document.trend }),
    ...(document.comments === undefined ? {} : { comments: document.comments }),
    ...(document.drivers === undefined ? {} : { drivers: document.drivers }),
    input,
    ...(document.benchmark === undefined ? {} : { benchmark: document.benchmark }),
  };
}

/** Every problem of the rejected rows as CSV: row, field, value, message (text cells neutralised). */
function rejectedCsv(collector: Collector): string {
  const rows: CsvCell[][] = [["row", "field", "value", "message"]];
  for (const issue of collector.issues) {
    rows.push([issue.row, issue.field, valueText(issue.value), issue.message]);
  }
  return formatCsv(rows);
}

function valueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

async function writeOut(io: CliIo, path: string, text: string): Promise<void> {
  try {
    await writeTextFile(io, path, text);
  } catch (error) {
    throw dataError(`cannot write ${path}: ${describeFileError(error)}`);
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
