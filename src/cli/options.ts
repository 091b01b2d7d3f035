import { type IntervalMethod, isTimeZone } from "../index.js";
import type { ReadingOptions } from "../node.js";
import { usageError } from "./io.js";

/**
 * The file-reading options shared by the commands that read responses (`report`, `migration`, `follow-up`),
 * as `node:util` `parseArgs` takes them.
 */
export const READ_OPTIONS = {
  score: { type: "string" },
  date: { type: "string" },
  "date-format": { type: "string" },
  "time-zone": { type: "string" },
  respondent: { type: "string" },
  comment: { type: "string" },
  attribute: { type: "string", multiple: true },
  encoding: { type: "string" },
  delimiter: { type: "string" },
  "input-format": { type: "string" },
} as const;

/** The values of `READ_OPTIONS` after `parseArgs`. */
export interface ReadValues {
  readonly score?: string | undefined;
  readonly date?: string | undefined;
  readonly "date-format"?: string | undefined;
  readonly "time-zone"?: string | undefined;
  readonly respondent?: string | undefined;
  readonly comment?: string | undefined;
  readonly attribute?: string[] | undefined;
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly "input-format"?: string | undefined;
}

/**
 * The column options of the command line as the reader of `npskit/node` takes them: the reading
 * options shared by every command that reads responses, the weight column (report only) and the
 * attributes to read.
 */
export function columnOptions(
  values: ReadValues & { readonly weight?: string | undefined },
  attributes: ReadonlyArray<string> | undefined,
): ColumnValues {
  const given: Array<[keyof ColumnValues, string | ReadonlyArray<string> | undefined]> = [
    ["score", values.score],
    ["date", values.date],
    ["dateFormat", values["date-format"]],
    ["timeZone", values["time-zone"]],
    ["respondentId", values.respondent],
    ["comment", values.comment],
    ["weight", values.weight],
    ["attributes", attributes],
  ];
  return Object.fromEntries(given.filter(([, value]) => value !== undefined)) as ColumnValues;
}

/** The column options of the reader. */
export type ColumnValues = Pick<
  ReadingOptions,
  "score" | "date" | "dateFormat" | "timeZone" | "respondentId" | "comment" | "weight" | "attributes"
>;

/** The `report` command's options, as `node:util` `parseArgs` takes them (the help lists each one). */
export const REPORT_OPTIONS = {
  ...READ_OPTIONS,
  weight: { type: "string" },
  "skip-missing": { type: "boolean" },
  "reject-missing": { type: "boolean" },
  strict: { type: "boolean" },
  "max-rejected": { type: "string" },
  tallies: { type: "string" },
  by: { type: "string", multiple: true },
  tiers: { type: "string" },
  period: { type: "string" },
  rolling: { type: "string" },
  step: { type: "string" },
  respondents: { type: "string" },
  sort: { type: "string" },
  where: { type: "string", multiple: true },
  "min-n": { type: "string" },
  top: { type: "string" },
  "hide-small": { type: "boolean" },
  format: { type: "string", short: "f" },
  table: { type: "string" },
  out: { type: "string", short: "o" },
  benchmark: { type: "string" },
  title: { type: "string" },
  rejected: { type: "string" },
  level: { type: "string" },
  method: { type: "string" },
  themes: { type: "string" },
  language: { type: "string" },
  drivers: { type: "string" },
  levels: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

/** The `sample-size` command's options. */
export const SAMPLE_SIZE_OPTIONS = {
  margin: { type: "string" },
  level: { type: "string" },
  shares: { type: "string" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

const METHODS: ReadonlyArray<IntervalMethod> = ["adjusted-wald", "wald", "score", "bayes", "bootstrap"];

/** One of the allowed values, or a usage error naming them. */
export function choice<T extends string>(
  option: string,
  value: string | undefined,
  allowed: ReadonlyArray<T>,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as ReadonlyArray<string>).includes(value)) return value as T;
  throw usageError(`--${option} must be one of ${allowed.join(", ")}, received ${JSON.stringify(value)}`);
}

/** `--method`. */
export function methodOption(value: string | undefined): IntervalMethod {
  return choice("method", value, METHODS, "adjusted-wald");
}

/** `--level`: a proportion in (0, 1), or a percentage from 50 to 100 (exclusive) such as 95. */
export function levelOption(value: string | undefined): number {
  if (value === undefined) return 0.95;
  const number = /^\s*\d*\.?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  const level = number >= 50 && number < 100 ? number / 100 : number;
  if (!(level > 0 && level < 1)) {
    throw usageError(
      `--level must be a number between 0 and 1 (or a percentage such as 95), received ${JSON.stringify(value)}`,
    );
  }
  return level;
}

/** `--delimiter`: one character; `tab` or `\t` for a tab. */
export function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === "tab" || value === "\\t" || value === "\t") return "\t";
  if (value === "comma") return ",";
  if (value === "semicolon") return ";";
  if (value === '"' || value === "\n" || value === "\r") {
    throw usageError(
      `--delimiter must be a character other than the quote and line breaks (which CSV reserves), received ${JSON.stringify(value)}`,
    );
  }
  if ([...value].length !== 1) {
    throw usageError(`--delimiter must be one character (or "tab"), received ${JSON.stringify(value)}`);
  }
  return value;
}

