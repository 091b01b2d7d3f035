// The texts of every dialect, by snapshot. BigQuery and Spark are checked by snapshot only (no such
// engine runs here); the DuckDB text is also run for real in duckdb.test.ts and engines.test.ts, and
// the PostgreSQL text in engines.test.ts (under scripts/with-postgres.sh).
import { describe, expect, it } from "vitest";
import { defineScale, type SqlDialect, tallySql } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const full = (dialect: SqlDialect) =>
  tallySql({
    dialect,
    table: ["analytics", "nps_responses"],
    score: "score",
    weight: "weight",
    by: ["plan", "country"],
    timeBucket: { column: "answered_at", period: "month", timeZone: "Europe/Paris" },
  });

describe("tallySql snapshots per dialect", () => {
  it("duckdb", () => {
    expect(full("duckdb")).toMatchInlineSnapshot(`
      "SELECT "plan",
        "country",
        strftime(date_trunc('month', timezone('Europe/Paris', "answered_at")), '%Y-%m-%d') AS "nps_period",
        COUNT(*) AS "nps_rows",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" >= 9 THEN 1 END) AS "nps_promoters",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" > 6 AND "score" < 9 THEN 1 END) AS "nps_passives",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" <= 6 THEN 1 END) AS "nps_detractors",
        COUNT(CASE WHEN "score" IS NULL THEN 1 END) AS "nps_missing_scores",
        COUNT(CASE WHEN "score" IS NOT NULL AND NOT ("score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score")) THEN 1 END) AS "nps_invalid_scores",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND (CAST("weight" AS DOUBLE) IS NULL OR NOT (CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308)) THEN 1 END) AS "nps_invalid_weights",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" >= 9 THEN CAST("weight" AS DOUBLE) ELSE 0 END) AS "nps_promoters_weight",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" > 6 AND "score" < 9 THEN CAST("weight" AS DOUBLE) ELSE 0 END) AS "nps_passives_weight",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" <= 6 THEN CAST("weight" AS DOUBLE) ELSE 0 END) AS "nps_detractors_weight",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" >= 9 THEN CAST("weight" AS DOUBLE) * CAST("weight" AS DOUBLE) ELSE 0 END) AS "nps_promoters_weight_squared",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" > 6 AND "score" < 9 THEN CAST("weight" AS DOUBLE) * CAST("weight" AS DOUBLE) ELSE 0 END) AS "nps_passives_weight_squared",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" <= 6 THEN CAST("weight" AS DOUBLE) * CAST("weight" AS DOUBLE) ELSE 0 END) AS "nps_detractors_weight_squared",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 0 THEN 1 END) AS "nps_score_0",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 1 THEN 1 END) AS "nps_score_1",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 2 THEN 1 END) AS "nps_score_2",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 3 THEN 1 END) AS "nps_score_3",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 4 THEN 1 END) AS "nps_score_4",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 5 THEN 1 END) AS "nps_score_5",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 6 THEN 1 END) AS "nps_score_6",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 7 THEN 1 END) AS "nps_score_7",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 8 THEN 1 END) AS "nps_score_8",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 9 THEN 1 END) AS "nps_score_9",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "score" = 10 THEN 1 END) AS "nps_score_10",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 AND "answered_at" IS NOT NULL THEN 1 END) AS "nps_dated",
        MIN(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 THEN epoch_ms("answered_at") END) AS "nps_first",
        MAX(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE) > 0 AND CAST("weight" AS DOUBLE) <= 1.7976931348623157e308 THEN epoch_ms("answered_at") END) AS "nps_last",
        'month' AS "nps_bucket",
        'Europe/Paris' AS "nps_time_zone"
      FROM "analytics"."nps_responses"
      GROUP BY "plan", "country", strftime(date_trunc('month', timezone('Europe/Paris', "answered_at")), '%Y-%m-%d')
      ORDER BY 1, 2, 3"
    `);
  });
  it("postgresql", () => {
    expect(full("postgresql")).toMatchInlineSnapshot(`
      "SELECT "plan",
        "country",
        to_char(date_trunc('month', "answered_at" AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS "nps_period",
        COUNT(*) AS "nps_rows",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" >= 9 THEN 1 END) AS "nps_promoters",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" > 6 AND "score" < 9 THEN 1 END) AS "nps_passives",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" <= 6 THEN 1 END) AS "nps_detractors",
        COUNT(CASE WHEN "score" IS NULL THEN 1 END) AS "nps_missing_scores",
        COUNT(CASE WHEN "score" IS NOT NULL AND NOT ("score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score")) THEN 1 END) AS "nps_invalid_scores",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND (CAST("weight" AS DOUBLE PRECISION) IS NULL OR NOT (CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308)) THEN 1 END) AS "nps_invalid_weights",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" >= 9 THEN CAST("weight" AS DOUBLE PRECISION) ELSE 0 END) AS "nps_promoters_weight",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" > 6 AND "score" < 9 THEN CAST("weight" AS DOUBLE PRECISION) ELSE 0 END) AS "nps_passives_weight",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" <= 6 THEN CAST("weight" AS DOUBLE PRECISION) ELSE 0 END) AS "nps_detractors_weight",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" >= 9 THEN CAST("weight" AS DOUBLE PRECISION) * CAST("weight" AS DOUBLE PRECISION) ELSE 0 END) AS "nps_promoters_weight_squared",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" > 6 AND "score" < 9 THEN CAST("weight" AS DOUBLE PRECISION) * CAST("weight" AS DOUBLE PRECISION) ELSE 0 END) AS "nps_passives_weight_squared",
        SUM(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" <= 6 THEN CAST("weight" AS DOUBLE PRECISION) * CAST("weight" AS DOUBLE PRECISION) ELSE 0 END) AS "nps_detractors_weight_squared",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 0 THEN 1 END) AS "nps_score_0",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 1 THEN 1 END) AS "nps_score_1",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 2 THEN 1 END) AS "nps_score_2",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 3 THEN 1 END) AS "nps_score_3",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 4 THEN 1 END) AS "nps_score_4",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 5 THEN 1 END) AS "nps_score_5",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 6 THEN 1 END) AS "nps_score_6",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 7 THEN 1 END) AS "nps_score_7",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 8 THEN 1 END) AS "nps_score_8",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 9 THEN 1 END) AS "nps_score_9",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "score" = 10 THEN 1 END) AS "nps_score_10",
        COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 AND "answered_at" IS NOT NULL THEN 1 END) AS "nps_dated",
        MIN(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 THEN FLOOR(EXTRACT(EPOCH FROM "answered_at") * 1000) END) AS "nps_first",
        MAX(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND CAST("weight" AS DOUBLE PRECISION) > 0 AND CAST("weight" AS DOUBLE PRECISION) <= 1.7976931348623157e308 THEN FLOOR(EXTRACT(EPOCH FROM "answered_at") * 1000) END) AS "nps_last",
        'month' AS "nps_bucket",
        'Europe/Paris' AS "nps_time_zone"
      FROM "analytics"."nps_responses"
      GROUP BY "plan", "country", to_char(date_trunc('month', "answered_at" AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD')
      ORDER BY 1, 2, 3"
    `);
  });
  it("bigquery", () => {
    expect(full("bigquery")).toMatchInlineSnapshot(`
      "SELECT \`plan\`,
        \`country\`,
        FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(\`answered_at\`, MONTH, 'Europe/Paris'), 'Europe/Paris') AS \`nps_period\`,
        COUNT(*) AS \`nps_rows\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` >= 9 THEN 1 END) AS \`nps_promoters\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` > 6 AND \`score\` < 9 THEN 1 END) AS \`nps_passives\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` <= 6 THEN 1 END) AS \`nps_detractors\`,
        COUNT(CASE WHEN \`score\` IS NULL THEN 1 END) AS \`nps_missing_scores\`,
        COUNT(CASE WHEN \`score\` IS NOT NULL AND NOT (\`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`)) THEN 1 END) AS \`nps_invalid_scores\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND (CAST(\`weight\` AS FLOAT64) IS NULL OR NOT (CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308)) THEN 1 END) AS \`nps_invalid_weights\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` >= 9 THEN CAST(\`weight\` AS FLOAT64) ELSE 0 END) AS \`nps_promoters_weight\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` > 6 AND \`score\` < 9 THEN CAST(\`weight\` AS FLOAT64) ELSE 0 END) AS \`nps_passives_weight\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` <= 6 THEN CAST(\`weight\` AS FLOAT64) ELSE 0 END) AS \`nps_detractors_weight\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` >= 9 THEN CAST(\`weight\` AS FLOAT64) * CAST(\`weight\` AS FLOAT64) ELSE 0 END) AS \`nps_promoters_weight_squared\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` > 6 AND \`score\` < 9 THEN CAST(\`weight\` AS FLOAT64) * CAST(\`weight\` AS FLOAT64) ELSE 0 END) AS \`nps_passives_weight_squared\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` <= 6 THEN CAST(\`weight\` AS FLOAT64) * CAST(\`weight\` AS FLOAT64) ELSE 0 END) AS \`nps_detractors_weight_squared\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 0 THEN 1 END) AS \`nps_score_0\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 1 THEN 1 END) AS \`nps_score_1\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 2 THEN 1 END) AS \`nps_score_2\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 3 THEN 1 END) AS \`nps_score_3\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 4 THEN 1 END) AS \`nps_score_4\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 5 THEN 1 END) AS \`nps_score_5\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 6 THEN 1 END) AS \`nps_score_6\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 7 THEN 1 END) AS \`nps_score_7\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 8 THEN 1 END) AS \`nps_score_8\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 9 THEN 1 END) AS \`nps_score_9\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`score\` = 10 THEN 1 END) AS \`nps_score_10\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 AND \`answered_at\` IS NOT NULL THEN 1 END) AS \`nps_dated\`,
        MIN(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 THEN UNIX_MILLIS(\`answered_at\`) END) AS \`nps_first\`,
        MAX(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS FLOAT64) > 0 AND CAST(\`weight\` AS FLOAT64) <= 1.7976931348623157e308 THEN UNIX_MILLIS(\`answered_at\`) END) AS \`nps_last\`,
        'month' AS \`nps_bucket\`,
        'Europe/Paris' AS \`nps_time_zone\`
      FROM \`analytics\`.\`nps_responses\`
      GROUP BY \`plan\`, \`country\`, FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(\`answered_at\`, MONTH, 'Europe/Paris'), 'Europe/Paris')
      ORDER BY 1, 2, 3"
    `);
  });
  it("spark", () => {
    expect(full("spark")).toMatchInlineSnapshot(`
      "SELECT \`plan\`,
        \`country\`,
        date_format(date_trunc('MONTH', from_utc_timestamp(\`answered_at\`, 'Europe/Paris')), 'yyyy-MM-dd') AS \`nps_period\`,
        COUNT(*) AS \`nps_rows\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` >= 9 THEN 1 END) AS \`nps_promoters\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` > 6 AND \`score\` < 9 THEN 1 END) AS \`nps_passives\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` <= 6 THEN 1 END) AS \`nps_detractors\`,
        COUNT(CASE WHEN \`score\` IS NULL THEN 1 END) AS \`nps_missing_scores\`,
        COUNT(CASE WHEN \`score\` IS NOT NULL AND NOT (\`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`)) THEN 1 END) AS \`nps_invalid_scores\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND (CAST(\`weight\` AS DOUBLE) IS NULL OR NOT (CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308)) THEN 1 END) AS \`nps_invalid_weights\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` >= 9 THEN CAST(\`weight\` AS DOUBLE) ELSE 0 END) AS \`nps_promoters_weight\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` > 6 AND \`score\` < 9 THEN CAST(\`weight\` AS DOUBLE) ELSE 0 END) AS \`nps_passives_weight\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` <= 6 THEN CAST(\`weight\` AS DOUBLE) ELSE 0 END) AS \`nps_detractors_weight\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` >= 9 THEN CAST(\`weight\` AS DOUBLE) * CAST(\`weight\` AS DOUBLE) ELSE 0 END) AS \`nps_promoters_weight_squared\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` > 6 AND \`score\` < 9 THEN CAST(\`weight\` AS DOUBLE) * CAST(\`weight\` AS DOUBLE) ELSE 0 END) AS \`nps_passives_weight_squared\`,
        SUM(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` <= 6 THEN CAST(\`weight\` AS DOUBLE) * CAST(\`weight\` AS DOUBLE) ELSE 0 END) AS \`nps_detractors_weight_squared\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 0 THEN 1 END) AS \`nps_score_0\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 1 THEN 1 END) AS \`nps_score_1\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 2 THEN 1 END) AS \`nps_score_2\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 3 THEN 1 END) AS \`nps_score_3\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 4 THEN 1 END) AS \`nps_score_4\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 5 THEN 1 END) AS \`nps_score_5\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 6 THEN 1 END) AS \`nps_score_6\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 7 THEN 1 END) AS \`nps_score_7\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 8 THEN 1 END) AS \`nps_score_8\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 9 THEN 1 END) AS \`nps_score_9\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`score\` = 10 THEN 1 END) AS \`nps_score_10\`,
        COUNT(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 AND \`answered_at\` IS NOT NULL THEN 1 END) AS \`nps_dated\`,
        MIN(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 THEN unix_millis(\`answered_at\`) END) AS \`nps_first\`,
        MAX(CASE WHEN \`score\` >= 0 AND \`score\` <= 10 AND \`score\` = FLOOR(\`score\`) AND CAST(\`weight\` AS DOUBLE) > 0 AND CAST(\`weight\` AS DOUBLE) <= 1.7976931348623157e308 THEN unix_millis(\`answered_at\`) END) AS \`nps_last\`,
        'month' AS \`nps_bucket\`,
        'Europe/Paris' AS \`nps_time_zone\`
      FROM \`analytics\`.\`nps_responses\`
      GROUP BY \`plan\`, \`country\`, date_format(date_trunc('MONTH', from_utc_timestamp(\`answered_at\`, 'Europe/Paris')), 'yyyy-MM-dd')
      ORDER BY 1, 2, 3"
    `);
  });
  it("unweighted, ungrouped, on a 1–5 scale", () => {
    const scale = defineScale({ name: "1-5", min: 1, max: 5, detractorMax: 3, promoterMin: 5 });
    expect(tallySql({ dialect: "postgresql", table: "responses", score: "answer", scale })).toMatchInlineSnapshot(`
      "SELECT COUNT(*) AS "nps_rows",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" >= 5 THEN 1 END) AS "nps_promoters",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" > 3 AND "answer" < 5 THEN 1 END) AS "nps_passives",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" <= 3 THEN 1 END) AS "nps_detractors",
        COUNT(CASE WHEN "answer" IS NULL THEN 1 END) AS "nps_missing_scores",
        COUNT(CASE WHEN "answer" IS NOT NULL AND NOT ("answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer")) THEN 1 END) AS "nps_invalid_scores",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" = 1 THEN 1 END) AS "nps_score_1",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" = 2 THEN 1 END) AS "nps_score_2",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" = 3 THEN 1 END) AS "nps_score_3",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" = 4 THEN 1 END) AS "nps_score_4",
        COUNT(CASE WHEN "answer" >= 1 AND "answer" <= 5 AND "answer" = FLOOR("answer") AND "answer" = 5 THEN 1 END) AS "nps_score_5"
      FROM "responses""
    `);
  });
  it("ISO weeks, quarters, days and years in every dialect", () => {
    const buckets = (["duckdb", "postgresql", "bigquery", "spark"] as const).flatMap((dialect) =>
      (["week", "quarter", "day", "year"] as const).map(
        (period) =>
          tallySql({
            dialect,
            table: "t",
            score: "s",
            timeBucket: { column: "at", period, timeZone: "America/New_York" },
          }).split("\n")[0],
      ),
    );
    expect(buckets).toMatchInlineSnapshot(`
      [
        "SELECT strftime(date_trunc('week', timezone('America/New_York', "at")), '%Y-%m-%d') AS "nps_period",",
        "SELECT strftime(date_trunc('quarter', timezone('America/New_York', "at")), '%Y-%m-%d') AS "nps_period",",
        "SELECT strftime(date_trunc('day', timezone('America/New_York', "at")), '%Y-%m-%d') AS "nps_period",",
        "SELECT strftime(date_trunc('year', timezone('America/New_York', "at")), '%Y-%m-%d') AS "nps_period",",
        "SELECT to_char(date_trunc('week', "at" AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS "nps_period",",
        "SELECT to_char(date_trunc('quarter', "at" AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS "nps_period",",
        "SELECT to_char(date_trunc('day', "at" AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS "nps_period",",
        "SELECT to_char(date_trunc('year', "at" AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS "nps_period",",
        "SELECT FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(\`at\`, ISOWEEK, 'America/New_York'), 'America/New_York') AS \`nps_period\`,",
        "SELECT FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(\`at\`, QUARTER, 'America/New_York'), 'America/New_York') AS \`nps_period\`,",
        "SELECT FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(\`at\`, DAY, 'America/New_York'), 'America/New_York') AS \`nps_period\`,",
        "SELECT FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(\`at\`, YEAR, 'America/New_York'), 'America/New_York') AS \`nps_period\`,",
        "SELECT date_format(date_trunc('WEEK', from_utc_timestamp(\`at\`, 'America/New_York')), 'yyyy-MM-dd') AS \`nps_period\`,",
        "SELECT date_format(date_trunc('QUARTER', from_utc_timestamp(\`at\`, 'America/New_York')), 'yyyy-MM-dd') AS \`nps_period\`,",
        "SELECT date_format(date_trunc('DAY', from_utc_timestamp(\`at\`, 'America/New_York')), 'yyyy-MM-dd') AS \`nps_period\`,",
        "SELECT date_format(date_trunc('YEAR', from_utc_timestamp(\`at\`, 'America/New_York')), 'yyyy-MM-dd') AS \`nps_period\`,",
      ]
    `);
  });
});

