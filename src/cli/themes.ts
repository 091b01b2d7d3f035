import { parseArgs } from "node:util";
import { roundScore } from "../core/roundScore.js";
import type { CategoryValues } from "../core/tally.js";
import {
  type DistinctiveTerms,
  defineThemes,
  distinctiveTerms,
  type TextLanguage,
  type ThemeAnalysis,
  type ThemeDefinition,
  themes as themesOf,
} from "../text/index.js";
import { THEMES_HELP } from "./help.js";
import { type CliIo, dataError, usageError } from "./io.js";
import { choice, levelOption, READ_OPTIONS } from "./options.js";
import { readResponses } from "./readResponses.js";

/** The `themes` command's options. */
export const THEMES_OPTIONS = {
  ...READ_OPTIONS,
  themes: { type: "string" },
  language: { type: "string" },
  accents: { type: "string" },
  "stop-words": { type: "string" },
  "allow-patterns": { type: "boolean" },
  "compare-with": { type: "string" },
  excerpts: { type: "string" },
  "no-redact": { type: "boolean" },
  words: { type: "string" },
  level: { type: "string" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

const LANGUAGES = ["en", "fr", "nl", "de", "es"] as const;

/** `npskit themes FILE --comment COL`: returns the exit status. */
export async function themes(args: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: THEMES_OPTIONS, allowPositionals: true });
  if (values.help === true) {
    io.stdout(THEMES_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw usageError(`themes takes one file (or - for standard input), received ${positionals.length}`);
  }
  const file = positionals[0] as string;
  const format = choice("format", values.format, ["text", "markdown", "json", "csv"] as const, "text");
  const language: TextLanguage = choice("language", values.language, LANGUAGES, "en");
  const accents = choice("accents", values.accents, ["strip", "keep"] as const, "strip");
  const compareWith = choice(
    "compare-with",
    values["compare-with"],
    ["other-commenters", "everyone-else"] as const,
    "other-commenters",
  );
  const excerpts = count("excerpts", values.excerpts, 3, 100);
  const words = count("words", values.words, 10, 1000);
  const level = levelOption(values.level);
  const extraStopWords = (values["stop-words"] ?? "")
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word !== "");
  let definitions: ThemeDefinition[] | undefined;
  if (values.themes !== undefined) {
    const bytes = await io.readFile(values.themes).catch((error: unknown) => {
      throw dataError(`cannot read ${values.themes}: ${(error as Error).message}`);
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw usageError(`${values.themes} is not valid JSON: ${(error as Error).message}`);
    }
    definitions = defineThemes(parsed);
  }
  const read = await readResponses(file, values, io);
  if (read.fields.comment === undefined) {
    throw usageError("themes needs the comment column: pass --comment <column>");
  }
  const textOptions = { language, accents, extraStopWords };
  const analysis = themesOf(read.responses, {
    ...textOptions,
    ...(definitions === undefined ? {} : { themes: definitions }),
    allowPatterns: values["allow-patterns"] === true,
    compareWith,
    excerpts,
    redact: values["no-redact"] !== true,
    level,
  });
  const terms = distinctiveTerms(read.responses, { ...textOptions, limit: words });
  const source = file === "-" ? "standard input" : file;
  if (format === "json") {
    io.stdout(`${JSON.stringify({ file: source, themes: analysis, distinctiveTerms: terms ?? null }, null, 2)}\n`);
  } else if (format === "csv") {
    io.stdout(formatThemesCsv(analysis));
  } else {
    io.stdout(formatThemes(analysis, terms, source, format === "markdown"));
  }
  return 0;
}

function count(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= 0 && number <= max)) {
    throw usageError(`--${name} must be a whole number from 0 to ${max}, received ${JSON.stringify(value)}`);
  }
  return number;
}

const percent = (value: number | undefined): string =>
  value === undefined ? "–" : `${roundScore(100 * value, 1).toFixed(1)}%`;
const points = (value: number | undefined): string =>
  value === undefined ? "–" : `${value > 0 ? "+" : ""}${roundScore(value, 1).toFixed(1)}`;
const pValue = (value: number | undefined): string =>
  value === undefined ? "–" : value < 0.0001 ? "<0.0001" : roundScore(value, 4).toFixed(4);

function baselineSize(analysis: ThemeAnalysis): number {
  const { detractors, passives, promoters } = analysis.baseline;
  return detractors + passives + promoters;
}

function baselineNps(analysis: ThemeAnalysis): number | undefined {
  const n = baselineSize(analysis);
  return n === 0 ? undefined : (100 * (analysis.baseline.promoters - analysis.baseline.detractors)) / n;
}

function rate(comments: CategoryValues, responses: CategoryValues, key: keyof CategoryValues): string {
  return percent(responses[key] === 0 ? undefined : comments[key] / responses[key]);
}

/** The rows of the themes table: one per theme, cells already formatted. */
function themeRows(analysis: ThemeAnalysis): string[][] {
  return analysis.themes.map((theme) => [
    theme.name,
    String(theme.mentions),
    percent(theme.share),
    percent(theme.byCategory.detractors.share),
    percent(theme.byCategory.passives.share),
    percent(theme.byCategory.promoters.share),
    points(theme.mentionersNps?.estimate),
    points(theme.othersNps?.estimate),
    theme.comparison === undefined
      ? "–"
      : `${points(theme.comparison.difference)} [${points(theme.comparison.lower)}, ${points(theme.comparison.upper)}]`,
    pValue(theme.adjustedPValue),
    points(theme.impact),
  ]);
}

