/**
 * A Monte Carlo job: everything a worker needs to run any chunk, as plain structured-clonable
 * data. The scenario is compiled once here (point values) and never travels; workers get the
 * typed arrays, the bound uncertain inputs, the model ids and options, the seed and the plan.
 */
import { compileScenario } from '../../core/compile.ts';
import type { NumericInput } from '../../core/numeric-input.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { ModelRun } from '../forecast.ts';
import { type InputSpace, bindInputs } from '../uncertainty/input-space.ts';
import { type UncertainInput, uncertainInputs } from '../uncertainty/inputs.ts';
import { SAMPLING_DEFAULTS, type SamplingOptions } from '../uncertainty/sampler.ts';
import { chunkCount, defaultChunkSize } from './chunks.ts';

/** A model as a job names it: id and options (the worker looks the model up in the registry). */
export interface JobModel {
  readonly id: string;
  readonly options: Record<string, unknown>;
}

export interface McJob {
  readonly input: NumericInput;
  readonly space: InputSpace;
  readonly sampling: SamplingOptions;
  readonly models: readonly JobModel[];
  readonly seed: number;
  readonly runs: number;
  readonly chunkSize: number;
  /** Histogram bins per issue outcome (quantile resolution = scale width / bins). */
  readonly bins: number;
  /** Histogram bins per actor final position. */
  readonly actorBins: number;
}

export interface McPlan {
  readonly runs: number;
  readonly seed: number;
  readonly sampling?: Partial<SamplingOptions>;
  readonly issueIds?: readonly string[];
  /** Runs per chunk; default from {@link defaultChunkSize}. Part of what the results depend on. */
  readonly chunkSize?: number;
  /** Default 1000. */
  readonly bins?: number;
  /** Default 200. */
  readonly actorBins?: number;
}

export const DEFAULT_BINS = 1000;
export const DEFAULT_ACTOR_BINS = 200;

export interface PreparedMonteCarlo {
  readonly job: McJob;
  readonly inputs: readonly UncertainInput[];
  readonly chunks: number;
}

export function jobModels(runs: readonly ModelRun[]): JobModel[] {
  return runs.map((r) => ({ id: r.model.id, options: r.options }));
}

export function prepareMonteCarlo(
  scenario: Scenario,
  models: readonly ModelRun[],
  plan: McPlan,
): PreparedMonteCarlo {
  if (!Number.isInteger(plan.runs) || plan.runs < 1) {
    throw new RangeError(`runs must be a positive integer, got ${plan.runs}`);
  }
  const input = compileScenario(scenario, plan.issueIds);
  const inputs = uncertainInputs(scenario, plan.issueIds);
  const chunkSize = plan.chunkSize ?? defaultChunkSize(plan.runs);
  const job: McJob = {
    input,
    space: bindInputs(inputs, input),
    sampling: { ...SAMPLING_DEFAULTS, ...plan.sampling },
    models: jobModels(models),
    seed: plan.seed,
    runs: plan.runs,
    chunkSize,
    bins: plan.bins ?? DEFAULT_BINS,
    actorBins: plan.actorBins ?? DEFAULT_ACTOR_BINS,
  };
  return { job, inputs, chunks: chunkCount(plan.runs, chunkSize) };
}
