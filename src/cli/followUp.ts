import { parseArgs } from "node:util";
import {
  type Category,
  escapeControls,
  escapeLines,
  type FollowUpQueue,
  followUpQueue,
  NpsError,
  type NpsResponse,
  sampleResponses,
  type WeekDay,
} from "../index.js";
import { FOLLOW_UP_HELP } from "./help.js";
import { type CliIo, dataError, usageError } from "./io.js";
import { choice, needsFile, READ_OPTIONS, timeZoneOption } from "./options.js";
import { plural } from "./plural.js";
import { givenReadOptions, readResponses } from "./readResponses.js";

/** The `follow-up` command's options. */
export const FOLLOW_UP_OPTIONS = {
  ...READ_OPTIONS,
  capacity: { type: "string" },
  start: { type: "string" },
  "working-days": { type: "string" },
  value: { type: "string" },
  categories: { type: "string" },
  "all-responses": { type: "boolean" },
  limit: { type: "string" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** `npskit follow-up [file]`: returns the exit status. */
export async function followUp(args: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: FOLLOW_UP_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    io.stdout(FOLLOW_UP_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    throw usageError(`follow-up takes one file (or - for standard input), received ${positionals.length}`);
  }
  const format = choice("format", values.format, ["text", "json"] as const, "text");
  const capacity = values.capacity === undefined ? undefined : positiveInteger("capacity", values.capacity);
  const limit = values.limit === undefined ? 25 : nonNegativeInteger("limit", values.limit);
  const startDate = values.start === undefined ? undefined : dayOption(values.start);
  const workingDays = values["working-days"] === undefined ? undefined : workingDaysOption(values["working-days"]);
  const categories = values.categories === undefined ? undefined : categoriesOption(values.categories);
  const file = positionals[0];
  timeZoneOption(values["time-zone"]);
  let responses: ReadonlyArray<NpsResponse>;
  let value = values.value;
  if (file === undefined) {
    const given = givenReadOptions(values);
    if (given.length > 0) throw usageError(needsFile(given));
    responses = sampleResponses();
    value ??= "spend";
    io.stderr(
      'npskit: no file given: the follow-up queue of the built-in sample (latest answer per customer, ties by spend); run "npskit follow-up <file>" for your data\n',
    );
  } else {
    const attributes = [...(values.attribute ?? [])];
    if (value !== undefined && !attributes.includes(value)) attributes.push(value);
    const read = (await readResponses(file, { ...values, attribute: attributes }, io).catch(blameValue(value)))
      .responses;
    responses = value === undefined ? read : read.map((response) => withNumericValue(response, value as string));
  }
  const timeZone = values["time-zone"];
  const queue = followUpQueue(responses, {
    respondents: values["all-responses"] === true ? "all" : "latest",
    ...(categories === undefined ? {} : { categories }),
    ...(value === undefined ? {} : { valueAttribute: value }),
    ...(capacity === undefined ? {} : { capacityPerDay: capacity }),
    ...(startDate === undefined ? {} : { startDate }),
    ...(workingDays === undefined ? {} : { workingDays }),
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  if (format === "json") {
    io.stdout(`${JSON.stringify(queue, null, 2)}\n`);
    return 0;
  }
  io.stdout(formatQueue(queue, limit));
  return 0;
}

/** The text output of `npskit follow-up`. */
export function formatQueue(queue: FollowUpQueue, limit: number): string {
  const { contact, "ask-improvement": improve, "ask-review": review } = queue.actions;
  const lines = [
    `Follow-up queue  ${plural(queue.entries.length, "entry", "entries")}: ${contact} detractors to contact, ${improve} passives to ask what would make it a 10, ${review} promoters to ask for a review or referral`,
  ];
  if (queue.capacityPerDay !== undefined && queue.lastDueDate !== undefined) {
    lines.push(
      `Capacity  ${queue.capacityPerDay} a working day: ${queue.workingDaysNeeded} working days, until ${queue.lastDueDate}`,
    );
  }
  lines.push("");
  const shown = limit === 0 ? queue.entries : queue.entries.slice(0, limit);
  for (const entry of shown) {
    const parts = [
      String(entry.position).padStart(5),
      entry.dueDate ?? "",
      `${entry.category} ${entry.score}`.padEnd(12),
      (entry.respondentId === undefined ? "(no id)" : escapeControls(entry.respondentId)).padEnd(10),
      entry.date?.slice(0, entry.date.indexOf("T")) ?? "undated   ",
      entry.actionText,
    ].filter((part) => part !== "");
    lines.push(parts.join("  "));
    if (entry.comment !== undefined) lines.push(`${" ".repeat(7)}"${escapeControls(entry.comment)}"`);
  }
  if (shown.length < queue.entries.length) {
    lines.push(
      `  … and ${queue.entries.length - shown.length} more (--limit 0 shows all, --format json for everything)`,
    );
  }
  return escapeLines(`${lines.join("\n")}\n`);
}

/** A missing `--value` column is reported as such, not as an `--attribute` the user did not give. */
function blameValue(value: string | undefined): (error: unknown) => never {
  return (error) => {
    const missing = `--attribute: no column named ${JSON.stringify(value)}`;
    if (value !== undefined && error instanceof NpsError && error.message.startsWith(missing)) {
      throw new NpsError(error.code, `--value${error.message.slice("--attribute".length)}`);
    }
    throw error;
  };
}

/** CSV cells are text: the value column's numbers written as text become numbers, blanks `null`. */
function withNumericValue(response: NpsResponse, attribute: string): NpsResponse {
  const attributes = response.attributes;
  const raw = attributes?.[attribute];
  if (typeof raw !== "string") return response;
  const text = raw.trim();
  const number =
    text === "" ? null : /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
  if (number === undefined) {
    throw dataError(`--value: column ${JSON.stringify(attribute)} must hold numbers, received ${JSON.stringify(raw)}`);
  }
  return { ...response, attributes: { ...attributes, [attribute]: number } };
}

function positiveInteger(name: string, value: string): number {
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= 1 && Number.isSafeInteger(number))) {
    throw usageError(`--${name} must be a positive whole number, received ${JSON.stringify(value)}`);
  }
  return number;
}

function nonNegativeInteger(name: string, value: string): number {
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number)) {
    throw usageError(`--${name} must be a whole number (0 for all), received ${JSON.stringify(value)}`);
  }
  return number;
}

