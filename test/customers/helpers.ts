import type { NpsResponse } from "../../src/index.js";

/** A score of each category: promoter 10, passive 8, detractor 0 (indices 0, 1, 2). */
export const SCORE_OF = [10, 8, 0] as const;

/**
 * Two waves whose matched panel has the given 3×3 cells (row by row: first-wave category promoter,
 * passive, detractor; second-wave category across, same order), one respondent per pair.
 */
export function wavesOf(cells: ReadonlyArray<number>): { before: NpsResponse[]; after: NpsResponse[] } {
  const before: NpsResponse[] = [];
  const after: NpsResponse[] = [];
  let id = 0;
  for (let from = 0; from < 3; from++) {
    for (let to = 0; to < 3; to++) {
      for (let k = 0; k < (cells[from * 3 + to] ?? 0); k++) {
        const respondentId = `R${id++}`;
        before.push({ score: SCORE_OF[from] as number, respondentId });
        after.push({ score: SCORE_OF[to] as number, respondentId });
      }
    }
  }
  return { before, after };
}

/** Calls `f` and returns what it threw (fails the test when it does not throw). */
export function thrown(f: () => unknown): { code?: string; message: string; issues?: ReadonlyArray<unknown> } {
  try {
    f();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected an error");
}
