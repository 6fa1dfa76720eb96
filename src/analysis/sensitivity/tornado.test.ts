import { afterAll, describe, expect, it, vi } from 'vitest';
import { ModelError } from '../../core/errors.ts';
import { Scenario } from '../../core/scenario.ts';
import type { Executor } from '../../executors/executor.ts';
import { contractScenario } from '../../executors/contract.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { PoolExecutor } from '../../executors/pool.ts';
import { getModel } from '../../models/registry.ts';
import type { ModelRun } from '../forecast.ts';
import { prepareTornado, runTornado, runTornadoOn, summarizeTornado } from './tornado.ts';
import { tornadoTask } from './tornado-task.ts';
import { ANALYSIS_TASKS } from '../tasks.ts';

const run = (id: string, options: Record<string, unknown> = {}): ModelRun => ({
  model: getModel(id),
  options: { ...getModel(id).defaults, ...options },
});
// Stochastic SMP too: every evaluation draws from the same fresh stream, wherever it runs.
const RUNS = [run('mean'), run('nash'), run('eum'), run('smp', { transition: 'Stochastic' })];
const scenario = contractScenario();

let pool: PoolExecutor | undefined;
afterAll(() => pool?.close());

async function via(executor: Executor, chunkSize?: number): Promise<string> {
  const prepared = prepareTornado(scenario, RUNS, { seed: 3, ...(chunkSize ? { chunkSize } : {}) });
  const outcome = await runTornadoOn(executor, prepared);
  expect(outcome.partial).toBe(false);
  expect(outcome.inputsDone).toBe(prepared.inputs.length);
  return JSON.stringify(summarizeTornado(scenario, prepared, outcome));
}

describe('the tornado on an executor (chunks of inputs)', () => {
  const inProcess = JSON.stringify(runTornado(scenario, RUNS, { seed: 3 }));

  it('gives the in-process result byte for byte inline, whatever the chunk size', async () => {
    const r = JSON.parse(inProcess) as { runs: number; inputs: unknown[] };
    expect(r.inputs.length).toBeGreaterThan(8);
    expect(r.runs).toBe(1 + 2 * r.inputs.length);
    for (const size of [1, 4, 1000]) expect(await via(new InlineExecutor(), size)).toBe(inProcess);
    expect(JSON.stringify(runTornado(scenario, RUNS, { seed: 3, chunkSize: 5 }))).toBe(inProcess);
  });

  it('gives the same bytes on a pool of 2 worker threads', async () => {
    pool ??= new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
    expect(await via(pool, 2)).toBe(inProcess);
    expect(await via(pool)).toBe(inProcess);
  });

  it('restores a salience exactly as one pass does (v·0.01 is not v/100 to the last bit)', () => {
    // 35 / 100 ≠ 35 × 0.01 in doubles: an input after a salience input sees the restored value.
    expect(35 * 0.01).not.toBe(35 / 100);
    const s = Scenario.parse({
      id: 'sal',
      title: 'Saliences',
      question: 'Where?',
      asOf: '2025-01-01',
      issues: [{ id: 'x', name: 'X', scale: { min: 0, max: 100 } }],
      actors: [
        {
          id: 'a',
          name: 'A',
          kind: 'state',
          capability: 1,
          stances: { x: { position: 10, salience: { value: 35, low: 20, high: 60 } } },
        },
        {
          id: 'b',
          name: 'B',
          kind: 'state',
          capability: { value: 1, low: 0.5, high: 1.5 },
          stances: { x: { position: 90, salience: 30 } },
        },
      ],
    });
    const runs = [run('mean')];
    const whole = runTornado(s, runs, { seed: 1 });
    // b's capability at 1.5 after a's salience is restored to 35 × 0.01 (by hand: 54.999…986).
    const bar = whole.issues[0]!.models.mean!.bars.find((b) => b.input === 'b.capability')!;
    expect(bar.atHigh).toBe(54.999999999999986);
    expect(JSON.stringify(runTornado(s, runs, { seed: 1, chunkSize: 1 }))).toBe(
      JSON.stringify(whole),
    );
  });

  it('reports a model’s first error, as one pass does, from any chunk', async () => {
    // The SMP failing on every input with a ModelError (a bad option is no such failure: it is
    // the caller's InputError, found before any run).
    const smp = getModel('smp');
    const fail = vi.spyOn(smp, 'run').mockImplementation(() => {
      throw new ModelError('no usable scale', 'smp');
    });
    try {
      const bad = [run('mean'), run('smp')];
      const prepared = prepareTornado(scenario, bad, { seed: 3, chunkSize: 2 });
      const outcome = await runTornadoOn(new InlineExecutor(), prepared);
      const r = summarizeTornado(scenario, prepared, outcome);
      expect(r.models[1]!.firstError).toBe('smp: no usable scale');
      expect(r.models[0]!.firstError).toBeNull();
      expect(JSON.stringify(r)).toBe(JSON.stringify(runTornado(scenario, bad, { seed: 3 })));
    } finally {
      fail.mockRestore();
    }
    expect(tornadoTask.name).toBe('tornado');
  });
});
