/**
 * Offers and moves (docs/spec/eum.md step 7, after Scholz, Calbert & Smith 2011 and Bueno de Mesquita
 * 1994). Receiver i reads a = E(U_ij) and b = E(U_ji) for each j at another position:
 *   b > a > 0            → confrontation: i would move to x_j;
 *   b > 0 > a, b > |a|   → compromise: i would move to x_i + (x_j − x_i)|a/b|;
 *   b > 0 > a, b ≤ |a|   → capitulation to x_j (only when capitulation is on).
 * i takes the nearest confrontation; else the compromise with the smallest key
 * (|a| x_i + |b| x_j)/(|a| + |b|); else the nearest capitulation. Ties: the lower position, then
 * the lowest index (see `docs/spec/eum.md` on why the position comes first).
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

/**
 * The offer receiver i would take from j, given a = E(U_ij) and b = E(U_ji) (step 7; values within
 * TIE_EPS count as equal). Small enough for V8 to inline into the loop below.
 */
export function offerKind(a: number, b: number, capitulation: boolean): OfferKind {
  if (b > a + TIE_EPS && a > TIE_EPS) return CONFRONTATION;
  if (b > TIE_EPS && a < -TIE_EPS) {
    if (b > -a + TIE_EPS) return COMPROMISE;
    if (capitulation) return CAPITULATION;
  }
  return NO_OFFER;
}

/**
 * Writes every actor's position after the round into `ws.next` and the number of movers into
 * `ws.moved`. This is the Monte Carlo hot loop, so the rules of `offerKind` are written out inline:
 * through the call (inlined or not) V8 runs it ~30% slower. `takeOffersTraced` is the same step
 * with every dyad recorded; a property test checks the two agree bit for bit.
 */
export function takeOffers(ws: EumWorkspace, x: Float64Array): void {
  const { m, group, rep, s, eu, next, capitulation, printed } = ws;
  const keyTol = TIE_EPS * ws.range;
  let moves = 0;
  for (let i = 0; i < m; i++) {
    const g = group[i]!;
    const xi = x[i]!;
    const si = s[i]!;
    const row = rep[i]! * m; // a class shares its representative's rows
    let conf = -1;
    let confDist = Infinity;
    let comp = -1;
    let compKey = Infinity;
    let compTo = xi;
    let cap = -1;
    let capDist = Infinity;
    for (let j = 0; j < m; j++) {
      const gj = group[j]!;
      if (gj === g) continue; // same position: no offer
      const at = (row + gj) * 4;
      const a = eu[at]! + s[j]! * eu[at + 1]!;
      const b = printed
        ? eu[(rep[j]! * m + g) * 4]! + si * eu[(rep[j]! * m + g) * 4 + 1]!
        : eu[at + 2]! + si * eu[at + 3]!;
      if (b > a + TIE_EPS && a > TIE_EPS) {
        // Confrontation: the nearest, then the lower position, then the lowest index.
        const xj = x[j]!;
        const dist = Math.abs(xj - xi);
        if (dist < confDist || (dist === confDist && xj < x[conf]!)) {
          conf = j;
          confDist = dist;
        }
      } else if (b > TIE_EPS && a < -TIE_EPS) {
        const xj = x[j]!;
        if (b > -a + TIE_EPS) {
          // Compromise: the smallest key (|a| x_i + |b| x_j)/(|a| + |b|).
          const key = (-a * xi + b * xj) / (b - a);
          if (key < compKey - keyTol) {
            comp = j;
            compKey = key;
            compTo = xi + (xj - xi) * Math.abs(a / b);
          }
        } else if (capitulation) {
          const dist = Math.abs(xj - xi);
          if (dist < capDist || (dist === capDist && xj < x[cap]!)) {
            cap = j;
            capDist = dist;
          }
        }
      }
    }
    const to = conf >= 0 ? x[conf]! : comp >= 0 ? compTo : cap >= 0 ? x[cap]! : xi;
    if (to !== xi) moves++;
    next[i] = to;
  }
  ws.moved = moves;
}

/** `takeOffers` with every dyad (a, b, P, offer) and every move handed to `recorder`. */
export function takeOffersTraced(ws: EumWorkspace, x: Float64Array, recorder: OfferRecorder): void {
  const { m, group, rep, s, eu, P, next, capitulation, printed } = ws;
  const keyTol = TIE_EPS * ws.range;
  let moves = 0;
  for (let i = 0; i < m; i++) {
    const g = group[i]!;
    const xi = x[i]!;
    const si = s[i]!;
    const row = rep[i]! * m; // a class shares its representative's rows
    let best = -1;
    let bestKind: OfferKind = NO_OFFER;
    let bestRank = Infinity;
    let bestTo = xi;
    for (let j = 0; j < m; j++) {
      if (j === i) continue;
      const gj = group[j]!;
      const at = (row + gj) * 4;
      const a = eu[at]! + s[j]! * eu[at + 1]!;
      const b = printed
        ? eu[(rep[j]! * m + g) * 4]! + si * eu[(rep[j]! * m + g) * 4 + 1]!
        : eu[at + 2]! + si * eu[at + 3]!;
      if (gj === g) {
        // Same position: no offer (P = 0). Recorded so that the dyad table is complete.
        recorder.dyad(i, j, a, b, 0, NO_OFFER, xi, true);
        continue;
      }
      const xj = x[j]!;
      const kind = offerKind(a, b, capitulation);
      const to =
        kind === NO_OFFER ? xi : kind === COMPROMISE ? xi + (xj - xi) * Math.abs(a / b) : xj;
      recorder.dyad(i, j, a, b, P[g * m + gj]!, kind, to, false);
      if (kind === NO_OFFER || (bestKind !== NO_OFFER && kind > bestKind)) continue;
      // Within a kind: confrontations and capitulations rank by distance (then the lower
      // position), compromises by key, with the same tie rules as `takeOffers`.
      const rank = kind === COMPROMISE ? (-a * xi + b * xj) / (b - a) : Math.abs(xj - xi);
      const better =
        kind !== bestKind ||
        (kind === COMPROMISE
          ? rank < bestRank - keyTol
          : rank < bestRank || (rank === bestRank && xj < x[best]!));
      if (better) {
        best = j;
        bestKind = kind;
        bestRank = rank;
        bestTo = to;
      }
    }
    if (best >= 0) recorder.move(i, best, bestKind, bestTo);
    if (bestTo !== xi) moves++;
    next[i] = bestTo;
  }
  ws.moved = moves;
}
