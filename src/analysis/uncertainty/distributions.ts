/**
 * The distributions an analyst's range `low`..`high` with point value `mode` can stand for, each
 * by its quantile function (so one uniform makes one draw, and a copula can correlate draws) and
 * its closed-form moments (for tests and docs).
 *
 * - `triangular` (default): the usual three-point judgement; Vose (2008), *Risk Analysis*, 3rd ed.,
 *   §III.3 (Triangular). Mean (a+b+c)/3, variance (a²+b²+c²−ab−ac−bc)/18.
 * - `uniform`: every value in the range equally plausible; the mode is ignored.
 * - `pert`: beta-PERT, a smoother three-point distribution with more weight near the mode:
 *   Beta(α, β) on [a, b] with α = 1 + 4(c−a)/(b−a), β = 1 + 4(b−c)/(b−a) (Malcolm et al. 1959;
 *   Vose 2008 §III.3, PERT). Mean (a+4c+b)/6, variance (μ−a)(b−μ)/7.
 */
import { betaQuantile, logBeta } from './beta.ts';

export const DISTRIBUTIONS = ['triangular', 'uniform', 'pert'] as const;
export type DistributionName = (typeof DISTRIBUTIONS)[number];

/** The PERT shape parameters α, β for the range [a, b] with mode c. */
export function pertShape(a: number, c: number, b: number): [number, number] {
  const w = b - a;
  return [1 + (4 * (c - a)) / w, 1 + (4 * (b - c)) / w];
}

/** Triangular quantile on [a, b] with mode c (inverse CDF; Vose 2008). */
export function triangularQuantile(u: number, a: number, c: number, b: number): number {
  const w = b - a;
  const f = (c - a) / w;
  return u < f ? a + Math.sqrt(u * w * (c - a)) : b - Math.sqrt((1 - u) * w * (b - c));
}

/** The u-quantile (u in [0, 1]) of the named distribution on [a, b] with mode c. */
export function quantile(
  dist: DistributionName,
  u: number,
  a: number,
  c: number,
  b: number,
): number {
  if (!(b > a)) return c;
  switch (dist) {
    case 'uniform':
      return a + u * (b - a);
    case 'triangular':
      return triangularQuantile(u, a, c, b);
    case 'pert': {
      const [al, be] = pertShape(a, c, b);
      return a + (b - a) * betaQuantile(u, al, be, logBeta(al, be));
    }
  }
}

/** Closed-form mean. */
export function distributionMean(dist: DistributionName, a: number, c: number, b: number): number {
  switch (dist) {
    case 'uniform':
      return (a + b) / 2;
    case 'triangular':
      return (a + b + c) / 3;
    case 'pert':
      return (a + 4 * c + b) / 6;
  }
}

/** Closed-form variance. */
export function distributionVariance(
  dist: DistributionName,
  a: number,
  c: number,
  b: number,
): number {
  switch (dist) {
    case 'uniform':
      return ((b - a) * (b - a)) / 12;
    case 'triangular':
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    case 'pert': {
      const mu = (a + 4 * c + b) / 6;
      return ((mu - a) * (b - mu)) / 7;
    }
  }
}
