import { describe, expect, it } from 'vitest';
import { runLevers } from '../analysis/levers/levers.ts';
import { parseTarget } from '../analysis/levers/target.ts';
import { prepareMonteCarlo } from '../analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../analysis/monte-carlo/run.ts';
import { summarizeMonteCarlo } from '../analysis/monte-carlo/summarize.ts';
import { prepareSobol, runSobol, summarizeSobol } from '../analysis/sensitivity/sobol.ts';
import { getModel } from '../models/registry.ts';
import { contractScenario, executorContract } from './contract.ts';
import { InlineExecutor } from './inline.ts';
import { PoolExecutor } from './pool.ts';
import { ANALYSIS_TASKS } from '../analysis/tasks.ts';

// One pool of 8 workers serves every test here: worker start-up (tsx) is the slow part. Two
// workers are covered end to end (test/uncertainty.test.ts, `--workers 2`).
let shared: PoolExecutor | undefined;
const pool = () => (shared ??= new PoolExecutor({ workers: 8, tasks: ANALYSIS_TASKS }));

describe('pool executor', () => {
  it('gives bit-identical Monte Carlo results inline and on 8 workers', async () => {
    const scenario = contractScenario();
    const models = ['mean', 'median', 'nash'].map((id) => ({
      model: getModel(id),
      options: { ...getModel(id).defaults },
    }));
    const prepared = prepareMonteCarlo(scenario, models, { runs: 2400, seed: 5, chunkSize: 150 });
    const inline = summarizeMonteCarlo(
      scenario,
      prepared,
      await runMonteCarlo(new InlineExecutor(), prepared),
    );
    const pooled = summarizeMonteCarlo(scenario, prepared, await runMonteCarlo(pool(), prepared));
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inline));
  });

  it('gives identical Sobol indices and levers inline and on 8 workers', async () => {
    const scenario = contractScenario();
    const mean = [{ model: getModel('mean'), options: {} }];
    const prepared = prepareSobol(scenario, mean, { samples: 120, seed: 5, chunkSize: 15 });
    const sobol = async (executor: InlineExecutor | PoolExecutor) =>
      JSON.stringify(summarizeSobol(scenario, prepared, await runSobol(executor, prepared)));
    expect(await sobol(pool())).toBe(await sobol(new InlineExecutor()));
    const target = parseTarget('x>=60', scenario);
    const levers = async (executor: InlineExecutor | PoolExecutor) =>
      JSON.stringify(
        await runLevers(executor, scenario, mean[0]!, target, { seed: 5, pairCandidates: 3 }),
      );
    expect(await levers(pool())).toBe(await levers(new InlineExecutor()));
  });
});

executorContract('pool', pool);
