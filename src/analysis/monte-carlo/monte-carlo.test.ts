import { describe, expect, it } from 'vitest';
import { Scenario } from '../../core/scenario.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { getModel } from '../../models/registry.ts';
import { prepareMonteCarlo } from './job.ts';
import { runMonteCarlo } from './run.ts';
import { summarizeMonteCarlo } from './summarize.ts';

const mean = [{ model: getModel('mean'), options: {} }];

/** Actors with equal, fixed weight; positions as given. */
function scenario(positions: { value: number; low: number; high: number }[]): Scenario {
  return Scenario.parse({
    id: 'analytic',
    title: 'Analytic',
    question: 'Where?',
    asOf: '2025-01-01',
    issues: [
      { id: 'x', name: 'X', scale: { min: 0, max: 100 }, threshold: { value: 75, label: 'high' } },
    ],
    actors: positions.map((p, i) => ({
      id: `a${i}`,
      name: `A${i}`,
      kind: 'state',
      capability: 1,
      stances: { x: { position: p, salience: 50 } },
    })),
  });
}

async function simulate(s: Scenario, runs: number, distribution: 'uniform' | 'triangular') {
  const prepared = prepareMonteCarlo(s, mean, { runs, seed: 42, sampling: { distribution } });
  const outcome = await runMonteCarlo(new InlineExecutor(), prepared);
  return summarizeMonteCarlo(s, prepared, outcome);
}

describe('Monte Carlo of the weighted mean, where the outcome distribution is known', () => {
  it('two equal actors with positions uniform on 0–100: the mean of two uniforms is triangular(0, 50, 100)', async () => {
    const N = 20_000;
    const r = await simulate(
      scenario([
        { value: 50, low: 0, high: 100 },
        { value: 50, low: 0, high: 100 },
      ]),
      N,
      'uniform',
    );
    const o = r.issues[0]!.outcomes.mean!;
    const sd = 100 / Math.sqrt(24);
    expect(o.runs).toBe(N);
    expect(Math.abs(o.mean - 50)).toBeLessThan(4 * (sd / Math.sqrt(N)));
    expect(o.sd).toBeCloseTo(sd, 0);
    // F(x) = 2(x/100)² below 50: q10 = 100·√0.05, q90 symmetric; density there ≈ 0.0089, so the
    // quantile's SE ≈ √(0.09/N)/0.0089 ≈ 0.24.
    expect(Math.abs(o.q10 - 100 * Math.sqrt(0.05))).toBeLessThan(1);
    expect(Math.abs(o.q90 - (100 - 100 * Math.sqrt(0.05)))).toBeLessThan(1);
    expect(Math.abs(o.median - 50)).toBeLessThan(1);
    // P(mean ≥ 75) = P(X1 + X2 ≥ 150) = (50²/2)/100² = 0.125.
    const p = o.pAtOrAbove!;
    expect(p.se).toBeCloseTo(Math.sqrt((0.125 * 0.875) / N), 3);
    expect(Math.abs(p.p - 0.125)).toBeLessThan(4 * p.se);
    expect(o.histogram.counts.reduce((a, b) => a + b, 0)).toBe(N);
    expect(o.point).toBe(50);
  });

  it('one actor with a triangular position: the outcome covers the triangular’s own 10–90% interval', async () => {
    const N = 20_000;
    const [a, c, b] = [10, 30, 80];
    const r = await simulate(scenario([{ value: c, low: a, high: b }]), N, 'triangular');
    const o = r.issues[0]!.outcomes.mean!;
    const q = (u: number) =>
      u < (c - a) / (b - a)
        ? a + Math.sqrt(u * (b - a) * (c - a))
        : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    expect(Math.abs(o.q10 - q(0.1))).toBeLessThan(1);
    expect(Math.abs(o.q90 - q(0.9))).toBeLessThan(1);
    expect(Math.abs(o.mean - (a + b + c) / 3)).toBeLessThan(
      4 * Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18 / N),
    );
    // P(X ≥ 75) = (80 − 75)² / ((80 − 10)(80 − 30)).
    expect(Math.abs(o.pAtOrAbove!.p - 25 / 3500)).toBeLessThan(
      4 * Math.sqrt(((25 / 3500) * (1 - 25 / 3500)) / N),
    );
  });

  it('an interrupted run is exactly the first chunks of the full run (same seed, same chunk size)', async () => {
    const s = scenario([
      { value: 30, low: 10, high: 60 },
      { value: 70, low: 50, high: 95 },
    ]);
    const full = prepareMonteCarlo(s, mean, { runs: 3000, seed: 9, chunkSize: 500 });
    const ac = new AbortController();
    const cut = await runMonteCarlo(new InlineExecutor(), full, {
      signal: ac.signal,
      onProgress: (done) => done >= 1000 && ac.abort(),
    });
    expect(cut.partial).toBe(true);
    expect(cut.total.runs).toBe(1000);
    const short = prepareMonteCarlo(s, mean, { runs: 1000, seed: 9, chunkSize: 500 });
    const whole = await runMonteCarlo(new InlineExecutor(), short);
    const a = summarizeMonteCarlo(s, full, cut);
    const b = summarizeMonteCarlo(s, short, whole);
    expect(a.partial).toBe(true);
    expect(a.runsRequested).toBe(3000);
    expect(a.issues).toEqual(b.issues);
  });

  it('carries seed, scenario hash, model options, version and runs', async () => {
    const r = await simulate(scenario([{ value: 30, low: 10, high: 60 }]), 100, 'triangular');
    expect(r).toMatchObject({
      kind: 'monte-carlo',
      seed: 42,
      runs: 100,
      runsRequested: 100,
      partial: false,
    });
    expect(r.entente).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.models).toEqual([expect.objectContaining({ id: 'mean', options: {}, failedRuns: 0 })]);
    expect(r.sampling.inputs.map((i) => i.id)).toEqual(['a0.x.position']);
  });
});
