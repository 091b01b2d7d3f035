import { describe, expect, it } from "vitest";
import {
  defineScale,
  type NpsResponse,
  NpsValidationError,
  type ParseOptions,
  type ParseResult,
  parseResponses as parseFromLine2,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

type Row = Record<string, unknown>;

/**
 * parseResponses with the rows numbered from 1 unless a test says otherwise (the default numbering,
 * from 2 as the lines after a header, has its own tests below).
 */
const parseResponses: typeof parseFromLine2 = (rows, options) =>
  parseFromLine2(
    rows,
    options !== null && typeof options === "object" && !("firstRow" in options) ? { ...options, firstRow: 1 } : options,
  );

/** Parses in collect mode with the score in column "score" unless told otherwise. */
function collect(rows: ReadonlyArray<Row>, options: Partial<ParseOptions> = {}): ParseResult {
  return parseResponses(rows, { fields: { score: "score" }, mode: "collect", ...options });
}

/** The one response of a single accepted row. */
function only(rows: ReadonlyArray<Row>, options: Partial<ParseOptions> = {}): NpsResponse {
  const result = collect(rows, options);
  expect(result.issues).toEqual([]);
  expect(result.responses).toHaveLength(1);
  return result.responses[0] as NpsResponse;
}

/** The date of a single row read from column "date", as an ISO string. */
function dateOf(value: unknown, options: Partial<ParseOptions> = {}): string | undefined {
  return only([{ score: 9, date: value }], {
    fields: { score: "score", date: "date" },
    ...options,
  }).date?.toISOString();
}

describe("parseResponses: scores", () => {
  it.each([
    [0, 0],
    [10, 10],
    ["9", 9],
    [" 10 ", 10],
    ["\t7\n", 7],
    ["09", 9],
    ["9.0", 9],
    ["10.00", 10],
    [-0, 0],
    ["-0", 0],
  ])("accepts %j as %d", (value, score) => {
    const response = only([{ score: value }]);
    expect(Object.is(response.score, score)).toBe(true);
  });

  it.each([
    ["+9", '"+9"'],
    ["8.5", '"8.5"'],
    ["9.", '"9."'],
    ["1e1", '"1e1"'],
    ["nine", '"nine"'],
    ["9 9", '"9 9"'],
    ["0x9", '"0x9"'],
    ["11", '"11"'],
    ["-1", '"-1"'],
    [11, "11"],
    [-1, "-1"],
    [8.5, "8.5"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [true, "true"],
    [false, "false"],
    [{}, "an object"],
    [[9], "an array"],
  ])("rejects %j with its row, field, value and reason", (value, shown) => {
    const result = collect([{ score: 9 }, { score: value }]);
    expect(result.counts).toEqual({ rows: 2, accepted: 1, skipped: 0, rejected: 1 });
    expect(result.issues).toEqual([
      {
        path: [1, "score"],
        message: `score must be an integer from 0 to 10, received ${shown}`,
        value,
        row: 2,
        field: "score",
      },
    ]);
  });

  it("checks scores against the given scale", () => {
    const oneToTen = defineScale({ min: 1, max: 10, detractorMax: 6, promoterMin: 9 });
    const result = collect([{ score: "0" }, { score: "1" }], { scale: oneToTen });
    expect(result.responses).toEqual([{ score: 1 }]);
    expect(result.issues[0]?.message).toBe('score must be an integer from 1 to 10, received "0"');
    const centred = defineScale({ min: -5, max: 5, detractorMax: -2, promoterMin: 3 });
    expect(only([{ score: " -3 " }], { scale: centred }).score).toBe(-3);
  });

  it("names the mapped column in issues", () => {
    const result = parseResponses([{ "Likely to recommend": "ten" }], {
      fields: { score: "Likely to recommend" },
      mode: "collect",
    });
    expect(result.issues[0]).toMatchObject({ path: [0, "Likely to recommend"], field: "Likely to recommend", row: 1 });
  });
});

describe("parseResponses: missing scores", () => {
  const missing: ReadonlyArray<[string, Row, string]> = [
    ["absent", {}, "undefined"],
    ["undefined", { score: undefined }, "undefined"],
    ["null", { score: null }, "null"],
    ["empty", { score: "" }, '""'],
    ["blank", { score: "   " }, '"   "'],
    ["NA", { score: "NA" }, '"NA"'],
    ["N/A", { score: " N/A " }, '" N/A "'],
    ["n/a", { score: "n/a" }, '"n/a"'],
    ["null text", { score: "null" }, '"null"'],
    ["NULL text", { score: "NULL" }, '"NULL"'],
  ];

  it.each(missing)("rejects a missing score (%s) by default", (_, row, shown) => {
    const result = collect([{ score: 1 }, row]);
    expect(result.counts).toEqual({ rows: 2, accepted: 1, skipped: 0, rejected: 1 });
    expect(result.issues).toEqual([
      {
        path: [1, "score"],
        message: `score must be an integer from 0 to 10, received ${shown}`,
        value: row.score,
        row: 2,
        field: "score",
      },
    ]);
  });

  it.each(missing)("skips and counts a missing score (%s) with missingScore: skip", (_, row, shown) => {
    const result = collect([{ score: 1 }, row], { missingScore: "skip" });
    expect(result.counts).toEqual({ rows: 2, accepted: 1, skipped: 1, rejected: 0 });
    expect(result.skipped).toEqual([{ row: 2, reason: `score is missing, received ${shown}` }]);
    expect(result.issues).toEqual([]);
  });

  it("skips a row without a score even when its other fields are invalid", () => {
    const result = parseResponses([{ score: "", weight: "heavy" }], {
      fields: { score: "score", weight: "weight" },
      missingScore: "skip",
    });
    expect(result.counts).toEqual({ rows: 1, accepted: 0, skipped: 1, rejected: 0 });
  });

  it("uses the given missing-value strings instead of the defaults", () => {
    const result = collect([{ score: "-" }, { score: "NA" }, { score: "" }], {
      missingValues: ["-"],
      missingScore: "skip",
    });
    expect(result.skipped).toEqual([{ row: 1, reason: 'score is missing, received "-"' }]);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'score must be an integer from 0 to 10, received "NA"',
      'score must be an integer from 0 to 10, received ""',
    ]);
  });

  it("does not treat 0 or a missing-value string inside text as missing", () => {
    expect(collect([{ score: 0 }, { score: "NAN" }], { missingScore: "skip" }).counts).toEqual({
      rows: 2,
      accepted: 1,
      skipped: 0,
      rejected: 1,
    });
  });
});

