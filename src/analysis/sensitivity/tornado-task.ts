/**
 * A tornado's 2k + 1 evaluations as an executor task. Chunk c moves the inputs
 * [c·B, (c + 1)·B) one at a time to their low and then their high value (chunk 0 first evaluates
 * the point values: the base). Every evaluation gets each model's generator afresh, stream 0 of
 * the model's seed (common random numbers: a stochastic model's swing shows the input, not other
 * draws), so an evaluation never depends on which evaluations ran before it on the same worker.
 *
 * The working input is rebuilt exactly as one sequential pass leaves it: the inputs before the
 * chunk's first are written back at their point value (`applyValue`, as after their own bars;
 * for saliences v·0.01 need not equal the compiled v/100 to the last bit), the later ones keep
 * their compiled value. So chunks merged in order are bit-identical to one pass in process.
 */
import type { NumericInput } from '../../core/numeric-input.ts';
import type { Task } from '../../executors/task.ts';
import type { AnyModel } from '../../models/model.ts';
import { getModel } from '../../models/registry.ts';
import type { JobModel } from '../monte-carlo/job.ts';
import { modelRng } from '../monte-carlo/model-rng.ts';
import { type InputSpace, applyValue, cloneInput } from '../uncertainty/input-space.ts';
import { type Evaluator, evaluate, outputCount } from './evaluate.ts';

export interface TornadoJob {
  /** The compiled scenario at its point values. */
  readonly input: NumericInput;
  readonly space: InputSpace;
  readonly models: readonly JobModel[];
  readonly seed: number;
  /** Inputs per chunk (B). */
  readonly chunkSize: number;
}

export interface TornadoChunk {
  /** Inputs moved in this chunk. */
  readonly inputs: number;
  /** Chunk 0: the outputs at the point values (M·d·2, see `evaluate.ts`); empty otherwise. */
  readonly base: Float64Array;
  /** The outputs with the chunk's input j at its low value, at `j · M·d·2`. */
  readonly low: Float64Array;
  /** The same at its high value. */
  readonly high: Float64Array;
  /** First model error per model in this chunk (base first), '' if none. */
  readonly errors: string[];
}

/** Chunks of a tornado over k inputs (one, for the base, when there are none). */
export function tornadoChunkCount(k: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(k / chunkSize));
}

export function runTornadoChunk(
  job: TornadoJob,
  chunk: number,
  models: readonly AnyModel[] = job.models.map((m) => getModel(m.id)),
): TornadoChunk {
  const { space } = job;
  const O = outputCount(job.models.length, job.input.d);
  const from = chunk * job.chunkSize;
  const to = Math.min(space.k, from + job.chunkSize);
  const count = Math.max(0, to - from);
  const errors = job.models.map(() => '');
  const valid = new Uint8Array(O).fill(1);
  const work = cloneInput(job.input);
  const run = (out: Float64Array) => {
    const ev: Evaluator = {
      models,
      options: job.models.map((m) => m.options),
      contexts: job.models.map((m) => ({ rng: modelRng(job.seed, m.id, 0), trace: false })),
      errors,
    };
    evaluate(ev, work, out, valid);
  };
  const base = new Float64Array(chunk === 0 ? O : 0);
  if (chunk === 0) run(base);
  for (let j = 0; j < from; j++) applyValue(work, space, j, space.mode[j]!);
  const low = new Float64Array(count * O);
  const high = new Float64Array(count * O);
  for (let j = from; j < to; j++) {
    applyValue(work, space, j, space.low[j]!);
    run(low.subarray((j - from) * O, (j - from + 1) * O));
    applyValue(work, space, j, space.high[j]!);
    run(high.subarray((j - from) * O, (j - from + 1) * O));
    applyValue(work, space, j, space.mode[j]!);
  }
  return { inputs: count, base, low, high, errors };
}

export const tornadoTask: Task<TornadoJob, TornadoChunk> = {
  name: 'tornado',
  run: (job, chunk) => runTornadoChunk(job, chunk),
};
