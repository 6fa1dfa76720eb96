/**
 * `entente compare` on the built-in scenario and its variants: the base and every variant, each
 * with the six point models and the commitment model's 500 draws, as the command runs them
 * (inline, one core). Also the cost of reading the file, which checks every variant.
 * Budget (issue 15): < 2 s for point models on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type CompareInput, compareScenarios } from '../src/analysis/compare.ts';
import { loadScenario } from '../src/cli/load.ts';
import { applyChanges, variantChanges } from '../src/formats/variants.ts';
import { defaultModelIds, getModel } from '../src/models/registry.ts';
import { type BenchRow, medianMs } from './measure.ts';

export function benchCompare(): BenchRow[] {
  const rows: BenchRow[] = [];
  let loaded = loadScenario(undefined);
  const n = loaded.variants.length;
  rows.push({
    name: `read the built-in, checking its ${n} variants, median of 5`,
    value: medianMs(() => (loaded = loadScenario(undefined)), 5),
    unit: 'ms',
  });
  const models = defaultModelIds().map((id) => ({
    model: getModel(id),
    options: { ...(getModel(id).defaults as Record<string, unknown>) },
  }));
  const run = (commitmentDraws: number) => {
    const inputs: CompareInput[] = [
      { id: 'base', name: 'Base', scenario: loaded.scenario, changes: [], warnings: [] },
      ...loaded.variants.map((e) => {
        const a = applyChanges(loaded.scenario, variantChanges(loaded.variants, e.variant.id));
        return {
          id: e.variant.id,
          name: e.variant.name,
          scenario: a.scenario,
          changes: [],
          warnings: a.warnings,
        };
      }),
    ];
    compareScenarios(inputs, { models, seed: 1, draws: 0, commitmentDraws });
  };
  rows.push({
    name: `compare: base + ${n} variants, 6 point models + commitment (500 draws), median of 5`,
    value: medianMs(() => run(500), 5),
    unit: 'ms',
  });
  rows.push({
    name: `  the same without commitment draws (levels only)`,
    value: medianMs(() => run(0), 5),
    unit: 'ms',
  });
  // The whole command as a user runs it: process start, tsx, reading, computing, printing.
  const bin = fileURLToPath(new URL('../bin/entente.js', import.meta.url));
  const wall: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const p = spawnSync(process.execPath, [bin, 'compare'], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(p.stderr);
    wall.push(performance.now() - t);
  }
  wall.sort((a, b) => a - b);
  rows.push({
    name: '`entente compare` end to end (a new process), median of 3',
    value: wall[1]! / 1000,
    unit: 's',
  });
  return rows;
}