describe("parseResponses: dates", () => {
  it.each([
    ["2026-03-01", "2026-03-01T00:00:00.000Z"],
    ["2026-03-01T14:05", "2026-03-01T14:05:00.000Z"],
    ["2026-03-01 14:05:09", "2026-03-01T14:05:09.000Z"],
    ["2026-03-01T14:05:09.5", "2026-03-01T14:05:09.500Z"],
    ["2026-03-01T14:05:09,123456789", "2026-03-01T14:05:09.123Z"],
    ["2026-03-01T14:05Z", "2026-03-01T14:05:00.000Z"],
    ["2026-03-01t14:05:00z", "2026-03-01T14:05:00.000Z"],
    ["2026-03-01T14:05:00+02:00", "2026-03-01T12:05:00.000Z"],
    ["2026-03-01T14:05:00-0530", "2026-03-01T19:35:00.000Z"],
    ["2026-03-01T14:05:00+01", "2026-03-01T13:05:00.000Z"],
    [" 2026-03-01 ", "2026-03-01T00:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["0017-03-07", "0017-03-07T00:00:00.000Z"],
  ])("reads the ISO 8601 string %j in UTC by default", (text, iso) => {
    expect(dateOf(text)).toBe(iso);
  });

  it.each([
    ["2026-03-01", "2026-03-01T05:00:00.000Z"],
    ["2026-07-01T12:00", "2026-07-01T16:00:00.000Z"],
    ["2026-07-01T12:00Z", "2026-07-01T12:00:00.000Z"],
    ["2026-07-01T12:00+01:00", "2026-07-01T11:00:00.000Z"],
  ])("reads %j without an offset in timeZone (America/New_York)", (text, iso) => {
    expect(dateOf(text, { timeZone: "America/New_York" })).toBe(iso);
  });

  it("moves a time in the spring-forward gap forward by the gap", () => {
    const timeZone = "America/New_York";
    expect(dateOf("2026-03-08T01:59", { timeZone })).toBe("2026-03-08T06:59:00.000Z");
    expect(dateOf("2026-03-08T02:00", { timeZone })).toBe("2026-03-08T07:00:00.000Z");
    expect(dateOf("2026-03-08T02:30", { timeZone })).toBe("2026-03-08T07:30:00.000Z");
    expect(dateOf("2026-03-08T03:00", { timeZone })).toBe("2026-03-08T07:00:00.000Z");
    expect(dateOf("2026-03-29T02:30", { timeZone: "Europe/Paris" })).toBe("2026-03-29T01:30:00.000Z");
  });

  it("reads a time repeated when clocks fall back as the earlier instant", () => {
    const timeZone = "America/New_York";
    expect(dateOf("2026-11-01T00:59", { timeZone })).toBe("2026-11-01T04:59:00.000Z");
    expect(dateOf("2026-11-01T01:30", { timeZone })).toBe("2026-11-01T05:30:00.000Z");
    expect(dateOf("2026-11-01T02:00", { timeZone })).toBe("2026-11-01T07:00:00.000Z");
    expect(dateOf("2026-10-25T02:30", { timeZone: "Europe/Paris" })).toBe("2026-10-25T00:30:00.000Z");
  });

  it("handles zones with half-hour offsets and no daylight saving", () => {
    expect(dateOf("2026-03-01T12:00", { timeZone: "Asia/Kolkata" })).toBe("2026-03-01T06:30:00.000Z");
    expect(dateOf("2026-03-01", { timeZone: "Asia/Kathmandu" })).toBe("2026-02-28T18:15:00.000Z");
  });

  it("accepts Date objects (copied) and epoch milliseconds", () => {
    const given = new Date("2026-03-01T10:00:00Z");
    const result = only([{ score: 9, date: given }], { fields: { score: "score", date: "date" } });
    expect(result.date).toEqual(given);
    expect(result.date).not.toBe(given);
    expect(dateOf(1_772_359_200_000)).toBe("2026-03-01T10:00:00.000Z");
    expect(dateOf(0)).toBe("1970-01-01T00:00:00.000Z");
  });

  it.each([
    ["3/7/17", '"3/7/17"'],
    ["2026-02-30", '"2026-02-30"'],
    ["2025-02-29", '"2025-02-29"'],
    ["2026-13-01", '"2026-13-01"'],
    ["2026-03-01T24:00", '"2026-03-01T24:00"'],
    ["2026-03-01T12:60", '"2026-03-01T12:60"'],
    ["2026-03-01T12:00:60", '"2026-03-01T12:00:60"'],
    ["2026-03-01Z", '"2026-03-01Z"'],
    ["2026-03-01T12:00+24:00", '"2026-03-01T12:00+24:00"'],
    ["20260301", '"20260301"'],
    ["2026-3-1", '"2026-3-1"'],
    ["yesterday", '"yesterday"'],
    [new Date(Number.NaN), "Invalid Date"],
    [Number.NaN, "NaN"],
    [9e15, "9000000000000000"],
    [true, "true"],
  ])("rejects the date %j", (value, shown) => {
    const result = collect([{ score: 9, date: value }], { fields: { score: "score", date: "date" } });
    expect(result.issues).toEqual([
      {
        path: [0, "date"],
        message: `date must be an ISO 8601 date or date-time, a valid Date or epoch milliseconds, received ${shown}`,
        value,
        row: 1,
        field: "date",
      },
    ]);
  });

  it("reads dateFormat patterns in timeZone with date-fns", () => {
    const options = { dateFormat: "M/d/yy H:mm", timeZone: "America/New_York" };
    expect(dateOf("3/7/17 14:05", options)).toBe("2017-03-07T19:05:00.000Z");
    expect(dateOf(" 3/7/17 14:05 ", options)).toBe("2017-03-07T19:05:00.000Z");
    expect(dateOf("3/8/26 2:30", options)).toBe("2026-03-08T07:30:00.000Z");
    expect(dateOf("11/1/26 1:30", options)).toBe("2026-11-01T05:30:00.000Z");
    expect(dateOf("01.03.2026", { dateFormat: "dd.MM.yyyy", timeZone: "Europe/Paris" })).toBe(
      "2026-02-28T23:00:00.000Z",
    );
    expect(dateOf("2026-03-01T14:05", { dateFormat: "yyyy-MM-dd'T'HH:mm" })).toBe("2026-03-01T14:05:00.000Z");
  });

  it("reads two-digit years as 2000–2049 for 00–49 and 1950–1999 for 50–99", () => {
    const options = { dateFormat: "M/d/yy" };
    expect(dateOf("1/1/00", options)).toBe("2000-01-01T00:00:00.000Z");
    expect(dateOf("1/1/49", options)).toBe("2049-01-01T00:00:00.000Z");
    expect(dateOf("1/1/50", options)).toBe("1950-01-01T00:00:00.000Z");
    expect(dateOf("1/1/99", options)).toBe("1999-01-01T00:00:00.000Z");
  });

  it("uses the offset written in the string when the pattern has one", () => {
    const options = { dateFormat: "yyyy-MM-dd HH:mm XXX", timeZone: "America/New_York" };
    expect(dateOf("2017-03-07 14:05 +02:00", options)).toBe("2017-03-07T12:05:00.000Z");
  });

  it("rejects strings that do not match the pattern, and still accepts Date objects", () => {
    const fields = { score: "score", date: "date" };
    const result = collect(
      [
        { score: 9, date: "2017-03-07" },
        { score: 9, date: "2/30/17 10:00" },
        { score: 9, date: "3/7/17 14:05 extra" },
        { score: 9, date: new Date(0) },
      ],
      { fields, dateFormat: "M/d/yy H:mm" },
    );
    expect(result.issues.map((issue) => [issue.row, issue.message])).toEqual([
      [1, 'date must be a date in the format "M/d/yy H:mm", a valid Date or epoch milliseconds, received "2017-03-07"'],
      [
        2,
        'date must be a date in the format "M/d/yy H:mm", a valid Date or epoch milliseconds, received "2/30/17 10:00"',
      ],
      [
        3,
        'date must be a date in the format "M/d/yy H:mm", a valid Date or epoch milliseconds, received "3/7/17 14:05 extra"',
      ],
    ]);
    expect(result.responses).toEqual([{ score: 9, date: new Date(0) }]);
  });

  it("throws invalid_option at once for an invalid pattern", () => {
    for (const [dateFormat, shown] of [
      ["YYYY-MM-dd", '"YYYY-MM-dd"'],
      ["dd/MM/yyyy DD", '"dd/MM/yyyy DD"'],
      ["yyyy-MM-dd foo", '"yyyy-MM-dd foo"'],
      ["", '""'],
    ] as const) {
      const error = errorOf(() => collect([], { dateFormat }));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toBe(
        `parseResponses: dateFormat must be a date-fns parse pattern (yyyy for years, d for days), received ${shown}`,
      );
    }
  });

  it("throws invalid_date at once for an unknown time zone, even without rows", () => {
    for (const [timeZone, shown] of [
      ["Mars/Base", '"Mars/Base"'],
      ["Europe/Pariss", '"Europe/Pariss"'],
    ] as const) {
      const error = errorOf(() => collect([], { timeZone }));
      expect(error.code).toBe("invalid_date");
      expect(error.message).toBe(`parseResponses: timeZone must be a known IANA time-zone name, received ${shown}`);
    }
    const empty = errorOf(() => collect([], { timeZone: "" }));
    expect(empty.code).toBe("invalid_option");
    expect(empty.message).toBe(
      'parseResponses: timeZone must be an IANA time-zone name such as "Europe/Paris", received ""',
    );
  });

  it("leaves a missing date absent", () => {
    const result = collect([{ score: 9, date: "" }, { score: 9, date: null }, { score: 9 }], {
      fields: { score: "score", date: "date" },
    });
    expect(result.responses).toEqual([{ score: 9 }, { score: 9 }, { score: 9 }]);
    expect(result.responses.every((response) => !("date" in response))).toBe(true);
  });
});

describe("parseResponses: weights, respondent ids and comments", () => {
  const fields = { score: "score", weight: "w", respondentId: "id", comment: "c" };

  it.each([
    ["1.5", 1.5],
    [" 2 ", 2],
    ["2e-1", 0.2],
    [".5", 0.5],
    ["+3", 3],
    [0.25, 0.25],
  ])("accepts the weight %j", (value, weight) => {
    expect(only([{ score: 9, w: value, id: "a", c: "x" }], { fields }).weight).toBe(weight);
  });

  it.each([
    [0, "0"],
    ["0", '"0"'],
    [-1, "-1"],
    ["-0.5", '"-0.5"'],
    ["abc", '"abc"'],
    ["1,5", '"1,5"'],
    ["1e999", '"1e999"'],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NaN, "NaN"],
    [true, "true"],
  ])("rejects the weight %j", (value, shown) => {
    const result = collect([{ score: 9, w: value, id: "a", c: "x" }], { fields });
    expect(result.issues).toEqual([
      {
        path: [0, "w"],
        message: `weight must be a finite number greater than 0, received ${shown}`,
        value,
        row: 1,
        field: "w",
      },
    ]);
  });

  it("keeps respondent ids exactly and turns safe integers into decimal strings", () => {
    const result = collect(
      [
        { score: 9, w: 1, id: " Ab-12 ", c: "x" },
        { score: 9, w: 1, id: 12345, c: "x" },
        { score: 9, w: 1, id: "NA", c: "x" },
      ],
      { fields },
    );
    expect(result.responses.map((response) => response.respondentId)).toEqual([" Ab-12 ", "12345", undefined]);
  });

  it.each([
    [1.5, "1.5"],
    [2 ** 53, "9007199254740992"],
    [true, "true"],
    [{}, "an object"],
  ])("rejects the respondent id %j", (value, shown) => {
    const result = collect([{ score: 9, w: 1, id: value, c: "x" }], { fields });
    expect(result.issues[0]?.message).toBe(`respondentId must be a string or a safe integer, received ${shown}`);
  });

  it("keeps comments as given; missing-value comments are absent; numbers become text", () => {
    const result = collect(
      [
        { score: 9, w: 1, id: "a", c: "  Great, but slow.  " },
        { score: 9, w: 1, id: "a", c: "" },
        { score: 9, w: 1, id: "a", c: 42 },
        { score: 9, w: 1, id: "a", c: ["x"] },
      ],
      { fields },
    );
    expect(result.responses.map((response) => response.comment)).toEqual(["  Great, but slow.  ", undefined, "42"]);
    expect(result.issues[0]?.message).toBe("comment must be a string, received an array");
  });

  it("leaves missing optional fields absent, never undefined-valued", () => {
    const response = only([{ score: "9", w: "1", id: null, c: "N/A" }], { fields });
    expect(Object.keys(response)).toEqual(["score", "weight"]);
  });

  it("reports every invalid field of a row", () => {
    const result = collect([{ score: "11", w: "0", id: 1.5, c: "ok" }], { fields });
    expect(result.counts.rejected).toBe(1);
    expect(result.issues.map((issue) => issue.field)).toEqual(["score", "id", "w"]);
  });
});

