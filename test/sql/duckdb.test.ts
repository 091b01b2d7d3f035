// The SQL written by tallySql, run for real in embedded DuckDB (@duckdb/node-api), against the same
// data counted by npskit: overall, by segment, by calendar bucket in a time zone, weighted, and
// merged from partitions. Kept small (20,000 rows) so it runs in a couple of seconds.
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ColumnarResponses,
  mergeTallies,
  type SegmentKey,
  type SqlTally,
  segmentColumns,
  type Tally,
  type TallySqlOptions,
  tallyColumns,
  tallyFromRows,
  tallySql,
  trendColumns,
} from "../../src/index.js";
import { createRandom } from "../../src/internal/random.js";

const N = 20_000;
const PLANS: ReadonlyArray<SegmentKey> = ["free", "pro", "team", "enterprise", null];
const START = Date.UTC(2025, 0, 1);
const SPAN = 730 * 86_400_000;
/** Instants on local-midnight boundaries in Paris (UTC+1 in winter, +2 in summer), to test the buckets' edges. */
const EDGES = [
  Date.UTC(2025, 11, 31, 23, 0), // 2026-01-01 00:00 Paris: January
  Date.UTC(2025, 11, 31, 22, 59, 59, 999), // 2025-12-31 23:59:59.999 Paris: December
  Date.UTC(2026, 2, 31, 22, 0), // 2026-04-01 00:00 Paris (summer time): April
  Date.UTC(2026, 2, 31, 21, 59, 59, 999), // March
  Date.UTC(2026, 2, 29, 1, 0), // the summer-time change itself
];

interface Row {
  score: number | null;
  weight: number | null;
  plan: SegmentKey;
  time: number | null;
}

let instance: DuckDBInstance;
let connection: DuckDBConnection;
const rows: Row[] = [];

