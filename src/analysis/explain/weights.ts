/**
 * Weight shares and the pivotal actor of an issue: who holds how much of capability × salience,
 * and at whose position the weight at or below first reaches half (the weighted median's rule,
 * `src/core/weighted-median.ts`: lowest on ties, relative tolerance 1e-12). Shares come from
 * `weightShares` in diagnostics.ts, the one owner of that computation.
 */
import { weightShares } from '../diagnostics.ts';

export interface Pivot {
  /** The weighted median: the pivotal actors' common position. */
  readonly position: number;
  /** Indexes (into the actors given) of every actor with weight at that position. */
  readonly actors: number[];
  /** Their combined share. */
  readonly share: number;
  /** Share of the actors strictly below / above the position. */
  readonly below: number;
  readonly above: number;
}

/** The pivot of `positions` under `shares` (summing to 1); null when every share is 0. */
export function pivotOf(positions: readonly number[], shares: readonly number[]): Pivot | null {
  const total = shares.reduce((t, s) => t + s, 0);
  if (!(total > 0)) return null;
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]! || a - b);
  let cum = 0;
  let at = positions[order[order.length - 1]!]!;
  for (const i of order) {
    cum += shares[i]!;
    if (cum >= total / 2 - 1e-12 * total) {
      at = positions[i]!;
      break;
    }
  }
  const actors = positions.flatMap((x, i) => (x === at && shares[i]! > 0 ? [i] : []));
  const sum = (pred: (x: number) => boolean) =>
    positions.reduce((t, x, i) => (pred(x) ? t + shares[i]! : t), 0) / total;
  return {
    position: at,
    actors,
    share: sum((x) => x === at),
    below: sum((x) => x < at),
    above: sum((x) => x > at),
  };
}

export { weightShares };
