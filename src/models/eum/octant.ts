/**
 * Bueno de Mesquita's dyadic octants: how receiver i and another actor j stand towards each other,
 * read from a = E(U_ij) (i's expected utility of challenging j) and b = E(U_ji) (j's of challenging
 * i), both as i perceives them (docs/spec/eum.md, "Dyad octants"; the quadrant charts of Bueno de
 * Mesquita 1994, as discussed by Scholz, Calbert & Smith 2011).
 */

/**
 * The octant ids. Besides BDM's eight regions (the two stalemate halves share one id):
 * `same-position` when x_i = x_j (no bargaining: P = 0, and with Q = 1 both values are 0), and
 * `indeterminate` on a boundary the literature leaves open (a or b within {@link TIE_EPS} of 0,
 * or a = b > 0).
 */
export type EumOctant =
  | 'conflict-i-prevails'
  | 'conflict-j-prevails'
  | 'compromise-j-concedes'
  | 'i-compels-j'
  | 'compromise-i-concedes'
  | 'j-compels-i'
  | 'stalemate'
  | 'same-position'
  | 'indeterminate';

/**
 * Expected utilities closer than this count as equal, and as 0 when this close to 0. The fast
 * path (exp/log tables, prefix sums) and a literal `Math.pow` transcription differ by ~1e-15;
 * without a margin, structural ties (two mirror-image actors) would fall either way by rounding,
 * and the result would depend on the actors' order.
 */
export const TIE_EPS = 1e-12;

/**
 * Classifies a dyad. The offers of step 7 follow the octants exactly: a confrontation comes from
 * `conflict-j-prevails`, a compromise from `compromise-i-concedes`, a capitulation from
 * `j-compels-i`.
 */
export function dyadOctant(a: number, b: number, samePosition: boolean): EumOctant {
  if (samePosition) return 'same-position';
  const sa = a > TIE_EPS ? 1 : a < -TIE_EPS ? -1 : 0;
  const sb = b > TIE_EPS ? 1 : b < -TIE_EPS ? -1 : 0;
  if (sa > 0 && sb > 0) {
    if (a > b + TIE_EPS) return 'conflict-i-prevails';
    if (b > a + TIE_EPS) return 'conflict-j-prevails';
    return 'indeterminate';
  }
  if (sa > 0 && sb < 0) return a > -b + TIE_EPS ? 'compromise-j-concedes' : 'i-compels-j';
  if (sa < 0 && sb > 0) return b > -a + TIE_EPS ? 'compromise-i-concedes' : 'j-compels-i';
  if (sa < 0 && sb < 0) return 'stalemate';
  return 'indeterminate';
}
