import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../../core/numeric-input.ts';
import { createRng } from '../../core/rng.ts';
import { explainEum } from '../../analysis/explain/eum.ts';
import type { EumDetail, EumRoundDetail } from './detail.ts';
import { eum } from './eum.ts';
import fc from 'fast-check';
import { dyadOctant, TIE_EPS } from './octant.ts';
import { FULL_DYADS_UP_TO, STRONGEST_PER_RECEIVER, isPressure } from './round-recorder.ts';

function randomInput(n: number, seed: number) {
  const rng = createRng(seed);
  return makeNumericInput({
    capability: Array.from({ length: n }, () => 1 + Math.floor(rng.next() * 100)),
    position: Array.from({ length: n }, () => Math.floor(rng.next() * 101)),
    salience: Array.from({ length: n }, () => (10 + Math.floor(rng.next() * 91)) / 100),
  });
}

const run = (n: number, fullDetail: boolean) => {
  const input = randomInput(n, 7);
  const r = eum.run(
    input,
    { ...eum.defaults, rounds: 4 },
    { rng: createRng(1), trace: true, fullDetail },
  );
  return { input, result: r, detail: (r.detail as EumDetail).issues[0]! };
};

const key = (d: { i: number; j: number }) => `${d.i},${d.j}`;

describe('EUM traced dyads: every pair up to 100 participants, a summary beyond', () => {
  it(`keeps every ordered pair with ${FULL_DYADS_UP_TO} participants and says nothing about a summary`, () => {
    const { detail } = run(FULL_DYADS_UP_TO, false);
    for (const r of detail.rounds) {
      expect(r.dyads).toHaveLength(FULL_DYADS_UP_TO * (FULL_DYADS_UP_TO - 1));
      expect(r.dyadsTotal).toBeUndefined();
    }
  });

  it('beyond that keeps per receiver the taken dyad, the first compelling one and the strongest pressures, as in the full table', () => {
    const m = 150;
    const summary = run(m, false);
    const full = run(m, true);
    expect(Array.from(summary.result.forecast)).toEqual(Array.from(full.result.forecast));
    expect(summary.detail.trajectory).toEqual(full.detail.trajectory);
    summary.detail.rounds.forEach((r: EumRoundDetail, t) => {
      const all = full.detail.rounds[t]!;
      expect(all.dyads).toHaveLength(m * (m - 1));
      expect(r.dyadsTotal).toBe(m * (m - 1));
      expect(r.dyads.length).toBeLessThanOrEqual(m * (2 + STRONGEST_PER_RECEIVER));
      expect(r.dyads.length).toBeGreaterThan(0);
      const byKey = new Map(all.dyads.map((d) => [key(d), d]));
      // Every kept dyad is the full table's, receiver-major in input order.
      for (const d of r.dyads) expect(d).toEqual(byKey.get(key(d)));
      expect(r.dyads.map((d) => d.i * m + d.j)).toEqual(
        r.dyads.map((d) => d.i * m + d.j).sort((a, b) => a - b),
      );
      // Every move's dyad is kept and marked taken.
      expect(r.moves).toEqual(all.moves);
      for (const mv of r.moves) expect(byKey.get(`${mv.actor},${mv.from}`)?.taken).toBe(true);
      const kept = new Set(r.dyads.map(key));
      for (const mv of r.moves) expect(kept.has(`${mv.actor},${mv.from}`)).toBe(true);
      // The strongest pressure dyad of the round (by |a − b|) is kept.
      const pressure = all.dyads.filter(
        (d) => !['stalemate', 'same-position', 'indeterminate'].includes(d.octant),
      );
      const strongest = pressure.reduce((x, y) =>
        Math.abs(y.a - y.b) > Math.abs(x.a - x.b) ? y : x,
      );
      expect(kept.has(key(strongest))).toBe(true);
    });
  });

  it('explains a summarised run exactly as the full one', () => {
    const m = 150;
    const actors = Array.from({ length: m }, (_, i) => ({ id: `a${i}`, name: `A${i}` }));
    const issueOf = (x: ReturnType<typeof run>) => ({
      id: x.input.issueIds[0]!,
      name: 'issue',
      scale: { min: 0, max: 100, anchors: [] },
      referencePoint: null,
      threshold: null,
      forecasts: { eum: x.result.forecast[0]! },
      verdicts: {},
      nearestAnchor: {},
      actors: actors.map((a, i) => ({
        ...a,
        capability: x.input.capability[i]!,
        position: x.input.position[i]!,
        salience: x.input.salience[i]!,
        final: { eum: x.result.finalPositions[i]! },
      })),
    });
    const model = (x: ReturnType<typeof run>) => ({
      id: 'eum',
      name: 'EUM',
      options: {},
      rounds: x.result.rounds,
      converged: x.result.converged,
      warnings: [],
      detail: x.result.detail,
    });
    const a = run(m, false);
    const b = run(m, true);
    const sa = explainEum(issueOf(a), model(a), actors);
    expect(sa.length).toBeGreaterThan(0);
    expect(sa).toEqual(explainEum(issueOf(b), model(b), actors));
  });
});

describe('isPressure(a, b) is dyadOctant without the strings', () => {
  it('agrees with dyadOctant on every pair, ties and near-zeros included', () => {
    const near = fc.constantFrom(0, TIE_EPS, -TIE_EPS, 2 * TIE_EPS, -2 * TIE_EPS, 0.5 * TIE_EPS);
    const value = fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), near);
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, tie) => {
        const bb = tie ? a + (b % (3 * TIE_EPS)) : b;
        const octant = dyadOctant(a, bb, false);
        expect(isPressure(a, bb)).toBe(!['stalemate', 'indeterminate'].includes(octant));
      }),
      { seed: 17, numRuns: 2000 },
    );
  });
});
