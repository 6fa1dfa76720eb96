/**
 * The reduced result of Monte Carlo runs: fixed-bin histograms and exact moments per (model,
 * issue) outcome and per (model, actor, issue) final position, plus counts. The same shape holds
 * one chunk or the merge of many, and its size does not grow with the number of runs.
 *
 * Layout: outcome cell o = m·d + k (model m, issue k); actor cell a = (m·n + i)·d + k.
 */
import { emptyMoments, mergeMoments } from './moments.ts';
import { mergeCounts } from './histogram.ts';
import type { McJob } from './job.ts';

export interface McChunk {
  /** Runs drawn. */
  runs: number;
  /** Outcome histograms, M·d cells of `bins` bins. */
  readonly outcome: Float64Array;
  /** Outcome moments, M·d cells. */
  readonly outcomeMoments: Float64Array;
  /** Runs whose outcome reached the threshold (≥), per outcome cell. */
  readonly atOrAbove: Float64Array;
  /** Runs whose outcome was NaN (no actor weighed on the issue), per outcome cell. */
  readonly nan: Float64Array;
  /** Final-position histograms, M·n·d cells of `actorBins` bins (only present actors filled). */
  readonly actor: Float64Array;
  readonly actorMoments: Float64Array;
  /** Per model: runs that failed with a model error, runs that did not converge, runs in which actors moved. */
  readonly failures: Float64Array;
  readonly unconverged: Float64Array;
  readonly moved: Float64Array;
  /** Per model: the first model error's message, '' if none. */
  readonly firstError: string[];
}

export function emptyMcChunk(job: McJob): McChunk {
  const M = job.models.length;
  const { n, d } = job.input;
  return {
    runs: 0,
    outcome: new Float64Array(M * d * job.bins),
    outcomeMoments: emptyMoments(M * d),
    atOrAbove: new Float64Array(M * d),
    nan: new Float64Array(M * d),
    actor: new Float64Array(M * n * d * job.actorBins),
    actorMoments: emptyMoments(M * n * d),
    failures: new Float64Array(M),
    unconverged: new Float64Array(M),
    moved: new Float64Array(M),
    firstError: new Array<string>(M).fill(''),
  };
}

/** Merges `from` into `into`. Call in chunk order for bit-identical moments. */
export function mergeMcChunk(into: McChunk, from: McChunk): void {
  into.runs += from.runs;
  mergeCounts(into.outcome, from.outcome);
  mergeMoments(into.outcomeMoments, from.outcomeMoments);
  mergeCounts(into.atOrAbove, from.atOrAbove);
  mergeCounts(into.nan, from.nan);
  mergeCounts(into.actor, from.actor);
  mergeMoments(into.actorMoments, from.actorMoments);
  mergeCounts(into.failures, from.failures);
  mergeCounts(into.unconverged, from.unconverged);
  mergeCounts(into.moved, from.moved);
  from.firstError.forEach((e, m) => {
    if (!into.firstError[m] && e) into.firstError[m] = e;
  });
}
