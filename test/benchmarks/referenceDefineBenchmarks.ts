import { z } from "zod";
import type { Benchmark } from "../../src/benchmarks/benchmark.js";
import { quartilesOf, RULES, STATISTICS, tableError } from "../../src/benchmarks/defineBenchmarks.js";
import { NpsError, type NpsIssue } from "../../src/core/errors.js";
import { describeValue } from "../../src/internal/describe.js";

/**
 * The reference: defineBenchmarks as it was when it validated with a zod schema (kept here for the
 * property test that compares the hand-written checks with it). One change: an unknown key inside
 * `quartiles` is an issue of the `quartiles` field, as the hand-written checks report it, where the
 * zod version called it an unknown benchmark field.
 */
export function referenceDefineBenchmarks(rows: ReadonlyArray<unknown>): Benchmark[] {
  const fn = "defineBenchmarks";
  if (!Array.isArray(rows)) {
    throw new NpsError("invalid_input", `${fn}: rows must be an array of objects, received ${describeValue(rows)}`);
  }
  const text = z.string().min(1);
  const points = z.number().gt(-100).lt(100);
  const cut = z.number().min(-100).max(100).optional();
  const schema = z.strictObject({
    id: text,
    segment: text,
    value: points,
    statistic: z.enum(STATISTICS),
    publisher: text,
    study: z.string().default(""),
    year: z.int().min(1900).max(9999).nullable().default(null),
    region: z.string().default("not stated"),
    population: z.enum(["consumer-panel", "vendor-customers"]),
    method: z.string().default("not stated"),
    source: text,
    quartiles: z
      .strictObject({ lower: cut, median: cut, upper: cut })
      .refine((q) => {
        const cuts = [q.lower, q.median, q.upper].filter((v) => v !== undefined);
        return cuts.length > 0 && cuts.every((v, i) => i === 0 || v >= (cuts[i - 1] as number));
      })
      .optional(),
    rank: z.enum(["highest", "lowest"]).optional(),
    note: z.string().optional(),
  });
  const issues: NpsIssue[] = [];
  const result: Benchmark[] = [];
  const ids = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      issues.push({ path: [index], message: `row must be an object, received ${describeValue(raw)}`, value: raw, row });
      return;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const zodIssue of parsed.error.issues) {
        const unknownKeys = zodIssue.code === "unrecognized_keys" && zodIssue.path.length === 0 ? zodIssue.keys : [];
        for (const key of unknownKeys) {
          const value = (raw as Record<string, unknown>)[key];
          issues.push({ path: [index, key], message: `${key} is not a benchmark field`, value, row, field: key });
        }
        if (unknownKeys.length > 0) continue;
        const field = String(zodIssue.path[0] ?? "");
        if (seen.has(field)) continue;
        seen.add(field);
        const value = Object.hasOwn(raw, field) ? (raw as Record<string, unknown>)[field] : undefined;
        issues.push({
          path: [index, field],
          message: `${RULES[field] ?? `${field} is invalid`}, received ${describeValue(value)}`,
          value,
          row,
          field,
        });
      }
      return;
    }
    const data = parsed.data;
    const first = ids.get(data.id);
    if (first !== undefined) {
      issues.push({
        path: [index, "id"],
        message: `id must be unique, received ${describeValue(data.id)} (also in row ${first})`,
        value: data.id,
        row,
        field: "id",
      });
      return;
    }
    ids.set(data.id, row);
    result.push({
      id: data.id,
      segment: data.segment,
      value: data.value + 0,
      statistic: data.statistic,
      publisher: data.publisher,
      study: data.study,
      year: data.year,
      region: data.region,
      population: data.population,
      method: data.method,
      source: data.source,
      ...(data.quartiles === undefined ? {} : { quartiles: quartilesOf(data.quartiles) }),
      ...(data.rank === undefined ? {} : { rank: data.rank }),
      ...(data.note === undefined ? {} : { note: data.note }),
    });
  });
  if (issues.length > 0) throw tableError(fn, issues, rows.length);
  return result;
}
