import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttributeValue } from "../../src/core/response.js";
import { createAttributeRecords, SHARED_RECORDS } from "../../src/input/attributeRecords.js";
import { parseResponses } from "../../src/input/parseResponses.js";

const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.constantFrom("a", "b", "", "__proto__", "constructor"),
  fc.constantFrom(0, -0, 1, 1.5, -2),
  fc.boolean(),
  fc.constant(null),
);

describe("createAttributeRecords", () => {
  it("gives every row a frozen, prototype-free record of exactly its values, shared by equal rows", () => {
    // Property: for any columns and rows of values, each record has the row's values under the
    // column names (own keys only, in column order, -0 kept as -0), no prototype, and is frozen; two
    // rows get the same object exactly when their values are the same and neither has a -0.
    const columns = fc.uniqueArray(fc.constantFrom("plan", "country", "__proto__", "constructor", "toString"), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        columns.chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.array(fc.array(attributeValue, { minLength: names.length, maxLength: names.length }), { maxLength: 40 }),
          ),
        ),
        ([names, rows]) => {
          const recordOf = createAttributeRecords(names);
          const records = rows.map((values) => recordOf(values));
          records.forEach((record, i) => {
            expect(Object.getPrototypeOf(record)).toBeNull();
            expect(Object.isFrozen(record)).toBe(true);
            expect(Object.keys(record)).toEqual(names);
            names.forEach((name, j) => {
              expect(Object.is(record[name], rows[i]?.[j])).toBe(true);
            });
          });
          for (let i = 0; i < rows.length; i++) {
            for (let k = 0; k < i; k++) {
              const a = rows[i] as AttributeValue[];
              const b = rows[k] as AttributeValue[];
              const negativeZero = [...a, ...b].some((value) => Object.is(value, -0));
              if (negativeZero) expect(records[i]).not.toBe(records[k]);
              else if (a.every((value, j) => value === b[j])) expect(records[i]).toBe(records[k]);
              else expect(records[i]).not.toBe(records[k]);
            }
          }
        },
      ),
    );
  });

  it(`shares at most ${SHARED_RECORDS} combinations, then gives each new one a record of its own`, () => {
    const recordOf = createAttributeRecords(["id"]);
    const first = Array.from({ length: SHARED_RECORDS }, (_, i) => recordOf([`r${i}`]));
    expect(recordOf(["r0"])).toBe(first[0]);
    expect(recordOf([`r${SHARED_RECORDS - 1}`])).toBe(first[SHARED_RECORDS - 1]);
    const later = recordOf(["new"]);
    expect(later).toEqual({ id: "new" });
    expect(Object.isFrozen(later)).toBe(true);
    expect(recordOf(["new"])).not.toBe(later);
    expect(recordOf(["new"])).toEqual(later);
  });
});

describe("parseResponses attributes", () => {
  it("are frozen and shared by the responses with the same values, so that none can change another's", () => {
    const { responses } = parseResponses(
      [
        { s: "9", plan: "pro" },
        { s: "3", plan: "free" },
        { s: "10", plan: "pro" },
      ],
      { fields: { score: "s", attributes: ["plan"] } },
    );
    const [a, b, c] = responses.map((response) => response.attributes);
    expect(a).toBe(c);
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as Record<string, unknown>).plan = "free";
    }).toThrow(TypeError);
    expect(c?.plan).toBe("pro");
  });
});
