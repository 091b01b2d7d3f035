// The report's "What customers say" and "What drives the score" sections: the results of `themes`,
// `distinctiveTerms` and `themesByPeriod` (from `npskit/text`) and of `drivers`, checked and written
// as text, Markdown and CSV rows. The HTML is in html.ts, the charts in whyCharts.ts.

import { NpsError } from "../core/errors.js";
import { roundScore } from "../core/roundScore.js";
import type { CategoryValues } from "../core/tally.js";
import type { DriverAnalysis } from "../drivers/drivers.js";
import { describeValue, escapeControls } from "../internal/describe.js";
import type { DistinctiveTerms } from "../text/distinctiveTerms.js";
import type { ThemeAnalysis } from "../text/themes.js";
import type { ThemesByPeriod } from "../text/themesByPeriod.js";
import { type CsvCell, formatCsv } from "./csv.js";
import { levelText } from "./levelText.js";
import { TEXT_WIDTH, wrapLine } from "./wrapText.js";

/**
 * What the report's "What customers say" section shows: the themes (`themes` from `npskit/text`),
 * optionally the words that mark each category (`distinctiveTerms`) and the themes by period
 * (`themesByPeriod`).
 *
 * @category Reports
 */
export interface CommentSection {
  /** The themes, with the comment rate per category, impacts and excerpts. */
  readonly themes: ThemeAnalysis;
  /** The words that mark each category. @defaultValue none */
  readonly distinctiveTerms?: DistinctiveTerms | undefined;
  /** Each theme's share and impact by period. @defaultValue none */
  readonly byPeriod?: ThemesByPeriod | undefined;
}

/**
 * Checks the `comments` and `drivers` inputs of a report: each the result of its function
 * (`undefined`: not given). `name` is how the input is called in messages.
 */
export function checkWhyInputs(fn: string, comments: unknown, drivers: unknown, name?: string): void {
  const kindOf = (value: unknown): unknown =>
    value !== null && typeof value === "object" ? (value as { kind?: unknown }).kind : undefined;
  const expect = (name: string, value: unknown, kind: string, producer: string): void => {
    if (kindOf(value) !== kind) {
      throw new NpsError(
        "invalid_option",
        `${fn}: ${name} must be the result of ${producer}, received ${describeValue(value)}`,
      );
    }
  };
  const prefix = name ?? "comments";
  if (comments !== undefined) {
    if (comments === null || typeof comments !== "object" || Array.isArray(comments)) {
      throw new NpsError(
        "invalid_option",
        `${fn}: ${prefix} must be an object with themes, received ${describeValue(comments)}`,
      );
    }
    const section = comments as CommentSection;
    const themes = section.themes;
    expect(name === "analysis" ? "analysis" : `${prefix}.themes`, themes, "themes", "themes");
    if (!Array.isArray(themes.themes) || themes.responses === null || typeof themes.responses !== "object") {
      throw new NpsError(
        "invalid_option",
        `${fn}: ${prefix}.themes must be the result of themes, received ${describeValue(themes)}`,
      );
    }
    if (section.distinctiveTerms !== undefined) {
      expect(`${prefix}.distinctiveTerms`, section.distinctiveTerms, "distinctive-terms", "distinctiveTerms");
    }
    if (section.byPeriod !== undefined) {
      expect(`${prefix}.byPeriod`, section.byPeriod, "themes-by-period", "themesByPeriod");
    }
  }
  if (drivers !== undefined) {
    expect(name ?? "drivers", drivers, "drivers", "drivers");
    if (!Array.isArray((drivers as DriverAnalysis).drivers)) {
      throw new NpsError(
        "invalid_option",
        `${fn}: ${name ?? "drivers"} must be the result of drivers, received ${describeValue(drivers)}`,
      );
    }
  }
}

/** How text from the data is made safe: for a terminal, or for Markdown. */
type Escape = (text: string) => string;

