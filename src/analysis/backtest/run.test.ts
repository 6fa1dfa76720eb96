import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../executors/executor.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { PoolExecutor } from '../../executors/pool.ts';
import { deuCases } from '../../formats/deu-cases.ts';
import { parseCouncilVotes } from '../../formats/deu-council-votes.ts';
import { parseDeu } from '../../formats/deu.ts';
import { createEnsembleModel, ensemble } from '../../models/ensemble.ts';
import { getModel } from '../../models/registry.ts';
import { type BacktestRun, assembleBacktest, runBacktest, runColumn } from './backtest.ts';
import { localBaselineColumns } from './baselines.ts';
import { prepareBacktest, runBacktestModels } from './run.ts';
import { predictiveSamples } from './stacking.ts';
import { backtestTask } from './task.ts';
import { ANALYSIS_TASKS } from '../tasks.ts';

const TRAIN = join(import.meta.dirname, '../../../test/fixtures/deu/deu3_train.csv');
const VOTES = join(import.meta.dirname, 'data/council_vote_weights.csv');

// The first 40 issues of the DEU III training file (a few of them not scoreable).
const full = parseDeu(readFileSync(TRAIN, 'utf8'), 'deu3_train.csv');
const data = { ...full, issues: full.issues.slice(0, 40) };
const equal = deuCases(data, { capability: 'equal' });
const council = deuCases(data, {
  capability: 'council-votes',
  votes: parseCouncilVotes(readFileSync(VOTES, 'utf8'), 'council_vote_weights.csv'),
});
const run = (id: string, options: Record<string, unknown> = {}): BacktestRun => ({
  model: getModel(id),
  options: { ...getModel(id).defaults, ...options },
  cases: equal,
});
// Not the shipped ensemble: the workers must run the spec the job carries.
const halfHalf = createEnsembleModel({ ...ensemble.spec, weights: { mean: 0.5, median: 0.5 } });
const RUNS: BacktestRun[] = [
  run('mean'),
  run('median'),
  run('nash'),
  run('eum'),
  // Stochastic: every issue draws from its own stream, wherever it runs.
  run('smp', { transition: 'Stochastic' }),
  {
    model: halfHalf,
    options: {},
    cases: council,
    predictive: (f) => predictiveSamples(f, halfHalf.spec.residualQuantiles),
  },
];
const SEED = 7;

let pool: PoolExecutor | undefined;
afterAll(() => pool?.close());

async function viaExecutor(executor: Executor, runs: readonly BacktestRun[], chunkSize?: number) {
  const prepared = prepareBacktest(runs, SEED, chunkSize ? { chunkSize } : {});
  const out = await runBacktestModels(executor, prepared);
  expect(out.partial).toBe(false);
  return out.columns;
}

async function resultVia(executor: Executor, chunkSize?: number): Promise<string> {
  const columns = await viaExecutor(executor, RUNS, chunkSize);
  const all = [...columns, ...localBaselineColumns(equal)];
  return JSON.stringify(assembleBacktest(equal, all, RUNS, SEED));
}

describe('the backtest on an executor (chunks of issues)', () => {
  const inProcess = JSON.stringify(runBacktest({ runs: RUNS, seed: SEED }));

  it('gives the in-process result byte for byte inline, whatever the chunk size', async () => {
    const r = JSON.parse(inProcess) as { counts: { scored: number }; forecasters: unknown[] };
    expect(r.counts.scored).toBeGreaterThan(30);
    expect(r.forecasters).toHaveLength(8);
    expect(await resultVia(new InlineExecutor(), 7)).toBe(inProcess);
    expect(await resultVia(new InlineExecutor(), 1)).toBe(inProcess);
    expect(await resultVia(new InlineExecutor(), 100)).toBe(inProcess);
  });

  it('gives the same bytes on a pool of 2 worker threads (chunks merged in order)', async () => {
    pool ??= new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
    expect(await resultVia(pool, 3)).toBe(inProcess);
    // The forecasts themselves, bit for bit, and the ensemble's predictive samples.
    const columns = await viaExecutor(pool, RUNS, 6);
    RUNS.forEach((r, k) => {
      const local = runColumn(r, SEED, k);
      expect(Buffer.from(columns[k]!.forecasts.buffer)).toEqual(
        Buffer.from(local.forecasts.buffer),
      );
      expect(columns[k]!.samples).toEqual(local.samples);
    });
    // The custom spec ran, not the shipped ensemble.
    const shipped = runColumn({ ...RUNS[5]!, model: ensemble }, SEED, 5);
    expect(columns[5]!.forecasts).not.toEqual(shipped.forecasts);
  });

  it('brings back failures with their messages, in issue order, and warnings', async () => {
    pool ??= new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
    // A model that fails on every issue with a ModelError: an ensemble whose weights do not sum
    // to 1 (the job carries the spec to the workers). A bad option is no longer such a failure:
    // it is the caller's InputError, found before any run.
    const broken = createEnsembleModel({ ...ensemble.spec, weights: { mean: 0.5 } });
    const bad: BacktestRun[] = [run('mean'), { model: broken, options: {}, cases: equal }];
    const columns = await viaExecutor(pool, bad, 4);
    const local = runColumn(bad[1]!, SEED, 1);
    expect(local.failures.length).toBe(equal.counts.scoreable);
    expect(local.failures[0]!.message).toMatch(
      /the ensemble spec is unusable: weights: sum to 0.5/,
    );
    expect(columns[1]!.failures).toEqual(local.failures);
    expect(columns[1]!.warnings).toBe(local.warnings);
    expect(columns[0]!.forecasts).toEqual(runColumn(bad[0]!, SEED, 0).forecasts);
  });

  it('refuses a model the registry does not have (a worker could not run it)', () => {
    const custom = { ...run('mean'), model: { ...getModel('mean'), id: 'mine' } };
    expect(() => prepareBacktest([custom], SEED)).toThrow(/"mine" is not the registry's/);
    expect(backtestTask.name).toBe('backtest');
  });
});
