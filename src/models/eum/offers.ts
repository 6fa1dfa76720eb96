/**
 * Offers and moves (MODELS.md §2 step 7, after Scholz, Calbert & Smith 2011 and Bueno de Mesquita
 * 1994). Receiver i reads a = E(U_ij) and b = E(U_ji) for each j at another position:
 *   b > a > 0            → confrontation: i would move to x_j;
 *   b > 0 > a, b > |a|   → compromise: i would move to x_i + (x_j − x_i)|a/b|;
 *   b > 0 > a, b ≤ |a|   → capitulation to x_j (only when capitulation is on).
 * i takes the nearest confrontation; else the compromise with the smallest key
 * (|a| x_i + |b| x_j)/(|a| + |b|); else the nearest capitulation. Ties: the lower position, then
 * the lowest index (see `docs/models-eum.md` on why the position comes first).
 * Values within TIE_EPS count as equal, as in `octant.ts`.
 */
import { TIE_EPS } from './octant.ts';
import type { EumWorkspace } from './workspace.ts';

/** Offer kinds as small integers in the hot loop. */
export const NO_OFFER = 0;
export const CONFRONTATION = 1;
export const COMPROMISE = 2;
export const CAPITULATION = 3;
export type OfferKind = 0 | 1 | 2 | 3;

/** Receives every dyad and move of a round when a run is traced. */
export interface OfferRecorder {
  /** `same`: x_i = x_j (no offer is possible; recorded so that the dyad table is complete). */
  dyad(
    i: number,
    j: number,
    a: number,
    b: number,
    p: number,
    kind: OfferKind,
    to: number,
    same: boolean,
  ): void;
  move(i: number, j: number, kind: OfferKind, to: number): void;
}

/** Writes every actor's position after the round into `ws.next` and the number of movers into `ws.moved`. */
export function takeOffers(
  ws: EumWorkspace,
  x: Float64Array,
  recorder: OfferRecorder | null,
): void {
  const { m, group, s, aAlpha, aBeta, bAlpha, bBeta, P, next, capitulation, printed } = ws;
  const keyTol = TIE_EPS * ws.range;
  let moves = 0;
  for (let i = 0; i < m; i++) {
    const g = group[i]!;
    const xi = x[i]!;
    const si = s[i]!;
    const row = i * m;
    let conf = -1;
    let confDist = Infinity;
    let comp = -1;
    let compKey = Infinity;
    let compTo = xi;
    let cap = -1;
    let capDist = Infinity;
    for (let j = 0; j < m; j++) {
      const gj = group[j]!;
      if (gj === g && (recorder === null || j === i)) continue;
      const a = aAlpha[row + gj]! + s[j]! * aBeta[row + gj]!;
      const b = printed
        ? aAlpha[j * m + g]! + si * aBeta[j * m + g]!
        : bAlpha[row + gj]! + si * bBeta[row + gj]!;
      if (gj === g) {
        // Same position: no offer (P = 0). Recorded only so that the traced table is complete.
        recorder?.dyad(i, j, a, b, 0, NO_OFFER, xi, true);
        continue;
      }
      const xj = x[j]!;
      let kind: OfferKind = NO_OFFER;
      let to = xi;
      if (b > a + TIE_EPS && a > TIE_EPS) {
        kind = CONFRONTATION;
        to = xj;
        const dist = Math.abs(xj - xi);
        if (dist < confDist || (dist === confDist && xj < x[conf]!)) {
          conf = j;
          confDist = dist;
        }
      } else if (b > TIE_EPS && a < -TIE_EPS) {
        if (b > -a + TIE_EPS) {
          kind = COMPROMISE;
          to = xi + (xj - xi) * Math.abs(a / b);
          const key = (-a * xi + b * xj) / (b - a);
          if (key < compKey - keyTol) {
            comp = j;
            compKey = key;
            compTo = to;
          }
        } else if (capitulation) {
          kind = CAPITULATION;
          to = xj;
          const dist = Math.abs(xj - xi);
          if (dist < capDist || (dist === capDist && xj < x[cap]!)) {
            cap = j;
            capDist = dist;
          }
        }
      }
      if (recorder !== null) recorder.dyad(i, j, a, b, P[g * m + gj]!, kind, to, false);
    }
    let to = xi;
    if (conf >= 0) {
      to = x[conf]!;
      if (recorder !== null) recorder.move(i, conf, CONFRONTATION, to);
    } else if (comp >= 0) {
      to = compTo;
      if (recorder !== null) recorder.move(i, comp, COMPROMISE, to);
    } else if (cap >= 0) {
      to = x[cap]!;
      if (recorder !== null) recorder.move(i, cap, CAPITULATION, to);
    }
    if (to !== xi) moves++;
    next[i] = to;
  }
  ws.moved = moves;
}
