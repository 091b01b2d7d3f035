import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import type { AttributeValue, NpsResponse } from "../core/response.js";
import { describeValue } from "../internal/describe.js";
import { createRandom, type RandomSource } from "../internal/random.js";

/** Options of {@link sampleResponses}. */
export interface SampleOptions {
  /**
   * Seed of the generator: any safe integer (only its low 32 bits are used). The same seed gives the
   * same responses on every platform.
   * @defaultValue 2026
   */
  readonly seed?: number;
  /** Number of responses, an integer from 0 to 1,000,000. @defaultValue 2000 */
  readonly size?: number;
}

/** First instant of the sample period, 2024-12-01T00:00:00Z. */
const START_MS = Date.UTC(2024, 11, 1);
/** End of the sample period (exclusive), 2026-12-01T00:00:00Z: 730 days after the start. */
const END_MS = Date.UTC(2026, 11, 1);
const DAY_MS = 86_400_000;
const DEFAULT_SEED = 2026;
const DEFAULT_SIZE = 2000;
const MAX_SIZE = 1_000_000;

/**
 * A realistic, reproducible set of survey responses for trying npskit: the data the `npskit`
 * command reports on when it is given no file.
 *
 * What is in it (default options: seed 2026, 2,000 responses, sorted by date):
 * - Dates from 2024-12-01 to 2026-11-30 (UTC, a fixed calendar range, never relative to today).
 * - `respondentId` like `"C00042"`; about a third of the customers answer 2 to 4 times, 60 to 120
 *   days apart, and a customer's answers are correlated.
 * - `attributes.plan`: `"free"`, `"team"`, `"business"`, `"enterprise"`;
 *   `attributes.country`: `"US"`, `"GB"`, `"DE"`, `"FR"`, `"BR"`, `"IN"`, or `null` for about 1% of
 *   the responses (a missing value); `attributes.channel`: `"email"`, `"in-app"`, `"web"`;
 *   `attributes.spend`: monthly spend in dollars (a number with cents), log-normal and so skewed,
 *   higher on bigger plans.
 * - Structure worth finding: the `business` plan improves steadily over the 24 months, the `free`
 *   plan declines, the other plans are stable; a higher spend goes with a slightly higher score
 *   (a weak relationship); `enterprise` scores a little higher overall.
 * - About one response in eight has a short `comment`, chosen from a few plausible ones per
 *   category; the others have none.
 * - No weights.
 *
 * Every draw comes from the seeded xoshiro128** generator and only exact IEEE arithmetic (no
 * `Math.exp` or `Math.log`, whose last bit may differ between engines), so the data are identical
 * in every browser and runtime. O(size).
 *
 * @param options - Seed and size.
 * @returns `size` responses, oldest first (a new array on each call).
 * @throws {@link NpsError} `invalid_option` when `seed` is not a safe integer or `size` is not an
 * integer from 0 to 1,000,000.
 * @example
 * ```ts
 * import { nps, sampleResponses, tallyResponses } from "npskit";
 * const responses = sampleResponses();
 * responses.length; // => 2000
 * sampleResponses({ seed: 7, size: 5 }).length; // => 5
 * typeof nps(tallyResponses(responses)); // => "number"
 * ```
 * @category Sample
 */
export function sampleResponses(options: SampleOptions = {}): NpsResponse[] {
  checkOptions("sampleResponses", options);
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isSafeInteger(seed)) {
    throw new NpsError(
      "invalid_option",
      `sampleResponses: seed must be a safe integer, received ${describeValue(seed)}`,
    );
  }
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_SIZE) {
    throw new NpsError(
      "invalid_option",
      `sampleResponses: size must be an integer from 0 to 1000000, received ${describeValue(size)}`,
    );
  }
  const random = createRandom(seed);
  const drafts: Draft[] = [];
  let customer = 0;
  while (drafts.length < size) {
    customer++;
    addCustomer(random, customer, drafts);
  }
  drafts.length = size;
  drafts.sort((a, b) => a.time - b.time || a.order - b.order);
  return drafts.map(toResponse);
}

/** A response before it is frozen into an {@link NpsResponse}. */
interface Draft {
  readonly time: number;
  readonly order: number;
  readonly score: number;
  readonly respondentId: string;
  readonly comment: string | undefined;
  readonly attributes: Record<string, AttributeValue>;
}

const PLANS = ["free", "team", "business", "enterprise"] as const;
const PLAN_WEIGHTS = [0.4, 0.3, 0.2, 0.1];
/** Median monthly spend by plan, in dollars. */
const PLAN_SPEND = [4, 40, 220, 1500];
const COUNTRIES = ["US", "GB", "DE", "FR", "BR", "IN"] as const;
const COUNTRY_WEIGHTS = [0.38, 0.16, 0.14, 0.12, 0.1, 0.1];
const CHANNELS = ["email", "in-app", "web"] as const;
const CHANNEL_WEIGHTS = [0.5, 0.3, 0.2];

