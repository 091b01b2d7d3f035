export type {
  Benchmark,
  BenchmarkPopulation,
  BenchmarkQuartiles,
  BenchmarkStatistic,
} from "./benchmarks/benchmark.js";
export { builtInBenchmarks } from "./benchmarks/builtInBenchmarks.js";
export {
  type BenchmarkCaveat,
  type BenchmarkCaveatCode,
  type BenchmarkComparison,
  type BenchmarkVerdict,
  type CompareToBenchmarkOptions,
  compareToBenchmark,
  type QuartileBand,
  type QuartileCut,
} from "./benchmarks/compareToBenchmark.js";
export { defineBenchmarks } from "./benchmarks/defineBenchmarks.js";
export { type BenchmarkQuery, findBenchmarks } from "./benchmarks/findBenchmarks.js";
export type { TrendPeriod, WeekDay } from "./core/calendar.js";
export { similarNames, unknownNameMessage } from "./core/columnNames.js";
export type { ColumnarResponses, SegmentColumn } from "./core/columns.js";
export { type CountColumnsOptions, countColumns } from "./core/countColumns.js";
export { type BatchCounter, countInBatches } from "./core/countInBatches.js";
export { type CountOptions, type CountResponsesOptions, countResponses } from "./core/countResponses.js";
export { type DistributionEntry, type DistributionOptions, distribution } from "./core/distribution.js";
export { NpsError, type NpsErrorCode, type NpsErrorOptions, type NpsIssue, NpsValidationError } from "./core/errors.js";
export type { KeyedCell, KeyedTallies, TallyDimension, TallyTime } from "./core/keyedTallies.js";
export { mergeKeyedTallies } from "./core/mergeKeyedTallies.js";
export { mergeTallies } from "./core/mergeTallies.js";
export { type NpsOptions, nps } from "./core/nps.js";
export type { AttributeValue, NpsResponse, RespondentPolicy } from "./core/response.js";
export { roundScore } from "./core/roundScore.js";
export {
  type Category,
  classify,
  defineScale,
  type Scale,
  type ScaleDefinition,
  STANDARD_SCALE,
} from "./core/scale.js";
export type { ResponseGroup, ResponseGroups, SegmentBy, SegmentKey } from "./core/segmentKey.js";
export { shares } from "./core/shares.js";
export { type CategoryValues, type Tally, type TallyOptions, tally, type WeightedParts } from "./core/tally.js";
export { type TallyColumnsOptions, tallyColumns } from "./core/tallyColumns.js";
export { type TallyResponsesOptions, tallyResponses } from "./core/tallyResponses.js";
export { isTimeZone } from "./core/timeZone.js";
export {
  dueForResurvey,
  type ResurveyEntry,
  type ResurveyOptions,
  type ResurveySchedule,
} from "./customers/dueForResurvey.js";
export {
  type FollowUpAction,
  type FollowUpEntry,
  type FollowUpOptions,
  type FollowUpQueue,
  followUpQueue,
} from "./customers/followUpQueue.js";
export {
  type LatestByRespondent,
  type LatestByRespondentOptions,
  latestByRespondent,
  type RespondentLatest,
} from "./customers/latestByRespondent.js";
export {
  type Migration,
  type MigrationOptions,
  type MigrationShares,
  type MigrationTable,
  migrationBetween,
  type PairedChange,
  type PanelWave,
} from "./customers/migrationBetween.js";
export {
  type DriverAnalysis,
  type DriverLevel,
  type DriverResult,
  type DriversOptions,
  drivers,
  type MissingPolicy,
  type RejectedValue,
} from "./drivers/drivers.js";
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
export { type ColumnarBatch, parseColumnarBatch } from "./input/columnarBatch.js";
export { type GuessedFields, guessFields } from "./input/guessFields.js";
export {
  type FieldMapping,
  type ParseCounts,
  type ParseOptions,
  type ParseResult,
  parseResponses,
  type SkippedRow,
} from "./input/parseResponses.js";
export {
  checkWhereColumns,
  matchesWhere,
  parseWhere,
  type WhereFilter,
  type WhereOperator,
} from "./input/where.js";
export { formatBenchmarkText } from "./report/benchmarkText.js";
export {
  type ChartOptions,
  type ChartSpec,
  distributionChart,
  type MigrationCell,
  type MigrationRows,
  migrationChart,
  segmentChart,
  trendChart,
  trendSharesChart,
} from "./report/charts.js";
export { type CsvCell, formatCsv, formatReportCsv, type ReportCsvOptions, type ReportTable } from "./report/csv.js";
export { formatOverviewText } from "./report/formatOverviewText.js";
export { type ChartScripts, type HtmlReportInput, type HtmlReportOptions, renderHtmlReport } from "./report/html.js";
export { levelText } from "./report/levelText.js";
export { formatReportMarkdown } from "./report/markdown.js";
export {
  type Overview,
  type OverviewInput,
  type OverviewInterval,
  type OverviewOptions,
  type OverviewRejection,
  type OverviewRows,
  overview,
} from "./report/overview.js";
export { buildReport, type ReportDocument, type ReportOptions, type TalliesInput } from "./report/reportData.js";
export { formatSegmentsText } from "./report/segmentsText.js";
export { escapeControls, escapeLines } from "./report/terminalText.js";
export { formatTrendText } from "./report/trendText.js";
export {
  type CommentSection,
  formatCommentsText,
  formatDriversCsv,
  formatDriversText,
  formatThemesCsv,
  type WhyTextOptions,
} from "./report/why.js";
export {
  distinctiveTermsChart,
  driverImportanceChart,
  themeImpactChart,
  themesByPeriodChart,
} from "./report/whyCharts.js";
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
  type CrossSegmentsFromTalliesOptions,
  crossSegmentsFromTallies,
  type SegmentsFromTalliesOptions,
  segmentsFromTallies,
} from "./segments/fromTallies.js";
export { groupResponses } from "./segments/groupResponses.js";
export {
  limitSegments,
  type SegmentLimitOptions,
  type SmallSegments,
} from "./segments/limitSegments.js";
export { type ScoreAssociation, type ScoreAssociationOptions, scoreAssociation } from "./segments/scoreAssociation.js";
export { type SegmentBreakdown, segmentBy } from "./segments/segmentBy.js";
export {
  type NumericValue,
  type SegmentByTiersOptions,
  segmentByTiers,
  type TierBreakdown,
  type TierSegment,
} from "./segments/segmentByTiers.js";
export { segmentColumns } from "./segments/segmentColumns.js";
export {
  type ContributionBreakdown,
  type SegmentContribution,
  type SegmentContributionsOptions,
  segmentContributions,
} from "./segments/segmentContributions.js";
export type {
  HiddenSegments,
  RestComparison,
  SegmentFigures,
  SegmentOptions,
  SegmentResult,
  SegmentSettings,
  SegmentSort,
  SegmentTotal,
} from "./segments/segmentFigures.js";
export {
  type CountSqlRowsOptions,
  countSqlRows,
  type SqlRowCounts,
  sqlRowCounts,
} from "./sql/countSqlRows.js";
export type { SqlDialect } from "./sql/dialects.js";
export { type SqlTally, type TallyFromRowsOptions, tallyFromRows } from "./sql/tallyFromRows.js";
export { type SqlTimeBucket, type TallySqlOptions, tallySql } from "./sql/tallySql.js";
export {
  type ControlLimitPoint,
  type ControlLimits,
  type ControlLimitsOptions,
  type ControlPoint,
  controlLimits,
} from "./trends/controlLimits.js";
export {
  type RollingTrendByFromTalliesOptions,
  rollingTrendByFromTallies,
  rollingTrendFromTallies,
  type TrendByFromTalliesOptions,
  trendByFromTallies,
  trendFromTallies,
} from "./trends/fromTallies.js";
export {
  type RollingStep,
  type RollingTrend,
  type RollingTrendOptions,
  type RollingWindow,
  rollingTrend,
} from "./trends/rollingTrend.js";
export { type RollingTrendBy, rollingTrendBy, type SegmentRollingTrend } from "./trends/rollingTrendBy.js";
export { rollingTrendColumns } from "./trends/rollingTrendColumns.js";
export { type Trend, type TrendOptions, trend } from "./trends/trend.js";
export { type SegmentTrend, type TrendBy, trendBy } from "./trends/trendBy.js";
export { trendColumns } from "./trends/trendColumns.js";
export type { ChangeBasis, TrendCommonOptions, TrendPoint } from "./trends/trendPoint.js";
export { type SlopePoint, type TrendSlope, type TrendSlopeOptions, trendSlope } from "./trends/trendSlope.js";
