export { countTerms, type TermCount, type TermCounts } from "./countTerms.js";
export {
  type DistinctiveGroup,
  type DistinctiveTerm,
  type DistinctiveTerms,
  type DistinctiveTermsOptions,
  distinctiveTerms,
} from "./distinctiveTerms.js";
export type { TextLanguage, TextOptions } from "./options.js";
export { repairText } from "./repairText.js";
export type { CommentedResponse } from "./responses.js";
export { stopWords } from "./stopWords.js";
export type { NgramChoice, TermCounting, TermOptions } from "./terms.js";
export { tokenize } from "./tokenize.js";
