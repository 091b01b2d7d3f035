export { type DistributionEntry, type DistributionOptions, distribution } from "./core/distribution.js";
export { NpsError, type NpsErrorCode, type NpsErrorOptions, type NpsIssue, NpsValidationError } from "./core/errors.js";
export { mergeTallies } from "./core/mergeTallies.js";
export { type NpsOptions, nps } from "./core/nps.js";
export type { AttributeValue, NpsResponse } from "./core/response.js";
export { roundScore } from "./core/roundScore.js";
export {
  type Category,
  classify,
  defineScale,
  type Scale,
  type ScaleDefinition,
  STANDARD_SCALE,
} from "./core/scale.js";
export { shares } from "./core/shares.js";
export { type CategoryValues, type Tally, type TallyOptions, tally, type WeightedParts } from "./core/tally.js";
export { type TallyResponsesOptions, tallyResponses } from "./core/tallyResponses.js";
