/**
 * One chunk of a Monte Carlo job: draw every uncertain input, write the draw into a working copy
 * of the compiled input in place, run each model (trace off), and fold the outcomes into the
 * chunk's histograms and moments. Nothing is allocated per run beyond what the models allocate.
 * Chunk k draws from `createRng(seed, k)`, so it gives the same numbers on any worker.
 */
import { ModelError } from '../../core/errors.ts';
import { createRng } from '../../core/rng.ts';
import type { AnyModel } from '../../models/model.ts';
import { getModel } from '../../models/registry.ts';
import type { Task } from '../../executors/task.ts';
import { applyValues, cloneInput } from '../uncertainty/input-space.ts';
import { Sampler } from '../uncertainty/sampler.ts';
import { type McChunk, emptyMcChunk } from './chunk-result.ts';
import { runsInChunk } from './chunks.ts';
import { binOf } from './histogram.ts';
import type { McJob } from './job.ts';
import { modelRng } from './model-rng.ts';
import { addMoment } from './moments.ts';

export function runMcChunk(job: McJob, chunk: number): McChunk {
  const runs = runsInChunk(job.runs, job.chunkSize, chunk);
  const out = emptyMcChunk(job);
  out.runs = runs;
  const work = cloneInput(job.input);
  const { n, d, present, scaleMin, scaleMax, threshold } = work;
  const sampler = new Sampler(job.space, job.sampling);
  const values = new Float64Array(job.space.k);
  const rng = createRng(job.seed, chunk);
  const models: AnyModel[] = job.models.map((m) => getModel(m.id));
  const contexts = job.models.map((m) => ({
    rng: modelRng(job.seed, m.id, chunk),
    trace: false,
  }));
  const { bins, actorBins } = job;
  const M = models.length;
  for (let r = 0; r < runs; r++) {
    sampler.draw(rng, values);
    applyValues(work, job.space, values);
    for (let m = 0; m < M; m++) {
      let result;
      try {
        result = models[m]!.run(work, job.models[m]!.options, contexts[m]!);
      } catch (err) {
        if (!(err instanceof ModelError)) throw err;
        out.failures[m] = out.failures[m]! + 1;
        if (!out.firstError[m]) out.firstError[m] = err.message;
        continue;
      }
      if (result.rounds > 0) out.moved[m] = out.moved[m]! + 1;
      if (!result.converged) out.unconverged[m] = out.unconverged[m]! + 1;
      for (let k = 0; k < d; k++) {
        const cell = m * d + k;
        const x = result.forecast[k]!;
        if (Number.isNaN(x)) {
          out.nan[cell] = out.nan[cell]! + 1;
          continue;
        }
        const lo = scaleMin[k]!;
        const hi = scaleMax[k]!;
        const b = cell * bins + binOf(x, lo, hi, bins);
        out.outcome[b] = out.outcome[b]! + 1;
        addMoment(out.outcomeMoments, cell, x);
        if (x >= threshold[k]!) out.atOrAbove[cell] = out.atOrAbove[cell]! + 1;
      }
      const fp = result.finalPositions;
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < d; k++) {
          const at = i * d + k;
          if (!present[at]) continue;
          const x = fp[at]!;
          if (Number.isNaN(x)) continue;
          const cell = (m * n + i) * d + k;
          const b = cell * actorBins + binOf(x, scaleMin[k]!, scaleMax[k]!, actorBins);
          out.actor[b] = out.actor[b]! + 1;
          addMoment(out.actorMoments, cell, x);
        }
      }
    }
  }
  return out;
}

export const monteCarloTask: Task<McJob, McChunk> = { name: 'monte-carlo', run: runMcChunk };
