// countSqlRows and sqlRowCounts on hand-written query rows; the same functions on rows from real
// engines are in engines.test.ts.
import { describe, expect, it } from "vitest";
import { countResponses, countSqlRows, sqlRowCounts, trendFromTallies } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

/** A result row of tallySql for a group whose counted answers are `scores` (plus missing/invalid rows). */
function rowOf(
  group: Record<string, unknown>,
  scores: ReadonlyArray<number>,
  extra: { missing?: number; invalid?: number; period?: string | null; first?: unknown; last?: unknown } = {},
): Record<string, unknown> {
  const distribution = Object.fromEntries(
    Array.from({ length: 11 }, (_, v) => [`nps_score_${v}`, String(scores.filter((s) => s === v).length)]),
  );
  const missing = extra.missing ?? 0;
  const invalid = extra.invalid ?? 0;
  const row: Record<string, unknown> = {
    ...group,
    nps_rows: String(scores.length + missing + invalid),
    nps_promoters: String(scores.filter((s) => s >= 9).length),
    nps_passives: String(scores.filter((s) => s === 7 || s === 8).length),
    nps_detractors: String(scores.filter((s) => s <= 6).length),
    nps_missing_scores: String(missing),
    nps_invalid_scores: String(invalid),
    ...distribution,
  };
  if (extra.period !== undefined) {
    row.nps_period = extra.period;
    row.nps_dated = String(extra.period === null ? 0 : scores.length);
    row.nps_first = extra.first ?? null;
    row.nps_last = extra.last ?? null;
  }
  return row;
}

