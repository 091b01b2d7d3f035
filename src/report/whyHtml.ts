// The HTML of the report's "What customers say" and "What drives the score" sections.

import { roundScore } from "../core/roundScore.js";
import type { CategoryValues } from "../core/tally.js";
import type { DriverAnalysis } from "../drivers/drivers.js";
import type { ChartSpec } from "./charts.js";
import { escapeHtml } from "./escapeHtml.js";
import { levelText } from "./levelText.js";
import {
  type CommentSection,
  DRIVER_HEADERS,
  driverCells,
  fixed,
  percent,
  points,
  sizeOf,
  THEME_HEADERS,
  themeCells,
} from "./why.js";
import { distinctiveTermsChart, driverImportanceChart, themeImpactChart, themesByPeriodChart } from "./whyCharts.js";

/** Adds a chart to the page (when it has charts) and returns its container. */
export type ChartSlot = (name: string, spec: ChartSpec, label: string) => string;

/** A table: every cell is escaped here. */
function htmlTable(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const head = `<tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join("")}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("\n");
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>\n`;
}

/**
 * The "What customers say" section: the comment rate per category, the diverging chart of theme
 * impacts, the themes table, the words that mark each category (chart and lists), the themes by
 * period and the excerpts.
 */
export function commentsHtml(section: CommentSection, chart: ChartSlot): string {
  const analysis = section.themes;
  const { responses, comments } = analysis;
  const parts: string[] = ['<section id="comments">\n<h2>What customers say</h2>\n'];
  parts.push(
    `<p class="meta">${escapeHtml(`${sizeOf(responses)} responses, ${sizeOf(comments)} with a comment (${analysis.emptyComments} without). Commenters choose to comment, so they are not a random sample: the comment rate differs by category.`)}</p>\n`,
  );
  const rate = (key: keyof CategoryValues): string =>
    percent(responses[key] === 0 ? undefined : comments[key] / responses[key]);
  parts.push(
    htmlTable(
      ["Category", "Responses", "With a comment", "Comment rate"],
      (["detractors", "passives", "promoters"] as const).map((key) => [
        key[0]?.toUpperCase() + key.slice(1),
        String(responses[key]),
        String(comments[key]),
        rate(key),
      ]),
    ),
  );
  const baselineN = sizeOf(analysis.baseline);
  parts.push(
    `<h3>Themes</h3>\n<p class="note">${escapeHtml(
      `Themes ${analysis.source === "given" ? "given" : "suggested from the distinctive words"}; mentioners compared with ${analysis.compareWith === "other-commenters" ? "other commenters" : "everyone else"}, p-values adjusted (${analysis.adjustment}). Impact: the NPS minus the NPS if mentioners scored like the ${baselineN} ${analysis.compareWith === "other-commenters" ? "commenters" : "respondents"} who mention no theme (negative: the theme costs points).`,
    )}</p>\n`,
  );
  if (analysis.themes.some((theme) => theme.impact !== undefined)) {
    parts.push(
      chart(
        "theme-impacts",
        themeImpactChart(analysis),
        "Diverging bars of the NPS impact of each theme: left costs points, right adds points",
      ),
    );
  }
  parts.push(
    htmlTable(
      THEME_HEADERS,
      analysis.themes.map((theme) => themeCells(theme, (name) => name)),
    ),
  );
  const terms = section.distinctiveTerms;
  if (terms !== undefined) {
    parts.push("<h3>Words that mark each category</h3>\n");
    const marked = terms.groups.map((group) => ({
      category: group.category,
      terms: group.terms.filter((term) => term.zScore >= 1.96),
    }));
    if (marked.some((group) => group.terms.length > 0)) {
      parts.push(
        chart(
          "distinctive-terms",
          distinctiveTermsChart(terms),
          "Bars of the words that most mark detractors, passives and promoters, by z-score",
        ),
      );
    }
    parts.push(
      `<ul class="terms">\n${marked
        .map(
          (group) =>
            `<li><span class="swatch ${group.category}"></span><strong>${escapeHtml(`${group.category}s`)}</strong>: ${escapeHtml(
              group.terms.length === 0
                ? "(none)"
                : group.terms.map((term) => `${term.term} (z ${roundScore(term.zScore, 1).toFixed(1)})`).join(", "),
            )}</li>`,
        )
        .join("\n")}\n</ul>\n<p class="note">Log-odds ratio with an informative Dirichlet prior; z ≥ 1.96.</p>\n`,
    );
  }
  const byPeriod = section.byPeriod;
  if (byPeriod !== undefined && byPeriod.themes.length > 0) {
    parts.push(`<h3>${escapeHtml(`Themes by ${byPeriod.period}`)}</h3>\n`);
    if (byPeriod.points.length > 1) {
      parts.push(
        chart(
          "theme-shares-by-period",
          themesByPeriodChart(byPeriod, { measure: "share" }),
          "Lines of each theme's share of the comments in each period",
        ),
        chart(
          "theme-impacts-by-period",
          themesByPeriodChart(byPeriod, { measure: "impact" }),
          "Lines of each theme's NPS impact in each period",
        ),
      );
    }
    parts.push(
      htmlTable(
        ["Period", "Comments", ...byPeriod.themes.map((name) => `${name}: share`)],
        byPeriod.points.map((point) => [
          point.label,
          String(point.comments),
          ...point.themes.map((theme) => percent(theme.share)),
        ]),
      ),
      htmlTable(
        ["Period", "Responses", ...byPeriod.themes.map((name) => `${name}: impact`)],
        byPeriod.points.map((point) => [
          point.label,
          String(point.responses),
          ...point.themes.map((theme) => points(theme.impact)),
        ]),
      ),
    );
  }
  const shown = analysis.themes.filter((theme) => theme.excerpts.length > 0);
  if (shown.length > 0) {
    parts.push(
      `<h3>Excerpts</h3>\n<p class="note">${escapeHtml(
        analysis.redaction.enabled
          ? `E-mail addresses, phone numbers and long digit runs are masked (${analysis.redaction.emails} e-mail addresses, ${analysis.redaction.phones} phone numbers, ${analysis.redaction.numbers} long numbers).`
          : "Not masked.",
      )}</p>\n`,
    );
    for (const theme of shown) {
      parts.push(
        `<h4>${escapeHtml(theme.name)}</h4>\n${theme.excerpts
          .map(
            (excerpt) =>
              `<blockquote>${escapeHtml(excerpt.text.replace(/\s+/g, " ").trim())} <span class="note">(${escapeHtml(`${excerpt.score}, ${excerpt.category}`)})</span></blockquote>`,
          )
          .join("\n")}\n`,
      );
    }
  }
  parts.push("</section>\n");
  return parts.join("");
}

