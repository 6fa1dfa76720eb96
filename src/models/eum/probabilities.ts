/**
 * P(g over u): the probability that an actor at group g's position prevails over one at u's
 * (docs/spec/eum.md step 3). Every actor k votes
 *   v_k(g over u) = c_k s_k [(|x_k − y_u|/R)^{r_k} − (|x_k − y_g|/R)^{r_k}],
 * positive exactly for the voters nearer g than u — for g < u the voter groups below the
 * midpoint, a prefix of the sorted groups. So with prefix sums over voter groups of
 * Σ_k c_k s_k D_k,u, every numerator Σ_k max(0, v_k) is one subtraction: O(groups²) per pass,
 * after O(m · groups) powers. `scholz2011`'s denominator Σ_k Σ_a Σ_b |v_k(a over b)| over all
 * ordered pairs of actors equals twice the sum of all numerators, so it costs nothing more.
 */
import type { EumWorkspace } from './workspace.ts';

/**
 * Fills `prefix`, `num` and `P` (and `acc` in pass 2). `withRisk` false: pass 1, every r = 1;
 * true: pass 2, voter k uses `ws.risk[k]` (needs `groupRiskClasses` first).
 */
export function fillProbabilities(ws: EumWorkspace, withRisk: boolean): void {
  const { m, groups, gx, gn, gw, group, rep, classW, risk, dist, logDist, acc, prefix, num, P } =
    ws;
  // acc[t][u] = Σ_{k in voter group t} w_k D_k,u.
  if (withRisk) {
    for (let t = 0; t < groups; t++) {
      const row = t * m;
      for (let u = 0; u < groups; u++) acc[row + u] = 0;
    }
    for (let k = 0; k < m; k++) {
      if (rep[k] !== k) continue; // counted with its class (`groupRiskClasses`)
      const t = group[k]!;
      const row = t * m;
      const wk = classW[k]!;
      const rk = risk[k]!;
      for (let u = 0; u < groups; u++) {
        if (u === t) continue;
        acc[row + u] = acc[row + u]! + wk * Math.exp(rk * logDist[row + u]!);
      }
    }
    // prefix[t][u] = Σ_{t' < t} acc[t'][u].
    for (let u = 0; u < groups; u++) prefix[u] = 0;
    for (let t = 0; t < groups; t++) {
      const from = t * m;
      const to = from + m;
      for (let u = 0; u < groups; u++) prefix[to + u] = prefix[from + u]! + acc[from + u]!;
    }
  } else {
    // Pass 1 (r = 1): acc[t][u] = (Σ c·s of group t) · d, summed straight into the prefix rows.
    for (let u = 0; u < groups; u++) prefix[u] = 0;
    for (let t = 0; t < groups; t++) {
      const from = t * m;
      const to = from + m;
      const wt = gw[t]!;
      for (let u = 0; u < groups; u++) prefix[to + u] = prefix[from + u]! + wt * dist[from + u]!;
    }
  }
  const end = groups * m;
  let total = 0;
  for (let g = 0; g < groups; g++) {
    num[g * m + g] = 0;
    // b: voter groups [0, b) are strictly nearer g than u. It only grows with u.
    let b = g + 1;
    for (let u = g + 1; u < groups; u++) {
      while (b < u && Math.abs(gx[b]! - gx[g]!) < Math.abs(gx[b]! - gx[u]!)) b++;
      const at = b * m;
      // Voters at the midpoint vote 0 either way, so [b, groups) may hold them harmlessly.
      const gOverU = prefix[at + u]! - prefix[at + g]!;
      const uOverG = prefix[end + g]! - prefix[at + g]! - (prefix[end + u]! - prefix[at + u]!);
      const ng = gOverU > 0 ? gOverU : 0;
      const nu = uOverG > 0 ? uOverG : 0;
      num[g * m + u] = ng;
      num[u * m + g] = nu;
      total += gn[g]! * gn[u]! * (ng + nu);
    }
  }
  if (ws.printed) {
    // Printed: P_ij = Σ_k max(0, v_k) / Σ_k |v_k| over the pair only (0 when that sum is 0).
    for (let g = 0; g < groups; g++) {
      P[g * m + g] = 0;
      for (let u = g + 1; u < groups; u++) {
        const ng = num[g * m + u]!;
        const nu = num[u * m + g]!;
        const den = ng + nu;
        P[g * m + u] = den > 0 ? ng / den : 0;
        P[u * m + g] = den > 0 ? nu / den : 0;
      }
    }
  } else {
    // scholz2011: one denominator, 2 Σ over ordered actor pairs of the numerators.
    const den = 2 * total;
    for (let g = 0; g < groups; g++) {
      const row = g * m;
      for (let u = 0; u < groups; u++) P[row + u] = den > 0 ? num[row + u]! / den : 0;
    }
  }
}
