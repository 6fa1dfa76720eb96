/**
 * The contract every executor passes (inline, pool, and any later one, e.g. BullMQ): call
 * `executorContract(name, factory)` from the executor's test file. The factory makes an executor
 * with the given number of workers (executors with a fixed count may ignore it).
 *
 * The guarantees: every chunk's result is delivered exactly once, in chunk order, and is
 * identical (bit for bit) to running the task directly; an abort resolves with a prefix of the
 * chunks; a failing chunk rejects the run with its error — the same class (`InputError` with its
 * problems, `ModelError`, `InternalError`) and message as thrown in the chunk, wherever it ran —
 * and leaves the executor usable.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { McChunk } from '../analysis/monte-carlo/chunk-result.ts';
import { type PreparedMonteCarlo, prepareMonteCarlo } from '../analysis/monte-carlo/job.ts';
import { monteCarloTask } from '../analysis/monte-carlo/task.ts';
import {
  InputError,
  InternalError,
  ModelError,
  type Problem,
  serializeError,
} from '../core/errors.ts';
import { Scenario } from '../core/scenario.ts';
import { getModel } from '../models/registry.ts';
import type { Executor } from './executor.ts';
import { type FailJob, failTask } from './fail-task.ts';

/** A three-actor, two-issue scenario with ranged inputs; tiny, so chunks are fast. */
export function contractScenario(): Scenario {
  const stance = (p: number, s: number) => ({
    position: { value: p, low: Math.max(0, p - 10), high: Math.min(100, p + 10) },
    salience: { value: s, low: s - 20, high: s + 10 },
  });
  return Scenario.parse({
    id: 'executor-contract',
    title: 'Executor contract',
    question: 'Where do x and y settle?',
    asOf: '2025-01-01',
    issues: [
      { id: 'x', name: 'X', scale: { min: 0, max: 100 }, threshold: { value: 50, label: 'half' } },
      { id: 'y', name: 'Y', scale: { min: 0, max: 10 } },
    ],
    actors: [
      {
        id: 'a',
        name: 'A',
        kind: 'state',
        capability: { value: 3, low: 2, high: 4 },
        stances: { x: stance(20, 60), y: { position: 2, salience: 50 } },
      },
      { id: 'b', name: 'B', kind: 'state', capability: 2, stances: { x: stance(70, 50) } },
      {
        id: 'c',
        name: 'C',
        kind: 'public',
        capability: { value: 1, low: 0.5, high: 1.5 },
        stances: {
          x: stance(55, 40),
          y: { position: { value: 8, low: 6, high: 9 }, salience: 70 },
        },
      },
    ],
  });
}

function prepared(
  runs: number,
  chunkSize: number,
  models = ['mean', 'median'],
): PreparedMonteCarlo {
  return prepareMonteCarlo(
    contractScenario(),
    models.map((id) => ({ model: getModel(id), options: { ...getModel(id).defaults } })),
    { runs, seed: 77, chunkSize, bins: 100, actorBins: 20 },
  );
}

async function collect(executor: Executor, p: PreparedMonteCarlo, signal?: AbortSignal) {
  const order: number[] = [];
  const results: McChunk[] = [];
  const summary = await executor.run(monteCarloTask, p.job, p.chunks, {
    onResult: (k, r) => {
      order.push(k);
      results.push(r);
    },
    ...(signal ? { signal } : {}),
  });
  return { order, results, summary };
}

export function executorContract(
  name: string,
  makeExecutor: (workers: number) => Executor,
  options: { workers?: number } = {},
): void {
  const workers = options.workers ?? 2;
  describe(`${name} executor (shared contract)`, () => {
    const executor = makeExecutor(workers);
    afterAll(() => executor.close());

    it('delivers every chunk once, in chunk order, identical to running the task directly', async () => {
      const p = prepared(700, 100);
      const { order, results, summary } = await collect(executor, p);
      expect(summary).toEqual({ completed: 7, aborted: false });
      expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
      results.forEach((r, k) => expect(r).toEqual(monteCarloTask.run(p.job, k)));
      expect(results[6]!.runs).toBe(100);
    });

    it('gives the same results when run twice (tasks do not mutate the job)', async () => {
      const p = prepared(300, 100);
      const a = await collect(executor, p);
      const b = await collect(executor, p);
      expect(b.results).toEqual(a.results);
    });

    it('resolves at once for zero chunks, and with nothing for an already aborted signal', async () => {
      const p = prepared(100, 100);
      const none = await executor.run(monteCarloTask, p.job, 0, { onResult: () => {} });
      expect(none).toEqual({ completed: 0, aborted: false });
      const ac = new AbortController();
      ac.abort();
      const { order, summary } = await collect(executor, p, ac.signal);
      expect(order).toEqual([]);
      expect(summary).toEqual({ completed: 0, aborted: true });
    });

    it('stops on abort with a prefix of the chunks delivered', async () => {
      const p = prepared(40 * 300, 300, ['mean', 'median', 'nash']);
      const ac = new AbortController();
      const order: number[] = [];
      const summary = await executor.run(monteCarloTask, p.job, p.chunks, {
        onResult: (k) => {
          order.push(k);
          if (k === 1) ac.abort();
        },
        signal: ac.signal,
      });
      expect(summary.aborted).toBe(true);
      expect(summary.completed).toBe(order.length);
      expect(order).toEqual(Array.from({ length: order.length }, (_, k) => k));
      expect(order.length).toBeGreaterThanOrEqual(2);
      expect(order.length).toBeLessThan(40);
    });

    it('rejects with the chunk’s error and stays usable', async () => {
      const p = prepared(200, 100);
      const bad = { ...p.job, models: [{ id: 'no-such-model', options: {} }] };
      const error = await executor.run(monteCarloTask, bad, 2, { onResult: () => {} }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/unknown model "no-such-model"/);
      const { summary } = await collect(executor, p);
      expect(summary.completed).toBe(2);
    });

    it('rethrows a chunk’s InputError (with its problems), ModelError and InternalError with their class', async () => {
      const problems: Problem[] = [
        {
          file: 'a.yaml',
          line: 3,
          column: 7,
          path: 'actors[0].capability',
          message: 'must be > 0',
        },
        { path: 'issues', message: 'at least one issue' },
      ];
      const thrown = [
        new InputError(problems),
        new ModelError('every actor has zero weight', 'eum'),
        new InternalError('a broken invariant'),
      ];
      for (const original of thrown) {
        const job: FailJob = { error: serializeError(original), chunks: [1] };
        const delivered: number[] = [];
        const error = await executor
          .run(failTask, job, 3, { onResult: (k) => delivered.push(k) })
          .then(
            () => null,
            (err: unknown) => err,
          );
        expect(error, original.name).toBeInstanceOf(original.constructor);
        expect((error as Error).name).toBe(original.name);
        expect((error as Error).message).toContain(original.message);
        expect(delivered).not.toContain(1);
        if (original instanceof InputError) {
          expect((error as InputError).problems).toEqual(problems);
          expect((error as Error).message).toBe(original.message);
        }
        if (original instanceof ModelError) {
          expect((error as ModelError).model).toBe('eum');
          expect((error as Error).message).toBe('eum: every actor has zero weight');
        }
      }
      const { summary } = await collect(executor, prepared(200, 100));
      expect(summary.completed).toBe(2);
    });
  });
}