/** `--tiers <attribute>:<n>` (quantile tiers) or `<attribute>:<cut>,<cut>…` (cut points, one comma at least). */
export function tiersOption(
  value: string | undefined,
): { readonly attribute: string; readonly tiers: number | ReadonlyArray<number> } | undefined {
  if (value === undefined) return undefined;
  const colon = value.lastIndexOf(":");
  const attribute = colon > 0 ? value.slice(0, colon) : "";
  const spec = value.slice(colon + 1);
  const bad = (): Error =>
    usageError(
      `--tiers must be <attribute>:<number of tiers from 2 to 100> or <attribute>:<cut>,<cut>…, received ${JSON.stringify(value)}`,
    );
  if (attribute === "" || spec.trim() === "") throw bad();
  if (!spec.includes(",")) {
    const count = /^\s*\d+\s*$/.test(spec) ? Number(spec) : Number.NaN;
    if (!(count >= 2 && count <= 100)) throw bad();
    return { attribute, tiers: count };
  }
  const parts = spec.split(",").filter((part) => part.trim() !== "");
  const cuts = parts.map((part) =>
    /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(part) ? Number(part) : Number.NaN,
  );
  if (
    cuts.length === 0 ||
    cuts.some((cut, i) => !Number.isFinite(cut) || (i > 0 && !(cut > (cuts[i - 1] as number))))
  ) {
    throw usageError(
      `--tiers cut points must be increasing numbers separated by commas, received ${JSON.stringify(value)}`,
    );
  }
  return { attribute, tiers: cuts };
}

/** `--rolling <days>`: an integer from 1 to 36600. */
export function rollingOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(days >= 1 && days <= 36600)) {
    throw usageError(`--rolling must be a number of days from 1 to 36600, received ${JSON.stringify(value)}`);
  }
  return days;
}

/** `--time-zone`: checked before anything is read, also when no file is given. */
export function timeZoneOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isTimeZone(value)) {
    throw usageError(
      `--time-zone must be a known IANA time-zone name such as "Europe/Paris", received ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** "--encoding needs a file", "--encoding, --delimiter need a file". */
export function needsFile(options: ReadonlyArray<string>): string {
  return `${options.join(", ")} ${options.length === 1 ? "needs" : "need"} a file to read; no file was given`;
}

/**
 * `--max-rejected <percent>`: the share of rows (0–100) that may be rejected or lose their date
 * before the command exits with 1.
 */
export function maxRejectedOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const text = value.trim().replace(/\s*%$/, "");
  const percent = /^(?:\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!(percent >= 0 && percent <= 100)) {
    throw usageError(`--max-rejected must be a percentage from 0 to 100, received ${JSON.stringify(value)}`);
  }
  return percent;
}
