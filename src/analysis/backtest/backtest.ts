/**
 * The backtest: every model forecasts every scoreable issue of a DEU-format file, and each is
 * scored against the actual outcomes (docs/spec/scoring.md) overall and by Council period, procedure and
 * voting rule — always beside the baselines, on the same issues. Pure: data in, plain JSON out.
 */
import type { NumericInput } from '../../core/numeric-input.ts';
import type { CapabilityRule, DeuCases, DeuCounts } from '../../formats/deu-cases.ts';
import type { AnyModel } from '../../models/model.ts';
import { localBaselineColumns } from './baselines.ts';
import type { PairedDifference } from './bootstrap.ts';
import type { CvReport } from './fit.ts';
import {
  COVERAGE_LEVELS,
  type PointScores,
  intervalCoverage,
  meanCrps,
  pointScores,
} from './scoring.ts';
import { forecastIssues } from './task.ts';
import { type ResultStamp, resultStamp } from '../../core/result.ts';

/** One forecaster in a backtest: a registry model run under a capability rule. */
export interface BacktestRun {
  readonly model: AnyModel;
  readonly options: Record<string, unknown>;
  /** The issues as built under this run's capability rule (same file, same issue order). */
  readonly cases: DeuCases;
  /** Samples of the predictive distribution around a forecast, when the forecaster has one. */
  readonly predictive?: (forecast: number, input: NumericInput) => Float64Array;
  /** A note shown beside the model (e.g. "fitted on this file: in-sample"). */
  readonly note?: string;
}

/** A forecaster's forecasts, aligned with the file's issues (NaN where none). */
export interface ForecastColumn {
  readonly id: string;
  readonly name: string;
  /** `baseline` rows are always reported; `model` rows are what was asked for. */
  readonly role: 'baseline' | 'model';
  readonly capability: CapabilityRule | 'n/a';
  readonly forecasts: Float64Array;
  /** Predictive samples per issue (probabilistic forecasters only). */
  readonly samples?: (Float64Array | undefined)[];
  readonly failures: { issueId: string; message: string }[];
  readonly warnings: number;
  readonly note?: string;
}

export interface ModelScores extends PointScores {
  /** Mean CRPS (point forecasts: equal to the MAE). */
  readonly crps: number;
  /** Central interval coverage (probabilistic forecasters only). */
  readonly coverage?: { level: number; coverage: number; meanWidth: number }[];
}

export interface IssueRow {
  readonly id: string;
  readonly proposalId: string;
  readonly proposalName: string;
  readonly procedure: string;
  readonly councilVoting: string;
  readonly period: string;
  readonly outcome: number;
  readonly reference: number | null;
  readonly actors: number;
  /** Forecaster id → forecast. */
  readonly forecasts: Record<string, number>;
}

export type Breakdown = Record<string, Record<string, ModelScores>>;

/** A backtest is about a file of cases, not one scenario: the stamp, then `file` and `seed`. */
export interface BacktestResult extends ResultStamp<'backtest'> {
  readonly file: string;
  readonly seed: number;
  /** Capability rule of the models' inputs (a forecaster may use its own: see `forecasters`). */
  readonly capability: CapabilityRule;
  readonly counts: DeuCounts & {
    /** Issues scored: scoreable, and forecast by every forecaster. */
    scored: number;
  };
  readonly forecasters: {
    id: string;
    name: string;
    role: 'baseline' | 'model';
    capability: string;
    failures: { issueId: string; message: string }[];
    warnings: number;
    note?: string;
  }[];
  /** Issues not scored, with the reason. */
  readonly excluded: { issueId: string; reason: string }[];
  /** Forecaster id → scores over every scored issue. */
  readonly overall: Record<string, ModelScores>;
  readonly byPeriod: Breakdown;
  readonly byProcedure: Breakdown;
  readonly byVoting: Breakdown;
  readonly issues: IssueRow[];
  /** Present after `--fit`: the nested cross-validation of the ensemble on this file. */
  readonly cv?: CvReport & {
    /** Where the fitted ensemble was saved. */
    readonly savedTo: string;
    /** Out-of-fold ensemble vs the weighted mean on the same issues (proposal bootstrap). */
    readonly vsMean?: PairedDifference;
  };
}

/** Model ids always reported beside any model (docs/spec/scoring.md), when registered. */
export const BASELINE_MODEL_IDS = ['mean', 'median'] as const;

/** Runs one model on every scoreable issue; a model error on an issue is recorded, not thrown. */
export function runColumn(run: BacktestRun, seed: number, stream: number): ForecastColumn {
  const cases = run.cases.cases;
  const forecasts = new Float64Array(cases.length);
  const { warnings, failures } = forecastIssues(
    run.model,
    run.options,
    scoreableInputs(run.cases),
    cases.map((c) => c.issue.id),
    seed,
    stream,
    { from: 0, to: cases.length },
    forecasts,
    0,
  );
  return forecastColumn(run, forecasts, failures, warnings);
}

/** Each issue's input, null where the issue is not scoreable (what the models are run on). */
export function scoreableInputs(cases: DeuCases): (NumericInput | null)[] {
  return cases.cases.map((c) => (c.scoreable ? c.input : null));
}

/**
 * A run's column from its forecasts (aligned with its cases, NaN where none); the predictive
 * samples, when the run has them, are drawn around each forecast here.
 */
