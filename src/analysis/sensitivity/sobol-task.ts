/**
 * One chunk of a Sobol analysis on a scenario: rows r of the A, B and A_B^(i) matrices, each row
 * drawn from the chunk's stream (`createRng(seed, chunk)`, 2k uniforms per row), every model run
 * on each of the k + 2 points, folded into {@link SobolSums}. Inputs are drawn independently (the
 * indices assume independence; the copula correlation is not used).
 */
import { createRng } from '../../core/rng.ts';
import type { Task } from '../../executors/task.ts';
import { getModel } from '../../models/registry.ts';
import { runsInChunk } from '../monte-carlo/chunks.ts';
import type { JobModel } from '../monte-carlo/job.ts';
import { modelRng } from '../monte-carlo/model-rng.ts';
import type { NumericInput } from '../../core/numeric-input.ts';
import {
  type InputSpace,
  applyValue,
  applyValues,
  cloneInput,
} from '../uncertainty/input-space.ts';
import { Sampler } from '../uncertainty/sampler.ts';
import type { DistributionName } from '../uncertainty/distributions.ts';
import { type Evaluator, evaluate, outputCount } from './evaluate.ts';
import { type SobolSums, addSobolRow, emptySobolSums } from './sobol-sums.ts';

export interface SobolJob {
  readonly input: NumericInput;
  readonly space: InputSpace;
  readonly distribution: DistributionName;
  readonly models: readonly JobModel[];
  readonly seed: number;
  /** N, the rows of A and B. */
  readonly samples: number;
  /** Rows per chunk. */
  readonly chunkSize: number;
  /** Per output: the value f(B) is centred on (the point forecast; 0 for indicators). */
  readonly shift: Float64Array;
}

export interface SobolChunk {
  readonly sums: SobolSums;
  /** First model error per model in this chunk, '' if none. */
  readonly errors: string[];
}

export function runSobolChunk(job: SobolJob, chunk: number): SobolChunk {
  const { space } = job;
  const k = space.k;
  const d = job.input.d;
  const O = outputCount(job.models.length, d);
  const sums = emptySobolSums(O, k);
  const ev: Evaluator = {
    models: job.models.map((m) => getModel(m.id)),
    options: job.models.map((m) => m.options),
    contexts: job.models.map((m) => ({ rng: modelRng(job.seed, m.id, chunk), trace: false })),
    errors: job.models.map(() => ''),
  };
  const rows = runsInChunk(job.samples, job.chunkSize, chunk);
  const rng = createRng(job.seed, chunk);
  const sampler = new Sampler(space, { distribution: job.distribution, correlation: 0 });
  const work = cloneInput(job.input);
  const u = new Float64Array(k);
  const xA = new Float64Array(k);
  const xB = new Float64Array(k);
  const fA = new Float64Array(O);
  const fB = new Float64Array(O);
  const fAB = new Float64Array(k * O);
  const out = new Float64Array(O);
  const valid = new Uint8Array(O);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < k; i++) u[i] = rng.next();
    sampler.fromUniforms(u, xA);
    for (let i = 0; i < k; i++) u[i] = rng.next();
    sampler.fromUniforms(u, xB);
    valid.fill(1);
    applyValues(work, space, xB);
    evaluate(ev, work, fB, valid);
    applyValues(work, space, xA);
    evaluate(ev, work, fA, valid);
    for (let i = 0; i < k; i++) {
      applyValue(work, space, i, xB[i]!);
      evaluate(ev, work, out, valid);
      fAB.set(out, i * O);
      applyValue(work, space, i, xA[i]!);
    }
    addSobolRow(sums, fA, fB, fAB, job.shift, valid);
  }
  return { sums, errors: ev.errors };
}

export const sobolTask: Task<SobolJob, SobolChunk> = { name: 'sobol', run: runSobolChunk };
