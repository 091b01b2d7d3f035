// The whole report from warehouse tallies, on real engines: the same generated responses are written
// to a CSV file and loaded into embedded DuckDB and into a PostgreSQL server; tallySql runs on each,
// and the report from the query's rows (countSqlRows + buildReport, and `npskit report --tallies`)
// must equal the report of `npskit report` on the raw file. Europe/Paris, across both summer-time
// changes of 2025–26; weighted and unweighted; two segment columns; NULL scores, segments and times,
// invalid scores and weights.
//
// PostgreSQL: run under `bash scripts/with-postgres.sh`, which starts a throwaway server and sets
// NPSKIT_PG_SOCKET (`.ci/run` does). Without it the PostgreSQL tests are skipped with a warning, except
// in CI (CI set), where they fail.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { basename } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareKeys, type SegmentKey } from "../../src/core/segmentKey.js";
import {
  buildReport,
  countSqlRows,
  type ReportOptions,
  type SqlDialect,
  sqlRowCounts,
  type TallySqlOptions,
  type TrendPeriod,
  tallySql,
} from "../../src/index.js";
import { createRandom } from "../../src/internal/random.js";
import { run, tempDirectory } from "../cli/helpers.js";

const N = 3000;
const ZONE = "Europe/Paris";
const PLANS = ["free", "pro", "team", null] as const;
const REGIONS = ["eu", "us", "apac", null] as const;
const START = Date.UTC(2025, 9, 1); // 2025-10-01
const SPAN = 200 * 86_400_000; // to mid-April 2026: both clock changes (2025-10-26, 2026-03-29)
/** Instants on the edges of Paris days, weeks and months, and at the clock changes. */
const EDGES = [
  Date.UTC(2025, 9, 26, 0, 59, 59, 999), // 02:59:59.999 summer time, just before the change back
  Date.UTC(2025, 9, 26, 1, 0), // 02:00 winter time
  Date.UTC(2025, 10, 30, 23, 0), // 2025-12-01 00:00 Paris: December
  Date.UTC(2025, 10, 30, 22, 59, 59, 999), // November
  Date.UTC(2026, 2, 29, 0, 59, 59, 999), // 01:59:59.999 winter time, just before the change
  Date.UTC(2026, 2, 29, 1, 0), // 03:00 summer time
  Date.UTC(2026, 2, 31, 22, 0), // 2026-04-01 00:00 Paris: April
  Date.UTC(2026, 2, 31, 21, 59, 59, 999), // March
  Date.UTC(2026, 2, 29, 22, 0), // Monday 2026-03-30 00:00 Paris: a new ISO week
];

interface Row {
  readonly score: number | null;
  readonly weight: number | null;
  readonly plan: string | null;
  readonly region: string | null;
  readonly time: number | null;
}

const rows: Row[] = [];
const files = tempDirectory();
/** The raw responses as CSV, with and without the weight column (npskit finds a column named weight itself). */
const rawFiles = { weighted: "", unweighted: "" };

/** One scenario: how the query groups, and the report options (the same for every path). */
interface Scenario {
  readonly name: string;
  readonly weighted: boolean;
  readonly by: ReadonlyArray<string>;
  /** The query's time bucket: the report's period, or day for rolling windows. */
  readonly bucket: TrendPeriod;
  readonly report: ReportOptions;
  /** The command's options for the same report. */
  readonly args: ReadonlyArray<string>;
}

const SCENARIOS: ReadonlyArray<Scenario> = [
  {
    name: "unweighted, by plan, monthly trend",
    weighted: false,
    by: ["plan"],
    bucket: "month",
    report: { by: ["plan"], period: "month", timeZone: ZONE },
    args: ["--by", "plan", "--period", "month", "--time-zone", ZONE],
  },
  {
    name: "unweighted, ISO weeks, score intervals at 90%",
    weighted: false,
    by: [],
    bucket: "week",
    report: { period: "week", timeZone: ZONE, level: 0.9, method: "score" },
    args: ["--period", "week", "--time-zone", ZONE, "--level", "0.9", "--method", "score"],
  },
  {
    name: "weighted, by region, 28-day rolling windows every week",
    weighted: true,
    by: ["region"],
    bucket: "day",
    report: { by: ["region"], rolling: { days: 28, step: "week" }, timeZone: ZONE },
    args: ["--by", "region", "--rolling", "28", "--step", "week", "--time-zone", ZONE],
  },
  {
    name: "weighted, plan × region crossed, no trend",
    weighted: true,
    by: ["plan", "region"],
    bucket: "day",
    report: { by: ["plan", "region"], timeZone: ZONE },
    args: ["--by", "plan", "--by", "region", "--time-zone", ZONE],
  },
];

