import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InlineExecutor } from '../../executors/inline.ts';
import { PoolExecutor } from '../../executors/pool.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { compileCommitment } from './commitment-input.ts';
import { assembleCommitment, prepareCommitment } from './commitment-result.ts';
import { selectEquilibrium } from './equilibria.ts';
import { createTables, fillTables } from './game.ts';
import { runCommitmentJobs } from '../../analysis/commitment.ts';
import { ANALYSIS_TASKS } from '../../analysis/tasks.ts';

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'commitment.yaml');
const scenario = () => parseScenarioText(readFileSync(FIXTURE, 'utf8'), 'commitment.yaml');

async function analyse(draws: number, executor = new InlineExecutor(), extra = {}) {
  const s = scenario();
  const prepared = prepareCommitment(s, { draws, seed: 11, ...extra });
  const { totals } = await runCommitmentJobs(executor, prepared);
  return assembleCommitment(s, prepared, totals);
}

describe('the commitment analysis of the test question', () => {
  it('has A commit and B, under a local threat and a reluctant public, stay out', async () => {
    const r = await analyse(0);
    const level = Object.fromEntries(r.candidates.map((c) => [c.id, c.level]));
    expect(level).toEqual({ A: 'fight', B: 'neutral', C: 'neutral' });
    expect(r.selected.members).toEqual(['A']);
    expect(r.selected.rule).toBe('best-response-path');
    // The terms of every level add up to its utility, and the chosen level is the best.
    for (const c of r.candidates) {
      for (const u of c.utilities) {
        const sum = Object.values(u.terms).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(u.utility, 12);
      }
      const best = Math.max(...c.utilities.map((u) => u.utility));
      expect(c.utilities.find((u) => u.level === c.level)!.utility).toBe(best);
      expect(c.margin).toBeGreaterThanOrEqual(0);
    }
    // B's choice is decided by its local threat and its public, as the fixture makes it.
    const b = r.candidates.find((c) => c.id === 'B')!;
    expect(b.decisive.slice(0, 2).map((d) => d.term)).toEqual(['threat', 'domestic']);
  });

  it('reports flips that really change the level, and nothing nearer that does', async () => {
    const r = await analyse(0);
    const compiled = compileCommitment(scenario());
    const { input } = compiled;
    const levelAt = (slot: number, v: number, i: number) => {
      const p = Float64Array.from(input.params);
      p[slot] = v;
      const t = createTables(input);
      fillTables(input, p, t);
      const out = new Int32Array(input.n);
      selectEquilibrium(t, input.current, null, out);
      return compiled.levelIds[out[i]!];
    };
    const a = r.candidates[0]!;
    expect(a.flips.length).toBeGreaterThan(0);
    for (const f of a.flips) {
      const spec = compiled.inputs.find((x) => x.id === f.input)!;
      expect(levelAt(spec.slot, f.to, 0)).toBe(f.level);
      expect(f.level).not.toBe(a.level);
      // Just short of the flip (toward the point value), the level holds.
      expect(levelAt(spec.slot, f.to - f.change * 1e-6, 0)).toBe(a.level);
    }
  });

  it('gives P(commits) consistent with the level probabilities, and coalition sizes that add up', async () => {
    const r = await analyse(3000);
    const mc = r.monteCarlo!;
    expect(mc.draws).toBe(3000);
    for (const c of r.candidates) {
      const p = c.probabilities!;
      const levels = Object.values(p.level);
      expect(levels.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      expect(p.commits).toBeCloseTo(p.atLeast[r.joinLevel]!, 12);
      // P(≥ k) never rises up the ladder.
      const atLeast = Object.values(p.atLeast);
      for (let k = 1; k < atLeast.length; k++)
        expect(atLeast[k]!).toBeLessThanOrEqual(atLeast[k - 1]! + 1e-12);
    }
    expect(mc.atLeastMembers![0]).toBeCloseTo(1, 12);
    expect(mc.memberSets!.reduce((t, s) => t + s.p, 0)).toBeCloseTo(1, 12);
    const a = mc.includes!.find((x) => x.members.length === 1 && x.members[0] === 'A')!;
    expect(a.p).toBeCloseTo(r.candidates[0]!.probabilities!.commits, 12);
    // The point forecast (A joins, with a small margin) sits inside what the draws allow.
    expect(a.p).toBeGreaterThan(0.05);
    expect(a.p).toBeLessThan(0.95);
    // Knocking out the security term (A's reason to join) lowers A's P(commits).
    expect(r.candidates[0]!.withoutTerm!.security).toBeLessThan(-0.1);
  });

  it('gives the same counts, bit for bit, inline and on two worker threads', async () => {
    const pool = new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
    try {
      const s = scenario();
      const prepared = prepareCommitment(s, { draws: 5000, seed: 3, knockout: false });
      const inline = await runCommitmentJobs(new InlineExecutor(), prepared);
      const threads = await runCommitmentJobs(pool, prepared);
      const main = (o: typeof inline) => o.totals.get('main')!;
      expect(Array.from(main(threads).levels)).toEqual(Array.from(main(inline).levels));
      expect(Array.from(main(threads).members)).toEqual(Array.from(main(inline).members));
      expect(main(inline).runs).toBe(5000);
    } finally {
      await pool.close();
    }
  });

  it('answers who joins if a candidate joins, with and without draws', async () => {
    const r = await analyse(2000, new InlineExecutor(), { ifJoins: 'B' });
    const ifB = r.ifJoins.find((x) => x.candidate === 'B')!;
    expect(ifB.profile.levels.B).toBe('support');
    expect(ifB.profile.members).toContain('B');
    expect(r.monteCarlo!.given!.candidate).toBe('B');
    expect(r.monteCarlo!.given!.commits.B).toBe(1);
  });

  it('switches the capability measure by name', async () => {
    const s = scenario();
    const byCinc = assembleCommitment(
      s,
      prepareCommitment(s, { draws: 0, seed: 1, measure: 'cinc' }),
      new Map(),
    );
    expect(byCinc.capabilityMeasure).toBe('cinc');
    // With CINC the rival outweighs the lead (0.23 vs 0.12): the coalition's chance falls.
    const byMilex = await analyse(0);
    expect(byCinc.selected.prevail).toBeLessThan(byMilex.selected.prevail);
  });
});