const terminal: Escape = (text) => escapeControls(text.replace(/[\r\n\t]+/g, " "));

/** Escapes text from the data for Markdown: punctuation that could format, link or break a table. */
const markdownText: Escape = (text) =>
  escapeControls(text.replace(/[\r\n\t]+/g, " ")).replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`);

/** Display rounding shared by the text and HTML of the sections. */
export const percent = (value: number | undefined): string =>
  value === undefined ? "–" : `${roundScore(100 * value, 1).toFixed(1)}%`;
/** Display rounding shared by the text and HTML of the sections. */
export const points = (value: number | undefined): string => {
  if (value === undefined) return "–";
  const rounded = roundScore(value, 1);
  return `${rounded > 0 ? "+" : ""}${rounded.toFixed(1)}`;
};
/** Display rounding shared by the text and HTML of the sections. */
export const pValue = (value: number | undefined): string =>
  value === undefined ? "–" : value < 0.0001 ? "<0.0001" : roundScore(value, 4).toFixed(4);
/** Display rounding shared by the text and HTML of the sections. */
export const fixed = (value: number | undefined, digits: number): string =>
  value === undefined ? "–" : roundScore(value, digits).toFixed(digits);

export function sizeOf(values: CategoryValues): number {
  return values.detractors + values.passives + values.promoters;
}

function npsOf(values: CategoryValues): number | undefined {
  const n = sizeOf(values);
  return n === 0 ? undefined : (100 * (values.promoters - values.detractors)) / n;
}

function rate(comments: CategoryValues, responses: CategoryValues, key: keyof CategoryValues): string {
  return percent(responses[key] === 0 ? undefined : comments[key] / responses[key]);
}

/**
 * A text table (first column left-aligned, the others right-aligned) or a Markdown pipe table. In
 * text, a table wider than {@link TEXT_WIDTH} is shown in parts, one under the other, each repeating
 * the first `keep` columns, as R prints a wide data frame: the columns go into the parts in order,
 * each part taking as many as fit (at least one), unless `parts` says which columns each part has.
 */
function table(
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  markdown: boolean,
  layout: { readonly keep?: number; readonly parts?: ReadonlyArray<ReadonlyArray<number>> } = {},
): string[] {
  if (markdown) {
    return [
      `| ${headers.join(" | ")} |`,
      `| ${headers.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
      ...rows.map((row) => `| ${row.join(" | ")} |`),
    ];
  }
  const length = (text: string): number => [...text].length;
  const widths = headers.map((header, i) => Math.max(length(header), ...rows.map((row) => length(row[i] ?? ""))));
  const pad = (cell: string, i: number): string => {
    const space = " ".repeat(Math.max(0, (widths[i] ?? 0) - length(cell)));
    return i === 0 ? cell + space : space + cell;
  };
  const line = (cells: ReadonlyArray<string>, columns: ReadonlyArray<number>): string =>
    `  ${columns.map((i) => pad(cells[i] ?? "", i)).join("  ")}`.trimEnd();
  const keep = layout.keep ?? 1;
  const total = 2 + widths.reduce((sum, width) => sum + width + 2, -2);
  const parts =
    total <= TEXT_WIDTH ? [headers.map((_, i) => i)] : (layout.parts ?? packColumns(widths, keep, TEXT_WIDTH));
  return parts.flatMap((columns, part) => [
    ...(part === 0 ? [] : [""]),
    line(headers, columns),
    ...rows.map((row) => line(row, columns)),
  ]);
}

/**
 * The columns of each part of a table too wide for `limit`: the first `keep` in every part, then
 * the others in order, as many as fit in each part, at least one.
 */
