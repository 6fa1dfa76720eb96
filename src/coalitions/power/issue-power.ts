/**
 * The weighted game an issue induces: each actor taking part weighs c_i·s_i (capability × salience,
 * the EUM's "power brought to bear", Bueno de Mesquita 1994), rescaled to integers by
 * {@link integerWeights}; the quota is a stated fraction of the total. Pure: numbers in, indices out.
 */
import { issueView, type NumericInput } from '../../core/numeric-input.ts';
import { banzhaf } from './banzhaf.ts';
import { DEFAULT_RESOLUTION, integerWeights } from './integer-weights.ts';
import { shapleyShubik } from './shapley-shubik.ts';

export interface PowerOptions {
  /** Integer weights sum to about this. Default 10,000. */
  readonly resolution?: number;
  /** A coalition wins with strictly more than this fraction of the total weight. Default 0.5. */
  readonly quotaFraction?: number;
}

export interface PlayerPower {
  /** Index in the input's actors. */
  readonly actor: number;
  readonly realWeight: number;
  readonly weight: number;
  readonly shapleyShubik: number;
  readonly shapleyShubikExact: string;
  readonly banzhaf: number;
  readonly banzhafExact: string;
  readonly absoluteBanzhaf: number;
  readonly swings: string;
}

export interface IssuePower {
  readonly issue: number;
  readonly resolution: number;
  readonly quotaFraction: number;
  readonly quota: number;
  readonly totalWeight: number;
  readonly maxShareError: number;
  readonly players: PlayerPower[];
}

export function issuePower(input: NumericInput, k: number, options: PowerOptions = {}): IssuePower {
  const view = issueView(input, k);
  const resolution = options.resolution ?? DEFAULT_RESOLUTION;
  const quotaFraction = options.quotaFraction ?? 0.5;
  const real = Array.from({ length: view.m }, (_, j) => view.capability[j]! * view.salience[j]!);
  const iw = integerWeights(real, { resolution, quotaFraction });
  const game = { weights: iw.weights, quota: iw.quota };
  const ss = shapleyShubik(game);
  const bz = banzhaf(game);
  return {
    issue: k,
    resolution,
    quotaFraction,
    quota: iw.quota,
    totalWeight: iw.total,
    maxShareError: iw.maxShareError,
    players: real.map((x, j) => ({
      actor: view.index[j]!,
      realWeight: x,
      weight: iw.weights[j]!,
      shapleyShubik: ss.values[j]!,
      shapleyShubikExact: ss.exact[j]!,
      banzhaf: bz.normalized[j]!,
      banzhafExact: bz.normalizedExact[j]!,
      absoluteBanzhaf: bz.absolute[j]!,
      swings: bz.swings[j]!.toString(),
    })),
  };
}
