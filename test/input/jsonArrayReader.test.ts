import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonArrayReader, NotAnArrayError } from "../../src/input/jsonArrayReader.js";

/** The item texts of `text`, fed in pieces of `size` characters. */
function items(text: string, size: number): string[] {
  const out: string[] = [];
  const reader = new JsonArrayReader((item) => out.push(item));
  for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
  reader.end();
  return out;
}

describe("JsonArrayReader", () => {
  it("splits any JSON array into its items, whatever the pieces and the layout", () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.constantFrom(undefined, 0, 2, "\t"),
        fc.integer({ min: 1, max: 17 }),
        (values, indent, size) => {
          const text = JSON.stringify(values, null, indent);
          expect(items(text, size).map((item) => JSON.parse(item))).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("hands over a broken item as its text, for the caller to reject alone", () => {
    expect(items('[{"score": 9}, {"score": nope}, 7, "a,]b", {"a": [1, {"b": "}"}]}]', 5)).toEqual([
      '{"score": 9}',
      '{"score": nope}',
      "7",
      '"a,]b"',
      '{"a": [1, {"b": "}"}]}',
    ]);
    expect(items("\uFEFF[1,2,]", 3)).toEqual(["1", "2"]);
  });

  it("refuses text that is not one well-formed array", () => {
    expect(() => items('{"score": 9}', 4)).toThrow(NotAnArrayError);
    expect(() => items("[1, 2", 4)).toThrow("the JSON array is not closed by ] at the end of the text");
    expect(() => items('[{"a": 1} {"a": 2}]', 4)).toThrow('expected , or ] after an item at character 11, found "{"');
    expect(() => items("[1] 2", 2)).toThrow('expected nothing after the closing ] at character 5, found "2"');
  });
});
