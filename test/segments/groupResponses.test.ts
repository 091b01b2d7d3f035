import { describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/core/response.js";
import { groupResponses } from "../../src/segments/groupResponses.js";
import { errorOf as thrown } from "../helpers/errors.js";

describe("groupResponses", () => {
  it("groups by attribute in order of first appearance and keeps indices", () => {
    const responses: NpsResponse[] = [
      { score: 1, attributes: { plan: "b" } },
      { score: 2, attributes: { plan: "a" } },
      { score: 3, attributes: { plan: "b" } },
    ];
    expect(groupResponses(responses, "plan")).toEqual({
      groups: [
        { key: "b", indices: [0, 2] },
        { key: "a", indices: [1] },
      ],
      leftOut: [],
    });
  });

  it("treats null as a key of its own and leaves out responses without the column", () => {
    const responses: NpsResponse[] = [
      { score: 1, attributes: { plan: null } },
      { score: 2, attributes: { country: "FR" } },
      { score: 3 },
      { score: 4, attributes: { plan: "pro" } },
      { score: 5, attributes: { plan: null } },
    ];
    expect(groupResponses(responses, "plan")).toEqual({
      groups: [
        { key: null, indices: [0, 4] },
        { key: "pro", indices: [3] },
      ],
      leftOut: [1, 2],
    });
  });

  it("compares keys exactly: the string '1' and the number 1 differ, booleans are keys", () => {
    const responses: NpsResponse[] = [
      { score: 1, attributes: { v: "1" } },
      { score: 1, attributes: { v: 1 } },
      { score: 1, attributes: { v: true } },
      { score: 1, attributes: { v: "true" } },
      { score: 1, attributes: { v: 1 } },
    ];
    expect(groupResponses(responses, "v").groups.map((group) => group.key)).toEqual(["1", 1, true, "true"]);
  });

  it("accepts odd attribute names and values as ordinary keys", () => {
    const attributes = (name: string, value: string) => {
      const record = Object.create(null) as Record<string, string>;
      record[name] = value;
      return record;
    };
    for (const name of ["__proto__", "constructor", "", "🙂"]) {
      const responses: NpsResponse[] = ["__proto__", "constructor", "", "🙂", "toString"].map((value) => ({
        score: 9,
        attributes: attributes(name, value),
      }));
      expect(groupResponses(responses, name).groups.map((group) => group.key)).toEqual([
        "__proto__",
        "constructor",
        "",
        "🙂",
        "toString",
      ]);
    }
  });

  it("does not read inherited properties", () => {
    const responses: NpsResponse[] = [{ score: 3, attributes: { plan: "a" } }];
    const error = thrown(() => groupResponses(responses, "toString"));
    expect(error.code).toBe("invalid_option");
  });

  it("groups by a function; undefined leaves the response out", () => {
    const responses: NpsResponse[] = [{ score: 10 }, { score: 3 }, { score: 7 }];
    const result = groupResponses(responses, (response) => (response.score === 7 ? undefined : response.score > 8));
    expect(result).toEqual({
      groups: [
        { key: true, indices: [0] },
        { key: false, indices: [1] },
      ],
      leftOut: [2],
    });
  });

  it("returns nothing for no responses", () => {
    expect(groupResponses([], "plan")).toEqual({ groups: [], leftOut: [] });
  });

  it("names the attributes that exist when the attribute exists on no response", () => {
    const responses: NpsResponse[] = [
      { score: 3, attributes: { plan: "a", country: "FR" } },
      { score: 3, attributes: { plan: "b" } },
    ];
    const error = thrown(() => groupResponses(responses, "plann"));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(
      'groupResponses: attribute "plann" does not exist (did you mean "plan"?); attributes are: plan, country',
    );
    expect(thrown(() => groupResponses([{ score: 1 }], "plan")).message).toBe(
      'groupResponses: attribute "plan" does not exist; attributes are: (none)',
    );
  });

  it("rejects a by that is neither a name nor a function, and values that cannot be keys", () => {
    const bad = thrown(() => groupResponses([{ score: 1 }], 3 as never));
    expect(bad.code).toBe("invalid_option");
    expect(bad.message).toBe("groupResponses: by must be an attribute name or a function, received 3");
    const object = thrown(() => groupResponses([{ score: 1, attributes: { plan: [1] as never } }], "plan"));
    expect(object.code).toBe("invalid_option");
    expect(object.message).toBe(
      'groupResponses: attribute "plan" must be a string, number, boolean or null, received an array at index 0',
    );
    const returned = thrown(() => groupResponses([{ score: 1 }], () => ({}) as never));
    expect(returned.message).toBe(
      "groupResponses: segment key must be a string, number, boolean, null or undefined, received an object at index 0",
    );
  });

  it("rejects responses that are not an array of objects", () => {
    const error = thrown(() => groupResponses("x" as never, "plan"));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe('groupResponses: responses must be an array, received "x"');
    const item = thrown(() => groupResponses([null as never], () => "a"));
    expect(item.code).toBe("invalid_input");
    expect(item.message).toBe("groupResponses: response must be an object, received null at index 0");
  });
});
