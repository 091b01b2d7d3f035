import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/core/response.js";
import {
  type ChartSpec,
  distributionChart,
  migrationChart,
  segmentChart,
  trendChart,
  trendSharesChart,
} from "../../src/report/charts.js";
import { overview } from "../../src/report/overview.js";
import { sampleResponses } from "../../src/sample/sampleResponses.js";
import { crossSegment } from "../../src/segments/crossSegment.js";
import { segmentBy } from "../../src/segments/segmentBy.js";
import { segmentByTiers } from "../../src/segments/segmentByTiers.js";
import { rollingTrend } from "../../src/trends/rollingTrend.js";
import { trend } from "../../src/trends/trend.js";
import { trendBy } from "../../src/trends/trendBy.js";
import { errorOf } from "../helpers/errors.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';

type Row = Record<string, unknown>;
type View = { mark?: unknown; encoding?: Record<string, { field?: string; type?: string }>; data?: unknown };

function rowsOf(spec: ChartSpec): Row[] {
  return (spec.data as { values: Row[] }).values;
}

function markType(view: View): string {
  return typeof view.mark === "string" ? view.mark : (view.mark as { type: string }).type;
}

/** Every field an encoding channel names must be a column of the data (the chart would be empty otherwise). */
function expectFieldsInData(spec: ChartSpec): void {
  const columns = new Set(rowsOf(spec).flatMap((row) => Object.keys(row)));
  const views: View[] = [spec as View, ...((spec.layer as View[] | undefined) ?? [])];
  for (const view of views) {
    const ownColumns =
      view.data === undefined
        ? columns
        : new Set((view.data as { values: Row[] }).values.flatMap((row) => Object.keys(row)));
    for (const [channel, definition] of Object.entries({ ...(spec.encoding as View["encoding"]), ...view.encoding })) {
      const definitions = Array.isArray(definition) ? definition : [definition];
      for (const item of definitions as Array<{ field?: string; type?: string }>) {
        if (item.field === undefined) continue;
        expect(ownColumns.has(item.field), `${channel}: ${item.field}`).toBe(true);
        if (!["x2", "y2"].includes(channel)) {
          expect(["quantitative", "ordinal", "nominal", "temporal"], `${channel} type`).toContain(item.type);
        }
      }
    }
  }
}

