// Synthetic responses for the benchmarks: deterministic, no dependency on the package's sample.

/** A small linear congruential generator: the benchmarks need repeatable data, not quality. */
export function lcg(seed = 1) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

const START = Date.UTC(2023, 0, 1);
const SPAN = 3 * 365 * 86_400_000;

/** n responses over three years from 2023, with a segment attribute of `segments` values. */
export function makeResponses(n, { segments = 50, seed = 7 } = {}) {
  const random = lcg(seed);
  const responses = new Array(n);
  for (let i = 0; i < n; i++) {
    const segment = Math.floor(random() * segments);
    responses[i] = {
      score: Math.min(10, Math.floor(random() * 11 + (segment % 3) * 0.5)),
      date: new Date(START + Math.floor(random() * SPAN)),
      respondentId: `r${Math.floor(random() * (n / 3))}`,
      attributes: { segment: `s${segment}`, spend: Math.round(random() * 1000) },
    };
  }
  return responses;
}

/** The naive per-group tally: filter the array once per group and count. */
export function naiveTally(responses) {
  return {
    promoters: responses.filter((r) => r.score >= 9).length,
    passives: responses.filter((r) => r.score >= 7 && r.score <= 8).length,
    detractors: responses.filter((r) => r.score <= 6).length,
  };
}