export function forecastColumn(
  run: BacktestRun,
  forecasts: Float64Array,
  failures: { issueId: string; message: string }[],
  warnings: number,
): ForecastColumn {
  let samples: (Float64Array | undefined)[] | undefined;
  if (run.predictive) {
    samples = [];
    const cases = run.cases.cases;
    for (let i = 0; i < forecasts.length; i++) {
      if (Number.isFinite(forecasts[i]!))
        samples[i] = run.predictive(forecasts[i]!, cases[i]!.input);
    }
  }
  return {
    id: run.model.id,
    name: run.model.name,
    role: (BASELINE_MODEL_IDS as readonly string[]).includes(run.model.id) ? 'baseline' : 'model',
    capability: run.cases.capability,
    forecasts,
    ...(samples ? { samples } : {}),
    failures,
    warnings,
    ...(run.note ? { note: run.note } : {}),
  };
}

function scoreColumn(
  col: ForecastColumn,
  rows: readonly number[],
  outcomes: Float64Array,
): ModelScores {
  const f = Float64Array.from(rows, (i) => col.forecasts[i]!);
  const y = Float64Array.from(rows, (i) => outcomes[i]!);
  const point = pointScores(f, y);
  if (!col.samples) return { ...point, crps: point.mae };
  const s = rows.map((i) => col.samples![i]!);
  return { ...point, crps: meanCrps(s, y), coverage: intervalCoverage(s, y, COVERAGE_LEVELS) };
}

function scoreAll(
  columns: readonly ForecastColumn[],
  rows: readonly number[],
  outcomes: Float64Array,
): Record<string, ModelScores> {
  return Object.fromEntries(columns.map((c) => [c.id, scoreColumn(c, rows, outcomes)]));
}

function breakdown(
  columns: readonly ForecastColumn[],
  rows: readonly number[],
  outcomes: Float64Array,
  key: (i: number) => string,
): Breakdown {
  const groups = new Map<string, number[]>();
  for (const i of rows) {
    const k = key(i) || 'unknown';
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(i);
  }
  return Object.fromEntries(
    [...groups.keys()].sort().map((k) => [k, scoreAll(columns, groups.get(k)!, outcomes)]),
  );
}

export interface BacktestOptions {
  readonly runs: readonly BacktestRun[];
  readonly seed: number;
  /** Extra forecast columns made elsewhere (e.g. the ensemble's out-of-fold forecasts). */
  readonly extra?: readonly ForecastColumn[];
}

/**
 * Runs every model and scores them on the issues that are scoreable under every run's capability
 * rule and forecast by every forecaster (so all scores are on the same issues).
 */
export function runBacktest(opts: BacktestOptions): BacktestResult {
  const first = opts.runs[0];
  if (!first) throw new RangeError('a backtest needs at least one model');
  const cases = first.cases;
  const columns = [
    ...opts.runs.map((r, k) => runColumn(r, opts.seed, k)),
    ...localBaselineColumns(cases),
    ...(opts.extra ?? []),
  ];
  return assembleBacktest(cases, columns, opts.runs, opts.seed);
}

/** Scores given columns (forecasts aligned with `cases`); `runs` supply the capability rules. */
export function assembleBacktest(
  cases: DeuCases,
  columns: readonly ForecastColumn[],
  runs: readonly Pick<BacktestRun, 'cases'>[],
  seed: number,
): BacktestResult {
  const n = cases.cases.length;
  const outcomes = Float64Array.from(cases.cases, (c) => c.issue.outcome);
  const excluded: { issueId: string; reason: string }[] = [];
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = cases.cases[i]!;
    const reason =
      c.excluded ??
      runs.map((r) => r.cases.cases[i]!.excluded).find((e) => e !== undefined) ??
      columns
        .filter((col) => !Number.isFinite(col.forecasts[i]!))
        .map((col) => `no forecast from ${col.id}`)
        .join('; ');
    if (reason) excluded.push({ issueId: c.issue.id, reason });
    else rows.push(i);
  }
  const caseOf = (i: number) => cases.cases[i]!;
  return {
    ...resultStamp('backtest'),
    file: cases.file,
    seed,
    capability: cases.capability,
    counts: { ...cases.counts, scored: rows.length },
    forecasters: columns.map((c) => ({
      id: c.id,
      name: c.name,
      role: c.role,
      capability: c.capability,
      failures: c.failures,
      warnings: c.warnings,
      ...(c.note ? { note: c.note } : {}),
    })),
    excluded,
    overall: scoreAll(columns, rows, outcomes),
    byPeriod: breakdown(columns, rows, outcomes, (i) => caseOf(i).period),
    byProcedure: breakdown(columns, rows, outcomes, (i) => caseOf(i).issue.procedure),
    byVoting: breakdown(columns, rows, outcomes, (i) => caseOf(i).issue.councilVoting),
    issues: rows.map((i) => {
      const c = caseOf(i);
      return {
        id: c.issue.id,
        proposalId: c.issue.proposalId,
        proposalName: c.issue.proposalName,
        procedure: c.issue.procedure,
        councilVoting: c.issue.councilVoting,
        period: c.period,
        outcome: c.issue.outcome,
        reference: Number.isNaN(c.issue.reference) ? null : c.issue.reference,
        actors: c.input.n,
        forecasts: Object.fromEntries(columns.map((col) => [col.id, col.forecasts[i]!])),
      };
    }),
  };
}
