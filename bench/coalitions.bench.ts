/**
 * Coalition analytics: exact Banzhaf and Shapley–Shubik indices of weighted majority games with 50
 * and 200 players (integer weights 1..100 drawn with a fixed seed, quota a simple majority), and the
 * O(3^n) coalition-structure DP for 16, 18 and 20 players (time and the typed arrays it allocates).
 * One core; figures, not pass/fail.
 */
import { banzhaf } from '../src/coalitions/power/banzhaf.ts';
import { shapleyShubik } from '../src/coalitions/power/shapley-shubik.ts';
import { optimalCoalitionStructure } from '../src/coalitions/stability/coalition-structure.ts';
import { createRng } from '../src/core/rng.ts';
import type { BenchRow } from './measure.ts';

/** Milliseconds of the fastest of `repeat` calls (after one warm-up call when `warm`). */
function bestMs(fn: () => void, repeat: number, warm = true): number {
  if (warm) fn();
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

export function benchCoalitions(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const n of [50, 200]) {
    const rng = createRng(42);
    const weights = Array.from({ length: n }, () => 1 + Math.floor(rng.next() * 100));
    const total = weights.reduce((a, b) => a + b, 0);
    const game = { weights, quota: Math.floor(total / 2) + 1 };
    const repeat = n <= 50 ? 5 : 1;
    rows.push({
      name: `Banzhaf, exact, ${n} players (quota ${game.quota})`,
      value: bestMs(() => banzhaf(game), repeat),
      unit: 'ms',
    });
    rows.push({
      name: `Shapley–Shubik, exact, ${n} players (quota ${game.quota})`,
      value: bestMs(() => shapleyShubik(game), repeat, n <= 50),
      unit: 'ms',
    });
  }
  for (const n of [16, 18, 20]) {
    const rng = createRng(7);
    const v = new Float64Array(2 ** n);
    for (let m = 1; m < v.length; m++) v[m] = rng.next();
    const ms = bestMs(() => optimalCoalitionStructure(v, n), 1, false);
    rows.push({
      name: `coalition-structure DP, ${n} players (3^n/2 steps)`,
      value: ms,
      unit: 'ms',
    });
    // The DP allocates f (Float64Array) and the best bloc (Int32Array) per subset: 12·2^n bytes;
    // the value table v (Float64Array, 8·2^n bytes) is its input.
    rows.push({
      name: `coalition-structure DP, ${n} players, memory (f, best, v)`,
      value: (20 * 2 ** n) / 2 ** 20,
      unit: 'MB',
    });
  }
  return rows;
}
