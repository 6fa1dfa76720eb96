/**
 * The must-have: Entente's SMP reproduces KTAB. Inputs and KTAB's own `smpc` position histories
 * (default parameters) are KAPSARC KTAB's files, copied to ./fixtures (MIT licence):
 * `dummyData_3Dim.csv` + `dummyData_3Dim.ktab-positions.csv`, `SOE-Pol-Comp.csv` +
 * `SOE-Pol-Comp.ktab-positions.csv`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../core/compile.ts';
import { createRng } from '../../core/rng.ts';
import { Scenario } from '../../core/scenario.ts';
import { ktabToScenario, parseKtabCsv } from '../../formats/ktab/index.ts';
import type { SmpDetail } from './detail.ts';
import { SMP_DEFAULTS } from './options.ts';
import { smp } from './smp.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function runKtabFile(name: string) {
  const data = parseKtabCsv(readFileSync(join(FIXTURES, `${name}.csv`), 'utf8'), `${name}.csv`);
  const scenario = Scenario.parse(ktabToScenario(data, { id: 'ktab-test', asOf: '2016' }));
  const input = compileScenario(scenario);
  const result = smp.run(input, SMP_DEFAULTS, { rng: createRng(1), trace: true });
  const reference = readFileSync(join(FIXTURES, `${name}.ktab-positions.csv`), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [turn, actor, dim, pos] = l.split(',').map(Number);
      return { turn: turn!, actor: actor!, dim: dim!, pos: pos! };
    });
  return {
    result,
    detail: result.detail as SmpDetail,
    reference,
    n: data.actors.length,
    d: data.dimensions.length,
  };
}

describe.each([
  { name: 'dummyData_3Dim', actors: 7, dims: 3, turns: 10 },
  { name: 'SOE-Pol-Comp', actors: 13, dims: 2, turns: 27 },
])(
  'SMP with default options reproduces KTAB on fixtures/$name.csv',
  ({ name, actors, dims, turns }) => {
    const run = runKtabFile(name);

    it(`runs as many turns as KTAB (fixtures/${name}.ktab-positions.csv: ${turns}) and stops converged`, () => {
      const ktabTurns = Math.max(...run.reference.map((r) => r.turn));
      expect(ktabTurns).toBe(turns);
      expect(run.result.rounds).toBe(ktabTurns);
      expect(run.detail.stop).toEqual({ reason: 'converged', turns });
      expect(run.detail.positions).toHaveLength(turns + 1);
    });

    it(`puts every actor at KTAB's position at every turn within 0.01 (fixtures/${name}.ktab-positions.csv)`, () => {
      expect(run.reference).toHaveLength((turns + 1) * actors * dims);
      let worst = 0;
      for (const r of run.reference) {
        const ours = run.detail.positions[r.turn]![r.actor]![r.dim]!;
        worst = Math.max(worst, Math.abs(ours - r.pos));
      }
      expect(worst).toBeLessThanOrEqual(0.01);
      // In fact the positions agree to floating-point rounding (KTAB prints two decimals on 0–100).
      expect(worst).toBeLessThan(1e-9);
    });

    it('reports the final positions of the last turn and no warnings', () => {
      const last = run.detail.positions[turns]!;
      expect(Array.from(run.result.finalPositions)).toEqual(last.flat());
      expect(run.result.warnings).toEqual([]);
      expect(run.result.converged).toBe(true);
    });
  },
);