describe("countSqlRows", () => {
  it("gives the keyed tallies countResponses gives for the same answers, in Europe/Paris", () => {
    // Two answers on 2026-03-29 (the summer-time change) and one on 2026-03-30, one undated.
    const responses = [
      { score: 10, date: new Date("2026-03-29T00:30:00Z"), attributes: { plan: "pro" } },
      { score: 3, date: new Date("2026-03-29T21:00:00Z"), attributes: { plan: "pro" } },
      { score: 8, date: new Date("2026-03-29T22:00:00Z"), attributes: { plan: null } },
      { score: 9, attributes: { plan: "pro" } },
    ];
    const expected = countResponses(responses, { by: "plan", period: "day", timeZone: "Europe/Paris" });
    const at = (text: string): number => Date.parse(text);
    const rows = [
      rowOf({ plan: "pro" }, [10, 3], {
        period: "2026-03-29",
        first: `${at("2026-03-29T00:30:00Z")}`,
        last: BigInt(at("2026-03-29T21:00:00Z")),
      }),
      rowOf({ plan: null }, [8], {
        period: "2026-03-30",
        first: at("2026-03-29T22:00:00Z"),
        last: `${at("2026-03-29T22:00:00Z")}.000`,
      }),
      rowOf({ plan: "pro" }, [9], { period: null, missing: 2 }),
      rowOf({ plan: "free" }, [], { period: "2026-03-30", invalid: 1 }),
    ];
    const tallies = countSqlRows(rows, { by: ["plan"], period: "day", timeZone: "Europe/Paris" });
    expect(tallies).toEqual(expected);
    expect(trendFromTallies(tallies).points.map((point) => point.label)).toEqual(["2026-03-29", "2026-03-30"]);
    expect(sqlRowCounts(rows)).toEqual({ rows: 7, accepted: 4, skipped: 2, rejected: 1 });
  });

  it("orders dimensions by `by` and adds up over group columns not in it", () => {
    const rows = [
      rowOf({ plan: "pro", country: "fr" }, [10]),
      rowOf({ plan: "pro", country: "de" }, [0, 7]),
      rowOf({ plan: "free", country: "fr" }, [9]),
    ];
    const byBoth = countSqlRows(rows, { by: ["country", "plan"] });
    expect(byBoth.dimensions).toEqual([
      { name: "country", keys: ["fr", "de"] },
      { name: "plan", keys: ["pro", "free"] },
    ]);
    const byPlan = countSqlRows(rows, { by: ["plan"] });
    expect(byPlan.cells.map((cell) => [cell.codes, cell.tally])).toEqual([
      [[0], { promoters: 1, passives: 1, detractors: 1 }],
      [[1], { promoters: 1, passives: 0, detractors: 0 }],
    ]);
    expect(byPlan.time).toBeNull();
    expect(byPlan.dated).toBe(0);
  });

  it("rejects a period text that does not start a period of the query, and rows with nps_period but no period", () => {
    const rows = [rowOf({}, [10], { period: "2026-03-14", first: 1, last: 1 })];
    const wrong = errorOf(() => countSqlRows(rows, { by: [], period: "month", timeZone: "Europe/Paris" }));
    expect(wrong.code).toBe("invalid_input");
    expect(wrong.message).toBe(
      'countSqlRows: nps_period must be the first day (YYYY-MM-DD) of a month in Europe/Paris, the query\'s period and time zone, received "2026-03-14" at index 0',
    );
    const none = errorOf(() => countSqlRows(rows, { by: [] }));
    expect(none.code).toBe("invalid_option");
    expect(none.message).toBe(
      "countSqlRows: period must be the timeBucket.period of the query when rows carry nps_period, received undefined",
    );
    const missing = errorOf(() => countSqlRows([rowOf({}, [10])], { by: [], period: "day" }));
    expect(missing.code).toBe("invalid_input");
    expect(missing.message).toBe(
      "countSqlRows: row must have a nps_period column when period is given (the query needs a timeBucket), missing at index 0",
    );
  });

  it("reads the period and time zone the rows carry, and refuses other ones", () => {
    const row = {
      ...rowOf({}, [10], { period: "2026-03-30", first: 1774821600000, last: 1774821600000 }),
      nps_bucket: "week",
      nps_time_zone: "Europe/Paris",
    };
    const tallies = countSqlRows([row], { by: [] });
    expect(tallies.time).toEqual({ bucket: "week", timeZone: "Europe/Paris", weekStartsOn: 1 });
    expect(tallies.cells[0]?.start).toBe(Date.parse("2026-03-29T22:00:00Z"));
    const period = errorOf(() => countSqlRows([row], { by: [], period: "day" }));
    expect(period.code).toBe("invalid_option");
    expect(period.message).toBe('countSqlRows: period must be the query\'s ("week", in nps_bucket), received "day"');
    const zone = errorOf(() => countSqlRows([row], { by: [], timeZone: "UTC" }));
    expect(zone.code).toBe("invalid_option");
    expect(zone.message).toBe(
      'countSqlRows: timeZone must be the query\'s ("Europe/Paris", in nps_time_zone), received "UTC"',
    );
    const mixed = errorOf(() => countSqlRows([row, { ...row, nps_bucket: "day" }], { by: [] }));
    expect(mixed.code).toBe("invalid_input");
    expect(mixed.message).toBe(
      'countSqlRows: nps_bucket must be one of day, week, month, quarter, year, the same on every row, received "day" after "week" at index 1',
    );
  });

  it("checks the distribution, the dated range, the by columns and the options", () => {
    const bad = { ...rowOf({ plan: "pro" }, [10, 9]), nps_score_9: "0" };
    const sum = errorOf(() => countSqlRows([bad], { by: ["plan"] }));
    expect(sum.code).toBe("invalid_tally");
    expect(sum.message).toBe(
      "countSqlRows: the nps_score_<v> columns must add up to the counted rows (2), received 1 at index 0",
    );
    const instant = errorOf(() =>
      countSqlRows([rowOf({}, [10], { period: "2026-03-01", first: "1.5", last: 2 })], { by: [], period: "day" }),
    );
    expect(instant.code).toBe("invalid_input");
    expect(instant.message).toBe(
      'countSqlRows: nps_first must be an instant in epoch milliseconds (an integer) or null, received "1.5" at index 0',
    );
    const range = errorOf(() =>
      countSqlRows([rowOf({}, [10], { period: "2026-03-01", first: null, last: null })], { by: [], period: "day" }),
    );
    expect(range.code).toBe("invalid_tally");
    expect(range.message).toBe(
      "countSqlRows: nps_first and nps_last must be the range of the nps_dated rows, received null to null for 1 at index 0",
    );
    const column = errorOf(() => countSqlRows([rowOf({ plan: "pro" }, [10])], { by: ["region"] }));
    expect(column.code).toBe("invalid_input");
    expect(column.message).toBe('countSqlRows: row must have the by column "region", missing at index 0');
    const reserved = errorOf(() => countSqlRows([], { by: ["NPS_rows"] }));
    expect(reserved.code).toBe("invalid_option");
    expect(reserved.message).toBe(
      'countSqlRows: by column must not start with "nps_" (the query\'s result columns), received "NPS_rows"',
    );
    const by = errorOf(() => countSqlRows([], { by: ["plan", "plan"] }));
    expect(by.code).toBe("invalid_option");
    expect(by.message).toBe('countSqlRows: by columns must be distinct, received "plan" twice');
  });

  it("gives empty keyed tallies for no rows, and zero counts", () => {
    const tallies = countSqlRows([], { by: ["plan"], period: "week" });
    expect(tallies.cells).toEqual([]);
    expect(tallies.dimensions).toEqual([{ name: "plan", keys: [] }]);
    expect(tallies.time).toEqual({ bucket: "week", timeZone: "UTC", weekStartsOn: 1 });
    expect(sqlRowCounts([])).toEqual({ rows: 0, accepted: 0, skipped: 0, rejected: 0 });
  });
});
