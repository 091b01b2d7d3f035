import { describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/index.js";
import { nps, sampleResponses, tallyResponses } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const DAY = 86_400_000;
const start = Date.UTC(2024, 11, 1);
const end = Date.UTC(2026, 11, 1);

function npsOf(responses: ReadonlyArray<NpsResponse>): number {
  const value = nps(tallyResponses(responses));
  if (value === undefined) throw new Error("no responses");
  return value;
}

describe("sampleResponses", () => {
  const responses = sampleResponses();

  it("is deterministic: the same seed gives deep-equal data, another seed other data", () => {
    expect(sampleResponses()).toEqual(responses);
    expect(sampleResponses({ seed: 2026, size: 2000 })).toEqual(responses);
    const other = sampleResponses({ seed: 1 });
    expect(other).toHaveLength(2000);
    expect(other).not.toEqual(responses);
    expect(sampleResponses({ seed: 1 })).toEqual(other);
  });

  it("returns a new array on each call", () => {
    const again = sampleResponses({ size: 3 });
    expect(again).not.toBe(sampleResponses({ size: 3 }));
  });

  it("has 2000 valid responses by default, sorted by date, inside 2024-12-01..2026-11-30 UTC", () => {
    expect(responses).toHaveLength(2000);
    for (const response of responses) {
      expect(Number.isInteger(response.score) && response.score >= 0 && response.score <= 10).toBe(true);
      const time = response.date?.getTime() ?? Number.NaN;
      expect(time >= start && time < end).toBe(true);
    }
    const times = responses.map((response) => response.date?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The data span the whole period, both ends.
    expect((times[0] ?? 0) - start).toBeLessThan(7 * DAY);
    expect(end - (times.at(-1) ?? 0)).toBeLessThan(7 * DAY);
  });

  it("honours size, including 0", () => {
    expect(sampleResponses({ size: 0 })).toEqual([]);
    expect(sampleResponses({ size: 1 })).toHaveLength(1);
    expect(sampleResponses({ size: 5000 })).toHaveLength(5000);
  });

  it("has every attribute: plan, channel and spend always, country except a few nulls", () => {
    const plans = new Set<unknown>();
    const channels = new Set<unknown>();
    const countries = new Set<unknown>();
    for (const response of responses) {
      const attributes = response.attributes ?? {};
      expect(Object.keys(attributes).sort()).toEqual(["channel", "country", "plan", "spend"]);
      plans.add(attributes.plan);
      channels.add(attributes.channel);
      countries.add(attributes.country);
      expect(typeof attributes.spend).toBe("number");
      expect(attributes.spend as number).toBeGreaterThan(0);
    }
    expect([...plans].sort()).toEqual(["business", "enterprise", "free", "team"]);
    expect([...channels].sort()).toEqual(["email", "in-app", "web"]);
    expect(countries.has(null)).toBe(true);
    expect(countries.size).toBeGreaterThanOrEqual(5);
    const missing = responses.filter((response) => response.attributes?.country === null).length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(responses.length / 20);
  });

  it("has a skewed spend (mean well above the median)", () => {
    const spend = responses.map((response) => response.attributes?.spend as number).sort((a, b) => a - b);
    const mean = spend.reduce((sum, value) => sum + value, 0) / spend.length;
    const median = spend[Math.floor(spend.length / 2)] as number;
    expect(mean).toBeGreaterThan(2 * median);
  });

  it("has repeat respondents who answer 2 to 4 times, 60 to 120 days apart", () => {
    const byRespondent = new Map<string, number[]>();
    for (const response of responses) {
      const id = response.respondentId as string;
      expect(id).toMatch(/^C\d{5}$/);
      byRespondent.set(id, [...(byRespondent.get(id) ?? []), response.date?.getTime() ?? 0]);
    }
    const repeats = [...byRespondent.values()].filter((times) => times.length > 1);
    expect(repeats.length).toBeGreaterThan(100);
    for (const times of byRespondent.values()) {
      expect(times.length).toBeLessThanOrEqual(4);
      for (let i = 1; i < times.length; i++) {
        const gap = ((times[i] as number) - (times[i - 1] as number)) / DAY;
        expect(gap).toBeGreaterThanOrEqual(60);
        expect(gap).toBeLessThan(122);
      }
    }
  });

  it("has a few comments, all short, and most responses without one", () => {
    const comments = responses.filter((response) => response.comment !== undefined);
    expect(comments.length).toBeGreaterThan(50);
    expect(comments.length).toBeLessThan(responses.length / 4);
    for (const response of comments) expect((response.comment as string).length).toBeLessThan(80);
    expect(new Set(comments.map((response) => response.comment)).size).toBeGreaterThanOrEqual(9);
  });

  it("has a business plan that improves and a free plan that declines (last 6 months vs first 6)", () => {
    const firstHalfYear = Date.UTC(2025, 5, 1);
    const lastHalfYear = Date.UTC(2026, 5, 1);
    const cut = (plan: string) => {
      const segment = responses.filter((response) => response.attributes?.plan === plan);
      return {
        first: npsOf(segment.filter((response) => (response.date?.getTime() ?? 0) < firstHalfYear)),
        last: npsOf(segment.filter((response) => (response.date?.getTime() ?? 0) >= lastHalfYear)),
      };
    };
    const business = cut("business");
    const free = cut("free");
    expect(business.last - business.first).toBeGreaterThan(20);
    expect(free.first - free.last).toBeGreaterThan(20);
  });

  it("relates spend weakly and positively to the score", () => {
    const xs = responses.map((response) => Math.log(response.attributes?.spend as number));
    const ys = responses.map((response) => response.score);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < xs.length; i++) {
      const dx = (xs[i] as number) - mx;
      const dy = (ys[i] as number) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    const correlation = sxy / Math.sqrt(sxx * syy);
    expect(correlation).toBeGreaterThan(0.05);
    expect(correlation).toBeLessThan(0.5);
  });

  it("gives a plausible overall NPS with every category present", () => {
    const counts = tallyResponses(responses);
    expect(counts.promoters).toBeGreaterThan(0);
    expect(counts.passives).toBeGreaterThan(0);
    expect(counts.detractors).toBeGreaterThan(0);
    const score = npsOf(responses);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(50);
  });

  it("gives attribute objects without a prototype", () => {
    expect(Object.getPrototypeOf(responses[0]?.attributes)).toBe(null);
  });

  it.each([
    [{ size: -1 }, "sampleResponses: size must be an integer from 0 to 1000000, received -1"],
    [{ size: 2.5 }, "sampleResponses: size must be an integer from 0 to 1000000, received 2.5"],
    [{ size: 1_000_001 }, "sampleResponses: size must be an integer from 0 to 1000000, received 1000001"],
    [{ seed: 1.5 }, "sampleResponses: seed must be a safe integer, received 1.5"],
    [{ seed: Number.NaN }, "sampleResponses: seed must be a safe integer, received NaN"],
  ])("rejects %o with invalid_option", (options, message) => {
    const error = errorOf(() => sampleResponses(options));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(message);
  });
});