/** A CSV cell: NULL is written as an empty cell or `NA` (both read as no value by npskit). */
function cell(value: string | number | null, i: number): string {
  if (value === null) return i % 2 === 0 ? "" : "NA";
  return String(value);
}

beforeAll(() => {
  const source = createRandom(20261204);
  const random = (): number => source.nextDouble();
  for (let i = 0; i < N; i++) {
    const r = random();
    const score = r < 0.02 ? null : r < 0.025 ? ([11, -1, 8.5][i % 3] as number) : Math.floor(random() * 11);
    const valid = score !== null && Number.isInteger(score) && score >= 0 && score <= 10;
    // A weight of 0 only with a valid score: the query then counts an invalid weight, npskit a rejected row.
    const weight = valid && random() < 0.004 ? 0 : Math.ceil(random() * 16) / 4;
    const time = random() < 0.01 ? null : i < EDGES.length ? (EDGES[i] as number) : START + Math.floor(random() * SPAN);
    rows.push({
      score,
      weight,
      plan: PLANS[Math.floor(random() * PLANS.length)] ?? null,
      region: REGIONS[Math.floor(random() * REGIONS.length)] ?? null,
      time,
    });
  }
  for (const weighted of [true, false]) {
    const lines = [`score,${weighted ? "weight," : ""}plan,region,answered_at`];
    rows.forEach((row, i) => {
      lines.push(
        [
          cell(row.score, i),
          ...(weighted ? [cell(row.weight, i)] : []),
          cell(row.plan, i + 1),
          cell(row.region, i),
          cell(row.time === null ? null : new Date(row.time).toISOString(), i),
        ].join(","),
      );
    });
    const text = `${lines.join("\n")}\n`;
    rawFiles[weighted ? "weighted" : "unweighted"] = files.file(`responses-${weighted ? "" : "un"}weighted.csv`, text);
  }
});

afterAll(() => files.cleanup());

/** The JSON report of `npskit report` on the raw file, per scenario. */
const rawReports = new Map<string, Record<string, unknown>>();
async function rawReport(scenario: Scenario): Promise<Record<string, unknown>> {
  const known = rawReports.get(scenario.name);
  if (known !== undefined) return known;
  const weight = scenario.weighted ? ["--weight", "weight"] : [];
  const result = await run([
    "report",
    scenario.weighted ? rawFiles.weighted : rawFiles.unweighted,
    "--score",
    "score",
    "--date",
    "answered_at",
    ...weight,
    ...scenario.args,
    "--format",
    "json",
  ]);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as Record<string, unknown>;
  rawReports.set(scenario.name, report);
  return report;
}

/**
 * What only a file of responses can tell: where it was read from and how, and the row numbers of the
 * first skipped and rejected rows (a GROUP BY returns counts, not rows). Everything else must match.
 */
function comparable(report: Record<string, unknown>): Record<string, unknown> {
  const { source: _source, firstSkipped: _skipped, firstRejected: _rejected, input: _input, ...rest } = report;
  const trend = rest.trend as { segments?: ReadonlyArray<{ key: SegmentKey }> } | undefined;
  if (trend?.segments === undefined) return rest;
  // Per-segment trends come in the order the keys first appear: the file's order, or the query's
  // (ORDER BY, which sorts by key). The trends themselves must be equal.
  return { ...rest, trend: { ...trend, segments: [...trend.segments].sort((a, b) => compareKeys(a.key, b.key)) } };
}

/** The keys of the per-segment trends, in the order printed. */
function trendKeys(report: Record<string, unknown>): ReadonlyArray<SegmentKey> | undefined {
  return (report.trend as { segments?: ReadonlyArray<{ key: SegmentKey }> } | undefined)?.segments?.map(
    (segment) => segment.key,
  );
}

/** The JSON document `npskit report --format json` prints for a report built in the library. */
function jsonOf(document: ReturnType<typeof buildReport>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      ...document.overview,
      ...(document.segments === undefined ? {} : { segmentedBy: document.segmentedBy, segments: document.segments }),
      ...(document.overallTrend === undefined ? {} : { overallTrend: document.overallTrend }),
      ...(document.trend === undefined ? {} : { trend: document.trend }),
    }),
  ) as Record<string, unknown>;
}

