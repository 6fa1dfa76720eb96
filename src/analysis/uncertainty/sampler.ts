/**
 * Draws every uncertain input at once, in file units, into a caller's buffer: one uniform per
 * input through its quantile function, optionally correlated within each actor by a Gaussian
 * copula with equal correlation ρ between any two of the actor's inputs (capability, positions,
 * saliences). Reference points belong to no actor and stay independent.
 *
 * The copula uses one common factor per actor: Z_j = √ρ·W_actor + √(1−ρ)·E_j with W, E standard
 * normal, U_j = Φ(Z_j) (the equicorrelated one-factor Gaussian copula; e.g. Nelsen 2006, *An
 * Introduction to Copulas*, §2.3, and the one-factor model of Li 2000). Any two inputs of one actor
 * then have normal-scores correlation ρ, Spearman correlation (6/π)·asin(ρ/2), and keep their
 * marginal distributions. ρ must be in [0, 1]: the positive-definite range for any number of inputs.
 *
 * Each draw consumes a fixed count of uniforms (inputs, plus one per actor when ρ > 0), so a
 * stream's n-th draw is the same whatever else happens.
 */
import type { Rng } from '../../core/rng.ts';
import { betaQuantile, logBeta } from './beta.ts';
import { type DistributionName, pertShape, triangularQuantile } from './distributions.ts';
import type { InputSpace } from './input-space.ts';
import { normalCdf, normalQuantile } from './normal.ts';

export interface SamplingOptions {
  /** Marginal distribution of every ranged input. Default `triangular`. */
  readonly distribution: DistributionName;
  /** ρ in [0, 1]: correlation of any two of one actor's inputs (Gaussian copula). Default 0. */
  readonly correlation: number;
}

export const SAMPLING_DEFAULTS: SamplingOptions = { distribution: 'triangular', correlation: 0 };

export class Sampler {
  readonly #space: InputSpace;
  readonly #dist: DistributionName;
  readonly #rho: number;
  /** PERT α, β, log B(α, β) per input. */
  readonly #alpha: Float64Array;
  readonly #beta: Float64Array;
  readonly #lnB: Float64Array;
  /** Distinct actors (copula groups) and the common factor of each, per draw. */
  readonly #groups: number;
  readonly #groupOf: Int32Array;
  readonly #factor: Float64Array;

  constructor(space: InputSpace, options: SamplingOptions) {
    if (!(options.correlation >= 0 && options.correlation <= 1)) {
      throw new RangeError(`correlation must be in [0, 1], got ${options.correlation}`);
    }
    this.#space = space;
    this.#dist = options.distribution;
    this.#rho = options.correlation;
    const k = space.k;
    this.#alpha = new Float64Array(k);
    this.#beta = new Float64Array(k);
    this.#lnB = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const a = space.low[j]!;
      const b = space.high[j]!;
      if (!(b > a)) continue;
      const [al, be] = pertShape(a, space.mode[j]!, b);
      this.#alpha[j] = al;
      this.#beta[j] = be;
      this.#lnB[j] = logBeta(al, be);
    }
    // Copula groups: actors in order of first appearance; −1 (no actor) stays independent.
    const ids = new Map<number, number>();
    this.#groupOf = new Int32Array(k).fill(-1);
    for (let j = 0; j < k; j++) {
      const a = space.actor[j]!;
      if (a < 0) continue;
      if (!ids.has(a)) ids.set(a, ids.size);
      this.#groupOf[j] = ids.get(a)!;
    }
    this.#groups = ids.size;
    this.#factor = new Float64Array(this.#groups);
  }

  /** Uniforms consumed per draw. */
  get uniformsPerDraw(): number {
    return this.#space.k + (this.#rho > 0 ? this.#groups : 0);
  }

  /** The value of input j at uniform u (its marginal quantile). */
  valueAt(j: number, u: number): number {
    const s = this.#space;
    const a = s.low[j]!;
    const b = s.high[j]!;
    if (!(b > a)) return s.mode[j]!;
    switch (this.#dist) {
      case 'uniform':
        return a + u * (b - a);
      case 'triangular':
        return triangularQuantile(u, a, s.mode[j]!, b);
      case 'pert':
        return a + (b - a) * betaQuantile(u, this.#alpha[j]!, this.#beta[j]!, this.#lnB[j]);
    }
  }

  /** Draws one value per input into `out` (file units). */
  draw(rng: Rng, out: Float64Array): void {
    const k = this.#space.k;
    const rho = this.#rho;
    if (rho > 0) {
      for (let g = 0; g < this.#groups; g++) this.#factor[g] = normalQuantile(openUnit(rng.next()));
      const sr = Math.sqrt(rho);
      const se = Math.sqrt(1 - rho);
      for (let j = 0; j < k; j++) {
        const u = rng.next();
        const g = this.#groupOf[j]!;
        if (g < 0) {
          out[j] = this.valueAt(j, u);
          continue;
        }
        const z = sr * this.#factor[g]! + se * normalQuantile(openUnit(u));
        out[j] = this.valueAt(j, normalCdf(z));
      }
      return;
    }
    for (let j = 0; j < k; j++) out[j] = this.valueAt(j, rng.next());
  }

  /**
   * Independent draws for Sobol matrices: fills `out` from the uniforms `u` (one per input),
   * ignoring the correlation (Sobol indices assume independent inputs).
   */
  fromUniforms(u: Float64Array, out: Float64Array): void {
    for (let j = 0; j < this.#space.k; j++) out[j] = this.valueAt(j, u[j]!);
  }
}

/** Maps [0, 1) to (0, 1): Φ⁻¹(0) would be −∞. The uniforms have 53 bits, so 2^-54 is below all. */
function openUnit(u: number): number {
  return u === 0 ? 5.551115123125783e-17 : u;
}