function packColumns(widths: ReadonlyArray<number>, keep: number, limit: number): number[][] {
  const kept = widths.slice(0, keep).map((_, i) => i);
  const start = 2 + kept.reduce((sum, i) => sum + (widths[i] ?? 0) + 2, -2);
  const parts: number[][] = [];
  let columns = [...kept];
  let width = start;
  for (let i = keep; i < widths.length; i++) {
    const added = 2 + (widths[i] ?? 0);
    if (columns.length > keep && width + added > limit) {
      parts.push(columns);
      columns = [...kept];
      width = start;
    }
    columns.push(i);
    width += added;
  }
  parts.push(columns);
  return parts;
}

/**
 * Options of {@link formatCommentsText} and {@link formatDriversText}.
 *
 * @category Reports
 */
export interface WhyTextOptions {
  /** Plain text for a terminal, or Markdown. @defaultValue "text" */
  readonly format?: "text" | "markdown";
  /** The section's heading. @defaultValue "What customers say" or "What drives the score" */
  readonly heading?: string;
  /** The Markdown level of the heading, 1 or 2 (sub-headings one level below). @defaultValue 2 */
  readonly headingLevel?: 1 | 2;
}

function writer(options: WhyTextOptions, fallback: string) {
  const markdown = options.format === "markdown";
  const safe = markdown ? markdownText : terminal;
  const level = options.headingLevel ?? 2;
  const lines: string[] = [];
  const title = safe(options.heading ?? fallback);
  lines.push(markdown ? `${"#".repeat(level)} ${title}` : title, "");
  return {
    markdown,
    safe,
    lines,
    heading(text: string): void {
      lines.push(markdown ? `${"#".repeat(level + 1)} ${text}` : text, "");
    },
    /** Lines of prose: in text, each broken at 80 columns, the next lines indented by `indent`. */
    prose(indent: number, ...texts: string[]): void {
      for (const text of texts) lines.push(...(markdown || text === "" ? [text] : wrapLine(text, indent)));
    },
    /** A line listing items separated by commas: in text, broken between items at 80 columns. */
    list(indent: number, text: string): void {
      lines.push(...(markdown ? [text] : wrapLine(text, indent, { betweenItems: true })));
    },
    done(): string {
      return `${lines.join("\n").replace(/\n+$/, "")}\n`;
    },
  };
}

/**
 * The "What customers say" section as text or Markdown: responses and comments, the comment rate per
 * category, the themes (mentions, share of comments, share per category, NPS of mentioners and
 * others, the difference with its interval, the adjusted p-value, the impact), the words that mark each
 * category (z ≥ 1.96), each theme's share and impact by period, and the excerpts with what was masked.
 * Theme names, words and excerpts come from the data: control characters are shown as escapes, and in
 * Markdown punctuation that could format or break a table gets a backslash. In text, lines of prose
 * (the notes, the marking words, the excerpts) are broken at 80 columns, and a table wider than that
 * is printed in parts that repeat its first column (the themes table: who mentions, then how their
 * NPS compares). Figures are rounded for display only. O(themes × periods + terms + excerpts).
 *
 * @param section - The themes, and optionally the distinctive terms and the themes by period.
 * @param options - Text or Markdown, heading.
 * @returns The section, ending with a newline.
 * @throws {@link NpsError} `invalid_input` when `section.themes` is not a `themes` result.
 * @example
 * ```ts
 * import { formatCommentsText } from "npskit";
 * import { themes } from "npskit/text";
 * const analysis = themes(
 *   [{ score: 2, comment: "long queue" }, { score: 10, comment: "friendly staff" }, { score: 8, comment: "ok" }],
 *   { themes: [{ name: "Queue", keywords: ["queue"] }] },
 * );
 * const text = formatCommentsText({ themes: analysis });
 * text.split("\n")[0]; // => "What customers say"
 * text.includes("3 responses, 3 with a comment (0 without)."); // => true
 * ```
 * @category Reports
 */