describe("tallySql quotes identifiers so that no name can break out", () => {
  const hostile = 'x"; DROP TABLE y; --';
  it("doubles double quotes for DuckDB and PostgreSQL", () => {
    const sql = tallySql({ dialect: "postgresql", table: hostile, score: hostile, by: [hostile] });
    expect(sql).toContain('"x""; DROP TABLE y; --"');
    expect(sql.replaceAll('"x""; DROP TABLE y; --"', "ID")).not.toContain("DROP");
  });
  it("escapes backticks and backslashes for BigQuery, doubles backticks for Spark", () => {
    const name = "a`b\\`; DROP TABLE y; --";
    const bigquery = tallySql({ dialect: "bigquery", table: name, score: "s" });
    expect(bigquery).toContain("FROM `a\\`b\\\\\\`; DROP TABLE y; --`");
    const spark = tallySql({ dialect: "spark", table: name, score: "s" });
    expect(spark).toContain("FROM `a``b\\``; DROP TABLE y; --`");
  });
});

describe("tallySql option checks", () => {
  const base = { dialect: "duckdb", table: "t", score: "s" } as const;
  const cases: ReadonlyArray<[string, Record<string, unknown>, string, string]> = [
    [
      "dialect",
      { dialect: "mysql" },
      "invalid_option",
      'tallySql: dialect must be one of "duckdb", "postgresql", "bigquery", "spark", received "mysql"',
    ],
    [
      "empty score",
      { score: "" },
      "invalid_option",
      'tallySql: score must be a non-empty column or table name of at most 300 characters without control characters, received ""',
    ],
    [
      "control character",
      { weight: "w\u0000" },
      "invalid_option",
      'tallySql: weight must be a non-empty column or table name of at most 300 characters without control characters, received "w\\u0000"',
    ],
    [
      "empty table",
      { table: [] },
      "invalid_option",
      "tallySql: table must be a table name or a non-empty array of name parts, received an array",
    ],
    [
      "reserved group",
      { by: ["NPS_rows"] },
      "invalid_option",
      'tallySql: by column must not start with "nps_" (reserved for the result columns), received "NPS_rows"',
    ],
    [
      "duplicate group",
      { by: ["plan", "Plan"] },
      "invalid_option",
      'tallySql: by columns must be distinct, received "Plan" twice',
    ],
    [
      "period",
      { timeBucket: { column: "at", period: "fortnight" } },
      "invalid_option",
      'tallySql: timeBucket.period must be one of "day", "week", "month", "quarter", "year", received "fortnight"',
    ],
    [
      "zone literal",
      { timeBucket: { column: "at", period: "day", timeZone: "UTC'; DROP" } },
      "invalid_option",
      `tallySql: timeBucket.timeZone must be an IANA time-zone name such as "Europe/Paris", received "UTC'; DROP"`,
    ],
    [
      "unknown zone",
      { timeBucket: { column: "at", period: "day", timeZone: "Mars/Olympus" } },
      "invalid_date",
      'tallySql: timeZone must be a known IANA time-zone name, received "Mars/Olympus"',
    ],
  ];
  it.each(cases)("rejects %s", (_, override, code, message) => {
    const error = errorOf(() => tallySql({ ...base, ...override } as never));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
  it("rejects a non-object", () => {
    const error = errorOf(() => tallySql(undefined as never));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("tallySql: options must be an object, received undefined");
  });
});
