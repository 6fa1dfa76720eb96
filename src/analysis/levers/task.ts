/**
 * Lever searches as executor chunks: in the `single` phase chunk j searches input j both ways
 * (down and up from its current value); in the `pair` phase chunk p moves pair p together. Each
 * evaluation re-runs the model on a working copy of the input with a fresh stream of the seed, so
 * a result never depends on the order of evaluations or on the worker.
 */
import { ModelError } from '../../core/errors.ts';
import type { NumericInput } from '../../core/numeric-input.ts';
import type { Task } from '../../executors/task.ts';
import { getModel } from '../../models/registry.ts';
import type { JobModel } from '../monte-carlo/job.ts';
import { modelRng } from '../monte-carlo/model-rng.ts';
import { type InputSpace, applyValue, cloneInput } from '../uncertainty/input-space.ts';
import { type SearchSettings, searchDirection } from './search.ts';
import { type TargetOperator, isMet, progress } from './target.ts';

export interface LeverJob {
  readonly input: NumericInput;
  /** Candidate inputs: `low`/`high` are the search bounds, `mode` the current value. */
  readonly space: InputSpace;
  readonly model: JobModel;
  readonly seed: number;
  /** Issue index, and actor index (−1: the issue's outcome). */
  readonly issue: number;
  readonly actor: number;
  readonly op: TargetOperator;
  readonly value: number;
  readonly settings: SearchSettings;
  readonly phase: 'single' | 'pair';
  /** Pair phase: two input indices per chunk. */
  readonly pairs: Int32Array;
  /** Pair phase: the direction (+1 up, −1 down) each input moves in. */
  readonly directions: Int8Array;
}

/** Fields per direction in a single-phase result. */
export const SINGLE_FIELDS = 7; // found, value, g, windows, bestG, bestValue, evaluations
/** Fields of a pair-phase result. */
export const PAIR_FIELDS = 6; // found, t, g, x_i, x_j, evaluations

/** The metric (outcome or actor's final position) under the current `work`, NaN on model error. */
export function leverMetric(job: LeverJob, work: NumericInput): number {
  const model = getModel(job.model.id);
  try {
    const r = model.run(work, job.model.options, {
      rng: modelRng(job.seed, job.model.id, 0),
      trace: false,
    });
    return job.actor < 0
      ? r.forecast[job.issue]!
      : r.finalPositions[job.actor * work.d + job.issue]!;
  } catch (err) {
    if (err instanceof ModelError) return NaN;
    throw err;
  }
}

export function runLeverChunk(job: LeverJob, chunk: number): Float64Array {
  const work = cloneInput(job.input);
  const { space, settings } = job;
  const met = (g: number) => isMet(job.op, g);
  if (job.phase === 'single') {
    const j = chunk;
    const current = space.mode[j]!;
    const lo = space.low[j]!;
    const hi = space.high[j]!;
    const g = (x: number) => {
      applyValue(work, space, j, x);
      const v = progress(job.op, job.value, leverMetric(job, work));
      applyValue(work, space, j, current);
      return v;
    };
    const out = new Float64Array(2 * SINGLE_FIELDS);
    [lo, hi].forEach((end, dir) => {
      const r = searchDirection(g, met, current, end, hi - lo, settings);
      out.set(
        [r.found ? 1 : 0, r.value, r.g, r.windows, r.bestG, r.bestValue, r.evaluations],
        dir * SINGLE_FIELDS,
      );
    });
    return out;
  }
  const i = job.pairs[2 * chunk]!;
  const j = job.pairs[2 * chunk + 1]!;
  const at = (q: number, t: number) => {
    const x = space.mode[q]! + job.directions[q]! * t * (space.high[q]! - space.low[q]!);
    return Math.min(space.high[q]!, Math.max(space.low[q]!, x));
  };
  const g = (t: number) => {
    applyValue(work, space, i, at(i, t));
    applyValue(work, space, j, at(j, t));
    const v = progress(job.op, job.value, leverMetric(job, work));
    applyValue(work, space, i, space.mode[i]!);
    applyValue(work, space, j, space.mode[j]!);
    return v;
  };
  const r = searchDirection(g, met, 0, 1, 1, settings);
  return Float64Array.of(
    r.found ? 1 : 0,
    r.value,
    r.g,
    at(i, r.value),
    at(j, r.value),
    r.evaluations,
  );
}

export const leverTask: Task<LeverJob, Float64Array> = { name: 'levers', run: runLeverChunk };
