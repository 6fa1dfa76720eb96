/**
 * Cross-validation folds by war: every candidate of a war lands in the same fold, so a forecaster
 * is never scored on a war whose other candidates it was fitted on (candidates of one war share
 * its belligerents, date and often their decision).
 */
import type { WarJoinRow } from '../../formats/warjoin.ts';
import { groupFolds } from '../backtest/folds.ts';

/**
 * Fold index (0..k−1) of each row: wars shuffled with the seeded generator and dealt round-robin
 * (backtest/folds.ts), so folds differ by at most one war and a seed always gives the same folds.
 */
export function warFolds(rows: readonly WarJoinRow[], k: number, seed: number): Int32Array {
  return groupFolds(
    rows.map((r) => String(r.warnum)),
    k,
    seed,
  );
}
