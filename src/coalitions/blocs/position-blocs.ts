/**
 * Blocs by position: the optimal 1-D clustering ({@link ckmeans}) with k chosen by the average
 * silhouette (Rousseeuw 1987): the k in 2..kMax with the widest average silhouette, or a single bloc
 * when even that is at most `minSilhouette` — 0.25 by default, below which Kaufman & Rousseeuw find
 * "no substantial structure" (Finding Groups in Data, 1990, ch. 2). The chosen split is labelled
 * with their bands: > 0.70 strong, > 0.50 reasonable, > 0.25 weak (could be artificial). Ties go to
 * the smaller k. A fixed k can be given instead.
 */
import { ckmeans } from './ckmeans.ts';
import { averageSilhouette } from './silhouette.ts';

export interface PositionBlocOptions {
  /** Use exactly this many blocs (capped at the number of distinct positions). */
  readonly k?: number;
  /** Largest k tried. Default 6. */
  readonly kMax?: number;
  /** A split is kept only when its average silhouette exceeds this. Default 0.25. */
  readonly minSilhouette?: number;
}

export interface PositionBlocs {
  /** Bloc of each value, in input order, numbered from the lowest positions. */
  readonly labels: Int32Array;
  readonly k: number;
  readonly centers: Float64Array;
  /** Average silhouette of the chosen split (0 for a single bloc). */
  readonly silhouette: number;
  /** 'fixed' when k was given, else 'silhouette' (split kept) or 'one-bloc' (no split good enough). */
  readonly rule: 'fixed' | 'silhouette' | 'one-bloc';
}

/** Kaufman & Rousseeuw's (1990, ch. 2) reading of an average silhouette width. */
export function silhouetteStrength(s: number): 'strong' | 'reasonable' | 'weak' | 'none' {
  return s > 0.7 ? 'strong' : s > 0.5 ? 'reasonable' : s > 0.25 ? 'weak' : 'none';
}

export function positionBlocs(
  values: ArrayLike<number>,
  options: PositionBlocOptions = {},
): PositionBlocs {
  if (options.k !== undefined) {
    const c = ckmeans(values, options.k);
    return { ...c, silhouette: averageSilhouette(values, c.labels), rule: 'fixed' };
  }
  const kMax = options.kMax ?? 6;
  const minSilhouette = options.minSilhouette ?? 0.25;
  const distinct = new Set(Array.from(values)).size;
  let best: PositionBlocs | null = null;
  for (let k = 2; k <= Math.min(kMax, distinct, values.length - 1); k++) {
    const c = ckmeans(values, k);
    const s = averageSilhouette(values, c.labels);
    if (!best || s > best.silhouette + 1e-12) best = { ...c, silhouette: s, rule: 'silhouette' };
  }
  if (best && best.silhouette > minSilhouette) return best;
  const one = ckmeans(values, 1);
  return { ...one, silhouette: 0, rule: 'one-bloc' };
}
