import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DelimitedReader } from "../../src/input/delimitedReader.js";

/** Every record of `text`, fed in pieces of `size` characters: fields, or `!rule: text` when malformed. */
function records(text: string, delimiter = ",", size = text.length || 1): Array<string[] | string> {
  const out: Array<string[] | string> = [];
  const reader = new DelimitedReader(delimiter, (record) => {
    if (record.malformed !== undefined) {
      out.push(`!${record.malformed.field}: ${record.malformed.text}`);
      return;
    }
    const fields: string[] = [];
    for (let i = 0; i < record.fieldCount; i++) fields.push(record.field(i));
    out.push(fields);
  });
  for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
  reader.end();
  return out;
}

describe("DelimitedReader", () => {
  it("reads quotes, doubled quotes, line breaks inside quotes, CRLF, CR, a BOM and ragged rows", () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",\r2,"line\nbreak"\n\n3\n4,5,6,7';
    const expected = [["a", "b", "c"], ["1", 'x, "y"', ""], ["2", "line\nbreak"], ["3"], ["4", "5", "6", "7"]];
    for (const size of [1, 2, 3, 5, 100]) expect(records(text, ",", size)).toEqual(expected);
  });

  it("reads semicolons and tabs", () => {
    expect(records('a;b\n1;"2;3"\n', ";")).toEqual([
      ["a", "b"],
      ["1", "2;3"],
    ]);
    expect(records("a\tb\n1\t2\n", "\t")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("rejects only the row with a stray quote, text after a closing quote or an unclosed quote", () => {
    const text = 'id,score,c\n1,9,He said "no"\n2,8,"a"b\n3,7,ok\n4,"open\n5,6,x\n';
    for (const size of [1, 4, 1000]) {
      expect(records(text, ",", size)).toEqual([
        ["id", "score", "c"],
        '!2: He said "no"',
        '!2: "a"b',
        ["3", "7", "ok"],
        '!1: "open',
        ["5", "6", "x"],
      ]);
    }
  });

  it("takes a record longer than 4 Mi characters as an unclosed quote, and reads on after its first line", () => {
    const long = "x".repeat(1 << 22);
    // The open quote swallows line breaks until the record passes the limit, in 64 Ki pieces.
    const text = `a,b\n1,"open\n2,${long}\n3,ok\n`;
    const out = records(text, ",", 1 << 16);
    expect(out[0]).toEqual(["a", "b"]);
    expect(out[1]).toMatch(/^!0: 1,"open/);
    expect(out.slice(2)).toEqual([
      ["2", long],
      ["3", "ok"],
    ]);
  });

  it("drops the rest of a line longer than the limit, up to its line break", () => {
    const text = `a,b\n"${"x".repeat((1 << 22) + (1 << 17))}\n3,ok\n`;
    const out = records(text, ",", 1 << 16);
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^!0: "x{199}$/);
    expect(out[2]).toEqual(["3", "ok"]);
  });

  it("refuses a quote or a line break as the delimiter", () => {
    for (const delimiter of ['"', "\n", "\r", ",,", ""]) {
      expect(() => new DelimitedReader(delimiter, () => {})).toThrow(
        expect.objectContaining({
          code: "invalid_option",
          message: `DelimitedReader: delimiter must be one character other than a quote or a line break, received ${JSON.stringify(delimiter)}`,
        }),
      );
    }
  });

  it("reads well-formed text as csv-parse does, whatever the pieces", () => {
    const cell = fc.constantFrom("", "a", "9", "x y", '"q,1"', '"li\nne"', '"d""q"', '""', '"\r\n"', "é", " ");
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        (rows, lineBreak, bom, size) => {
          const text = (bom ? "\uFEFF" : "") + rows.map((row) => row.join(",")).join(lineBreak);
          const expected = parse(text, {
            record_delimiter: ["\r\n", "\n", "\r"],
            relax_column_count: true,
            skip_empty_lines: true,
            bom: true,
          });
          expect(records(text, ",", size)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
