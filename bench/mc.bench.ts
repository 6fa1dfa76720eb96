/**
 * Monte Carlo throughput on the built-in East Asia scenario (12 actors, 2 issues, 52 ranged
 * inputs): runs/s with every baseline and with the EUM (when registered), inline (1 worker) and
 * on a pool of 2 workers, the 2-worker speed-up, and the wall time of 100,000 EUM runs on 2
 * workers (issue 5 budget: under 30 s on 2 cores), with the main thread's memory before and
 * after (flat in the number of runs: chunks reduce to fixed-size histograms).
 *
 * Runs/s are timed after a warm-up job (a tenth of the runs), so worker start-up (tsx) and JIT
 * warm-up are excluded; the 100,000-run wall time includes them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prepareMonteCarlo } from '../src/analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../src/analysis/monte-carlo/run.ts';
import type { Scenario } from '../src/core/scenario.ts';
import type { Executor } from '../src/executors/executor.ts';
import { InlineExecutor } from '../src/executors/inline.ts';
import { PoolExecutor } from '../src/executors/pool.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import { getModel, listModels } from '../src/models/registry.ts';
import type { BenchRow } from './measure.ts';
import { ANALYSIS_TASKS } from '../src/analysis/tasks.ts';

const SCENARIO = fileURLToPath(
  new URL('../scenarios/east-asia-coalition-2025.yaml', import.meta.url),
);

function runsOf(ids: readonly string[]) {
  return ids.map((id) => ({ model: getModel(id), options: { ...getModel(id).defaults } }));
}

async function rate(
  executor: Executor,
  scenario: Scenario,
  ids: readonly string[],
  runs: number,
): Promise<number> {
  const models = runsOf(ids);
  // Warm-up: a tenth of the job (at least a chunk per worker), so every thread's JIT has settled.
  const warm = Math.max(1000 * executor.workers, Math.ceil(runs / 10 / 1000) * 1000);
  await runMonteCarlo(executor, prepareMonteCarlo(scenario, models, { runs: warm, seed: 1 }));
  const prepared = prepareMonteCarlo(scenario, models, { runs, seed: 2 });
  const start = performance.now();
  await runMonteCarlo(executor, prepared);
  return runs / ((performance.now() - start) / 1000);
}

const mb = (bytes: number) => bytes / 2 ** 20;

export async function benchMc(): Promise<BenchRow[]> {
  const scenario = parseScenarioText(readFileSync(SCENARIO, 'utf8'), SCENARIO);
  const rows: BenchRow[] = [];
  const sets: { label: string; ids: string[]; runs: number }[] = [
    { label: 'baselines (mean, median, nash)', ids: ['mean', 'median', 'nash'], runs: 100_000 },
  ];
  const hasEum = listModels().some((m) => m.id === 'eum');
  if (hasEum) sets.push({ label: 'eum', ids: ['eum'], runs: 20_000 });
  for (const set of sets) {
    const inline = new InlineExecutor();
    const one = await rate(inline, scenario, set.ids, set.runs);
    const pool = new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
    let two: number;
    try {
      two = await rate(pool, scenario, set.ids, set.runs);
    } finally {
      await pool.close();
    }
    rows.push({ name: `MC ${set.label}, 1 worker (inline)`, value: one, unit: 'runs/s' });
    rows.push({ name: `MC ${set.label}, 2 workers`, value: two, unit: 'runs/s' });
    rows.push({ name: `MC ${set.label}, speed-up 2 vs 1 worker`, value: two / one, unit: '×' });
  }
  if (hasEum) {
    const before = process.memoryUsage();
    const start = performance.now();
    const pool = new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
    try {
      const prepared = prepareMonteCarlo(scenario, runsOf(['eum']), { runs: 100_000, seed: 3 });
      await runMonteCarlo(pool, prepared);
    } finally {
      await pool.close();
    }
    const after = process.memoryUsage();
    rows.push({
      name: 'MC eum, 100,000 runs on 2 workers (incl. start-up)',
      value: (performance.now() - start) / 1000,
      unit: 's (budget 30)',
    });
    rows.push({
      name: 'MC eum, 100,000 runs: main-thread heap growth',
      value: mb(after.heapUsed - before.heapUsed),
      unit: 'MB',
    });
  } else {
    rows.push({ name: 'MC eum: not registered, skipped', value: 0, unit: '' });
  }
  return rows;
}
