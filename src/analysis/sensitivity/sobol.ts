/**
 * Global sensitivity by Sobol indices (Saltelli et al. 2010; see `sobol-sums.ts`): prepares the
 * job from a scenario, runs its chunks on an executor (rows merged in chunk order), and summarises
 * first-order and total indices per issue and model, for the outcome and for P(outcome ≥
 * threshold). Costs N·(k + 2) runs per model for N samples and k ranged inputs.
 */
import { compileScenario } from '../../core/compile.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { Executor } from '../../executors/executor.ts';
import { type Analysis, mapAnalysis, runAnalysis } from '../analysis.ts';
import { getModel } from '../../models/registry.ts';
import type { ModelRun } from '../forecast.ts';
import { chunkCount } from '../monte-carlo/chunks.ts';
import { jobModels } from '../monte-carlo/job.ts';
import { type ResultModel, pointForecasts } from '../monte-carlo/summarize.ts';
import type { DistributionName } from '../uncertainty/distributions.ts';
import { bindInputs } from '../uncertainty/input-space.ts';
import { type UncertainInput, uncertainInputs } from '../uncertainty/inputs.ts';
import { outputCount } from './evaluate.ts';
import { emptySobolSums, mergeSobolSums, sobolIndices, type SobolSums } from './sobol-sums.ts';
import { type SobolChunk, type SobolJob, sobolTask } from './sobol-task.ts';
import { type ResultHeader, resultHeader } from '../../core/result.ts';

export interface PreparedSobol {
  readonly job: SobolJob;
  readonly inputs: readonly UncertainInput[];
  readonly chunks: number;
}

export function prepareSobol(
  scenario: Scenario,
  runs: readonly ModelRun[],
  plan: {
    samples: number;
    seed: number;
    distribution?: DistributionName;
    issueIds?: readonly string[];
    chunkSize?: number;
  },
): PreparedSobol {
  const input = compileScenario(scenario, plan.issueIds);
  const inputs = uncertainInputs(scenario, plan.issueIds);
  const models = jobModels(runs);
  const k = inputs.length;
  // About 1000 model runs per chunk, and at most 1000 chunks (each chunk jumps the seed).
  const chunkSize =
    plan.chunkSize ?? Math.max(Math.ceil(1000 / (k + 2)), Math.ceil(plan.samples / 1000));
  const shift = new Float64Array(outputCount(models.length, input.d));
  pointForecasts({ input, models, seed: plan.seed }).forEach((f, m) => {
    for (let q = 0; q < input.d; q++) {
      const v = f[q]!;
      shift[(m * input.d + q) * 2] = Number.isNaN(v) ? 0 : v;
    }
  });
  const job: SobolJob = {
    input,
    space: bindInputs(inputs, input),
    distribution: plan.distribution ?? 'triangular',
    models,
    seed: plan.seed,
    samples: plan.samples,
    chunkSize,
    shift,
  };
  return { job, inputs, chunks: chunkCount(plan.samples, chunkSize) };
}

export interface SobolOutcome {
  readonly sums: SobolSums;
  readonly errors: string[];
  /** Rows (samples) completed. */
  readonly samples: number;
  readonly partial: boolean;
}

/** Sobol's runs as an analysis (`analysis.ts`) returning the merged sums. */
export function sobolChunks(prepared: PreparedSobol): Analysis<SobolOutcome> {
  const { job } = prepared;
  return {
    kind: 'sensitivity',
    work: { unit: 'runs', total: job.samples * (job.space.k + 2) },
    *steps() {
      const sums = emptySobolSums(outputCount(job.models.length, job.input.d), job.space.k);
      const errors = job.models.map(() => '');
      let samples = 0;
      const { aborted } = yield {
        task: sobolTask,
        job,
        chunks: prepared.chunks,
        merge: (chunk: number, r: SobolChunk) => {
          mergeSobolSums(sums, r.sums);
          r.errors.forEach((e, m) => {
            if (!errors[m] && e) errors[m] = e;
          });
          samples += Math.min(job.chunkSize, job.samples - chunk * job.chunkSize);
          return samples * (job.space.k + 2);
        },
      };
      return { sums, errors, samples, partial: aborted };
    },
  };
}