const COMMENTS = {
  promoter: [
    "Setup took five minutes and it just works.",
    "Support answered within the hour.",
    "The new dashboard saves me a lot of time.",
    "Great value for what we pay.",
  ],
  passive: [
    "Good, but the mobile app is slow.",
    "Does the job. Pricing is a bit confusing.",
    "Fine overall, exports could be better.",
  ],
  detractor: [
    "Too expensive for a small team.",
    "Sync broke twice this month.",
    "Support took a week to reply.",
    "Missing features we need, moving elsewhere.",
  ],
} as const;

/** Draws one customer and appends their one to four answers (those inside the period). */
function addCustomer(random: RandomSource, customer: number, drafts: Draft[]): void {
  const plan = pick(random, PLAN_WEIGHTS);
  const country = pick(random, COUNTRY_WEIGHTS);
  const spendZ = standardNormal(random);
  const spend = Math.round(100 * (PLAN_SPEND[plan] as number) * exp(0.9 * spendZ)) / 100;
  const customerEffect = 0.9 * standardNormal(random);
  const answers = pick(random, [0.68, 0.2, 0.08, 0.04]) + 1;
  const respondentId = `C${String(customer).padStart(5, "0")}`;
  let time = START_MS + Math.floor((random.nextDouble() * (END_MS - START_MS)) / 1000) * 1000;
  for (let k = 0; k < answers && time < END_MS; k++) {
    const progress = (time - START_MS) / (END_MS - START_MS);
    const latent = 8.1 + planEffect(plan, progress) + 0.35 * spendZ + customerEffect + 1.7 * standardNormal(random);
    const score = Math.min(10, Math.max(0, Math.round(latent)));
    const category = score >= 9 ? "promoter" : score <= 6 ? "detractor" : "passive";
    const texts = COMMENTS[category];
    const comment = random.nextDouble() < 0.125 ? texts[Math.floor(random.nextDouble() * texts.length)] : undefined;
    const missingCountry = random.nextDouble() < 0.01;
    drafts.push({
      time,
      order: drafts.length,
      score,
      respondentId,
      comment,
      attributes: {
        plan: PLANS[plan] as string,
        country: missingCountry ? null : (COUNTRIES[country] as string),
        channel: CHANNELS[pick(random, CHANNEL_WEIGHTS)] as string,
        spend,
      },
    });
    time += (60 + Math.floor(random.nextDouble() * 61)) * DAY_MS + Math.floor(random.nextDouble() * 86_400) * 1000;
  }
}

/** The plan's shift of the latent score at `progress` (0 at the start of the period, 1 at the end). */
function planEffect(plan: number, progress: number): number {
  switch (plan) {
    case 0: // free: declining
      return 0.5 - 1.8 * progress;
    case 2: // business: improving
      return -1.1 + 2.2 * progress;
    case 3: // enterprise: a little higher, stable
      return 0.4;
    default:
      return 0;
  }
}

function toResponse(draft: Draft): NpsResponse {
  const attributes = Object.assign(Object.create(null) as Record<string, AttributeValue>, draft.attributes);
  const base = { score: draft.score, date: new Date(draft.time), respondentId: draft.respondentId };
  return draft.comment === undefined ? { ...base, attributes } : { ...base, comment: draft.comment, attributes };
}

/** An index drawn with the given probabilities (which add up to 1). */
function pick(random: RandomSource, weights: ReadonlyArray<number>): number {
  let u = random.nextDouble();
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i] as number;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** An approximately standard normal draw: the sum of 12 uniforms minus 6 (exact arithmetic only). */
function standardNormal(random: RandomSource): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += random.nextDouble();
  return sum - 6;
}

/**
 * e^x for |x| ≤ 6 with basic arithmetic only, so that it gives the same bits on every engine:
 * x = k·ln2/8 + r with |r| ≤ ln2/16, a Taylor series for e^r, then (2^(1/8))^k by repeated
 * multiplication.
 */
function exp(x: number): number {
  const step = 0.08664339756999316; // ln(2) / 8
  const root = 1.0905077326652577; // 2^(1/8)
  const k = Math.round(x / step);
  const r = x - k * step;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 14; n++) {
    term = (term * r) / n;
    sum += term;
  }
  const factor = k < 0 ? 1 / root : root;
  for (let i = 0; i < Math.abs(k); i++) sum *= factor;
  return sum;
}