export function formatCommentsText(section: CommentSection, options: WhyTextOptions = {}): string {
  checkWhyInputs("formatCommentsText", section ?? null, undefined, "section");
  const analysis = section.themes;
  const out = writer(options, "What customers say");
  const { lines, safe, markdown } = out;
  const { responses, comments } = analysis;
  const others = analysis.compareWith === "other-commenters" ? "other commenters" : "everyone else";
  const baselineN = sizeOf(analysis.baseline);
  out.prose(
    2,
    `${sizeOf(responses)} responses, ${sizeOf(comments)} with a comment (${analysis.emptyComments} without). NPS ${points(analysis.nps)}.`,
    `Comment rate: detractors ${rate(comments, responses, "detractors")}, passives ${rate(comments, responses, "passives")}, promoters ${rate(comments, responses, "promoters")} — commenters choose to comment, so they are not a random sample.`,
    `Themes ${analysis.source === "given" ? "given" : "suggested from the distinctive words (pass --themes to give your own)"}; mentioners compared with ${others}, p-values adjusted (${analysis.adjustment}).`,
    `Impact: the NPS minus the NPS if mentioners scored like the baseline (negative: the theme costs points), the ${baselineN} ${analysis.compareWith === "other-commenters" ? "commenters" : "respondents"} who mention no theme (NPS ${points(npsOf(analysis.baseline))}).`,
    "",
  );
  out.heading("Themes");
  const rows = analysis.themes.map((theme) => themeCells(theme, safe));
  if (rows.length === 0) {
    lines.push("No themes: none were given, and no word marks detractors or promoters (z ≥ 1.96).", "");
  } else lines.push(...table(THEME_HEADERS, rows, markdown, { parts: THEME_PARTS }), "");
  const terms = section.distinctiveTerms;
  if (terms !== undefined) {
    out.heading("Words that mark each category (log-odds, informative Dirichlet prior; z ≥ 1.96)");
    for (const group of terms.groups) {
      const marked = group.terms.filter((term) => term.zScore >= 1.96);
      const list =
        marked.length === 0
          ? "(none)"
          : marked.map((term) => `${safe(term.term)} (z ${roundScore(term.zScore, 1).toFixed(1)})`).join(", ");
      out.list(4, markdown ? `- **${group.category}s**: ${list}` : `  ${group.category}s: ${list}`);
    }
    lines.push("");
  }
  const byPeriod = section.byPeriod;
  if (byPeriod !== undefined && byPeriod.themes.length > 0) {
    const names = byPeriod.themes.map(safe);
    out.heading(`Share of comments by ${byPeriod.period}`);
    lines.push(
      ...table(
        ["Period", "Comments", ...names],
        byPeriod.points.map((point) => [
          point.label,
          String(point.comments),
          ...point.themes.map((theme) => percent(theme.share)),
        ]),
        markdown,
        { keep: 2 },
      ),
      "",
    );
    out.heading(`Impact by ${byPeriod.period} (points, against that ${byPeriod.period}'s baseline)`);
    lines.push(
      ...table(
        ["Period", "Responses", ...names],
        byPeriod.points.map((point) => [
          point.label,
          String(point.responses),
          ...point.themes.map((theme) => points(theme.impact)),
        ]),
        markdown,
        { keep: 2 },
      ),
      "",
    );
    if (byPeriod.undated > 0)
      lines.push(`${byPeriod.undated} responses without a date are left out of the periods.`, "");
  }
  const shown = analysis.themes.filter((theme) => theme.excerpts.length > 0);
  if (shown.length > 0) {
    out.heading(
      `Excerpts${analysis.redaction.enabled ? " (e-mails, phone numbers and long digit runs masked)" : " (not masked)"}`,
    );
    for (const theme of shown) {
      lines.push(markdown ? `**${safe(theme.name)}**` : `  ${safe(theme.name)}`);
      for (const excerpt of theme.excerpts) {
        const text = safe(excerpt.text.replace(/\s+/g, " ").trim());
        out.prose(
          5,
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
  return out.done();
}

/** The headers of the themes table, in text, Markdown and HTML. */
export const THEME_HEADERS = [
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

/**
 * The two parts of the themes table in text, when it is wider than the terminal: who mentions each
 * theme, then how their NPS compares.
 */
const THEME_PARTS = [
  [0, 1, 2, 3, 4, 5],
  [0, 6, 7, 8, 9, 10],
];

/** A row of the themes table, its name passed through `name` (the escaping of the output). */
export function themeCells(theme: ThemeAnalysis["themes"][number], name: Escape): string[] {
  return [
    name(theme.name),
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
  ];
}

/** The headers of the drivers table, in text, Markdown and HTML. */
export const DRIVER_HEADERS = [
  "Driver",
  "n",
  "Missing",
  "Rejected",
  "Spearman",
  "Importance",
  "Interval",
  "Share of R²",
];

/** A row of the drivers table, its name passed through `name` (the escaping of the output). */
export function driverCells(result: DriverAnalysis, driver: DriverAnalysis["drivers"][number], name: Escape): string[] {
  return [
    name(driver.name),
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
      : percent(driver.importance / result.rSquared),
  ];
}

/**
 * The "What drives the score" section as text or Markdown: R² and how missing answers were handled,
 * then per driver its n, missing and rejected answers, Spearman's ρ, LMG importance with its bootstrap
 * interval and share of R², and the NPS at each answer with its interval. Driver names and labels come
 * from the data and are escaped as in {@link formatCommentsText}. O(drivers × levels).
 *
 * @param result - The result of `drivers`.
 * @param options - Text or Markdown, heading.
 * @returns The section, ending with a newline.
 * @throws {@link NpsError} `invalid_option` when `result` is not a `drivers` result.
 * @example
 * ```ts
 * import { drivers, formatDriversText } from "npskit";
 * const analysis = drivers(
 *   [
 *     { score: 10, attributes: { service: 5 } },
 *     { score: 8, attributes: { service: 4 } },
 *     { score: 6, attributes: { service: 3 } },
 *     { score: 3, attributes: { service: 1 } },
 *     { score: 9, attributes: { service: 4 } },
 *   ],
 *   { drivers: ["service"], resamples: 0 },
 * );
 * const lines = formatDriversText(analysis, { format: "markdown" }).split("\n");
 * lines[0]; // => "## What drives the score"
 * lines.includes("### NPS by answer: service"); // => true
 * ```
 * @category Reports
 */
export function formatDriversText(result: DriverAnalysis, options: WhyTextOptions = {}): string {
  checkWhyInputs("formatDriversText", undefined, result ?? null, "result");
  const out = writer(options, "What drives the score");
  const { lines, safe, markdown } = out;
  const level = levelText(result.level);
  out.prose(
    2,
    result.rSquared === undefined
      ? `No model: ${result.modelProblem ?? "it cannot be fitted"}.`
      : `R² of the 0-10 score on all drivers: ${fixed(result.rSquared, 3)} (${result.n} respondents, ${result.missing} missing-answer handling).`,
    `Importance: LMG (Shapley) share of R²; ${result.resamples > 0 ? `${level} bootstrap intervals from ${result.resamples} resamples, seed ${result.seed}` : "no bootstrap"}. Associations, not causes.`,
    "",
  );
  const rows = result.drivers.map((driver) => driverCells(result, driver, safe));
  lines.push(...table(DRIVER_HEADERS, rows, markdown), "");
  for (const driver of result.drivers) {
    out.heading(`NPS by answer: ${safe(driver.name)}`);
    const levelRows = driver.levels.map((answer) => [
      safe(answer.label ?? String(answer.value)),
      String(sizeOf(answer.tally)),
      points(answer.nps.estimate),
      `${points(answer.nps.lower)} to ${points(answer.nps.upper)}`,
    ]);
    lines.push(...table(["Answer", "n", "NPS", `${level} interval`], levelRows, markdown), "");
  }
  return out.done();
}

/** The themes as CSV rows (a header, then one row per theme), full precision. */
export function themesRows(analysis: ThemeAnalysis): CsvCell[][] {
  return [
    [
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
    ],
    ...analysis.themes.map((theme) => [
      theme.name,
      theme.mentions,
      theme.share,
      theme.byCategory.detractors.share,
      theme.byCategory.passives.share,
      theme.byCategory.promoters.share,
      theme.mentionersNps?.estimate,
      theme.othersNps?.estimate,
      theme.comparison?.difference,
      theme.comparison?.lower,
      theme.comparison?.upper,
      theme.comparison?.pValue,
      theme.adjustedPValue,
      theme.impact,
    ]),
  ];
}

/** The themes by period as CSV rows: one row per period and theme, full precision. */
export function themesByPeriodRows(byPeriod: ThemesByPeriod): CsvCell[][] {
  return [
    ["period", "start", "end", "responses", "comments", "theme", "mentions", "share", "nps_mentioners", "impact"],
    ...byPeriod.points.flatMap((point) =>
      point.themes.map((theme) => [
        point.label,
        point.start,
        point.end,
        point.responses,
        point.comments,
        theme.name,
        theme.mentions,
        theme.share,
        theme.mentionersNps?.estimate,
        theme.impact,
      ]),
    ),
  ];
}

/** The drivers as CSV rows: one row per driver and answer, full precision. */
export function driversRows(result: DriverAnalysis): CsvCell[][] {
  return [
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
    ...result.drivers.flatMap((driver) =>
      driver.levels.map((answer) => [
        driver.name,
        driver.spearman,
        driver.importance,
        driver.importanceInterval?.lower,
        driver.importanceInterval?.upper,
        answer.label ?? String(answer.value),
        answer.value,
        sizeOf(answer.tally),
        answer.nps.estimate,
        answer.nps.lower,
        answer.nps.upper,
      ]),
    ),
  ];
}

/**
 * The themes of `themes` (from `npskit/text`) as CSV: one row per theme, full precision, text
 * neutralised against spreadsheet formulas as {@link formatCsv} does.
 *
 * @param analysis - The result of `themes`.
 * @returns The CSV text.
 * @example
 * ```ts
 * import { formatThemesCsv } from "npskit";
 * import { themes } from "npskit/text";
 * const analysis = themes(
 *   [{ score: 2, comment: "long queue" }, { score: 10, comment: "friendly staff" }, { score: 8, comment: "ok" }],
 *   { themes: [{ name: "=Queue", keywords: ["queue"] }] },
 * );
 * formatThemesCsv(analysis).split("\r\n")[1]?.split(",").slice(0, 3); // => ["'=Queue", "1", "0.3333333333333333"]
 * ```
 * @category Reports
 */
export function formatThemesCsv(analysis: ThemeAnalysis): string {
  checkWhyInputs("formatThemesCsv", { themes: analysis }, undefined, "analysis");
  return formatCsv(themesRows(analysis));
}

/**
 * The result of `drivers` as CSV: one row per driver and answer, full precision, text neutralised
 * against spreadsheet formulas as {@link formatCsv} does.
 *
 * @param result - The result of `drivers`.
 * @returns The CSV text.
 * @example
 * ```ts
 * import { drivers, formatDriversCsv } from "npskit";
 * const analysis = drivers(
 *   [
 *     { score: 10, attributes: { service: 5 } },
 *     { score: 8, attributes: { service: 4 } },
 *     { score: 3, attributes: { service: 1 } },
 *   ],
 *   { drivers: ["service"], resamples: 0 },
 * );
 * formatDriversCsv(analysis).split("\r\n")[1]?.split(",").slice(5, 8); // => ["1", "1", "1"]
 * ```
 * @category Reports
 */
export function formatDriversCsv(result: DriverAnalysis): string {
  checkWhyInputs("formatDriversCsv", undefined, result ?? null, "result");
  return formatCsv(driversRows(result));
}
