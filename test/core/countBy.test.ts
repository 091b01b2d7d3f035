import { describe, expect, it } from "vitest";
import { countColumns } from "../../src/core/countColumns.js";
import { countResponses } from "../../src/core/countResponses.js";
import { NpsError } from "../../src/core/errors.js";
import { buildReport } from "../../src/report/reportData.js";
import { crossSegment } from "../../src/segments/crossSegment.js";

const responses = [
  { score: 9, attributes: { plan: "pro" } },
  { score: 3, attributes: { plan: "free" } },
];

function errorOf(call: () => unknown): NpsError {
  try {
    call();
  } catch (error) {
    if (error instanceof NpsError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("by naming an attribute twice", () => {
  it("is refused wherever responses or columns are counted, naming the attribute", () => {
    const columns = {
      scores: new Uint8Array([9, 3]),
      segments: { plan: { codes: new Int32Array([0, 1]), dictionary: ["pro", "free"] } },
    };
    const cases: Array<[string, () => unknown]> = [
      ["countResponses", () => countResponses(responses, { by: ["plan", "plan"] })],
      ["countColumns", () => countColumns(columns, { by: ["plan", "plan"] })],
      ["crossSegment", () => crossSegment(responses, ["plan", "plan"])],
      ["crossSegment", () => buildReport({ responses }, { by: ["plan", "plan"] })],
    ];
    for (const [fn, call] of cases) {
      const error = errorOf(call);
      expect(error.code).toBe("invalid_option");
      expect(error.message).toBe(`${fn}: by must name different attributes, received "plan" twice`);
    }
  });

  it("is not refused for two different attributes, or for one counted alone", () => {
    expect(countResponses(responses, { by: "plan" }).dimensions).toHaveLength(1);
    const columns = {
      scores: new Uint8Array([9, 3]),
      segments: { plan: { codes: new Int32Array([0, 1]), dictionary: ["pro", "free"] } },
    };
    expect(countColumns(columns, { by: "plan" }).dimensions).toHaveLength(1);
    const both = countResponses(
      responses.map((response) => ({ ...response, attributes: { ...response.attributes, size: "s" } })),
      { by: ["plan", "size"] },
    );
    expect(both.dimensions.map((dimension) => dimension.name)).toEqual(["plan", "size"]);
  });
});
