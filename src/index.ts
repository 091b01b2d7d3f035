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
export { adjustPValues, type PValueAdjustment } from "./inference/adjustPValues.js";
export {
  type CompareNpsOptions,
  type ComparisonMethod,
  compareNps,
  type NpsComparison,
} from "./inference/compareNps.js";
export {
  type ConfidenceInterval,
  type ConfidenceIntervalOptions,
  confidenceInterval,
  type IntervalMethod,
} from "./inference/confidenceInterval.js";
export { effectiveSampleSize } from "./inference/effectiveSampleSize.js";
export { marginOfError } from "./inference/marginOfError.js";
export { normalCdf, normalQuantile, normalSurvival } from "./inference/normal.js";
export {
  marginOfErrorForSampleSize,
  type RequiredSampleSizeOptions,
  requiredSampleSize,
  type SampleSizeOptions,
} from "./inference/sampleSize.js";
export { standardError } from "./inference/standardError.js";
export {
  type Alternative,
  type BenchmarkTest,
  type BenchmarkTestMethod,
  type BenchmarkTestOptions,
  testAgainstBenchmark,
} from "./inference/testAgainstBenchmark.js";
export { type GuessedFields, guessFields } from "./input/guessFields.js";
export {
  type FieldMapping,
  type ParseCounts,
  type ParseOptions,
  type ParseResult,
  parseResponses,
  type SkippedRow,
} from "./input/parseResponses.js";
export { formatOverviewText } from "./report/formatOverviewText.js";
export {
  type Overview,
  type OverviewInput,
  type OverviewInterval,
  type OverviewOptions,
  type OverviewRejection,
  type OverviewRows,
  overview,
} from "./report/overview.js";
export { formatSegmentsText } from "./report/segmentsText.js";
export { formatTrendText } from "./report/trendText.js";
export { type SampleOptions, sampleResponses } from "./sample/sampleResponses.js";
export {
  type CategoryIndependence,
  type CategoryIndependenceOptions,
  categoryIndependence,
  type IndependenceRow,
} from "./segments/categoryIndependence.js";
export { type CrossSegmentBreakdown, type CrossSegmentCell, crossSegment } from "./segments/crossSegment.js";
export {
  type ChangeDecomposition,
  decomposeChange,
  type PeriodSegment,
  type PeriodTotal,
  type SegmentChange,
} from "./segments/decomposeChange.js";
export {
  groupResponses,
  type ResponseGroup,
  type ResponseGroups,
  type SegmentBy,
  type SegmentKey,
} from "./segments/groupResponses.js";
export { type ScoreAssociation, type ScoreAssociationOptions, scoreAssociation } from "./segments/scoreAssociation.js";
export { type SegmentBreakdown, segmentBy } from "./segments/segmentBy.js";
export {
  type NumericValue,
  type SegmentByTiersOptions,
  segmentByTiers,
  type TierBreakdown,
  type TierSegment,
} from "./segments/segmentByTiers.js";
export {
  type ContributionBreakdown,
  type SegmentContribution,
  type SegmentContributionsOptions,
  segmentContributions,
} from "./segments/segmentContributions.js";
export type {
  RestComparison,
  SegmentFigures,
  SegmentOptions,
  SegmentResult,
  SegmentSettings,
  SegmentSort,
  SegmentTotal,
} from "./segments/segmentFigures.js";
export type { TrendPeriod, WeekDay } from "./trends/calendar.js";
export {
  type ControlLimitPoint,
  type ControlLimits,
  type ControlLimitsOptions,
  type ControlPoint,
  controlLimits,
} from "./trends/controlLimits.js";
export {
  type RollingStep,
  type RollingTrend,
  type RollingTrendOptions,
  type RollingWindow,
  rollingTrend,
} from "./trends/rollingTrend.js";
export { type Trend, type TrendOptions, trend } from "./trends/trend.js";
export { type SegmentTrend, type TrendBy, trendBy } from "./trends/trendBy.js";
export type { RespondentPolicy, TrendCommonOptions, TrendPoint } from "./trends/trendPoint.js";
export { type SlopePoint, type TrendSlope, type TrendSlopeOptions, trendSlope } from "./trends/trendSlope.js";