/** Deep equality, numbers within 1e-9 relative (weighted sums are added in another order). */
function expectClose(actual: unknown, expected: unknown, path = "report"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    if (!(Math.abs(actual - expected) <= 1e-9 * scale)) {
      expect.fail(`${path}: ${actual} differs from ${expected} by more than 1e-9 relative`);
    }
    return;
  }
  if (expected !== null && typeof expected === "object" && actual !== null && typeof actual === "object") {
    expect(Object.keys(actual).sort(), `${path}: keys`).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) {
      expectClose(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

function compare(actual: Record<string, unknown>, expected: Record<string, unknown>, weighted: boolean): void {
  if (weighted) expectClose(comparable(actual), comparable(expected));
  else expect(comparable(actual)).toEqual(comparable(expected));
}

function sqlOf(dialect: SqlDialect, scenario: Scenario): string {
  const options: TallySqlOptions = {
    dialect,
    table: "responses",
    score: "score",
    ...(scenario.weighted ? { weight: "weight" } : {}),
    by: scenario.by,
    timeBucket: { column: "answered_at", period: scenario.bucket, timeZone: ZONE },
  };
  return tallySql(options);
}

/** Both paths from the query's rows: the library, and the command on a file of them. */
async function checkScenario(
  scenario: Scenario,
  queryRows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  tallyFile: string,
): Promise<void> {
  const expected = await rawReport(scenario);
  expect((expected.rows as { skipped: number }).skipped).toBeGreaterThan(0);
  expect((expected.rows as { rejected: number }).rejected).toBeGreaterThan(0);

  const tallies = countSqlRows(queryRows, { by: scenario.by, period: scenario.bucket, timeZone: ZONE });
  expect(tallies.weighted).toBe(scenario.weighted);
  const document = buildReport({ tallies, counts: sqlRowCounts(queryRows) }, scenario.report);
  compare(jsonOf(document), expected, scenario.weighted);

  const result = await run(["report", "--tallies", tallyFile, ...scenario.args, "--format", "json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const printed = JSON.parse(result.stdout) as Record<string, unknown>;
  compare(printed, expected, scenario.weighted);
  const keys = trendKeys(printed);
  if (keys !== undefined) expect(keys).toEqual([...keys].sort(compareKeys));
  expect(printed.input).toMatchObject({ tallies: { period: scenario.bucket, timeZone: ZONE } });
}

describe("the report from DuckDB tallies equals the report from the raw file", () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run(
      "CREATE TABLE responses (score DOUBLE, weight DOUBLE, plan VARCHAR, region VARCHAR, ms BIGINT)",
    );
    const appender = await connection.createAppender("responses");
    for (const row of rows) {
      if (row.score === null) appender.appendNull();
      else appender.appendDouble(row.score);
      if (row.weight === null) appender.appendNull();
      else appender.appendDouble(row.weight);
      if (row.plan === null) appender.appendNull();
      else appender.appendVarchar(row.plan);
      if (row.region === null) appender.appendNull();
      else appender.appendVarchar(row.region);
      if (row.time === null) appender.appendNull();
      else appender.appendBigInt(BigInt(row.time));
      appender.endRow();
    }
    appender.closeSync();
    await connection.run(
      "ALTER TABLE responses ADD COLUMN answered_at TIMESTAMPTZ; UPDATE responses SET answered_at = CAST(epoch_ms(ms) AS TIMESTAMPTZ)",
    );
  }, 60_000);

  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const reader = await connection.runAndReadAll(sqlOf("duckdb", scenario));
      // The library reads the client's values (bigints); the command reads the rows saved as JSON.
      const queryRows = reader.getRowObjects() as Record<string, unknown>[];
      expect(queryRows.some((row) => typeof row.nps_rows === "bigint")).toBe(true);
      const file = files.file(`duckdb-${SCENARIOS.indexOf(scenario)}.json`, JSON.stringify(reader.getRowObjectsJson()));
      await checkScenario(scenario, queryRows, file);
    });
  }

  it("in every format: the same tables, and no line the raw file's report does not print", async () => {
    const scenario = SCENARIOS[0] as Scenario;
    const path = files.file("duckdb-formats.json", "");
    await connection.run(
      `COPY (${sqlOf("duckdb", scenario)}) TO '${path.replaceAll("'", "''")}' (FORMAT json, ARRAY true)`,
    );
    const both = async (format: ReadonlyArray<string>): Promise<[string, string]> => {
      const tallies = await run(["report", "--tallies", path, ...scenario.args, "--format", ...format]);
      const raw = await run([
        "report",
        rawFiles.unweighted,
        "--score",
        "score",
        "--date",
        "answered_at",
        ...scenario.args,
        "--format",
        ...format,
      ]);
      expect([tallies.code, raw.code]).toEqual([0, 0]);
      // The source is named after the file read.
      return [
        tallies.stdout.replaceAll(path, "SOURCE").replaceAll(basename(path), "SOURCE"),
        raw.stdout.replaceAll(rawFiles.unweighted, "SOURCE").replaceAll(basename(rawFiles.unweighted), "SOURCE"),
      ];
    };
    for (const table of ["overview", "distribution", "segments"]) {
      const [tallies, raw] = await both(["csv", "--table", table]);
      expect(tallies).toBe(raw);
    }
    // Per-segment trend rows come in another segment order (see comparable).
    const [trendTallies, trendRaw] = await both(["csv", "--table", "trend"]);
    expect(trendTallies.split("\n").sort()).toEqual(trendRaw.split("\n").sort());
    // Text, Markdown and HTML: the raw report also lists the first skipped and rejected rows.
    for (const format of ["text", "markdown", "html"]) {
      const [tallies, raw] = await both([format]);
      const lines = new Set(raw.split("\n"));
      // The charts' data is one line, whose per-segment trend series come in another order.
      const charts = (line: string): boolean => line.startsWith('<script type="application/json" id="npskit-charts">');
      expect(tallies.split("\n").filter((line) => !lines.has(line) && !charts(line))).toEqual([]);
      expect(tallies.length).toBeGreaterThan(raw.length * 0.8);
    }
  });

  it("rows by day serve a monthly trend (the rows say their bucket)", async () => {
    const scenario = SCENARIOS[0] as Scenario;
    const reader = await connection.runAndReadAll(sqlOf("duckdb", { ...scenario, bucket: "day" }));
    const path = files.file("duckdb-days.json", JSON.stringify(reader.getRowObjectsJson()));
    const result = await run(["report", "--tallies", path, ...scenario.args, "--format", "json"]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed.input).toMatchObject({ tallies: { period: "day", timeZone: ZONE } });
    compare(printed, await rawReport(scenario), false);
  });

  it("tallies saved as CSV by DuckDB itself give the same report", async () => {
    const scenario = SCENARIOS[0] as Scenario;
    const path = files.file("duckdb.csv", "");
    await connection.run(
      `COPY (${sqlOf("duckdb", scenario)}) TO '${path.replaceAll("'", "''")}' (HEADER, DELIMITER ',')`,
    );
    const result = await run(["report", "--tallies", path, ...scenario.args, "--format", "json"]);
    expect(result.code).toBe(0);
    compare(JSON.parse(result.stdout) as Record<string, unknown>, await rawReport(scenario), false);
  });
});

