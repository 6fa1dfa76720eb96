/**
 * The commitment model (docs/spec/commitment.md): exact enumeration of every pure equilibrium of
 * random games of 8 candidates × 5 levels (390,625 profiles) and 10 × 4 (1,048,576), and the Monte
 * Carlo of the built-in commitment question (10^5 draws) inline and on 2 worker threads.
 * Budgets (issue 18): enumeration 8 × 5 < 50 ms; 10^5 draws < 10 s on 2 cores.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/cli/load.ts';
import { prepareCommitment } from '../src/coalitions/commitment/commitment-result.ts';
import {
  type CommitmentInput,
  GLOBALS,
  TERMS,
} from '../src/coalitions/commitment/commitment-input.ts';
import { enumerateEquilibria } from '../src/coalitions/commitment/equilibria.ts';
import { createTables, fillTables } from '../src/coalitions/commitment/game.ts';
import { runCommitmentJobs } from '../src/analysis/commitment.ts';
import { createRng } from '../src/core/rng.ts';
import { InlineExecutor } from '../src/executors/inline.ts';
import { PoolExecutor } from '../src/executors/pool.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import { type BenchRow, medianMs } from './measure.ts';
import { ANALYSIS_TASKS } from '../src/analysis/tasks.ts';

function randomGame(n: number, L: number, seed: number): CommitmentInput {
  const rng = createRng(seed);
  const ladder = Float64Array.from({ length: L }, (_, k) => k / (L - 1));
  const params = new Float64Array(GLOBALS + n * TERMS).map(() => rng.next());
  params[1] = 10;
  params[2] = 10;
  return {
    n,
    levels: L,
    contribution: ladder,
    exposure: Float64Array.from(ladder, (x) => x * x),
    joinLevel: 2,
    current: new Int32Array(n),
    coercionSharing: true,
    params,
  };
}

function builtinOrFixture() {
  const { scenario } = loadScenario(undefined);
  if (scenario.coalition?.commitment) return { scenario, name: 'built-in' };
  const text = readFileSync(new URL('../test/fixtures/commitment.yaml', import.meta.url), 'utf8');
  return { scenario: parseScenarioText(text, 'commitment.yaml'), name: 'test fixture' };
}

export async function benchCommitment(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [n, L] of [
    [8, 5],
    [10, 4],
  ] as const) {
    const game = randomGame(n, L, 7);
    const t = createTables(game);
    fillTables(game, game.params, t);
    let count = 0;
    const ms = medianMs(() => (count = enumerateEquilibria(t).count), 7);
    rows.push({
      name: `every pure equilibrium, ${n} candidates × ${L} levels (${(L ** n).toLocaleString('en-US')} profiles; ${count} found), median of 7`,
      value: ms,
      unit: 'ms',
    });
  }
  const { scenario, name } = builtinOrFixture();
  const draws = 100_000;
  const prepared = prepareCommitment(scenario, { draws, seed: 1, knockout: false });
  let t0 = performance.now();
  await runCommitmentJobs(new InlineExecutor(), prepared);
  const inline = (performance.now() - t0) / 1000;
  rows.push({
    name: `Monte Carlo, ${name}, 10^5 draws, inline (1 core)`,
    value: inline,
    unit: 's',
  });
  rows.push({ name: `  = draws per second, inline`, value: draws / inline, unit: 'draws/s' });
  const pool = new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
  try {
    await runCommitmentJobs(
      pool,
      prepareCommitment(scenario, { draws: 2000, seed: 2, knockout: false }),
    );
    t0 = performance.now();
    await runCommitmentJobs(pool, prepared);
    const two = (performance.now() - t0) / 1000;
    rows.push({
      name: `Monte Carlo, ${name}, 10^5 draws, 2 worker threads`,
      value: two,
      unit: 's',
    });
    const full = prepareCommitment(scenario, { draws, seed: 1 });
    t0 = performance.now();
    await runCommitmentJobs(pool, full);
    rows.push({
      name: `  with the six term knock-outs (7 × 10^5 draws), 2 worker threads`,
      value: (performance.now() - t0) / 1000,
      unit: 's',
    });
  } finally {
    await pool.close();
  }
  return rows;
}
