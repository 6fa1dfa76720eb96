/**
 * The join backtest as one plain-JSON result (docs/results.md, `entente backtest joins --json`):
 * scores of the three forecasters on the (candidate, side) pairs, paired cluster-bootstrap
 * intervals of their differences (resampling wars), calibration bins and per-war rows.
 */
import type { WarJoinRow } from '../../formats/warjoin.ts';
import { VERSION } from '../../version.ts';
import { type PairedDifference, pairedBootstrap } from '../backtest/bootstrap.ts';
import type { CrossValidation } from './fit.ts';
import { FORECASTER_IDS, type ForecasterId } from './forecasters.ts';
import type { JoinParameters } from './parameters.ts';
import { pairOutcomes, pairWars } from './pairs.ts';
import {
  type CalibrationBin,
  type Scores,
  brier,
  calibration,
  logLoss,
  logLossOne,
  scores,
} from './scoring.ts';

/** The differences reported: a − b, negative when a is better. */
export const COMPARISONS: readonly (readonly [ForecasterId, ForecasterId])[] = [
  ['commitment', 'base-rate'],
  ['commitment', 'logistic'],
  ['logistic', 'base-rate'],
];

export interface Comparison extends PairedDifference {
  readonly a: ForecasterId;
  readonly b: ForecasterId;
  readonly metric: 'brier' | 'logLoss';
}

export interface WarRow {
  readonly warnum: number;
  readonly warname: string;
  readonly n: number;
  readonly joins: number;
  readonly [id: string]: number | string | { brier: number; logLoss: number };
}

export interface JoinBacktestResult {
  readonly entente: string;
  readonly kind: 'join-backtest';
  readonly data: { file: string; sha256: string; wars: number; candidates: number };
  readonly mode: 'shipped' | 'cross-validated';
  readonly seed: number;
  /** True when the parameters scored were fitted on this very file (shipped mode only). */
  readonly inSample: boolean;
  readonly overall: Record<ForecasterId, Scores>;
  readonly comparisons: Comparison[];
  readonly calibration: Record<ForecasterId, CalibrationBin[]>;
  readonly wars: WarRow[];
  /** The parameters scored (shipped mode) or fitted on the whole file (cross-validated mode). */
  readonly parameters: JoinParameters;
  /** Cross-validated mode: folds, λ and structural weights chosen in each outer fold. */
  readonly cv?: Omit<CrossValidation, 'oof'> & { savedTo: string };
  readonly bootstrap: { replicates: number; level: number; unit: 'war' };
}

export interface AssembleInput {
  readonly rows: readonly WarJoinRow[];
  readonly file: string;
  readonly sha256: string;
  readonly mode: 'shipped' | 'cross-validated';
  readonly seed: number;
  readonly forecasts: Record<ForecasterId, Float64Array>;
  readonly parameters: JoinParameters;
  readonly cv?: JoinBacktestResult['cv'];
  readonly replicates?: number;
}

export function assembleJoinBacktest(input: AssembleInput): JoinBacktestResult {
  const { rows, forecasts } = input;
  const y = pairOutcomes(rows);
  const groups = pairWars(rows);
  const replicates = input.replicates ?? 2000;
  const level = 0.95;
  const losses = (id: ForecasterId) => {
    const p = forecasts[id];
    return {
      brier: Float64Array.from(p, (v, i) => (v - y[i]!) ** 2),
      logLoss: Float64Array.from(p, (v, i) => logLossOne(v, y[i]!)),
    };
  };
  const loss = Object.fromEntries(FORECASTER_IDS.map((id) => [id, losses(id)])) as Record<
    ForecasterId,
    ReturnType<typeof losses>
  >;
  const comparisons: Comparison[] = COMPARISONS.flatMap(([a, b]) =>
    (['brier', 'logLoss'] as const).map((metric) => ({
      a,
      b,
      metric,
      ...pairedBootstrap(loss[a][metric], loss[b][metric], groups, {
        seed: input.seed,
        replicates,
        level,
      }),
    })),
  );
  const byWar = new Map<number, number[]>();
  rows.forEach((row, r) => byWar.set(row.warnum, [...(byWar.get(row.warnum) ?? []), r]));
  const wars: WarRow[] = [...byWar.entries()].map(([warnum, idx]) => {
    const pairs = idx.flatMap((r) => [2 * r, 2 * r + 1]);
    const yy = pairs.map((i) => y[i]!);
    const cells = Object.fromEntries(
      FORECASTER_IDS.map((id) => {
        const pp = pairs.map((i) => forecasts[id][i]!);
        return [id, { brier: brier(pp, yy), logLoss: logLoss(pp, yy) }];
      }),
    );
    return {
      warnum,
      warname: rows[idx[0]!]!.warname,
      n: pairs.length,
      joins: yy.reduce((a, b) => a + b, 0),
      ...cells,
    };
  });
  const inSample = input.mode === 'shipped' && input.parameters.training.sha256 === input.sha256;
  return {
    entente: VERSION,
    kind: 'join-backtest',
    data: {
      file: input.file,
      sha256: input.sha256,
      wars: byWar.size,
      candidates: rows.length,
    },
    mode: input.mode,
    seed: input.seed,
    inSample,
    overall: Object.fromEntries(
      FORECASTER_IDS.map((id) => [id, scores(forecasts[id], y)]),
    ) as Record<ForecasterId, Scores>,
    comparisons,
    calibration: Object.fromEntries(
      FORECASTER_IDS.map((id) => [id, calibration(forecasts[id], y)]),
    ) as Record<ForecasterId, CalibrationBin[]>,
    wars,
    parameters: input.parameters,
    ...(input.cv ? { cv: input.cv } : {}),
    bootstrap: { replicates, level, unit: 'war' },
  };
}
