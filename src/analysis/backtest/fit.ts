/**
 * `entente backtest --fit`: nested cross-validation of the ensemble on a DEU file, then the final
 * fit on all of it, as a versioned spec ready to save (src/models/ensemble.ts reads it) and an
 * out-of-fold forecast column to score beside the models.
 */
import type { DeuCases } from '../../formats/deu-cases.ts';
import type { EnsembleSpec } from '../../models/ensemble.ts';
import { VERSION } from '../../version.ts';
import type { ForecastColumn } from './backtest.ts';
import {
  type Hyper,
  type OuterFold,
  fitStack,
  nestedCv,
  predictiveSamples,
  residualQuantiles,
} from './stacking.ts';

/** The grid of the shipped ensemble: the capability rule as an exponent (equal, √votes, votes). */
export const FIT_GRID: readonly Hyper[] = [0, 0.5, 1].map((a) => ({
  capabilityExponent: a,
  salienceExponent: 1,
}));

export interface FitOptions {
  readonly seed: number;
  readonly outerFolds: number;
  readonly innerFolds: number;
  readonly grid?: readonly Hyper[];
  /**
   * Extra outer-CV repetitions with other fold seeds (seed + 1000·r), to show how much the
   * out-of-fold MAE depends on the split. Default 0.
   */
  readonly repeats?: number;
  /** Shown in the spec's provenance: the file's name and content hash. */
  readonly source: { file: string; hash: string };
}

export interface CvReport {
  readonly seed: number;
  readonly outerFolds: number;
  readonly innerFolds: number;
  readonly grid: readonly Hyper[];
  readonly issues: number;
  readonly proposals: number;
  readonly oofMae: number;
  readonly outer: readonly OuterFold[];
  /** Out-of-fold MAE under each fold seed (the first is `seed`), with their mean and SD. */
  readonly repeats: { seed: number; oofMae: number }[];
  readonly repeatMean: number;
  readonly repeatSd: number;
}

export interface FitResult {
  readonly spec: EnsembleSpec;
  readonly cv: CvReport;
  /** The out-of-fold forecasts, aligned with `cases` (NaN off the scoreable issues). */
  readonly column: ForecastColumn;
}

export function fitEnsemble(cases: DeuCases, opts: FitOptions): FitResult {
  const idx = cases.cases.flatMap((c, i) => (c.scoreable ? [i] : []));
  const data = {
    inputs: idx.map((i) => cases.cases[i]!.input),
    outcomes: Float64Array.from(idx, (i) => cases.cases[i]!.issue.outcome),
    groups: idx.map((i) => cases.cases[i]!.issue.proposalId),
  };
  const grid = opts.grid ?? FIT_GRID;
  const stackOpts = {
    seed: opts.seed,
    outerFolds: opts.outerFolds,
    innerFolds: opts.innerFolds,
    grid,
  };
  const cv = nestedCv(data, stackOpts);
  const repeats = [{ seed: opts.seed, oofMae: cv.oofMae }];
  for (let r = 1; r <= (opts.repeats ?? 0); r++) {
    const seed = opts.seed + 1000 * r;
    repeats.push({ seed, oofMae: nestedCv(data, { ...stackOpts, seed }).oofMae });
  }
  const repeatMean = repeats.reduce((a, b) => a + b.oofMae, 0) / repeats.length;
  const repeatSd = Math.sqrt(
    repeats.reduce((a, b) => a + (b.oofMae - repeatMean) ** 2, 0) / Math.max(1, repeats.length - 1),
  );
  const final = fitStack(data, stackOpts);
  const forecasts = new Float64Array(cases.cases.length).fill(NaN);
  const samples: (Float64Array | undefined)[] = [];
  const k = Math.max(...cv.folds) + 1;
  // Predictive distribution of each out-of-fold forecast: residual quantiles of the *other* folds.
  const quantilesWithout = Array.from({ length: k }, (_, f) => {
    const keep = data.groups.map((_, i) => cv.folds[i] !== f);
    return residualQuantiles(
      data.outcomes.filter((_, i) => keep[i]),
      cv.oof.filter((_, i) => keep[i]),
    );
  });
  idx.forEach((i, r) => {
    forecasts[i] = cv.oof[r]!;
    samples[i] = predictiveSamples(cv.oof[r]!, quantilesWithout[cv.folds[r]!]!);
  });
  const proposals = new Set(data.groups).size;
  const spec: EnsembleSpec = {
    format: 'entente-ensemble',
    version: 1,
    weights: final.weights,
    capabilityExponent: final.hyper.capabilityExponent,
    salienceExponent: final.hyper.salienceExponent,
    institutions: { commission: 'com', parliament: 'ep' },
    capability: cases.capability,
    residualQuantiles: residualQuantiles(data.outcomes, cv.oof),
    fit: {
      data: opts.source.file,
      hash: opts.source.hash,
      issues: data.outcomes.length,
      proposals,
      method:
        'stacking: non-negative weights summing to 1 fitted by least absolute deviations; (alpha, beta) by inner CV; folds by proposal',
      seed: opts.seed,
      outerFolds: opts.outerFolds,
      innerFolds: opts.innerFolds,
      grid,
      innerMae: final.innerMae.map((x) => Math.round(x * 1000) / 1000),
      outOfFoldMae: Math.round(cv.oofMae * 1000) / 1000,
      outOfFoldMaeOverSeeds: repeats.map((r) => ({
        seed: r.seed,
        mae: Math.round(r.oofMae * 1000) / 1000,
      })),
      entente: VERSION,
    },
  };
  return {
    spec,
    cv: {
      seed: opts.seed,
      outerFolds: opts.outerFolds,
      innerFolds: opts.innerFolds,
      grid,
      issues: data.outcomes.length,
      proposals,
      oofMae: cv.oofMae,
      outer: cv.outer,
      repeats,
      repeatMean,
      repeatSd,
    },
    column: {
      id: 'ensemble-cv',
      name: 'Ensemble, out of fold (nested CV)',
      role: 'model',
      capability: cases.capability,
      forecasts,
      samples,
      failures: [],
      warnings: 0,
      note: 'each issue forecast by an ensemble fitted without its proposal',
    },
  };
}
