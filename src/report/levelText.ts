import { roundScore } from "../core/roundScore.js";

/**
 * A confidence level (0..1) as a percentage with at most `decimals` decimals — `95%`, `97.5%` — and
 * more when fewer would print 100% for a level below 1 (`99.9999999%`, not `100%`).
 */
export function levelText(level: number, decimals = 2): string {
  let places = decimals;
  let shown = roundScore(100 * level, places);
  while ((shown >= 100 || shown <= 0) && places < 15) {
    places++;
    shown = roundScore(100 * level, places);
  }
  return `${shown}%`;
}