const HEADERS = [
  "Theme",
  "Mentions",
  "Share",
  "Detractors",
  "Passives",
  "Promoters",
  "NPS mentioners",
  "NPS others",
  "Difference [CI]",
  "p adjusted",
  "Impact",
];

/** The text or Markdown output of `npskit themes`. */
export function formatThemes(
  analysis: ThemeAnalysis,
  terms: DistinctiveTerms | undefined,
  source: string,
  markdown: boolean,
): string {
  const { responses, comments } = analysis;
  const total = responses.detractors + responses.passives + responses.promoters;
  const commented = comments.detractors + comments.passives + comments.promoters;
  const others = analysis.compareWith === "other-commenters" ? "other commenters" : "everyone else";
  const lines: string[] = [];
  const heading = (text: string): void => {
    lines.push(markdown ? `## ${text}` : text, "");
  };
  lines.push(markdown ? `# What customers say: ${source}` : `What customers say: ${source}`, "");
  lines.push(
    `${total} responses, ${commented} with a comment (${analysis.emptyComments} without). NPS ${points(analysis.nps)}.`,
    `Comment rate: detractors ${rate(comments, responses, "detractors")}, passives ${rate(comments, responses, "passives")}, promoters ${rate(comments, responses, "promoters")} — commenters choose to comment, so they are not a random sample.`,
    `Themes ${analysis.source === "given" ? "given" : "suggested from the distinctive words (pass --themes to give your own)"}; mentioners compared with ${others}, p-values adjusted (${analysis.adjustment}).`,
    `Impact: the points the NPS would move if mentioners scored like the baseline, the ${baselineSize(analysis)} ${analysis.compareWith === "other-commenters" ? "commenters" : "respondents"} who mention no theme (NPS ${points(baselineNps(analysis))}).`,
    "",
  );
  heading("Themes");
  lines.push(...table(HEADERS, themeRows(analysis), markdown), "");
  if (terms !== undefined) {
    heading("Words that mark each category (log-odds, informative Dirichlet prior; z ≥ 1.96)");
    for (const group of terms.groups) {
      const marked = group.terms.filter((term) => term.zScore >= 1.96);
      const label = `${group.category}s`;
      lines.push(
        `${markdown ? "- **" : "  "}${label}${markdown ? "**" : ""}: ${marked.length === 0 ? "(none)" : marked.map((term) => `${term.term} (z ${roundScore(term.zScore, 1).toFixed(1)})`).join(", ")}`,
      );
    }
    lines.push("");
  }
  const shown = analysis.themes.filter((theme) => theme.excerpts.length > 0);
  if (shown.length > 0) {
    heading(`Excerpts${analysis.redaction.enabled ? " (e-mails, phone numbers and long digit runs masked)" : ""}`);
    for (const theme of shown) {
      lines.push(markdown ? `**${theme.name}**` : `  ${theme.name}`);
      for (const excerpt of theme.excerpts) {
        const text = excerpt.text.replace(/\s+/g, " ").trim();
        lines.push(
          `${markdown ? "> " : "    "}"${text}" (${excerpt.score}, ${excerpt.category})${markdown ? "  " : ""}`,
        );
      }
      if (markdown) lines.push("");
    }
    if (analysis.redaction.enabled) {
      const { emails, phones, numbers } = analysis.redaction;
      lines.push("", `Masked: ${emails} e-mail addresses, ${phones} phone numbers, ${numbers} long numbers.`);
    }
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

function table(
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  markdown: boolean,
): string[] {
  if (markdown) {
    const escapeCell = (cell: string): string => cell.replace(/\|/g, "\\|");
    return [
      `| ${headers.join(" | ")} |`,
      `| ${headers.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
      ...rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`),
    ];
  }
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: ReadonlyArray<string>): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** The CSV output of `npskit themes`: one row per theme, full precision. */
export function formatThemesCsv(analysis: ThemeAnalysis): string {
  const header = [
    "theme",
    "mentions",
    "share",
    "detractor_share",
    "passive_share",
    "promoter_share",
    "nps_mentioners",
    "nps_others",
    "difference",
    "difference_lower",
    "difference_upper",
    "p_value",
    "p_adjusted",
    "impact",
  ];
  const cell = (value: number | undefined): string => (value === undefined ? "" : String(value));
  const rows = analysis.themes.map((theme) => [
    theme.name,
    String(theme.mentions),
    cell(theme.share),
    cell(theme.byCategory.detractors.share),
    cell(theme.byCategory.passives.share),
    cell(theme.byCategory.promoters.share),
    cell(theme.mentionersNps?.estimate),
    cell(theme.othersNps?.estimate),
    cell(theme.comparison?.difference),
    cell(theme.comparison?.lower),
    cell(theme.comparison?.upper),
    cell(theme.comparison?.pValue),
    cell(theme.adjustedPValue),
    cell(theme.impact),
  ]);
  return csvText(header, rows);
}

/** RFC 4180 text: fields with a comma, quote or line break are quoted. */
export function csvText(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return `${[header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`;
}
