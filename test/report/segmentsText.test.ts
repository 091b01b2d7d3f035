import { describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/core/response.js";
import { formatSegmentsText } from "../../src/report/segmentsText.js";
import { crossSegment } from "../../src/segments/crossSegment.js";
import { segmentBy } from "../../src/segments/segmentBy.js";
import { segmentByTiers } from "../../src/segments/segmentByTiers.js";
import { block } from "../segments/helpers.js";

describe("formatSegmentsText", () => {
  const responses: NpsResponse[] = [
    ...block({ plan: "pro", country: "FR", spend: 100 }, 60, 10, 10),
    ...block({ plan: "free\nplan", country: "DE", spend: 10 }, 10, 10, 60),
    { score: 9 },
  ];

  it("prints one aligned row per segment with flags, the total and notes", () => {
    const text = formatSegmentsText(segmentBy(responses, "plan", { minResponses: 100 }));
    expect(text.split("\n")).toEqual([
      "Segment      n  Share    NPS    95% interval  vs rest  p (holm)  Flags",
      "free plan   80  50.0%  -62.5  [-75.4, -45.1]   -125.0   <0.0001  small, differs",
      "pro         80  50.0%  +62.5  [+45.1, +75.4]   +125.0   <0.0001  small, differs",
      "Total      160           0.0  [-14.3, +14.3]",
      "vs rest: NPS of the segment minus NPS of all other responses; p-values adjusted (holm) across 2 comparisons",
      "small: fewer than 100 responses",
      "1 response left out (no value)",
      "",
    ]);
  });

  it("prints tiers, cells and weighted effective sizes", () => {
    expect(formatSegmentsText(segmentByTiers(responses, "spend", { tiers: [50] })).split("\n")[0]).toMatch(/^Tier /);
    const cross = formatSegmentsText(crossSegment(responses, ["plan", "country"]));
    expect(cross.split("\n")[1]).toMatch(/^free plan × DE {2}/);
    const weighted = formatSegmentsText(segmentBy(block({ plan: "a" }, 3, 1, 1, 2), "plan"));
    expect(weighted.split("\n")[0]).toBe("Segment  n  n eff.   Share    NPS    95% interval  vs rest  p (holm)  Flags");
  });

  it("says when nothing was segmented", () => {
    expect(formatSegmentsText(segmentBy([{ score: 3 }], () => undefined))).toBe(
      "Segment  n  Share  NPS  95% interval  vs rest  p (holm)  Flags\n1 response left out (no value)\nno segmented responses\n",
    );
  });
});

describe("formatSegmentsText with long segment names", () => {
  it("numbers the segments when a label is longer than 24 characters, and lists the labels below", () => {
    const long = "I have just completed the training, and am taking it at the event";
    const other = "I have recently completed the training, and am taking it after I left the event";
    const responses: NpsResponse[] = [...block({ when: long }, 20, 10, 5), ...block({ when: other }, 15, 10, 10)];
    const lines = formatSegmentsText(segmentBy(responses, "when")).split("\n");
    expect(lines[1]?.startsWith("#1  ")).toBe(true);
    expect(lines[2]?.startsWith("#2  ")).toBe(true);
    expect(lines).toContain(`#1  ${long}`);
    expect(lines).toContain(`#2  ${other}`);
    for (const line of lines.slice(0, 4)) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