/** `--start YYYY-MM-DD`: that calendar day (read as noon UTC, so that any time zone keeps the day). */
function dayOption(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match === null ? undefined : new Date(`${match[1]}-${match[2]}-${match[3]}T12:00:00Z`);
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.trim()) {
    throw usageError(`--start must be a date YYYY-MM-DD, received ${JSON.stringify(value)}`);
  }
  return date;
}

/** `--working-days mon,tue,…` or `1,2,3` (0 = Sunday). */
function workingDaysOption(value: string): WeekDay[] {
  const days = value.split(",").map((part) => {
    const text = part.trim().toLowerCase().slice(0, 3);
    const named = DAY_NAMES.indexOf(text as (typeof DAY_NAMES)[number]);
    const day = named >= 0 ? named : /^[0-6]$/.test(text) ? Number(text) : -1;
    if (day < 0) {
      throw usageError(
        `--working-days must be days such as mon,tue,wed,thu,fri or 1,2,3,4,5, received ${JSON.stringify(value)}`,
      );
    }
    return day as WeekDay;
  });
  return [...new Set(days)];
}

function categoriesOption(value: string): Category[] {
  const names: Readonly<Record<string, Category>> = {
    detractor: "detractor",
    detractors: "detractor",
    passive: "passive",
    passives: "passive",
    promoter: "promoter",
    promoters: "promoter",
  };
  return value.split(",").map((part) => {
    const category = names[part.trim().toLowerCase()];
    if (category === undefined) {
      throw usageError(
        `--categories must list detractor, passive or promoter, separated by commas, received ${JSON.stringify(value)}`,
      );
    }
    return category;
  });
}