async function createTable(name: string, data: ReadonlyArray<Row>): Promise<void> {
  await connection.run(
    `CREATE TABLE "${name}" (score DOUBLE, weight DOUBLE, plan VARCHAR, ms BIGINT, "x""; DROP TABLE y; --" INTEGER)`,
  );
  const appender = await connection.createAppender(name);
  for (const row of data) {
    if (row.score === null) appender.appendNull();
    else appender.appendDouble(row.score);
    if (row.weight === null) appender.appendNull();
    else appender.appendDouble(row.weight);
    if (row.plan === null) appender.appendNull();
    else appender.appendVarchar(String(row.plan));
    if (row.time === null) appender.appendNull();
    else appender.appendBigInt(BigInt(row.time));
    appender.appendInteger(1);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(
    `ALTER TABLE "${name}" ADD COLUMN answered_at TIMESTAMPTZ; UPDATE "${name}" SET answered_at = CAST(epoch_ms(ms) AS TIMESTAMPTZ)`,
  );
}

async function query(
  options: Omit<TallySqlOptions, "dialect" | "score"> & { score?: string },
): Promise<ReadonlyArray<SqlTally>> {
  const reader = await connection.runAndReadAll(tallySql({ dialect: "duckdb", score: "score", ...options }));
  return tallyFromRows(reader.getRowObjects() as Record<string, unknown>[]);
}

/** The valid rows as npskit columns (npskit rejects invalid rows; the query counts them apart). */
function columnsOf(data: ReadonlyArray<Row>, weighted: boolean, plans = PLANS): ColumnarResponses {
  const valid = data.filter(
    (row) =>
      row.score !== null &&
      Number.isInteger(row.score) &&
      row.score >= 0 &&
      row.score <= 10 &&
      (!weighted || (row.weight !== null && row.weight > 0)),
  );
  return {
    scores: Uint8Array.from(valid, (row) => row.score as number),
    times: Float64Array.from(valid, (row) => row.time ?? Number.NaN),
    ...(weighted ? { weights: Float64Array.from(valid, (row) => row.weight as number) } : {}),
    segments: { plan: { codes: Int32Array.from(valid, (row) => plans.indexOf(row.plan)), dictionary: plans } },
  };
}

beforeAll(async () => {
  const source = createRandom(20261123);
  const random = (): number => source.nextDouble();
  for (let i = 0; i < N; i++) {
    const r = random();
    const score = r < 0.01 ? null : r < 0.015 ? [11, -1, 8.5, Number.NaN][i % 4] : Math.floor(random() * 11);
    const w = random();
    const weight = w < 0.01 ? null : w < 0.015 ? 0 : Math.ceil(random() * 16) / 4;
    const time = random() < 0.01 ? null : i < EDGES.length ? (EDGES[i] as number) : START + Math.floor(random() * SPAN);
    rows.push({
      score: score as number | null,
      weight,
      plan: PLANS[Math.floor(random() * PLANS.length)] as SegmentKey,
      time,
    });
  }
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  await createTable("responses", rows);
  await connection.run("CREATE TABLE y (id INTEGER)");
}, 60_000);

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

const byKey = (entries: ReadonlyArray<SqlTally>, key: (entry: SqlTally) => SegmentKey | undefined) =>
  new Map(entries.map((entry) => [key(entry), entry.tally]));

describe("tallySql on DuckDB gives the tallies npskit computes", () => {
  it("overall, with every row accounted for", async () => {
    const [whole] = await query({ table: "responses" });
    expect(whole?.tally).toEqual(tallyColumns(columnsOf(rows, false)));
    expect(whole?.rows).toBe(N);
    expect(whole?.missingScores).toBe(rows.filter((row) => row.score === null).length);
    expect(whole?.invalidScores).toBe(
      rows.filter((row) => row.score !== null && !(Number.isInteger(row.score) && row.score >= 0 && row.score <= 10))
        .length,
    );
    expect(whole?.invalidWeights).toBe(0);
  });

  it("by segment (NULL is a segment of its own)", async () => {
    const result = await query({ table: "responses", by: ["plan"] });
    const expected = segmentColumns(columnsOf(rows, false), "plan");
    expect(byKey(result, (entry) => entry.group.plan)).toEqual(
      new Map(expected.segments.map((segment) => [segment.key, segment.tally])),
    );
    expect(result.map((entry) => entry.group.plan)).toContain(null);
  });

  it("by month, ISO week, quarter and day in Europe/Paris, and by month in UTC", async () => {
    const cases = [
      ["month", "Europe/Paris"],
      ["week", "Europe/Paris"],
      ["quarter", "Europe/Paris"],
      ["day", "Europe/Paris"],
      ["month", "UTC"],
    ] as const;
    for (const [period, timeZone] of cases) {
      const result = await query({ table: "responses", timeBucket: { column: "answered_at", period, timeZone } });
      const expected = trendColumns(columnsOf(rows, false), { period, timeZone, fillGaps: false });
      const dated = result.filter((entry) => entry.period !== null);
      expect(dated.length).toBeGreaterThan(period === "quarter" ? 7 : 20);
      expect(byKey(dated, (entry) => entry.period)).toEqual(
        new Map(expected.points.map((point) => [point.start.slice(0, 10), point.tally])),
      );
      const undated = result.find((entry) => entry.period === null);
      expect(undated?.tally).toEqual(
        tallyColumns({
          scores: columnsOf(
            rows.filter((row) => row.time === null),
            false,
          ).scores,
        }),
      );
    }
  });

  it("weighted: sums of weights and squared weights per category, by segment and month", async () => {
    const [whole] = await query({ table: "responses", weight: "weight" });
    const columns = columnsOf(rows, true);
    expect(whole?.tally).toEqual(tallyColumns(columns));
    expect(whole?.invalidWeights).toBe(
      rows.filter(
        (row) =>
          row.score !== null &&
          Number.isInteger(row.score) &&
          row.score >= 0 &&
          row.score <= 10 &&
          !(row.weight !== null && row.weight > 0),
      ).length,
    );
    const bySegment = await query({ table: "responses", weight: "weight", by: ["plan"] });
    expect(byKey(bySegment, (entry) => entry.group.plan)).toEqual(
      new Map(segmentColumns(columns, "plan").segments.map((segment) => [segment.key, segment.tally])),
    );
    const byMonth = await query({
      table: "responses",
      weight: "weight",
      timeBucket: { column: "answered_at", period: "month", timeZone: "Europe/Paris" },
    });
    const trend = trendColumns(columns, { period: "month", timeZone: "Europe/Paris", fillGaps: false });
    expect(
      byKey(
        byMonth.filter((entry) => entry.period !== null),
        (entry) => entry.period,
      ),
    ).toEqual(new Map(trend.points.map((point) => [point.start.slice(0, 10), point.tally])));
  });

  it("partial tallies from partitions merge into the tally of the whole", async () => {
    const parts = [0, 1, 2].map((p) => rows.filter((_, i) => i % 3 === p));
    for (const [p, part] of parts.entries()) await createTable(`part${p}`, part);
    const partials = (
      await Promise.all([0, 1, 2].map((p) => query({ table: `part${p}`, weight: "weight", by: ["plan"] })))
    ).flat();
    const merged = new Map<SegmentKey | undefined, Tally[]>();
    for (const entry of partials) merged.set(entry.group.plan, [...(merged.get(entry.group.plan) ?? []), entry.tally]);
    const whole = await query({ table: "responses", weight: "weight", by: ["plan"] });
    for (const entry of whole) {
      const pieces = merged.get(entry.group.plan) ?? [];
      expect(mergeTallies(...pieces)).toEqual(entry.tally);
    }
  });

  it("quotes hostile column names: they are read as names and inject nothing", async () => {
    const result = await query({ table: "responses", by: ['x"; DROP TABLE y; --'] });
    expect(result.map((entry) => entry.group['x"; DROP TABLE y; --'])).toEqual([1]);
    const tables = await connection.runAndReadAll("SELECT count(*) AS n FROM y");
    expect(tables.getRowObjects()).toEqual([{ n: 0n }]);
  });
});

/** Whether a group has valid answers (groups of only missing or invalid rows have no npskit counterpart). */
function counted(entry: SqlTally): boolean {
  const counts = entry.tally.weighted?.counts ?? entry.tally;
  return counts.promoters + counts.passives + counts.detractors > 0;
}

describe("property: random tables give the same tallies through DuckDB and through npskit", () => {
  it("for any small table, the SQL tallies by segment and by ISO week in Asia/Kolkata equal npskit's", async () => {
    const fc = (await import("fast-check")).default;
    let table = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(null, 11, -3, 7.5)),
            weight: fc.oneof(
              fc.integer({ min: 1, max: 32 }).map((w) => w / 8),
              fc.constantFrom(null, 0, -1),
            ),
            plan: fc.constantFrom<SegmentKey>("a", "b", "", null),
            time: fc.option(fc.integer({ min: START, max: START + 60 * 86_400_000 }), { nil: null }),
          }),
          { maxLength: 40 },
        ),
        fc.boolean(),
        async (data, weighted) => {
          const name = `random${table++}`;
          await createTable(name, data);
          const weight = weighted ? { weight: "weight" } : {};
          const columns = columnsOf(data, weighted, ["a", "b", "", null]);
          const bySegment = await query({ table: name, ...weight, by: ["plan"] });
          const expected = segmentColumns(columns, "plan").segments;
          expect(byKey(bySegment.filter(counted), (entry) => entry.group.plan)).toEqual(
            new Map(expected.map((segment) => [segment.key, segment.tally])),
          );
          expect(bySegment.reduce((sum, entry) => sum + entry.rows, 0)).toBe(data.length);
          const byWeek = await query({
            table: name,
            ...weight,
            timeBucket: { column: "answered_at", period: "week", timeZone: "Asia/Kolkata" },
          });
          const trend = trendColumns(columns, { period: "week", timeZone: "Asia/Kolkata", fillGaps: false });
          expect(
            byKey(
              byWeek.filter((entry) => entry.period !== null && counted(entry)),
              (entry) => entry.period,
            ),
          ).toEqual(new Map(trend.points.map((point) => [point.start.slice(0, 10), point.tally])));
          await connection.run(`DROP TABLE "${name}"`);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
