/**
 * The fast implementation (groups of equal positions, prefix sums, exp/log tables, reused
 * workspaces) against a literal transcription of docs/spec/eum.md (`reference-eum.ts`: loops and
 * Math.pow, the O(n³) denominator summed term by term).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../../core/numeric-input.ts';
import { createRng } from '../../core/rng.ts';
import type { EumDetail, EumIssueDetail } from './detail.ts';
import { eum } from './eum.ts';
import { loadBdmCsv } from './fixtures/load-bdm-csv.ts';
import type { EumOptions } from './options.ts';
import { referenceEum } from './reference-eum.ts';

const TOL = 1e-9;

interface Case {
  x: number[];
  c: number[];
  s: number[];
}

function fast(k: Case, options: Partial<EumOptions>): EumIssueDetail {
  const input = makeNumericInput({ capability: k.c, position: k.x, salience: k.s });
  const result = eum.run(
    input,
    { ...eum.defaults, ...options },
    { rng: createRng(1), trace: true },
  );
  return (result.detail as EumDetail).issues[0]!;
}

function expectAgreement(k: Case, options: Partial<EumOptions>): void {
  const variant = options.variant ?? 'scholz2011';
  const ref = referenceEum(k.x, k.c, k.s, {
    variant,
    Q: options.Q ?? 1,
    rounds: options.rounds ?? 10,
    capitulation:
      options.capitulation === 'on' || (options.capitulation !== 'off' && variant === 'printed'),
  });
  const got = fast(k, options);
  expect(got.rounds).toHaveLength(ref.length);
  const n = k.x.length;
  ref.forEach((r, t) => {
    const round = got.rounds[t]!;
    const where = `round ${t + 1}`;
    expect(Math.abs(round.startMedian - r.startMedian), `${where} μ`).toBeLessThanOrEqual(TOL);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(round.security[i]! - r.security[i]!), `${where} S_${i}`).toBeLessThanOrEqual(
        TOL,
      );
      expect(Math.abs(round.riskExponent[i]! - r.risk[i]!), `${where} r_${i}`).toBeLessThanOrEqual(
        TOL,
      );
      expect(
        Math.abs(got.trajectory[t + 1]![i]! - r.positions[i]!),
        `${where} x_${i}`,
      ).toBeLessThanOrEqual(TOL);
    }
    for (const dyad of round.dyads) {
      const { i, j } = dyad;
      expect(Math.abs(dyad.a - r.a[i]![j]!), `${where} a_${i}${j}`).toBeLessThanOrEqual(TOL);
      expect(Math.abs(dyad.b - r.b[i]![j]!), `${where} b_${i}${j}`).toBeLessThanOrEqual(TOL);
      expect(Math.abs(dyad.p - r.P[i]![j]!), `${where} P_${i}${j}`).toBeLessThanOrEqual(TOL);
    }
    expect(round.dyads).toHaveLength(n * (n - 1));
    const taken = round.moves.map((m) => [m.actor, m.from, m.type]);
    const refTaken = r.taken.flatMap((o, i) => (o ? [[i, o[0], o[1]]] : []));
    expect(taken, `${where} offers taken`).toEqual(refTaken);
    expect(Math.abs(round.median - r.median), `${where} median`).toBeLessThanOrEqual(TOL);
    expect(Math.abs(round.mean - r.mean), `${where} mean`).toBeLessThanOrEqual(TOL);
  });
}

/**
 * Small random cases on a 0–100 scale: positions with two decimals, or on a coarse grid so that
 * actors share positions and distances tie exactly.
 */
const caseArb = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    x: fc.oneof(
      fc.array(
        fc.integer({ min: 0, max: 10_000 }).map((v) => v / 100),
        { minLength: n, maxLength: n },
      ),
      fc.array(
        fc.integer({ min: 0, max: 6 }).map((v) => v * 10),
        { minLength: n, maxLength: n },
      ),
    ),
    c: fc.array(
      fc.integer({ min: 1, max: 1000 }).map((v) => v / 1000),
      { minLength: n, maxLength: n },
    ),
    s: fc.array(
      fc.integer({ min: 5, max: 100 }).map((v) => v / 100),
      { minLength: n, maxLength: n },
    ),
  }),
);

const nonDegenerate = (k: Case) => Math.max(...k.x) > Math.min(...k.x);

describe('EUM fast path agrees with a literal transcription of docs/spec/eum.md (to 1e-9)', () => {
  it('on the EC car emissions case, both variants, every round, every dyad', () => {
    const ec = loadBdmCsv('bdm1994_ec_car_emissions.csv');
    const k: Case = { x: [...ec.position], c: [...ec.capability], s: [...ec.salience] };
    expectAgreement(k, {});
    expectAgreement(k, { variant: 'printed' });
    expectAgreement(k, { Q: 0.5 });
  });

  for (const variant of ['scholz2011', 'printed'] as const) {
    it(`on random small inputs, variant ${variant}`, () => {
      fc.assert(
        fc.property(caseArb.filter(nonDegenerate), (k) =>
          expectAgreement(k, { variant, rounds: 6 }),
        ),
        { numRuns: 100, seed: variant === 'printed' ? 2 : 1 },
      );
    });
  }

  it('on random small inputs with Q = 0.5 and capitulation forced on or off', () => {
    fc.assert(
      fc.property(
        caseArb.filter(nonDegenerate),
        fc.constantFrom('scholz2011' as const, 'printed' as const),
        fc.constantFrom('on' as const, 'off' as const),
        (k, variant, capitulation) =>
          expectAgreement(k, { variant, Q: 0.5, capitulation, rounds: 5 }),
      ),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe('EUM untraced hot loop agrees with the traced one bit for bit', () => {
  // `takeOffers` (Monte Carlo runs) writes the offer rules out inline for speed and
  // `takeOffersTraced` (dyad tables) goes through `offerKind`: the two must never disagree.
  it('on random small inputs, every variant, Q and capitulation setting', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom('scholz2011' as const, 'printed' as const),
        fc.constantFrom(1, 0.5),
        fc.constantFrom('auto' as const, 'on' as const, 'off' as const),
        (k, variant, Q, capitulation) => {
          const input = makeNumericInput({ capability: k.c, position: k.x, salience: k.s });
          const options = { ...eum.defaults, variant, Q, capitulation, rounds: 8 };
          const quiet = eum.run(input, options, { rng: createRng(1), trace: false });
          const traced = eum.run(input, options, { rng: createRng(1), trace: true });
          expect(Array.from(quiet.finalPositions)).toEqual(Array.from(traced.finalPositions));
          expect(Array.from(quiet.forecast)).toEqual(Array.from(traced.forecast));
        },
      ),
      { numRuns: 300, seed: 4 },
    );
  });
});
