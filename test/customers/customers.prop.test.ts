import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dueForResurvey,
  followUpQueue,
  migrationBetween,
  type NpsResponse,
  nps,
  tallyResponses,
} from "../../src/index.js";

const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** Responses of a few respondents (ids drawn from a small set so that they repeat), distinct dates. */
const wave = fc
  .array(
    fc.record({
      score: fc.integer({ min: 0, max: 10 }),
      id: fc.option(fc.constantFrom("A", "B", "C", "D", "E", "a", "F ", "G"), { nil: undefined, freq: 8 }),
    }),
    { maxLength: 40 },
  )
  .map((drafts) =>
    drafts.map(
      (draft, k): NpsResponse => ({
        score: draft.score,
        date: new Date(START + k * 3 * DAY),
        ...(draft.id === undefined ? {} : { respondentId: draft.id }),
      }),
    ),
  );

function shuffled<T>(items: ReadonlyArray<T>, seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** The latest answer of each respondent of a wave, by id (dates are distinct). */
function latestById(responses: ReadonlyArray<NpsResponse>): Map<string, NpsResponse> {
  const latest = new Map<string, NpsResponse>();
  for (const response of responses) {
    if (response.respondentId == null) continue;
    const current = latest.get(response.respondentId);
    if (current === undefined || (response.date as Date) > (current.date as Date)) {
      latest.set(response.respondentId, response);
    }
  }
  return latest;
}

describe("migration properties", () => {
  it("the table's cells add up to the matched panel", () => {
    fc.assert(
      fc.property(wave, wave, (before, after) => {
        const result = migrationBetween(before, after);
        const total = [result.table.promoters, result.table.passives, result.table.detractors].reduce(
          (sum, row) => sum + row.promoters + row.passives + row.detractors,
          0,
        );
        expect(total).toBe(result.matched);
        const first = latestById(before);
        const second = latestById(after);
        expect(result.matched + result.onlyBefore).toBe(first.size);
        expect(result.matched + result.onlyAfter).toBe(second.size);
      }),
    );
  });

  it("the panel NPS before and after equal the NPS of the matched responses", () => {
    fc.assert(
      fc.property(wave, wave, (before, after) => {
        const result = migrationBetween(before, after);
        const first = latestById(before);
        const second = latestById(after);
        const ids = [...first.keys()].filter((id) => second.has(id));
        const matchedBefore = ids.map((id) => first.get(id) as NpsResponse);
        const matchedAfter = ids.map((id) => second.get(id) as NpsResponse);
        expect(result.before.nps).toBe(nps(tallyResponses(matchedBefore)));
        expect(result.after.nps).toBe(nps(tallyResponses(matchedAfter)));
        if (result.change !== undefined && result.after.nps !== undefined && result.before.nps !== undefined) {
          expect(result.change.estimate).toBeCloseTo(result.after.nps - result.before.nps, 9);
        }
      }),
    );
  });

  it("matching is unaffected by the order of the responses", () => {
    fc.assert(
      fc.property(wave, wave, fc.integer(), (before, after, seed) => {
        const result = migrationBetween(before, after);
        const reordered = migrationBetween(shuffled(before, seed), shuffled(after, seed + 1));
        expect(reordered).toEqual(result);
      }),
    );
  });
});

describe("dueForResurvey properties", () => {
  it("every respondent is due at most once, and appears in exactly one list", () => {
    fc.assert(
      fc.property(wave, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 150 }), (responses, day, days) => {
        const schedule = dueForResurvey(responses, { asOf: new Date(START + day * DAY), minDays: days });
        const due = schedule.due.map((entry) => entry.respondentId);
        expect(new Set(due).size).toBe(due.length);
        const all = [...due, ...schedule.throttled.map((entry) => entry.respondentId), ...schedule.undated];
        expect(new Set(all).size).toBe(all.length);
      }),
    );
  });

  it("is unaffected by the order of the responses", () => {
    fc.assert(
      fc.property(wave, fc.integer(), (responses, seed) => {
        const asOf = new Date(START + 100 * DAY);
        expect(dueForResurvey(shuffled(responses, seed), { asOf })).toEqual(dueForResurvey(responses, { asOf }));
      }),
    );
  });
});

describe("followUpQueue properties", () => {
  it("contains each eligible response exactly once and respects the capacity per day", () => {
    fc.assert(
      fc.property(
        wave,
        fc.integer({ min: 1, max: 7 }),
        fc.subarray(["promoter", "passive", "detractor"] as const, { minLength: 1 }),
        (responses, capacity, categories) => {
          const queue = followUpQueue(responses, {
            capacityPerDay: capacity,
            categories,
            startDate: new Date(START),
          });
          const eligible = responses
            .map((response, index) => ({ response, index }))
            .filter(({ response }) => {
              const category = response.score >= 9 ? "promoter" : response.score >= 7 ? "passive" : "detractor";
              return (categories as ReadonlyArray<string>).includes(category);
            })
            .map(({ index }) => index);
          expect(queue.entries.map((entry) => entry.index).sort((a, b) => a - b)).toEqual(eligible);
          const perDay = new Map<string, number>();
          for (const entry of queue.entries) {
            const day = entry.dueDate as string;
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
            const weekDay = new Date(`${day}T00:00:00Z`).getUTCDay();
            expect(weekDay >= 1 && weekDay <= 5).toBe(true);
          }
          for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(capacity);
          const days = queue.entries.map((entry) => entry.dueDate as string);
          expect([...days].sort()).toEqual(days);
        },
      ),
    );
  });
});
