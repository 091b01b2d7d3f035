// The "why" sections of `npskit report` (--comment, --drivers): the options, what is kept of each
// row, and the library calls that compute the sections. The command computes nothing itself.

/** What the "why" sections need: the comment column's themes and language, the driver columns. */
import {
  type CommentSection,
  type DriverAnalysis,
  drivers as driversOf,
  formatCommentsText,
  formatDriversText,
  type NpsResponse,
  type ReportDocument,
  type TrendPeriod,
} from "../index.js";
import { distinctiveTerms, type TextLanguage, type ThemeDefinition, themes, themesByPeriod } from "../text/index.js";
import { levelsByDriver, noteRejections, type ParsedLevels, parseLevels } from "./drivers.js";
import { type CliIo, usageError } from "./io.js";
import { choice } from "./options.js";
import { LANGUAGES, readThemeFile } from "./themes.js";

export interface WhyRequest {
  /** Whether the comment section was asked for (`--comment`). */
  readonly comments: boolean;
  readonly language: TextLanguage;
  readonly definitions: ThemeDefinition[] | undefined;
  readonly drivers: ReadonlyArray<string>;
  readonly levels: ParsedLevels;
}

/** What the why sections read of each response: score, comment, date and the driver answers. */
export interface WhyResponse {
  readonly score: number;
  readonly comment?: string | null;
  readonly date?: Date;
  readonly attributes?: Readonly<Record<string, string | number | boolean | null>>;
}

/** The "What customers say" and "What drives the score" sections, each after a blank line. */
export function whyText(
  document: ReportDocument,
  format: "text" | "markdown",
  wrap: (line: string) => string[],
): string {
  const parts: string[] = [];
  if (document.comments !== undefined) parts.push(formatCommentsText(document.comments, { format }));
  if (document.drivers !== undefined) parts.push(formatDriversText(document.drivers, { format }));
  // In text, notes are broken at 80 columns like the rest of the report (tables are left as they are).
  const wrapped = format === "text" ? parts.map((part) => part.split("\n").flatMap(wrap).join("\n")) : parts;
  return wrapped.map((part) => `\n${part}`).join("");
}

/** Checks the why options before any data is read; reads the theme file. */
export async function whyRequest(
  values: {
    comment?: string | undefined;
    themes?: string | undefined;
    language?: string | undefined;
    drivers?: string | undefined;
    levels?: string[] | undefined;
  },
  io: CliIo,
): Promise<WhyRequest> {
  const comments = values.comment !== undefined;
  if (!comments && (values.themes !== undefined || values.language !== undefined)) {
    throw usageError(`--${values.themes !== undefined ? "themes" : "language"} needs --comment <column>`);
  }
  const drivers = (values.drivers ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (values.drivers !== undefined && drivers.length === 0) {
    throw usageError("--drivers needs the driver columns: --drivers <column>,<column>…");
  }
  if (values.levels !== undefined && drivers.length === 0) throw usageError("--levels needs --drivers");
  return {
    comments,
    language: choice("language", values.language, LANGUAGES, "en"),
    definitions: values.themes === undefined ? undefined : await readThemeFile(values.themes, io),
    drivers,
    levels: parseLevels(drivers, values.levels),
  };
}

export function wantsWhy(why: WhyRequest): boolean {
  return why.comments || why.drivers.length > 0;
}

/**
 * Keeps what the why sections read of each accepted response of a batch (the comment only with
 * --comment, the driver answers only with --drivers), and the row number of each in `rows`.
 */
export function keepForWhy(
  batch: { responses: ReadonlyArray<NpsResponse>; rowNumbers: ReadonlyArray<number> },
  why: WhyRequest,
  kept: WhyResponse[],
  rows: number[],
): void {
  for (const row of batch.rowNumbers) rows.push(row);
  for (const response of batch.responses) {
    const attributes: Record<string, string | number | boolean | null> = Object.create(null);
    for (const name of why.drivers) {
      const value =
        response.attributes != null && Object.hasOwn(response.attributes, name) ? response.attributes[name] : undefined;
      if (value !== undefined) attributes[name] = value as string | number | boolean | null;
    }
    kept.push({
      score: response.score,
      ...(why.comments && response.comment != null ? { comment: response.comment } : {}),
      ...(response.date == null ? {} : { date: response.date }),
      ...(why.drivers.length === 0 ? {} : { attributes }),
    });
  }
}

/** The why sections, computed by the library: themes, distinctive terms, themes by period, drivers. */
export function whySections(
  responses: ReadonlyArray<WhyResponse>,
  why: WhyRequest,
  analysis: {
    readonly level: number;
    readonly period?: TrendPeriod | undefined;
    readonly timeZone?: string | undefined;
  },
  context: { rowNumbers: ReadonlyArray<number>; io: CliIo },
): { comments?: CommentSection; drivers?: DriverAnalysis } {
  let comments: CommentSection | undefined;
  if (why.comments) {
    const text = { language: why.language };
    const themed = themes(responses, {
      ...text,
      ...(why.definitions === undefined ? {} : { themes: why.definitions }),
      level: analysis.level,
    });
    comments = {
      themes: themed,
      distinctiveTerms: distinctiveTerms(responses, { ...text, limit: 10 }),
      ...(analysis.period === undefined
        ? {}
        : {
            byPeriod: themesByPeriod(responses, {
              ...text,
              // The same themes in every period: those given, or those suggested from all the comments.
              themes: themed.definitions,
              period: analysis.period,
              ...(analysis.timeZone === undefined ? {} : { timeZone: analysis.timeZone }),
              level: analysis.level,
            }),
          }),
    };
  }
  let drivers: DriverAnalysis | undefined;
  if (why.drivers.length > 0) {
    const list = responses as ReadonlyArray<NpsResponse>;
    drivers = driversOf(list, {
      drivers: why.drivers,
      levels: levelsByDriver(list, why.drivers, why.levels),
      level: analysis.level,
    });
    noteRejections(drivers, context.rowNumbers, why.levels, context.io);
  }
  return { ...(comments === undefined ? {} : { comments }), ...(drivers === undefined ? {} : { drivers }) };
}
