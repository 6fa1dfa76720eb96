/**
 * Turns merged Monte Carlo counts into the plain-JSON result: per issue and model the mean, sd,
 * 10/50/90% quantiles, a histogram and P(outcome ≥ threshold) with its Monte Carlo standard error;
 * per actor the distribution of final positions; and the provenance every result carries (seed,
 * scenario hash, model options, version, runs).
 */
import { type Diagnostic, monteCarloDiagnostics } from '../diagnostics.ts';
import { ModelError } from '../../core/errors.ts';
import type { Scenario } from '../../core/scenario.ts';
import { valueOf } from '../../core/scenario.ts';
import { getModel } from '../../models/registry.ts';
import type { UncertainInput } from '../uncertainty/inputs.ts';
import type { DistributionName } from '../uncertainty/distributions.ts';
import { coarsen, histogramQuantile } from './histogram.ts';
import type { McJob, PreparedMonteCarlo } from './job.ts';
import { modelRng } from './model-rng.ts';
import { readMoments } from './moments.ts';
import type { McOutcome } from './run.ts';
import { type ResultHeader, resultHeader } from '../../core/result.ts';

export interface DistributionSummary {
  /** Runs that gave a value. */
  readonly runs: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly q10: number;
  readonly median: number;
  readonly q90: number;
}

export interface OutcomeSummary extends DistributionSummary {
  /** The model's forecast at the point values (no uncertainty), for comparison. */
  readonly point: number | null;
  /** P(outcome ≥ threshold): share of runs, its MC standard error √(p(1−p)/N), and the count. */
  readonly pAtOrAbove: { p: number; se: number; count: number } | null;
  /** Runs with no outcome (every actor weightless on the issue). */
  readonly noOutcome: number;
  /** Counts over the scale in `counts.length` equal bins from scale min to max. */
  readonly histogram: { min: number; max: number; counts: number[] };
}

export interface ResultModel {
  readonly id: string;
  readonly name: string;
  readonly options: Record<string, unknown>;
}

export interface MonteCarloResult extends ResultHeader<'monte-carlo'> {
  /** Runs completed (= runsRequested unless interrupted). */
  readonly runs: number;
  readonly runsRequested: number;
  /** True when the run was interrupted: the statistics cover the first `runs` runs only. */
  readonly partial: boolean;
  readonly chunkSize: number;
  readonly sampling: {
    distribution: DistributionName;
    correlation: number;
    inputs: readonly UncertainInput[];
  };
  /** Quantiles are exact to within one fine bin: (scale max − min) / bins. */
  readonly resolution: { outcomeBins: number; actorBins: number };
  readonly models: (ResultModel & {
    failedRuns: number;
    firstError: string | null;
    unconvergedRuns: number;
    actorsMove: boolean;
  })[];
  readonly issues: {
    id: string;
    name: string;
    scale: { min: number; max: number };
    threshold: { value: number; label: string } | null;
    outcomes: Record<string, OutcomeSummary>;
    actors: {
      id: string;
      name: string;
      /** The position at the point values. */
      position: number;
      /** Model id → distribution of the actor's final position. */
      final: Record<string, DistributionSummary>;
    }[];
  }[];
  /** Point forecasts outside their band, knife-edge verdicts (src/analysis/diagnostics.ts). */
  readonly diagnostics: Diagnostic[];
}

/** Largest divisor of `bins` not above `want`. */
function displayBins(bins: number, want: number): number {
  for (let b = Math.min(want, bins); b > 1; b--) if (bins % b === 0) return b;
  return 1;
}

function distribution(
  hist: Float64Array,
  moments: Float64Array,
  cell: number,
  bins: number,
  min: number,
  max: number,
): DistributionSummary {
  const mo = readMoments(moments, cell);
  const q = (p: number) => histogramQuantile(hist, cell, bins, min, max, p, mo.min, mo.max);
  return {
    runs: mo.count,
    mean: mo.mean,
    sd: mo.sd,
    min: mo.min,
    max: mo.max,
    q10: q(0.1),
    median: q(0.5),
    q90: q(0.9),
  };
}

/** Each model's forecast at the point values, NaN where it fails. */
export function pointForecasts(job: Pick<McJob, 'input' | 'models' | 'seed'>): Float64Array[] {
  return job.models.map((m) => {
    try {
      return getModel(m.id).run(job.input, m.options, {
        rng: modelRng(job.seed, m.id, 0),
        trace: false,
      }).forecast;
    } catch (err) {
      if (err instanceof ModelError) return new Float64Array(job.input.d).fill(NaN);
      throw err;
    }
  });
}

export function summarizeMonteCarlo(
  scenario: Scenario,
  prepared: PreparedMonteCarlo,
  outcome: McOutcome,
): MonteCarloResult {
  const { job, inputs } = prepared;
  const { total } = outcome;
  const { n, d } = job.input;
  const M = job.models.length;
  const points = pointForecasts(job);
  const issues = job.input.issueIds.map((id) => scenario.issues.find((i) => i.id === id)!);
  const outBins = displayBins(job.bins, 100);
  const result: Omit<MonteCarloResult, 'diagnostics'> = {
    ...resultHeader('monte-carlo', scenario, job.seed),
    runs: total.runs,
    runsRequested: job.runs,
    partial: outcome.partial,
    chunkSize: job.chunkSize,
    sampling: { ...job.sampling, inputs },
    resolution: { outcomeBins: job.bins, actorBins: job.actorBins },
    models: job.models.map((m, mi) => ({
      id: m.id,
      name: getModel(m.id).name,
      options: m.options,
      failedRuns: total.failures[mi]!,
      firstError: total.firstError[mi] || null,
      unconvergedRuns: total.unconverged[mi]!,
      actorsMove: total.moved[mi]! > 0,
    })),
    issues: issues.map((issue, k) => {
      const { min, max } = issue.scale;
      const outcomes: Record<string, OutcomeSummary> = {};
      for (let m = 0; m < M; m++) {
        const cell = m * d + k;
        const dist = distribution(total.outcome, total.outcomeMoments, cell, job.bins, min, max);
        const count = total.atOrAbove[cell]!;
        const p = dist.runs > 0 ? count / dist.runs : NaN;
        const point = points[m]![k]!;
        outcomes[job.models[m]!.id] = {
          point: Number.isNaN(point) ? null : point,
          ...dist,
          pAtOrAbove: issue.threshold
            ? { p, se: Math.sqrt((p * (1 - p)) / dist.runs), count }
            : null,
          noOutcome: total.nan[cell]!,
          histogram: { min, max, counts: coarsen(total.outcome, cell, job.bins, outBins) },
        };
      }
      return {
        id: issue.id,
        name: issue.name,
        scale: { min, max },
        threshold: issue.threshold ?? null,
        outcomes,
        actors: scenario.actors.flatMap((actor) => {
          const stance = actor.stances[issue.id];
          if (!stance) return [];
          const i = job.input.actorIds.indexOf(actor.id);
          const final: Record<string, DistributionSummary> = {};
          for (let m = 0; m < M; m++) {
            const cell = (m * n + i) * d + k;
            final[job.models[m]!.id] = distribution(
              total.actor,
              total.actorMoments,
              cell,
              job.actorBins,
              min,
              max,
            );
          }
          return [{ id: actor.id, name: actor.name, position: valueOf(stance.position), final }];
        }),
      };
    }),
  };
  return { ...result, diagnostics: monteCarloDiagnostics(result) };
}
