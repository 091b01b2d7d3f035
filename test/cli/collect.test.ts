import { describe, expect, it } from "vitest";
import { createCollector } from "../../src/cli/collect.js";
import type { NpsResponse } from "../../src/core/response.js";

const record = (values: Record<string, string | number | boolean | null>) =>
  Object.assign(Object.create(null) as Record<string, string | number | boolean | null>, values);

describe("createCollector keeping responses (tiers, --respondents latest)", () => {
  it("keeps every response without its comment, sharing equal attribute records and respondent ids", () => {
    const date = new Date("2026-01-02T00:00:00Z");
    const responses: NpsResponse[] = [
      { score: 9, date, respondentId: "a", comment: "great", attributes: record({ plan: "pro", spend: 10 }) },
      { score: 3, respondentId: "a", weight: 2, attributes: record({ plan: "pro", spend: 10 }) },
      { score: 7, respondentId: "b", attributes: record({ plan: "pro", spend: "10" }) },
      { score: 10 },
    ];
    const collector = createCollector(true, false);
    collector.add({ responses, skipped: [], issues: [], counts: { rows: 4, accepted: 4, skipped: 0, rejected: 0 } });
    const kept = collector.responses;
    expect(kept).toEqual(responses.map(({ comment: _, ...rest }) => rest));
    expect(kept[0]?.comment).toBeUndefined();
    // Equal values share one frozen record; "10" and 10 are different values.
    expect(kept[1]?.attributes).toBe(kept[0]?.attributes);
    expect(kept[2]?.attributes).not.toBe(kept[0]?.attributes);
    expect(Object.isFrozen(kept[0]?.attributes)).toBe(true);
    expect(Object.getPrototypeOf(kept[0]?.attributes)).toBeNull();
    expect(kept[3]).toEqual({ score: 10 });
  });
});
