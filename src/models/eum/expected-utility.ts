/**
 * Expected utilities, security levels and risk exponents (docs/spec/eum.md steps 4–6, after Scholz,
 * Calbert & Smith 2011 and Bueno de Mesquita 1994).
 *
 * E(U_ij) = s_j [P_ij U_s + (1 − P_ij) U_f] + (1 − s_j) U_s − Q U_sq − (1 − Q)[T U_b + (1 − T) U_w]
 * is linear in the target's salience s_j: E = alpha + s_j · beta with
 *   alpha = U_s − Q U_sq − (1 − Q) X,  beta = (1 − P_ij)(U_f − U_s),  X = T ? U_b : U_w,
 * and alpha, beta depend on j only through j's position. So they are tabled per actor and group.
 */
import { TIE_EPS } from './octant.ts';
import { LOG_HALF } from './tables.ts';
import type { EumWorkspace } from './workspace.ts';

/**
 * Pass 1 (every r = 1): S_i = Σ_{j≠i} E(U_ji), what the others expect from challenging i
 * (step 6). With r = 1 the utilities are linear in the bases: U = 2 − 4·base, U_sq = 0.
 * Needs `fillProbabilities(ws, false)` first.
 */
export function fillSecurity(ws: EumWorkspace): void {
  const { m, groups, group, gn, s, dist, bargain, P, security } = ws;
  const oneMinusQ = 1 - ws.Q;
  const withBargain = ws.Q !== 1; // `bargain` is only filled then (`fillRoundTables`)
  for (let i = 0; i < m; i++) {
    const g = group[i]!;
    const si = s[i]!;
    let sum = 0;
    for (let u = 0; u < groups; u++) {
      // Challenger at u, target i at g.
      const ug = u * m + g;
      const d = dist[ug]!;
      const us = 2 - 4 * (0.5 - 0.5 * d);
      const uf = 2 - 4 * (0.5 + 0.5 * d);
      // At Q = 1 the bargaining term is 0 and `us − 0` is `us` exactly.
      const e =
        (withBargain ? us - oneMinusQ * (2 - 4 * bargain[ug]!) : us) +
        si * (1 - P[ug]!) * (uf - us);
      // Every j ≠ i: the whole group u, less i itself in its own group.
      sum += (u === g ? gn[u]! - 1 : gn[u]!) * e;
    }
    security[i] = sum;
  }
}

/**
 * R_i = (2S_i − S_max − S_min)/(S_max − S_min), r_i = (1 − R_i/3)/(1 + R_i/3) in [0.5, 2]
 * (step 6). Equal security levels (within a relative 1e-12, so that rounding noise cannot swing
 * R_i between −1 and 1) give every actor r = 1.
 */
export function fillRisk(ws: EumWorkspace): void {
  const { m, security, risk } = ws;
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < m; i++) {
    const v = security[i]!;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const spread = max - min;
  const flat = spread <= TIE_EPS * (1 + Math.max(Math.abs(max), Math.abs(min)));
  for (let i = 0; i < m; i++) {
    const R = flat ? 0 : (2 * security[i]! - max - min) / spread;
    risk[i] = (1 - R / 3) / (1 + R / 3);
  }
}

/**
 * Pass 2: for each class representative i (`rep[i] = i`; the other members of its class read its
 * rows) and group u, the alpha/beta of a = E(U_iu) with r_i and — in `scholz2011` — of
 * b = E(U_ui) with r_i too (the receiver's exponent, step 7). `printed` reads b
 * with the challenger's own r_j, which is j's own `a` table, so it needs no `b` table.
 * Needs `groupRiskClasses` and `fillProbabilities(ws, true)` first.
 */
export function fillExpectedUtilities(ws: EumWorkspace): void {
  const { m, groups, group, rep, risk, logLo, logHi, logBargain, P, eu } = ws;
  const Q = ws.Q;
  const oneMinusQ = 1 - Q;
  const printed = ws.printed;
  for (let i = 0; i < m; i++) {
    const row = i * m;
    // Same position, same exponent: the class representative's rows serve (`groupRiskClasses`).
    if (rep[i] !== i) continue;
    const g = group[i]!;
    const r = risk[i]!;
    const half = Math.exp(r * LOG_HALF); // 0.5^r: U_sq, and U_s = U_f at distance 0
    const usq = 2 - 4 * half;
    const qUsq = Q * usq;
    // Own group: distance 0, so U_s = U_f = U_sq (written out: a branch in the loop costs more).
    const own = g * m + g;
    eu[(row + g) * 4] = usq - qUsq;
    eu[(row + g) * 4 + 1] = (1 - P[own]!) * (usq - usq);
    if (!printed) {
      eu[(row + g) * 4 + 2] = usq - qUsq;
      eu[(row + g) * 4 + 3] = (1 - P[own]!) * (usq - usq);
    }
    for (let u = 0; u < groups; u++) {
      if (u === g) continue;
      const gu = g * m + u;
      const us = 2 - 4 * Math.exp(r * logLo[gu]!);
      const uf = 2 - 4 * Math.exp(r * logHi[gu]!);
      const base = us - qUsq;
      const spread = uf - us;
      eu[(row + u) * 4] = base;
      eu[(row + u) * 4 + 1] = (1 - P[gu]!) * spread;
      // b's slots, read only in scholz2011 (`printed` reads j's own a): written always, as a
      // branch here costs more than the two stores.
      eu[(row + u) * 4 + 2] = base;
      eu[(row + u) * 4 + 3] = (1 - P[u * m + g]!) * spread;
    }
    // The bargaining term −(1 − Q)[T U_b + (1 − T) U_w] vanishes at the default Q = 1. It is added
    // in a loop of its own: a never-taken branch inside the loop above costs V8 a third of its speed.
    if (Q !== 1) {
      for (let u = 0; u < groups; u++) {
        eu[(row + u) * 4] =
          eu[(row + u) * 4]! - oneMinusQ * (2 - 4 * Math.exp(r * logBargain[g * m + u]!));
        if (!printed) {
          eu[(row + u) * 4 + 2] =
            eu[(row + u) * 4 + 2]! - oneMinusQ * (2 - 4 * Math.exp(r * logBargain[u * m + g]!));
        }
      }
    }
  }
}
