import { parseArgs } from "node:util";
import {
  type CategoryValues,
  levelText,
  marginOfErrorForSampleSize,
  requiredSampleSize,
  roundScore,
} from "../index.js";
import { SAMPLE_SIZE_HELP } from "./help.js";
import { type CliIo, usageError } from "./io.js";
import { choice, levelOption, SAMPLE_SIZE_OPTIONS } from "./options.js";

/** Sizes whose margins the text output lists for comparison. */
const SIZES = [100, 200, 400, 1000, 2000, 5000] as const;

/** `npskit sample-size --margin <points>`: returns the exit status. */
export function sampleSize(args: ReadonlyArray<string>, io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: SAMPLE_SIZE_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    io.stdout(SAMPLE_SIZE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw usageError(`sample-size takes no file, received ${JSON.stringify(positionals[0])}`);
  if (values.margin === undefined) throw usageError("sample-size needs --margin <points>, e.g. --margin 5");
  const margin = /^\s*(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(values.margin) ? Number(values.margin) : Number.NaN;
  if (!(margin > 0 && margin <= 200)) {
    throw usageError(
      `--margin must be a number of NPS points greater than 0 and at most 200, received ${JSON.stringify(values.margin)}`,
    );
  }
  const level = levelOption(values.level);
  const format = choice("format", values.format, ["text", "json"] as const, "text");
  const shares = values.shares === undefined ? undefined : sharesOption(values.shares);
  const plan = { level, ...(shares === undefined ? {} : { shares }) };
  const needed = requiredSampleSize({ marginOfError: margin, ...plan });
  const achieved = marginOfErrorForSampleSize(needed, plan);
  if (format === "json") {
    const document = {
      marginOfError: margin,
      level,
      shares: shares ?? null,
      requiredSampleSize: needed,
      achievedMarginOfError: achieved,
    };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  }
  const confidence = levelText(level);
  const assumed =
    shares === undefined
      ? "the worst case (half promoters, half detractors)"
      : `promoters ${percent(shares.promoters)}, passives ${percent(shares.passives)}, detractors ${percent(shares.detractors)}`;
  const lines = [
    `Responses needed  ${needed}`,
    `Margin of error   ±${margin} points at ${confidence} confidence (±${roundScore(achieved, 2).toFixed(2)} with ${needed} responses)`,
    `Assumed shares    ${assumed}`,
    "",
    "Responses  Margin (points)",
    ...SIZES.map((n) => `${String(n).padStart(9)}  ±${roundScore(marginOfErrorForSampleSize(n, plan), 1).toFixed(1)}`),
  ];
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

/** `--shares p,o,d`: three non-negative numbers, proportions or percentages, made to add up to 1. */
function sharesOption(value: string): CategoryValues {
  const parts = value.split(",").map((part) => (/^\s*\d*\.?\d+\s*$/.test(part) ? Number(part) : Number.NaN));
  const [promoters, passives, detractors] = parts;
  if (
    parts.length !== 3 ||
    promoters === undefined ||
    passives === undefined ||
    detractors === undefined ||
    parts.some((part) => Number.isNaN(part)) ||
    promoters + passives + detractors === 0
  ) {
    throw usageError(
      `--shares must be three numbers for promoters, passives and detractors, e.g. 0.5,0.3,0.2, received ${JSON.stringify(value)}`,
    );
  }
  const total = promoters + passives + detractors;
  return { promoters: promoters / total, passives: passives / total, detractors: detractors / total };
}

function percent(share: number): string {
  return `${roundScore(100 * share, 1)}%`;
}
