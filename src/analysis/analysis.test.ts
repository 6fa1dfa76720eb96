import { describe, expect, it } from 'vitest';
import { InlineExecutor } from '../executors/inline.ts';
import type { Task } from '../executors/task.ts';
import {
  type Analysis,
  immediateAnalysis,
  mapAnalysis,
  runAnalysis,
  sequenceAnalyses,
} from './analysis.ts';

/** A task whose chunk k returns k × job.scale. */
const scaled: Task<{ scale: number }, number> = { name: 'scaled', run: (job, k) => k * job.scale };

/**
 * Two steps: the second's job depends on what the first merged (like the levers' pairs).
 * Returns every merged value in order, and whether it was stopped.
 */
function twoSteps(chunks: number, onMerge?: (value: number) => void) {
  const analysis: Analysis<{ merged: number[]; partial: boolean }> = {
    kind: 'two-steps',
    work: { unit: 'chunks', total: 2 * chunks },
    *steps() {
      const merged: number[] = [];
      const merge = (_k: number, r: number) => {
        merged.push(r);
        onMerge?.(r);
        return merged.length;
      };
      const first = yield { task: scaled, job: { scale: 1 }, chunks, merge };
      if (first.aborted) return { merged, partial: true };
      const sum = merged.reduce((a, b) => a + b, 0);
      const second = yield { task: scaled, job: { scale: sum }, chunks, merge };
      return { merged, partial: second.aborted };
    },
  };
  return analysis;
}

describe('runAnalysis(executor, analysis)', () => {
  it('runs each step in order, merging chunks in chunk order, a later step planned from an earlier one', async () => {
    const progress: [number, number][] = [];
    const out = await runAnalysis(new InlineExecutor(), twoSteps(3), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    // First step: 0, 1, 2 (sum 3); second: 0, 3, 6.
    expect(out.result).toEqual({ merged: [0, 1, 2, 0, 3, 6], partial: false });
    expect(out.partial).toBe(false);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
  });

  it('stops on the signal: the analysis summarizes what was merged, later steps never run', async () => {
    const controller = new AbortController();
    const out = await runAnalysis(
      new InlineExecutor(),
      twoSteps(5, (v) => {
        if (v === 1) controller.abort();
      }),
      { signal: controller.signal },
    );
    expect(out.partial).toBe(true);
    expect(out.result).toEqual({ merged: [0, 1], partial: true });
    expect(out.done).toBe(2);
  });

  it('does not run a step an analysis yields after a stop; that step comes back stopped', async () => {
    const seen: boolean[] = [];
    const stubborn: Analysis<number> = {
      kind: 'stubborn',
      work: { unit: 'chunks', total: 2 },
      *steps() {
        let runs = 0;
        const merge = () => ++runs;
        seen.push((yield { task: scaled, job: { scale: 1 }, chunks: 1, merge }).aborted);
        seen.push((yield { task: scaled, job: { scale: 1 }, chunks: 1, merge }).aborted);
        return runs;
      },
    };
    const controller = new AbortController();
    controller.abort();
    const out = await runAnalysis(new InlineExecutor(), stubborn, { signal: controller.signal });
    expect(seen).toEqual([true, true]);
    expect(out).toEqual({ result: 0, partial: true, done: 0 });
  });

  it('runs an immediate analysis (no steps) and maps results', async () => {
    const out = await runAnalysis(
      new InlineExecutor(),
      mapAnalysis(
        immediateAnalysis('now', () => 21),
        (x) => x * 2,
      ),
    );
    expect(out).toEqual({ result: 42, partial: false, done: 0 });
  });
});

describe('sequenceAnalyses(kind, parts, combine)', () => {
  it('runs the parts in order, skips absent ones, and counts progress as parts done', async () => {
    const progress: number[] = [];
    const seq = sequenceAnalyses(
      'both',
      { a: twoSteps(2), none: undefined, b: mapAnalysis(twoSteps(1), (r) => r.merged.length) },
      (results, partial) => ({ results, partial }),
    );
    expect(seq.work.total).toBe(2);
    const out = await runAnalysis(new InlineExecutor(), seq, {
      onProgress: (done) => progress.push(done),
    });
    expect(out.result).toEqual({
      results: { a: { merged: [0, 1, 0, 1], partial: false }, b: 2 },
      partial: false,
    });
    expect(progress).toEqual([0.25, 0.5, 0.75, 1, 1.5, 2]);
  });

  it('after a stopped part, leaves the rest out and says it was partial', async () => {
    const controller = new AbortController();
    const seq = sequenceAnalyses(
      'both',
      { a: twoSteps(2, () => controller.abort()), b: twoSteps(1) },
      (results, partial) => ({ names: Object.keys(results), partial }),
    );
    const out = await runAnalysis(new InlineExecutor(), seq, { signal: controller.signal });
    expect(out.result).toEqual({ names: [], partial: true });
  });
});