/** The "What drives the score" section: the importance chart and table, and the NPS at each answer. */
export function driversHtml(result: DriverAnalysis, chart: ChartSlot): string {
  const level = levelText(result.level);
  const parts: string[] = ['<section id="drivers">\n<h2>What drives the score</h2>\n'];
  parts.push(
    `<p class="meta">${escapeHtml(
      result.rSquared === undefined
        ? `No model: ${result.modelProblem ?? "it cannot be fitted"}.`
        : `R² of the 0-10 score on all drivers: ${fixed(result.rSquared, 3)} (${result.n} respondents, ${result.missing} missing-answer handling). Importance: LMG (Shapley) share of R²${result.resamples > 0 ? `, ${level} bootstrap intervals from ${result.resamples} resamples, seed ${result.seed}` : ""}. Associations, not causes.`,
    )}</p>\n`,
  );
  if (result.drivers.some((driver) => driver.importance !== undefined)) {
    parts.push(
      chart(
        "driver-importance",
        driverImportanceChart(result),
        "Bars of each driver's share of R² with its bootstrap interval",
      ),
    );
  }
  parts.push(
    htmlTable(
      DRIVER_HEADERS,
      result.drivers.map((driver) => driverCells(result, driver, (name) => name)),
    ),
  );
  for (const driver of result.drivers) {
    parts.push(
      `<details>\n<summary>${escapeHtml(`NPS by answer: ${driver.name}`)}</summary>\n${htmlTable(
        ["Answer", "n", "NPS", `${level} interval`],
        driver.levels.map((answer) => [
          answer.label ?? String(answer.value),
          String(sizeOf(answer.tally)),
          points(answer.nps.estimate),
          `${points(answer.nps.lower)} to ${points(answer.nps.upper)}`,
        ]),
      )}</details>\n`,
    );
  }
  parts.push("</section>\n");
  return parts.join("");
}