/** Vega-Lite compiles the spec to Vega without a warning or an error. */
function expectCompiles(spec: ChartSpec): void {
  const messages: string[] = [];
  const logger = {
    level() {
      return this;
    },
    warn: (...args: unknown[]) => {
      messages.push(`warn: ${args.join(" ")}`);
      return logger;
    },
    error: (...args: unknown[]) => {
      messages.push(`error: ${args.join(" ")}`);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const vega = compile(spec as never, { logger: logger as never }).spec;
  expect(messages).toEqual([]);
  expect(vega.marks?.length ?? 0).toBeGreaterThan(0);
}

/** A spec is plain JSON: it survives a JSON round trip unchanged, with no NaN, Infinity or -0. */
function expectPlainJson(spec: ChartSpec): void {
  const text = JSON.stringify(spec);
  expect(JSON.parse(text)).toEqual(spec);
  const walk = (value: unknown): void => {
    if (typeof value === "number") {
      expect(Number.isFinite(value)).toBe(true);
      expect(Object.is(value, -0)).toBe(false);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(spec);
}

function dated(score: number, iso: string, plan?: string): NpsResponse {
  return { score, date: new Date(iso), ...(plan === undefined ? {} : { attributes: { plan } }) };
}

describe("trendChart", () => {
  const responses = [
    dated(10, "2026-01-05T10:00:00Z", "pro"),
    dated(9, "2026-01-15T10:00:00Z", "free"),
    dated(3, "2026-01-20T10:00:00Z", "free"),
    dated(8, "2026-03-20T10:00:00Z", "pro"),
    dated(2, "2026-03-21T10:00:00Z", "pro"),
  ];

  it("draws an interval band, an NPS line and points whose data are the trend's points", () => {
    const result = trend(responses);
    const spec = trendChart(result);
    expect(spec.$schema).toBe(SCHEMA);
    expect(spec.title).toBe("NPS by month (UTC)");
    expect((spec.layer as View[]).map(markType)).toEqual(["area", "line", "point"]);
    expect((spec.encoding as { x: { sort: string[] } }).x.sort).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(rowsOf(spec)).toEqual(
      result.points.map((point) => ({
        period: point.label,
        index: point.index,
        n: point.n,
        nps: point.nps ?? null,
        lower: point.interval?.lower ?? null,
        upper: point.interval?.upper ?? null,
        small: point.small,
        bandLower: point.small ? null : (point.interval?.lower ?? null),
        bandUpper: point.small ? null : (point.interval?.upper ?? null),
      })),
    );
    expect(rowsOf(spec)[1]).toMatchObject({ period: "2026-02", n: 0, nps: null, lower: null, upper: null });
    expectFieldsInData(spec);
    expectPlainJson(spec);
    expectCompiles(spec);
  });

  it("draws small periods hollow and without a band, with a legend naming the threshold", () => {
    // 3 answers in January, 2 in March: with minResponses 3, March is small and January is not.
    const spec = trendChart(trend(responses, { minResponses: 3 }));
    const rows = rowsOf(spec);
    expect(rows.map((row) => [row.period, row.small])).toEqual([
      ["2026-01", false],
      ["2026-02", false],
      ["2026-03", true],
    ]);
    expect(rows[0]?.bandLower).toBe(rows[0]?.lower);
    expect(rows[2]?.lower).not.toBeNull();
    expect([rows[2]?.bandLower, rows[2]?.bandUpper]).toEqual([null, null]);
    const points = (spec.layer as View[])[2] as View & { encoding: { fill: Record<string, unknown> } };
    expect(points.encoding.fill).toMatchObject({
      field: "small",
      scale: { domain: [false, true], range: ["#2c6fbb", "#ffffff"] },
      legend: { title: "Fewer than 3 responses" },
    });
    expect(
      ((trendChart(trend(responses, { minResponses: 1 })).layer as View[])[2] as typeof points).encoding.fill.legend,
    ).toBeNull();
    expectCompiles(spec);
  });

  it("keeps red, grey and green for the categories: the NPS line and band are blue in every panel", () => {
    for (const spec of [trendChart(trend(responses)), trendChart(trendBy(responses, "plan"))]) {
      const layers = ((spec.layer ?? (spec.spec as { layer: View[] }).layer) as View[]).map(
        (view) => view.mark as { color?: string },
      );
      expect(layers.map((mark) => mark.color)).toEqual(["#2c6fbb", "#2c6fbb", "#2c6fbb"]);
      expect(JSON.stringify(spec)).not.toMatch(/#d6604d|#a3a3a3|#1b9e77|"color":\{"field"/);
    }
  });

  it("draws per-segment trends as small multiples: one panel per segment, in key order, on shared axes", () => {
    const spec = trendChart(trendBy(responses, "plan"));
    expect(spec.title).toBe("NPS by month and segment (UTC)");
    const rows = rowsOf(spec);
    expect([...new Set(rows.map((row) => row.segment))]).toEqual(["free", "pro"]);
    expect(rows.map((row) => row.order)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(spec.facet).toMatchObject({ row: { field: "segment", sort: { field: "order", op: "min" } } });
    expect(spec.resolve).toEqual({ scale: { x: "shared", y: "shared" } });
    const inner = spec.spec as { width: number; height: number; encoding: { x: { sort: string[] } }; layer: View[] };
    expect([inner.width, inner.height]).toEqual([560, 110]);
    expect(inner.encoding.x.sort).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(inner.layer.map(markType)).toEqual(["area", "line", "point"]);
    expectPlainJson(spec);
    expectCompiles(spec);
  });

  it("writes period labels horizontally, at most one every 64 pixels", () => {
    const daily = trend(responses, { period: "day" });
    const spec = trendChart(daily, { width: 320 });
    const axis = (spec.encoding as { x: { axis: { labelAngle: number; values?: string[] } } }).x.axis;
    expect(axis.labelAngle).toBe(0);
    // 76 days from 5 January to 21 March, room for 5 labels: every 16th day.
    expect(daily.points).toHaveLength(76);
    expect(axis.values).toEqual(["2026-01-05", "2026-01-21", "2026-02-06", "2026-02-22", "2026-03-10"]);
    expect((trendChart(trend(responses)).encoding as { x: { axis: object } }).x.axis).toEqual({
      labelAngle: 0,
      labelOverlap: true,
    });
    const shares = trendSharesChart(daily, { width: 320 });
    expect((shares.encoding as { x: { axis: object } }).x.axis).toEqual(axis);
    expectCompiles(spec);
  });

  it("names the window of a rolling trend and takes a title and a size", () => {
    const spec = trendChart(rollingTrend(responses, { window: { days: 30 }, step: "week" }), {
      title: "Last 30 days",
      width: 300,
      height: 100,
    });
    expect([spec.title, spec.width, spec.height]).toEqual(["Last 30 days", 300, 100]);
    expect(trendChart(rollingTrend(responses, { window: { days: 30 } })).title).toBe(
      "NPS, trailing 30-day windows (UTC)",
    );
  });

  it("gives an empty chart for an empty trend", () => {
    const spec = trendChart(trend([]));
    expect(rowsOf(spec)).toEqual([]);
    expectPlainJson(spec);
  });

  it("rejects what is not a trend, and bad options", () => {
    const error = errorOf(() => trendChart({} as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "trendChart: trend must be the result of trend, rollingTrend or trendBy, received an object",
    );
    const width = errorOf(() => trendChart(trend(responses), { width: 0 }));
    expect(width.code).toBe("invalid_option");
    expect(width.message).toBe("trendChart: width must be a finite number greater than 0, received 0");
    const height = errorOf(() => trendChart(trend(responses), { height: Number.NaN }));
    expect(height.message).toBe("trendChart: height must be a finite number greater than 0, received NaN");
    const title = errorOf(() => trendChart(trend(responses), { title: 3 as never }));
    expect(title.code).toBe("invalid_option");
    expect(title.message).toBe("trendChart: title must be a string, received 3");
  });
});

describe("trendSharesChart", () => {
  const responses = [
    dated(10, "2026-01-05T10:00:00Z", "pro"),
    dated(8, "2026-01-15T10:00:00Z", "free"),
    dated(3, "2026-03-20T10:00:00Z", "pro"),
  ];

  it("stacks the three shares of each non-empty period, adding up to 1", () => {
    const spec = trendSharesChart(trend(responses));
    expect(markType(spec as View)).toBe("bar");
    const rows = rowsOf(spec);
    expect(rows.map((row) => [row.period, row.category, row.share, row.count])).toEqual([
      ["2026-01", "detractor", 0, 0],
      ["2026-01", "passive", 0.5, 1],
      ["2026-01", "promoter", 0.5, 1],
      ["2026-03", "detractor", 1, 1],
      ["2026-03", "passive", 0, 0],
      ["2026-03", "promoter", 0, 0],
    ]);
    const color = (spec.encoding as { color: { scale: { domain: string[]; range: string[] } } }).color;
    expect(color.scale.domain).toEqual(["detractor", "passive", "promoter"]);
    expect(color.scale.range).toHaveLength(3);
    expectFieldsInData(spec);
    expectPlainJson(spec);
    expectCompiles(spec);
  });

  it("draws one row of bars per segment for trendBy", () => {
    const spec = trendSharesChart(trendBy(responses, "plan"));
    expect((spec.encoding as { row: unknown }).row).toMatchObject({ field: "segment", type: "nominal", title: null });
    expect([...new Set(rowsOf(spec).map((row) => row.segment))]).toEqual(["free", "pro"]);
    expectFieldsInData(spec);
    expectCompiles(spec);
  });

  it("rejects what is not a trend", () => {
    const error = errorOf(() => trendSharesChart(null as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "trendSharesChart: trend must be the result of trend, rollingTrend or trendBy, received null",
    );
  });
});

describe("segmentChart", () => {
  const responses: NpsResponse[] = [
    ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 3 : 10, attributes: { plan: "pro", size: i } })),
    ...Array.from({ length: 20 }, (_, i) => ({ score: i % 2 === 0 ? 2 : 9, attributes: { plan: HOSTILE, size: i } })),
  ];

  it("draws a forest plot: interval rules, NPS points and a rule at the overall NPS", () => {
    const breakdown = segmentBy(responses, "plan");
    const spec = segmentChart(breakdown);
    const layers = spec.layer as View[];
    expect(layers.map(markType)).toEqual(["rule", "rule", "point"]);
    expect(((layers[0] as View).data as { values: Row[] }).values).toEqual([{ overall: breakdown.total?.nps }]);
    expect(rowsOf(spec)).toEqual(
      breakdown.segments.map((segment, order) => ({
        segment: segment.label,
        order,
        n: segment.n,
        share: segment.share,
        nps: segment.nps,
        lower: segment.interval.lower,
        upper: segment.interval.upper,
        vsRest: segment.vsRest?.difference ?? null,
        small: segment.small,
      })),
    );
    // The labels are data, kept exactly as they are; the HTML report escapes them where it inlines them.
    expect(rowsOf(spec).map((row) => row.segment)).toEqual([HOSTILE, "pro"]);
    expectFieldsInData(spec);
    expectPlainJson(spec);
    expectCompiles(spec);
  });

  it("sizes the chart by the number of segments and works for tiers and cells", () => {
    expect(segmentChart(segmentBy(responses, "plan")).height).toBe(60);
    const tiers = segmentChart(segmentByTiers(responses, "size", { tiers: 4 }));
    expect(rowsOf(tiers)).toHaveLength(4);
    expect(tiers.height).toBe(104);
    // The plan crossed with itself through a function (crossing an attribute name with itself is refused).
    const planAgain = (response: NpsResponse) => (response.attributes?.plan as string | undefined) ?? null;
    const cells = segmentChart(crossSegment(responses, ["plan", planAgain]));
    expect(rowsOf(cells).map((row) => row.segment)).toEqual([`${HOSTILE} × ${HOSTILE}`, "pro × pro"]);
    expectFieldsInData(cells);
    expectCompiles(tiers);
    expectCompiles(cells);
  });

  it("has no overall rule when no response is in a segment", () => {
    const spec = segmentChart(
      segmentBy([{ score: 3, attributes: { plan: "a" } }, { score: 9 }], (r) => (r.score > 5 ? undefined : "a")),
    );
    expect((spec.layer as View[]).length).toBe(3);
    const empty = segmentChart(segmentBy([{ score: 9 }], () => undefined));
    expect((empty.layer as View[]).map(markType)).toEqual(["rule", "point"]);
    expect(rowsOf(empty)).toEqual([]);
    expectPlainJson(empty);
    expectCompiles(empty);
  });

  it("rejects what is not a breakdown", () => {
    const error = errorOf(() => segmentChart([] as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "segmentChart: breakdown must be the result of segmentBy, segmentByTiers or crossSegment, received an array",
    );
  });
});

describe("distributionChart", () => {
  it("draws one bar per score coloured by category, from an overview or from entries", () => {
    const result = overview({ responses: sampleResponses({ size: 300 }) });
    const spec = distributionChart(result);
    expect(markType(spec as View)).toBe("bar");
    const rows = rowsOf(spec);
    expect(rows.map((row) => row.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.map((row) => [row.category, row.count])).toEqual(
      result.distribution.map((entry) => [entry.category, entry.count]),
    );
    expect(rows.reduce((sum, row) => sum + (row.share as number), 0)).toBeCloseTo(1, 12);
    expect(distributionChart(result.distribution)).toEqual(spec);
    expectFieldsInData(spec);
    expectPlainJson(spec);
    expectCompiles(spec);
  });

  it("has null shares when there are no answers", () => {
    const rows = rowsOf(distributionChart(overview({ responses: [] })));
    expect(rows).toHaveLength(11);
    expect(rows.every((row) => row.count === 0 && row.share === null)).toBe(true);
  });

  it("rejects what is neither an overview nor entries", () => {
    const error = errorOf(() => distributionChart("scores" as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      'distributionChart: input must be an overview or an array of distribution entries, received "scores"',
    );
  });
});

describe("migrationChart", () => {
  it("fills the nine cells, detractors first, with row shares and labels", () => {
    const spec = migrationChart([
      { from: "detractor", to: "promoter", count: 1 },
      { from: "promoter", to: "promoter", count: 2 },
      { from: "promoter", to: "detractor", count: 1 },
    ]);
    const rows = rowsOf(spec);
    expect(rows.map((row) => [row.from, row.to, row.count, row.rowShare, row.label])).toEqual([
      ["detractor", "detractor", 0, 0, "0 (0%)"],
      ["detractor", "passive", 0, 0, "0 (0%)"],
      ["detractor", "promoter", 1, 1, "1 (100%)"],
      ["passive", "detractor", 0, null, "0"],
      ["passive", "passive", 0, null, "0"],
      ["passive", "promoter", 0, null, "0"],
      ["promoter", "detractor", 1, 1 / 3, "1 (33%)"],
      ["promoter", "passive", 0, 0, "0 (0%)"],
      ["promoter", "promoter", 2, 2 / 3, "2 (67%)"],
    ]);
    expect((spec.layer as View[]).map(markType)).toEqual(["rect", "text"]);
    expectFieldsInData(spec);
    expectPlainJson(spec);
    expectCompiles(spec);
  });

  it("takes a table of rows by first-wave category, with weighted counts", () => {
    const spec = migrationChart({
      promoters: { promoters: 2, passives: 0, detractors: 1 },
      passives: { promoters: 1.5, passives: 0.5, detractors: 0 },
      detractors: { promoters: 0, passives: 0, detractors: 4 },
    });
    const rows = rowsOf(spec);
    expect(rows.find((row) => row.from === "passive" && row.to === "promoter")).toEqual({
      from: "passive",
      to: "promoter",
      count: 1.5,
      rowShare: 0.75,
      label: "1.5 (75%)",
    });
  });

  it("rejects unknown categories, bad counts and repeated cells", () => {
    const category = errorOf(() => migrationChart([{ from: "fan" as never, to: "promoter", count: 1 }]));
    expect(category.code).toBe("invalid_input");
    expect(category.message).toBe(
      'migrationChart: table[0] must have from and to among "promoter", "passive", "detractor", received "fan"',
    );
    const count = errorOf(() => migrationChart([{ from: "passive", to: "promoter", count: -1 }]));
    expect(count.message).toBe(
      "migrationChart: table[0].count must be a finite number greater than or equal to 0, received -1",
    );
    const twice = errorOf(() =>
      migrationChart([
        { from: "passive", to: "promoter", count: 1 },
        { from: "passive", to: "promoter", count: 2 },
      ]),
    );
    expect(twice.message).toBe(
      'migrationChart: table[1] must be the only cell from passive to promoter, received "passive>promoter"',
    );
    const shape = errorOf(() => migrationChart({ promoters: {} } as never));
    expect(shape.code).toBe("invalid_input");
    expect(shape.message).toBe(
      "migrationChart: table must be an array of { from, to, count } cells or a migration table, received an object",
    );
  });
});