/** Sobol's indices as an analysis returning its result (`summarizeSobol`). */
export function sobolAnalysis(scenario: Scenario, prepared: PreparedSobol): Analysis<SobolResult> {
  return mapAnalysis(sobolChunks(prepared), (outcome) =>
    summarizeSobol(scenario, prepared, outcome),
  );
}

/** Runs a prepared Sobol job on an executor (through {@link runAnalysis}): the merged sums. */
export async function runSobol(
  executor: Executor,
  prepared: PreparedSobol,
  options: { signal?: AbortSignal; onProgress?: (runsDone: number) => void } = {},
): Promise<SobolOutcome> {
  const { signal, onProgress } = options;
  const run = await runAnalysis(executor, sobolChunks(prepared), {
    signal,
    ...(onProgress ? { onProgress: (done: number) => onProgress(done) } : {}),
  });
  return run.result;
}

export interface SobolEntry {
  readonly input: string;
  /** First-order index S_i and its standard error (null when the output never varied). */
  readonly first: number | null;
  readonly firstSe: number | null;
  /** Total index ST_i and its standard error. */
  readonly total: number | null;
  readonly totalSe: number | null;
}

export interface SobolTable {
  /** Mean of the output over the samples (for P(≥ threshold): the probability). */
  readonly mean: number | null;
  readonly variance: number;
  /** Sorted by total index, largest first. */
  readonly indices: SobolEntry[];
}

export interface SobolResult extends ResultHeader<{ kind: 'sensitivity'; method: 'sobol' }> {
  /** N completed (rows of A and B). */
  readonly samples: number;
  readonly samplesRequested: number;
  /** Model runs per model: N · (k + 2). */
  readonly runs: number;
  readonly partial: boolean;
  readonly chunkSize: number;
  readonly sampling: {
    distribution: DistributionName;
    /** Sobol indices assume independent inputs: no correlation is applied. */
    correlation: 0;
    inputs: readonly UncertainInput[];
  };
  readonly models: (ResultModel & { firstError: string | null })[];
  readonly issues: {
    id: string;
    name: string;
    scale: { min: number; max: number };
    threshold: { value: number; label: string } | null;
    /** Model id → indices for the outcome and, when the issue has a threshold, for P(≥ it). */
    models: Record<string, { outcome: SobolTable; atOrAbove: SobolTable | null }>;
  }[];
}

export function summarizeSobol(
  scenario: Scenario,
  prepared: PreparedSobol,
  outcome: SobolOutcome,
): SobolResult {
  const { job, inputs } = prepared;
  const { d } = job.input;
  const k = job.space.k;
  const idx = sobolIndices(outcome.sums);
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  const table = (o: number): SobolTable => {
    const N = outcome.sums.rows[o]!;
    const mean =
      N > 0 ? (outcome.sums.sumA[o]! + outcome.sums.sumB[o]!) / (2 * N) + job.shift[o]! : NaN;
    const indices = inputs.map((x, i) => ({
      input: x.id,
      first: num(idx.first[o * k + i]!),
      firstSe: num(idx.firstSe[o * k + i]!),
      total: num(idx.total[o * k + i]!),
      totalSe: num(idx.totalSe[o * k + i]!),
    }));
    indices.sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity));
    return { mean: num(mean), variance: idx.variance[o]!, indices };
  };
  const issues = job.input.issueIds.map((id) => scenario.issues.find((i) => i.id === id)!);
  return {
    ...resultHeader({ kind: 'sensitivity', method: 'sobol' }, scenario, job.seed),
    samples: outcome.samples,
    samplesRequested: job.samples,
    runs: outcome.samples * (k + 2),
    partial: outcome.partial,
    chunkSize: job.chunkSize,
    sampling: { distribution: job.distribution, correlation: 0, inputs },
    models: job.models.map((m, mi) => ({
      id: m.id,
      name: getModel(m.id).name,
      options: m.options,
      firstError: outcome.errors[mi] || null,
    })),
    issues: issues.map((issue, q) => {
      const models: Record<string, { outcome: SobolTable; atOrAbove: SobolTable | null }> = {};
      job.models.forEach((m, mi) => {
        const o = (mi * d + q) * 2;
        models[m.id] = { outcome: table(o), atOrAbove: issue.threshold ? table(o + 1) : null };
      });
      return {
        id: issue.id,
        name: issue.name,
        scale: { min: issue.scale.min, max: issue.scale.max },
        threshold: issue.threshold ?? null,
        models,
      };
    }),
  };
}
