/**
 * Paired, cluster (proposal) bootstrap of a difference in MAE: resample proposals with
 * replacement, keep all issues of each drawn proposal, and recompute MAE(a) − MAE(b). Issues of a
 * proposal are not independent, so resampling issues would understate the uncertainty.
 */
import { createRng } from '../../core/rng.ts';
import { quantileSorted } from './quantile.ts';

export interface PairedDifference {
  /** MAE(a) − MAE(b) on the data (negative: a is better). */
  readonly diff: number;
  /** Percentile interval of the bootstrap differences. */
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
  readonly replicates: number;
  /** Share of replicates in which a beats b (MAE(a) < MAE(b)). */
  readonly shareBetter: number;
}

export function pairedBootstrap(
  absErrA: ArrayLike<number>,
  absErrB: ArrayLike<number>,
  groups: readonly string[],
  opts: { replicates?: number; level?: number; seed: number },
): PairedDifference {
  const replicates = opts.replicates ?? 2000;
  const level = opts.level ?? 0.95;
  const ids = [...new Set(groups)].sort();
  const sumDiff = new Float64Array(ids.length);
  const count = new Float64Array(ids.length);
  const at = new Map(ids.map((g, i) => [g, i]));
  let total = 0;
  groups.forEach((g, i) => {
    const k = at.get(g)!;
    sumDiff[k]! += absErrA[i]! - absErrB[i]!;
    count[k]!++;
    total += absErrA[i]! - absErrB[i]!;
  });
  const rng = createRng(opts.seed);
  const diffs = new Float64Array(replicates);
  let better = 0;
  for (let r = 0; r < replicates; r++) {
    let s = 0;
    let c = 0;
    for (let j = 0; j < ids.length; j++) {
      const k = Math.floor(rng.next() * ids.length);
      s += sumDiff[k]!;
      c += count[k]!;
    }
    diffs[r] = s / c;
    if (diffs[r]! < 0) better++;
  }
  diffs.sort();
  return {
    diff: total / groups.length,
    lo: quantileSorted(diffs, (1 - level) / 2),
    hi: quantileSorted(diffs, (1 + level) / 2),
    level,
    replicates,
    shareBetter: better / replicates,
  };
}
