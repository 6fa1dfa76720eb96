/**
 * KTAB's spatial utility. Source: KTAB `smp.cpp`, `SMPModel::bvDiff` and `SMPModel::bsUtil`
 * (docs/spec/smp.md, "Distance" and "Utility").
 */

/**
 * Salience-weighted distance from actor i's ideal (`ideal[oi..]`, saliences `salience[oi..]`)
 * to the position `pos[oj..]`, all on [0,1]:
 * d = sqrt(Σ_k (s_ik (q_ik − y_k))² / Σ_k s_ik²), in [0, 1]. The squares are formed exactly as
 * KTAB forms them ((d·s)², then the sums), so results agree to the last bit. An actor with no
 * salience anywhere is indifferent: distance 0.
 */
export function salienceDistance(
  ideal: Float64Array,
  salience: Float64Array,
  oi: number,
  pos: Float64Array,
  oj: number,
  dims: number,
): number {
  let dsSqr = 0;
  let ssSqr = 0;
  for (let k = 0; k < dims; k++) {
    const s = salience[oi + k]!;
    const ds = (ideal[oi + k]! - pos[oj + k]!) * s;
    dsSqr += ds * ds;
    ssSqr += s * s;
  }
  return ssSqr > 0 ? Math.sqrt(dsSqr / ssSqr) : 0;
}

/**
 * u(d; R) = (1 − d)(1 + R d) for d ≤ 1, (1 − d)(1 + R) beyond: R = +1 risk-averse, 0 linear,
 * −1 risk-seeking (KTAB `SMPModel::bsUtil`).
 */
export function smpUtility(d: number, r: number): number {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}
