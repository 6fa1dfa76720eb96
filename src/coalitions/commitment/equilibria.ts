/**
 * Pure Nash equilibria of the candidates' game over commitment profiles, found exactly by
 * enumerating all L^N profiles (docs/spec/commitment.md §3), and the one selected:
 *
 * 1. **From today** (`best-response-path`): start from the levels the candidates hold today and let
 *    each in turn (scenario order) move to its best response to the others (Gauss–Seidel
 *    best-response dynamics; the lowest level on ties). If a full sweep moves nobody, that profile
 *    is an equilibrium — the one reached from where the candidates stand.
 * 2. Otherwise (the path cycles) **the equilibrium of highest total utility** (`welfare`) among all
 *    pure equilibria; ties go to the lowest total commitment, then to the first in enumeration order.
 * 3. No pure equilibrium (`none`): the profile where the path stopped, flagged.
 *
 * Candidates may be held fixed (`fixed[i] ≥ 0`), e.g. "who joins if Japan joins": the fixed ones do
 * not best-respond, the others play among themselves.
 */
import { ModelError } from '../../core/errors.ts';
import { type GameTables, TIE_TOLERANCE, bestResponse, utilityAt } from './game.ts';

/** The largest game enumerated: 10^7 profiles (about a second). 8 candidates × 5 levels is 390,625. */
export const MAX_PROFILES = 10_000_000;
/** Sweeps of the best-response path before it is declared cycling. */
export const MAX_SWEEPS = 100;
/** Equilibria kept (all are counted). */
export const DEFAULT_KEEP = 1000;

export type SelectionRule = 'best-response-path' | 'welfare' | 'none';

export interface EquilibriumSet {
  /** How many pure equilibria exist. */
  readonly count: number;
  /** The first `min(count, keep)` of them, n levels each, in enumeration order. */
  readonly profiles: Int32Array;
  readonly kept: number;
  /** Profiles examined (L^free). */
  readonly examined: number;
}

function profileCount(t: GameTables, free: number): number {
  return t.levels ** free;
}

/**
 * Every pure equilibrium. `fixed[i] ≥ 0` holds candidate i at that level (it need not best-respond);
 * null or −1 leaves it free. Throws a `ModelError` beyond {@link MAX_PROFILES} profiles.
 */
export function enumerateEquilibria(
  t: GameTables,
  fixed: Int32Array | null = null,
  keep = DEFAULT_KEEP,
): EquilibriumSet {
  const { n, levels: L, cm, exposure } = t;
  const freeIdx: number[] = [];
  const profile = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const f = fixed ? fixed[i]! : -1;
    if (f >= 0) profile[i] = f;
    else freeIdx.push(i);
  }
  const F = freeIdx.length;
  const total = profileCount(t, F);
  if (total > MAX_PROFILES) {
    throw new ModelError(
      `${L} levels and ${F} free candidates make ${L}^${F} = ${total.toExponential(2)} profiles, beyond the ${MAX_PROFILES.toExponential(0)} enumerated; use fewer candidates or levels`,
    );
  }
  const free = Int32Array.from(freeIdx);
  let cap = 0;
  let exp = 0;
  for (let j = 0; j < n; j++) {
    cap += cm[j * L + profile[j]!]!;
    exp += exposure[profile[j]!]!;
  }
  const kept: number[] = [];
  let count = 0;
  for (let visited = 0; visited < total; visited++) {
    // Check every free candidate's level against the others (stop at the first that would move).
    let stable = true;
    for (let f = 0; f < F; f++) {
      const i = free[f]!;
      const k = profile[i]!;
      const at = i * L + k;
      const oc = cap - cm[at]!;
      const oe = exp - exposure[k]!;
      const u = utilityAt(t, i, k, oc, oe);
      const tol = TIE_TOLERANCE * (1 + Math.abs(u));
      for (let q = 0; q < L; q++) {
        if (q !== k && utilityAt(t, i, q, oc, oe) > u + tol) {
          stable = false;
          break;
        }
      }
      if (!stable) break;
    }
    if (stable) {
      if (count < keep) for (let j = 0; j < n; j++) kept.push(profile[j]!);
      count++;
    }
    // Next profile: an odometer over the free candidates, the first fastest; sums follow.
    for (let f = 0; f < F; f++) {
      const i = free[f]!;
      const k = profile[i]!;
      const next = k + 1 < L ? k + 1 : 0;
      cap += cm[i * L + next]! - cm[i * L + k]!;
      exp += exposure[next]! - exposure[k]!;
      profile[i] = next;
      if (next !== 0) break;
    }
  }
  return { count, profiles: Int32Array.from(kept), kept: Math.min(count, keep), examined: total };
}

/** Σ_i U_i(k_i) over the candidates at `profile`. */
export function totalUtility(t: GameTables, profile: Int32Array): number {
  const { n, levels: L, cm, exposure } = t;
  let cap = 0;
  let exp = 0;
  for (let j = 0; j < n; j++) {
    cap += cm[j * L + profile[j]!]!;
    exp += exposure[profile[j]!]!;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const k = profile[i]!;
    sum += utilityAt(t, i, k, cap - cm[i * L + k]!, exp - exposure[k]!);
  }
  return sum;
}

/**
 * The selected equilibrium (see the module comment) into `out`. `start` gives each candidate's
 * level today; `fixed[i] ≥ 0` holds candidate i there. Allocates only when the path cycles.
 */
export function selectEquilibrium(
  t: GameTables,
  start: Int32Array,
  fixed: Int32Array | null,
  out: Int32Array,
): SelectionRule {
  const { n, levels: L, cm, exposure } = t;
  let cap = 0;
  let exp = 0;
  for (let i = 0; i < n; i++) {
    const f = fixed ? fixed[i]! : -1;
    const k = f >= 0 ? f : start[i]!;
    out[i] = k;
    cap += cm[i * L + k]!;
    exp += exposure[k]!;
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      if (fixed && fixed[i]! >= 0) continue;
      const k = out[i]!;
      const oc = cap - cm[i * L + k]!;
      const oe = exp - exposure[k]!;
      const br = bestResponse(t, i, oc, oe);
      if (br === k) continue;
      const uk = utilityAt(t, i, k, oc, oe);
      if (utilityAt(t, i, br, oc, oe) > uk + TIE_TOLERANCE * (1 + Math.abs(uk))) {
        out[i] = br;
        cap = oc + cm[i * L + br]!;
        exp = oe + exposure[br]!;
        moved = true;
      }
    }
    if (!moved) return 'best-response-path';
  }
  const set = enumerateEquilibria(t, fixed, Number.MAX_SAFE_INTEGER);
  if (set.count === 0) return 'none';
  let best = -1;
  let bestW = -Infinity;
  let bestLevels = Infinity;
  const p = new Int32Array(n);
  for (let e = 0; e < set.kept; e++) {
    p.set(set.profiles.subarray(e * n, (e + 1) * n));
    const w = totalUtility(t, p);
    let levels = 0;
    for (let i = 0; i < n; i++) levels += p[i]!;
    const tol = TIE_TOLERANCE * (1 + Math.abs(bestW));
    if (w > bestW + tol || (Math.abs(w - bestW) <= tol && levels < bestLevels)) {
      best = e;
      bestW = w;
      bestLevels = levels;
    }
  }
  out.set(set.profiles.subarray(best * n, (best + 1) * n));
  return 'welfare';
}
