// Text, Markdown and CSV of the results of `themes`, `distinctiveTerms` and `drivers`: what the
// commands `npskit themes` and `npskit drivers` print, ready for the report's "What customers say"
// and "What drives the score" sections.

import { type CategoryValues, type DriverAnalysis, roundScore } from "../index.js";
import type { DistinctiveTerms, ThemeAnalysis } from "../text/index.js";

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
  // Numbers are written as they are; other text that a spreadsheet would read as a formula (a
  // comment or a term starting with =, +, -, @, a tab or a carriage return) is neutralised with an
  // apostrophe, as formatCsv does.
  const quote = (value: string): string => {
    const field =
      /^[=+\-@\t\r]/.test(value) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  };
  return `${[header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`;
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
  lines.push(...indented(table(headers, rows, markdown), markdown), "");
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
      ...indented(
        table(["Answer", "n", "NPS", `${roundScore(100 * result.level, 2)}% interval`], levelRows, markdown),
        markdown,
      ),
      "",
    );
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
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

function indented(lines: ReadonlyArray<string>, markdown: boolean): string[] {
  return markdown ? [...lines] : lines.map((line) => `  ${line}`);
}
