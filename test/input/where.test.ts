import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWhereColumns, matchesWhere, NpsError, parseWhere } from "../../src/index.js";

/** Whether one value passes one filter expression. */
function keeps(expression: string, value: unknown): boolean {
  return matchesWhere([parseWhere(expression)], () => value);
}

describe("parseWhere", () => {
  it("reads each operator", () => {
    expect(parseWhere("plan=pro")).toEqual({ expression: "plan=pro", column: "plan", operator: "=", values: ["pro"] });
    expect(parseWhere(" country != FR ")).toMatchObject({ column: "country", operator: "!=", values: ["FR"] });
    expect(parseWhere("plan in pro,team")).toMatchObject({ column: "plan", operator: "in", values: ["pro", "team"] });
    expect(parseWhere("plan IN pro , team")).toMatchObject({ operator: "in", values: ["pro", "team"] });
    for (const operator of ["<", "<=", ">", ">="]) {
      expect(parseWhere(`spend${operator}100.5`)).toMatchObject({ column: "spend", operator, number: 100.5 });
    }
  });

  it("keeps quoted commas, spaces and quotes, and quoted columns", () => {
    expect(parseWhere(`plan in "Pro, annual", 'team' ,free`).values).toEqual(["Pro, annual", "team", "free"]);
    expect(parseWhere(`plan = " padded "`).values).toEqual([" padded "]);
    expect(parseWhere(`plan = "say ""hi"""`).values).toEqual(['say "hi"']);
    expect(parseWhere(`"a=b" = x`)).toMatchObject({ column: "a=b", operator: "=", values: ["x"] });
    expect(parseWhere("Sign in date=2024")).toMatchObject({ column: "Sign in date", operator: "=" });
    expect(parseWhere("Survey Type = NPS")).toMatchObject({ column: "Survey Type", values: ["NPS"] });
  });

  it("reads missing-value texts as no value", () => {
    expect(parseWhere("plan=").values).toEqual([""]);
    expect(parseWhere("plan=NA").values).toEqual([""]);
    expect(parseWhere("plan in pro,NULL").values).toEqual(["pro", ""]);
  });

  it("rejects what it cannot read, naming the expression", () => {
    for (const bad of ["plan", "=pro", "spend>=abc", "spend<", "plan in ", 'plan="pro', 'plan in "a,b']) {
      const error = (() => {
        try {
          parseWhere(bad);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error, bad).toBeInstanceOf(NpsError);
      expect((error as NpsError).code).toBe("invalid_option");
      expect((error as NpsError).message).toContain(`where ${JSON.stringify(bad)}`);
    }
  });
});

describe("parseWhere on operators typed as in code", () => {
  it('refuses "==", "=>", "=<" and "!==" instead of comparing with a value that starts with = < >', () => {
    for (const [bad, typed] of [
      ["plan==pro", "=="],
      ["spend=>100", "=>"],
      ["spend =< 100", "=<"],
      ["plan!==pro", "!=="],
    ]) {
      expect(() => parseWhere(bad as string), bad).toThrow(
        `where ${JSON.stringify(bad)}: "${typed}" is not an operator`,
      );
    }
    // Quoted, such a value is what it says.
    expect(parseWhere('plan="=pro"').values).toEqual(["=pro"]);
    expect(parseWhere("note != '<none>'").values).toEqual(["<none>"]);
  });
});

describe("matchesWhere", () => {
  it("compares text exactly after trimming", () => {
    expect(keeps("plan=pro", " pro ")).toBe(true);
    expect(keeps("plan=pro", "Pro")).toBe(false);
    expect(keeps("plan!=pro", "team")).toBe(true);
    expect(keeps("plan in pro,team", "team")).toBe(true);
    expect(keeps("plan in pro,team", "free")).toBe(false);
    expect(keeps("t=1", 1)).toBe(true);
    expect(keeps("flag=true", true)).toBe(true);
  });

  it("treats a missing value as no value: only = blank and != something keep it", () => {
    for (const missing of [undefined, null, "", "  ", "NA", "N/A", "n/a", "null", "NULL"]) {
      expect(keeps("country!=FR", missing)).toBe(true);
      expect(keeps("country=FR", missing)).toBe(false);
      expect(keeps("country=", missing)).toBe(true);
      expect(keeps("country!=", missing)).toBe(false);
      expect(keeps("country in FR,DE", missing)).toBe(false);
      expect(keeps("spend>=0", missing)).toBe(false);
      expect(keeps("spend<0", missing)).toBe(false);
    }
  });

  it("compares numbers as numbers", () => {
    expect(keeps("spend>=100", "100")).toBe(true);
    expect(keeps("spend>=100", "99.99")).toBe(false);
    expect(keeps("spend>100", 100)).toBe(false);
    expect(keeps("spend<100", "1e1")).toBe(true);
    expect(keeps("spend<=100", "100.0")).toBe(true);
  });

  it("numeric comparison on text is an error naming the value and the row", () => {
    expect(() => matchesWhere([parseWhere("spend>=100")], () => "1,000", 17)).toThrowError(
      'where "spend>=100": row 17: "spend" is "1,000", not a number (>= compares numbers; blank and NA values do not match)',
    );
  });

  it("a value that is an object or an array is an error, never compared as text", () => {
    expect(() => matchesWhere([parseWhere("plan=pro")], () => ({ toString: () => "pro" }), 4)).toThrowError(
      /where "plan=pro": row 4: "plan" is .*, which cannot be compared/,
    );
    expect(() => matchesWhere([parseWhere("plan!=pro")], () => ["pro"])).toThrowError(NpsError);
  });

  it("combines filters with AND", () => {
    const filters = [parseWhere("plan in pro,team"), parseWhere("spend>=100")];
    const row: Record<string, string> = { plan: "pro", spend: "50" };
    expect(matchesWhere(filters, (column) => row[column])).toBe(false);
    row.spend = "150";
    expect(matchesWhere(filters, (column) => row[column])).toBe(true);
    expect(matchesWhere([], () => undefined)).toBe(true);
  });

  it("numeric comparisons agree with JavaScript's on any finite numbers", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), (value, limit) => {
        const text = String(value);
        expect(keeps(`x<${limit}`, text)).toBe(value < limit);
        expect(keeps(`x<=${limit}`, text)).toBe(value <= limit);
        expect(keeps(`x>${limit}`, text)).toBe(value > limit);
        expect(keeps(`x>=${limit}`, text)).toBe(value >= limit);
        // Exactly one of < and >= holds.
        expect(keeps(`x<${limit}`, text)).not.toBe(keeps(`x>=${limit}`, text));
      }),
    );
  });

  it("= and != are complements, and in is = on any item", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{0,4}$/),
        fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1 }),
        (value, list) => {
          const first = list[0] as string;
          expect(keeps(`c=${first}`, value)).not.toBe(keeps(`c!=${first}`, value));
          expect(keeps(`c in ${list.join(",")}`, value)).toBe(list.some((item) => keeps(`c=${item}`, value)));
        },
      ),
    );
  });
});

describe("checkWhereColumns", () => {
  it("names an unknown column with suggestions", () => {
    expect(() => checkWhereColumns([parseWhere("Plan=pro")], ["score", "plan"])).toThrowError(
      'where "Plan=pro": no column named "Plan" (did you mean "plan"?); the columns are "score", "plan"',
    );
    expect(() => checkWhereColumns([parseWhere("plan=pro")], ["plan"])).not.toThrow();
  });
});
