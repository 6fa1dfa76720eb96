/**
 * Test oracle only: a slow, literal transcription of docs/spec/eum.md for one issue — plain arrays,
 * straightforward loops, `Math.pow`, the O(n³) denominator summed voter by voter and pair by pair.
 * The fast implementation (`round.ts`) must agree with it to ~1e-9 (see `eum.fuzz.test.ts`).
 *
 * Every actor passed in takes part (the caller drops actors with c·s = 0, as `eum.ts` does).
 * The few numerical guards (values within `EPS` count as equal) are the same as the fast path's,
 * so that both read structural ties the same way.
 */
import { weightedMedian } from '../../core/weighted-median.ts';

const EPS = 1e-12;

export interface ReferenceOptions {
  variant: 'scholz2011' | 'printed';
  Q: number;
  rounds: number;
  capitulation: boolean;
}

export interface ReferenceRound {
  /** μ: the median of the start-of-round positions (step 2). */
  startMedian: number;
  security: number[];
  risk: number[];
  /** a[i][j] = E(U_ij), b[i][j] = E(U_ji) as receiver i reads them (step 7). */
  a: number[][];
  b: number[][];
  /** P[i][j], pass 2. */
  P: number[][];
  /** Positions after the moves. */
  positions: number[];
  /** Offer taken by each receiver: [from j, type] or null. */
  taken: ([number, string] | null)[];
  median: number;
  mean: number;
}

export function referenceEum(
  x0: readonly number[],
  c: readonly number[],
  s: readonly number[],
  o: ReferenceOptions,
): ReferenceRound[] {
  const n = x0.length;
  const w = c.map((ci, i) => ci * s[i]!);
  const R = Math.max(...x0) - Math.min(...x0);
  const out: ReferenceRound[] = [];
  if (R === 0) return out;
  let x = x0.slice();
  const dist = (p: number, q: number) => Math.min(1, Math.abs(p - q) / R);

  for (let round = 0; round < o.rounds; round++) {
    const mu = weightedMedian(x, w);
    // Step 3: v_k(a over b) and P_ij with the voters' exponents r.
    const vote = (k: number, a: number, b: number, r: number[]) =>
      w[k]! * (Math.pow(dist(x[k]!, x[b]!), r[k]!) - Math.pow(dist(x[k]!, x[a]!), r[k]!));
    const probabilities = (r: number[]) => {
      let total = 0;
      for (let k = 0; k < n; k++)
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) total += Math.abs(vote(k, a, b, r));
      const P: number[][] = [];
      for (let i = 0; i < n; i++) {
        P.push([]);
        for (let j = 0; j < n; j++) {
          if (x[i] === x[j]) {
            P[i]!.push(0);
            continue;
          }
          let num = 0;
          let pair = 0;
          for (let k = 0; k < n; k++) {
            const v = vote(k, i, j, r);
            num += Math.max(0, v);
            pair += Math.abs(v);
          }
          const den = o.variant === 'scholz2011' ? total : pair;
          P[i]!.push(den > 0 ? num / den : 0);
        }
      }
      return P;
    };
    // Steps 4–5: E(U_ij) evaluated with exponent r.
    const E = (i: number, j: number, r: number, P: number[][]) => {
      const d = dist(x[i]!, x[j]!);
      const m = dist(x[i]!, mu);
      const Us = 2 - 4 * Math.pow(0.5 - 0.5 * d, r);
      const Uf = 2 - 4 * Math.pow(0.5 + 0.5 * d, r);
      const Usq = 2 - 4 * Math.pow(0.5, r);
      const Ub = 2 - 4 * Math.pow(Math.max(0, 0.5 - 0.25 * (m + d)), r);
      const Uw = 2 - 4 * Math.pow(0.5 + 0.25 * (m + d), r);
      const T = Math.abs(x[i]! - mu) < Math.abs(x[i]! - x[j]!) ? 1 : 0;
      const p = P[i]![j]!;
      return (
        s[j]! * (p * Us + (1 - p) * Uf) +
        (1 - s[j]!) * Us -
        o.Q * Usq -
        (1 - o.Q) * (T * Ub + (1 - T) * Uw)
      );
    };
    // Step 6, pass 1: all r = 1.
    const ones = new Array<number>(n).fill(1);
    const P1 = probabilities(ones);
    const S: number[] = [];
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) if (j !== i) sum += E(j, i, 1, P1);
      S.push(sum);
    }
    const Smax = Math.max(...S);
    const Smin = Math.min(...S);
    const flat = Smax - Smin <= EPS * (1 + Math.max(Math.abs(Smax), Math.abs(Smin)));
    const r = S.map((Si) => {
      const Ri = flat ? 0 : (2 * Si - Smax - Smin) / (Smax - Smin);
      return (1 - Ri / 3) / (1 + Ri / 3);
    });
    // Pass 2.
    const P = probabilities(r);
    const A: number[][] = [];
    const B: number[][] = [];
    const next = x.slice();
    const taken: ([number, string] | null)[] = [];
    for (let i = 0; i < n; i++) {
      A.push([]);
      B.push([]);
      let conf = -1;
      let comp = -1;
      let compKey = Infinity;
      let compTo = NaN;
      let cap = -1;
      for (let j = 0; j < n; j++) {
        const a = E(i, j, r[i]!, P);
        const b = E(j, i, o.variant === 'scholz2011' ? r[i]! : r[j]!, P);
        A[i]!.push(a);
        B[i]!.push(b);
        if (j === i || x[j] === x[i]) continue;
        const dj = Math.abs(x[j]! - x[i]!);
        const better = (best: number) => {
          if (best < 0) return true;
          const db = Math.abs(x[best]! - x[i]!);
          return dj < db || (dj === db && x[j]! < x[best]!);
        };
        if (b > a + EPS && a > EPS) {
          if (better(conf)) conf = j;
        } else if (b > EPS && a < -EPS) {
          if (b > -a + EPS) {
            const key = (-a * x[i]! + b * x[j]!) / (-a + b);
            if (key < compKey - EPS * R) {
              compKey = key;
              comp = j;
              compTo = x[i]! + (x[j]! - x[i]!) * Math.abs(a / b);
            }
          } else if (o.capitulation && better(cap)) cap = j;
        }
      }
      if (conf >= 0) {
        next[i] = x[conf]!;
        taken.push([conf, 'confrontation']);
      } else if (comp >= 0) {
        next[i] = compTo;
        taken.push([comp, 'compromise']);
      } else if (cap >= 0) {
        next[i] = x[cap]!;
        taken.push([cap, 'capitulation']);
      } else taken.push(null);
    }
    x = next;
    const median = weightedMedian(x, w);
    let sw = 0;
    let swx = 0;
    for (let i = 0; i < n; i++) {
      sw += w[i]!;
      swx += w[i]! * x[i]!;
    }
    out.push({
      startMedian: mu,
      security: S,
      risk: r,
      a: A,
      b: B,
      P,
      positions: x.slice(),
      taken,
      median,
      mean: swx / sw,
    });
  }
  return out;
}
