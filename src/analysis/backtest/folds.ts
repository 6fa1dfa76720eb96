/**
 * Cross-validation folds by group (proposal): every issue of a proposal lands in the same fold,
 * so a model is never scored on an issue whose sibling issues it was fitted on (issues of one
 * proposal share actors, dates and often outcomes).
 */
import { createRng } from '../../core/rng.ts';

/**
 * Fold index (0..k−1) of each item, from its group id. The distinct groups are sorted, shuffled
 * with the seeded generator (Fisher–Yates) and dealt round-robin, so folds differ by at most one
 * group and the same seed always gives the same folds. k is capped at the number of groups.
 */
export function groupFolds(groups: readonly string[], k: number, seed: number): Int32Array {
  const distinct = [...new Set(groups)].sort();
  const folds = Math.max(1, Math.min(k, distinct.length));
  const rng = createRng(seed);
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j]!, distinct[i]!];
  }
  const foldOf = new Map(distinct.map((g, r) => [g, r % folds]));
  return Int32Array.from(groups, (g) => foldOf.get(g)!);
}