describe("parseResponses: attributes", () => {
  it("keeps strings as given, numbers and booleans as they are, missing values as null", () => {
    const response = only(
      [{ score: 9, plan: " Pro ", seats: 12, trial: false, country: "NA", region: null, team: "" }],
      { fields: { score: "score", attributes: ["plan", "seats", "trial", "country", "region", "team"] } },
    );
    expect(response.attributes).toEqual({
      plan: " Pro ",
      seats: 12,
      trial: false,
      country: null,
      region: null,
      team: null,
    });
    expect(Object.getPrototypeOf(response.attributes)).toBe(null);
  });

  it("gives every response every mapped attribute, null where a row lacks the column", () => {
    const result = collect([{ score: 9, plan: "pro" }, { score: 8 }], {
      fields: { score: "score", attributes: ["plan"] },
    });
    expect(result.responses.map((response) => response.attributes)).toEqual([{ plan: "pro" }, { plan: null }]);
  });

  it.each([
    [{}, "an object"],
    [[1], "an array"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
  ])("rejects the attribute value %s", (value, shown) => {
    const result = collect([{ score: 9, plan: value }], { fields: { score: "score", attributes: ["plan"] } });
    expect(result.issues).toEqual([
      {
        path: [0, "plan"],
        message: `attribute "plan" must be a string, a finite number, a boolean or null, received ${shown}`,
        value,
        row: 1,
        field: "plan",
      },
    ]);
  });

  it("has no attributes when none are mapped", () => {
    expect(only([{ score: 9, plan: "pro" }])).toEqual({ score: 9 });
  });
});

describe("parseResponses: untrusted column names", () => {
  it("does not pollute Object.prototype from a __proto__ key", () => {
    const row = JSON.parse('{"__proto__": {"polluted": 1}, "score": "9"}') as Row;
    const plain = only([row]);
    expect(plain).toEqual({ score: 9 });
    const result = collect([row], { fields: { score: "score", attributes: ["__proto__"] } });
    expect(result.issues[0]?.message).toBe(
      'attribute "__proto__" must be a string, a finite number, a boolean or null, received an object',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("keeps __proto__, constructor, prototype and toString as ordinary attribute names", () => {
    const names = ["__proto__", "constructor", "prototype", "toString"];
    const row = JSON.parse(
      '{"score": 10, "__proto__": "a", "constructor": "b", "prototype": "c", "toString": "d"}',
    ) as Row;
    const response = only([row], { fields: { score: "score", attributes: names } });
    const attributes = response.attributes as Record<string, unknown>;
    expect(Object.getPrototypeOf(attributes)).toBe(null);
    expect(Object.keys(attributes)).toEqual(names);
    expect(names.map((name) => attributes[name])).toEqual(["a", "b", "c", "d"]);
    expect(JSON.parse(JSON.stringify(response))).toEqual({
      score: 10,
      attributes: JSON.parse('{"__proto__": "a", "constructor": "b", "prototype": "c", "toString": "d"}'),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never reads inherited members for a column a row lacks", () => {
    const result = collect([{ score: 9, toString: "hello", constructor: "c" }, { score: 8 }], {
      fields: { score: "score", comment: "toString", attributes: ["constructor"] },
    });
    expect(result.responses).toEqual([
      { score: 9, comment: "hello", attributes: { constructor: "c" } },
      { score: 8, attributes: { constructor: null } },
    ]);
  });

  it("does not take a score from Object.prototype", () => {
    const error = errorOf(() => parseResponses([{ score: 9 }], { fields: { score: "valueOf" } }));
    expect(error.code).toBe("invalid_option");
  });
});

describe("parseResponses: rows, counts and modes", () => {
  it("rejects rows that are not objects", () => {
    const result = collect([{ score: 9 }, null, "9", [9], undefined] as unknown as Row[]);
    expect(result.counts).toEqual({ rows: 5, accepted: 1, skipped: 0, rejected: 4 });
    expect(result.issues).toEqual([
      { path: [1], message: "row must be an object, received null", value: null, row: 2 },
      { path: [2], message: 'row must be an object, received "9"', value: "9", row: 3 },
      { path: [3], message: "row must be an object, received an array", value: [9], row: 4 },
      { path: [4], message: "row must be an object, received undefined", value: undefined, row: 5 },
    ]);
  });

  it("numbers rows from firstRow, keeping array indices in paths", () => {
    const result = collect([{ score: 9 }, { score: "x" }, { score: "" }], { firstRow: 1001, missingScore: "skip" });
    expect(result.issues[0]).toMatchObject({ path: [1, "score"], row: 1002 });
    expect(result.skipped).toEqual([{ row: 1003, reason: 'score is missing, received ""' }]);
  });

  it("throws one NpsValidationError listing every issue in strict mode", () => {
    const rows = [
      { score: "9", w: "1" },
      { score: "11", w: "0" },
      { score: "x", w: "1" },
      { score: "8.5", w: "1" },
      { score: 3, w: "1" },
      { score: true, w: "1" },
    ];
    let caught: unknown;
    try {
      parseResponses(rows, { fields: { score: "score", weight: "w" } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NpsValidationError);
    const error = caught as NpsValidationError;
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe(
      'parseResponses: 4 of 6 rows are invalid: row 2 score must be an integer from 0 to 10, received "11"; ' +
        'row 2 weight must be a finite number greater than 0, received "0"; ' +
        'row 3 score must be an integer from 0 to 10, received "x"; and 2 more issues',
    );
    expect(error.issues.map((issue) => [issue.row, issue.field])).toEqual([
      [2, "score"],
      [2, "w"],
      [3, "score"],
      [4, "score"],
      [6, "score"],
    ]);
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [1, "score"],
      [1, "w"],
      [2, "score"],
      [3, "score"],
      [5, "score"],
    ]);
  });

  it("says 'is' for a single invalid row", () => {
    const error = errorOf(() => parseResponses([{ score: 1 }, { score: "" }], { fields: { score: "score" } }));
    expect(error.message).toBe(
      'parseResponses: 1 of 2 rows is invalid: row 2 score must be an integer from 0 to 10, received ""',
    );
  });

  it("returns normally in strict mode when rows are only skipped", () => {
    const result = parseResponses([{ score: 1 }, { score: "" }], { fields: { score: "score" }, missingScore: "skip" });
    expect(result).toEqual({
      responses: [{ score: 1 }],
      skipped: [{ row: 2, reason: 'score is missing, received ""' }],
      issues: [],
      undated: [],
      counts: { rows: 2, accepted: 1, skipped: 1, rejected: 0 },
    });
  });

  it("returns an empty result for no rows", () => {
    expect(parseResponses([], { fields: { score: "anything" } })).toEqual({
      responses: [],
      skipped: [],
      issues: [],
      undated: [],
      counts: { rows: 0, accepted: 0, skipped: 0, rejected: 0 },
    });
  });

  it("does not modify its input", () => {
    const rows = Object.freeze([Object.freeze({ score: " 9 ", plan: "NA" }), Object.freeze({ score: "x" })]);
    const fields = Object.freeze({ score: "score", attributes: Object.freeze(["plan"]) });
    collect(rows, { fields });
    expect(rows).toEqual([{ score: " 9 ", plan: "NA" }, { score: "x" }]);
  });
});

describe("parseResponses: options", () => {
  it("throws invalid_input when rows is not an array", () => {
    const error = errorOf(() => parseResponses("score\n9" as never, { fields: { score: "score" } }));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe('parseResponses: rows must be an array, received "score\\n9"');
  });

  it("throws invalid_option when a mapped column is in no row, listing the columns", () => {
    const rows = [{ Score: 9, Date: "2026-03-01" }];
    let error = errorOf(() => parseResponses(rows, { fields: { score: "score" } }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(
      'parseResponses: fields.score must name a column of the rows, received "score" (columns: "Score", "Date")',
    );
    error = errorOf(() => parseResponses(rows, { fields: { score: "Score", date: "date" } }));
    expect(error.message).toBe(
      'parseResponses: fields.date must name a column of the rows, received "date" (columns: "Score", "Date")',
    );
    error = errorOf(() => parseResponses(rows, { fields: { score: "Score", attributes: ["plan"] } }));
    expect(error.message).toBe(
      'parseResponses: fields.attributes must name a column of the rows, received "plan" (columns: "Score", "Date")',
    );
  });

  it("accepts a column found in any row", () => {
    const result = collect([{ score: 9 }, { score: 8, plan: "pro" }], {
      fields: { score: "score", attributes: ["plan"] },
    });
    expect(result.counts.accepted).toBe(2);
  });

  it.each([
    [{ fields: undefined }, "fields must be an object naming at least the score column, received undefined"],
    [{ fields: {} }, "fields.score must be a non-empty column name, received undefined"],
    [{ fields: { score: "" } }, 'fields.score must be a non-empty column name, received ""'],
    [{ fields: { score: "s", date: 3 } }, "fields.date must be a non-empty column name, received 3"],
    [
      { fields: { score: "s", attributes: "plan" } },
      'fields.attributes must be an array of column names, received "plan"',
    ],
    [
      { fields: { score: "s", attributes: ["a", 1] } },
      "fields.attributes must be an array of non-empty column names, received 1",
    ],
    [
      { fields: { score: "s", attributes: ["a", "a"] } },
      'fields.attributes must be an array of distinct column names, received "a"',
    ],
    [{ fields: { score: "s" }, missingScore: "drop" }, 'missingScore must be "reject" or "skip", received "drop"'],
    [{ fields: { score: "s" }, missingValues: "NA" }, 'missingValues must be an array of strings, received "NA"'],
    [{ fields: { score: "s" }, missingValues: [null] }, "missingValues must be an array of strings, received an array"],
    [{ fields: { score: "s" }, mode: "lenient" }, 'mode must be "strict" or "collect", received "lenient"'],
    [{ fields: { score: "s" }, firstRow: 1.5 }, "firstRow must be an integer >= 0, received 1.5"],
    [{ fields: { score: "s" }, firstRow: -1 }, "firstRow must be an integer >= 0, received -1"],
    [{ fields: { score: "s" }, scale: { min: 0 } }, "scale must be a scale made by defineScale, received an object"],
  ])("throws invalid_option for %j", (options, message) => {
    const error = errorOf(() => parseResponses([{ s: 9 }], options as unknown as ParseOptions));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`parseResponses: ${message}`);
  });

  it("throws invalid_option when options are missing", () => {
    const error = errorOf(() => parseResponses([], undefined as unknown as ParseOptions));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("parseResponses: options must be an object with a fields mapping, received undefined");
  });
});

describe("parseResponses: a mapped weight column", () => {
  it("rejects a scored row whose weight is missing instead of weighting it 1", () => {
    const result = parseResponses(
      [
        { score: "9", w: "2" },
        { score: "7", w: "" },
        { score: "", w: "" },
      ],
      { fields: { score: "score", weight: "w" }, mode: "collect", missingScore: "skip" },
    );
    expect(result.counts).toEqual({ rows: 3, accepted: 1, skipped: 1, rejected: 1 });
    expect(result.issues).toEqual([
      {
        path: [1, "w"],
        message:
          'weight must be present when a weight column is mapped (a blank weight is never taken as 1), received ""',
        value: "",
        row: 2,
        field: "w",
      },
    ]);
  });
});
