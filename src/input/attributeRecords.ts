import type { AttributeValue } from "../core/response.js";

/** At most this many distinct combinations of attribute values share their record in one call. */
export const SHARED_RECORDS = 4096;

/**
 * Makes the `attributes` records of responses for the given columns: a frozen object without a
 * prototype (so that a column named `__proto__` or `constructor` is an ordinary key), shared by
 * every response with the same values, one after the other (`===` on each value; `-0` is never
 * shared). Survey attributes repeat (a few plans, a few dozen countries), so most rows build no
 * object at all: this saves the memory of an object per response and most of the time. After
 * {@link SHARED_RECORDS} distinct combinations, new ones get a record of their own (still frozen),
 * so that a column of unique values does not fill a lookup table. O(k) per call for k columns.
 */
export function createAttributeRecords(
  columns: ReadonlyArray<string>,
): (values: ReadonlyArray<AttributeValue>) => Readonly<Record<string, AttributeValue>> {
  const count = columns.length;
  const protoColumn = columns.includes("__proto__");
  const root = new Map<AttributeValue, unknown>();
  let shared = 0;

  const build = (values: ReadonlyArray<AttributeValue>): Readonly<Record<string, AttributeValue>> => {
    // A null-prototype object made by `Object.create(null)` starts in V8's slow dictionary mode; a
    // literal whose prototype is then set to null does not. Only a column named `__proto__` needs
    // the first way (assigning it on a literal would set the prototype).
    const record: Record<string, AttributeValue> = protoColumn ? Object.create(null) : {};
    for (let j = 0; j < count; j++) record[columns[j] as string] = values[j] as AttributeValue;
    if (!protoColumn) Object.setPrototypeOf(record, null);
    return Object.freeze(record);
  };

  return (values) => {
    let node = root;
    for (let j = 0; j < count; j++) {
      const value = values[j] as AttributeValue;
      // Map keys compare -0 and 0 as equal; a -0 keeps its own record so that it stays -0.
      if (value === 0 && 1 / value < 0) return build(values);
      const next = node.get(value);
      if (j === count - 1) {
        if (next !== undefined) return next as Readonly<Record<string, AttributeValue>>;
        const record = build(values);
        if (shared < SHARED_RECORDS) {
          node.set(value, record);
          shared++;
        }
        return record;
      }
      if (next !== undefined) {
        node = next as Map<AttributeValue, unknown>;
      } else {
        if (shared >= SHARED_RECORDS) return build(values);
        const child = new Map<AttributeValue, unknown>();
        node.set(value, child);
        node = child;
      }
    }
    return build(values);
  };
}
