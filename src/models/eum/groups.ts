/**
 * Groups of actors at equal positions. Everything in a round that depends on a target's or a
 * voter's position only is computed once per group, not per actor (docs/spec/eum.md,
 * "Implementation and performance"); confrontations move actors exactly onto each other, so
 * groups grow as bargaining goes on (the EC case has 3 groups at the start).
 */
import type { EumWorkspace } from './workspace.ts';

/**
 * Sorts actors by position (insertion sort on last round's order: positions move little) and
 * fills the groups: `group`, `groups`, `gx` (ascending), `gn`, `gw`. Allocation-free.
 */
export function groupPositions(ws: EumWorkspace, x: Float64Array): void {
  const { order, group, gx, gn, gw, w, m } = ws;
  for (let t = 1; t < m; t++) {
    const key = order[t]!;
    const xk = x[key]!;
    let u = t - 1;
    while (u >= 0 && (x[order[u]!]! > xk || (x[order[u]!]! === xk && order[u]! > key))) {
      order[u + 1] = order[u]!;
      u--;
    }
    order[u + 1] = key;
  }
  let g = -1;
  let last = NaN;
  for (let t = 0; t < m; t++) {
    const i = order[t]!;
    const xi = x[i]!;
    if (g < 0 || xi !== last) {
      g++;
      gx[g] = xi;
      gn[g] = 0;
      gw[g] = 0;
      last = xi;
    }
    group[i] = g;
    gn[g] = gn[g]! + 1;
    gw[g] = gw[g]! + w[i]!;
  }
  ws.groups = g + 1;
}

/**
 * The c·s-weighted median of the grouped positions: the lowest position at which the weight at or
 * below reaches half the total, within a relative 1e-12 — the Condorcet winner under linear votes,
 * lowest on ties (docs/spec/eum.md step 2; the same rule as `core/weighted-median.ts`).
 */
export function groupMedian(ws: EumWorkspace): number {
  const { gx, gw, groups } = ws;
  let total = 0;
  for (let g = 0; g < groups; g++) total += gw[g]!;
  const half = total / 2;
  const tol = 1e-12 * total;
  let cum = 0;
  for (let g = 0; g < groups; g++) {
    cum += gw[g]!;
    if (cum >= half - tol) return gx[g]!;
  }
  return gx[groups - 1]!;
}

/** The c·s-weighted mean of the positions (docs/spec/models.md; docs/spec/eum.md step 8). */
export function weightedMean(ws: EumWorkspace, x: Float64Array): number {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < ws.m; i++) {
    sw += ws.w[i]!;
    swx += ws.w[i]! * x[i]!;
  }
  return swx / sw;
}

/**
 * Fills `rep` and `classW`: actors in one group with exactly the same risk exponent form a class
 * whose powers are computed once (needs `groupPositions` and the round's `risk`). Within a group
 * `order` lists actors by index, so a representative always precedes its class members.
 */
export function groupRiskClasses(ws: EumWorkspace): void {
  const { order, group, risk, w, rep, classW, m } = ws;
  for (let t = 0; t < m; t++) {
    const i = order[t]!;
    const g = group[i]!;
    const r = risk[i]!;
    rep[i] = i;
    classW[i] = w[i]!;
    for (let u = t - 1; u >= 0; u--) {
      const j = order[u]!;
      if (group[j] !== g) break;
      if (rep[j] === j && risk[j] === r) {
        rep[i] = j;
        classW[j] = classW[j]! + w[i]!;
        break;
      }
    }
  }
}
