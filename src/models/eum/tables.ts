/**
 * Per-round group × group tables: distances, the bases of the utilities of docs/spec/eum.md step 4
 * and their logs. Pass 2 raises them to each actor's exponent as exp(r · log base) — one `exp` per
 * use instead of a `Math.pow`, the logs taken once per round (docs/spec/eum.md, "Implementation and performance").
 * A base of 0 has log −∞, and exp(r · −∞) = 0 = 0^r for every r in [0.5, 2].
 */
import type { EumWorkspace } from './workspace.ts';

/** log 0.5: the base of U_s, U_f and U_sq at distance 0. */
export const LOG_HALF = Math.log(0.5);

/**
 * Fills `dist` and the logs of d, 0.5 − 0.5d and 0.5 + 0.5d for the round's median μ, and
 * `bargain` and its log
 * when Q ≠ 1.
 */
export function fillRoundTables(ws: EumWorkspace, mu: number): void {
  const { m, groups, gx, dist, logDist, logLo, logHi, bargain, logBargain } = ws;
  const R = ws.range;
  const needBargain = ws.Q !== 1;
  for (let g = 0; g < groups; g++) {
    const row = g * m;
    // Step 1: distances |x_i − x_j| / R, clamped to [0, 1]. Symmetric: fill both halves at once.
    dist[row + g] = 0;
    logDist[row + g] = -Infinity;
    logLo[row + g] = LOG_HALF;
    logHi[row + g] = LOG_HALF;
    for (let u = g + 1; u < groups; u++) {
      const d = Math.min(1, (gx[u]! - gx[g]!) / R); // groups ascend: gx[u] > gx[g]
      const l = 0.5 - 0.5 * d;
      const h = 0.5 + 0.5 * d;
      const ld = Math.log(d);
      const ll = Math.log(l);
      const lh = Math.log(h);
      const col = u * m + g;
      dist[row + u] = d;
      dist[col] = d;
      logDist[row + u] = ld;
      logDist[col] = ld;
      logLo[row + u] = ll;
      logLo[col] = ll;
      logHi[row + u] = lh;
      logHi[col] = lh;
    }
    // Steps 4–5: challenger g against u. T = 1 when |x_g − μ| < |x_g − x_u|: U_b's base, else U_w's.
    // Only the bargaining term (1 − Q)[…] reads these, and it vanishes at the default Q = 1.
    if (!needBargain) continue;
    const toMedian = Math.abs(gx[g]! - mu);
    const mg = Math.min(1, toMedian / R); // m = |x_g − μ| / R
    for (let u = 0; u < groups; u++) {
      const d = dist[row + u]!;
      const base =
        toMedian < Math.abs(gx[g]! - gx[u]!)
          ? Math.max(0, 0.5 - 0.25 * (mg + d))
          : 0.5 + 0.25 * (mg + d);
      bargain[row + u] = base;
      logBargain[row + u] = Math.log(base);
    }
  }
}