const SOCKET = process.env.NPSKIT_PG_SOCKET;
/** In CI the PostgreSQL test must run: without a server it fails instead of being skipped. */
const REQUIRED = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
const PSQL = (existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql") : [])
  .map((name) => `/usr/lib/postgresql/${name}/bin/psql`)
  .find((path) => existsSync(path));
if (SOCKET === undefined && !REQUIRED) {
  console.warn(
    'PostgreSQL tests skipped: NPSKIT_PG_SOCKET is not set. Run them with "bash scripts/with-postgres.sh npx vitest run test/sql/engines.test.ts" (it starts a throwaway server, installing Debian\'s postgresql if needed).',
  );
}

if (SOCKET === undefined && REQUIRED) {
  it("a PostgreSQL server is running (required in CI)", () => {
    expect.fail(
      'NPSKIT_PG_SOCKET is not set: in CI the PostgreSQL tests must run; run them under "bash scripts/with-postgres.sh"',
    );
  });
}

describe.skipIf(SOCKET === undefined)("the report from PostgreSQL tallies equals the report from the raw file", () => {
  let client: pg.Client | undefined;

  beforeAll(async () => {
    client = new pg.Client({ host: SOCKET, user: "postgres", database: "postgres" });
    await client.connect();
    await client.query("SET TimeZone = 'UTC'");
    await client.query(
      "CREATE TABLE responses (score DOUBLE PRECISION, weight DOUBLE PRECISION, plan TEXT, region TEXT, answered_at TIMESTAMPTZ)",
    );
    await client.query(
      "INSERT INTO responses SELECT * FROM unnest($1::float8[], $2::float8[], $3::text[], $4::text[], $5::timestamptz[])",
      [
        rows.map((row) => row.score),
        rows.map((row) => row.weight),
        rows.map((row) => row.plan),
        rows.map((row) => row.region),
        rows.map((row) => (row.time === null ? null : new Date(row.time).toISOString())),
      ],
    );
  }, 60_000);

  afterAll(async () => {
    await client?.query("DROP TABLE IF EXISTS responses");
    await client?.end();
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const sql = sqlOf("postgresql", scenario);
      // The library reads the client's values (bigint and numeric as decimal strings); the command
      // reads the CSV that psql writes (NULL as an empty cell).
      const result = await (client as pg.Client).query(sql);
      expect(result.rows.some((row) => typeof row.nps_rows === "string")).toBe(true);
      expect(PSQL, "psql under /usr/lib/postgresql/*/bin").toBeDefined();
      const csv = execFileSync(
        PSQL as string,
        ["-h", SOCKET as string, "-U", "postgres", "-d", "postgres", "-X", "--csv", "-v", "ON_ERROR_STOP=1", "-c", sql],
        { encoding: "utf8" },
      );
      const file = files.file(`postgresql-${SCENARIOS.indexOf(scenario)}.csv`, csv);
      await checkScenario(scenario, result.rows as Record<string, unknown>[], file);
    });
  }
});
