export { countTerms, type TermCount, type TermCounts } from "./countTerms.js";
export { defineThemes, type ThemeDefinition } from "./defineThemes.js";
export {
  type DistinctiveGroup,
  type DistinctiveTerm,
  type DistinctiveTerms,
  type DistinctiveTermsOptions,
  distinctiveTerms,
} from "./distinctiveTerms.js";
export type { TextLanguage, TextOptions } from "./options.js";
export { type MaskedCounts, type RedactedText, redactText } from "./redactText.js";
export { repairText } from "./repairText.js";
export type { CommentedResponse } from "./responses.js";
export { stopWords } from "./stopWords.js";
export { type SuggestThemesOptions, suggestThemes } from "./suggestThemes.js";
export type { NgramChoice, TermCounting, TermOptions } from "./terms.js";
export {
  type CategoryMentions,
  type ThemeAnalysis,
  type ThemeExcerpt,
  type ThemeResult,
  type ThemesOptions,
  themes,
} from "./themes.js";
export {
  type DatedCommentedResponse,
  type ThemePeriod,
  type ThemePeriodValue,
  type ThemesByPeriod,
  type ThemesByPeriodOptions,
  themesByPeriod,
} from "./themesByPeriod.js";
export { tokenize } from "./tokenize.js";
