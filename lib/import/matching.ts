// How much a place already known from another source looks like a row of the file, and what the
// import does about it: complete it (the same place), create the row's place and flag the pair for
// a manual merge, or create it without a flag.
import type { DuplicateAction } from './report';

/** How much a candidate looks like the row, and what to do about it. */
export function scoreMatch(match: { sim: number; dist: number | null; sameAddress: boolean }): { score: number; action: DuplicateAction } {
  const proximity = match.dist === null ? (match.sameAddress ? 0.8 : 0) : match.dist <= 50 ? 1 : match.dist <= 150 ? 0.7 : match.dist <= 300 ? 0.4 : 0;
  const score = Math.min(1, 0.6 * match.sim + 0.25 * proximity + 0.15 * (match.sameAddress ? 1 : 0));
  const near = match.dist === null ? match.sameAddress : match.dist <= 200;
  const action: DuplicateAction =
    (match.sim >= 0.85 && near) || (match.sim >= 0.75 && score >= 0.85)
      ? 'update'
      : (score >= 0.55 && match.sim >= 0.4) ||
          (match.sameAddress && near && match.sim >= 0.25) ||
          (match.dist !== null && match.dist <= 25 && match.sim >= 0.35)
        ? 'merge'
        : 'create';
  return { score: Math.round(score * 100) / 100, action };
}
