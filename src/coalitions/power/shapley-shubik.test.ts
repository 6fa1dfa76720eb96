import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { banzhaf } from './banzhaf.ts';
import { powerByEnumeration } from './power-by-enumeration.ts';
import { fractionString } from './rational.ts';
import { shapleyShubik } from './shapley-shubik.ts';
import { shapleyValue, weightedGameTable } from './shapley-value.ts';

/** Random weighted games with up to 10 players, weights 0..12 and a quota within 1..total. */
const smallGame = fc
  .array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 10 })
  .filter((w) => w.some((x) => x > 0))
  .chain((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return fc.record({ weights: fc.constant(weights), quota: fc.integer({ min: 1, max: total }) });
  });

describe('shapleyShubik(game): exact Shapley–Shubik index by DP over integer weights', () => {
  it('reproduces the 1958 EEC Council of Ministers (weights 4,4,4,2,2,1, quota 12): 14/60 ×3, 9/60 ×2, 0 for Luxembourg (Felsenthal & Machover 1998)', () => {
    const r = shapleyShubik({ weights: [4, 4, 4, 2, 2, 1], quota: 12 });
    expect(r.exact).toEqual(['7/30', '7/30', '7/30', '3/20', '3/20', '0']);
    [14, 14, 14, 9, 9, 0].forEach((x, i) => expect(r.values[i]! * 60).toBeCloseTo(x, 12));
  });

  it('equals enumeration of all orderings’ pivots (brute force over 2^n coalitions) for random small games', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const dp = shapleyShubik(game);
        const e = powerByEnumeration(game);
        expect(dp.exact).toEqual(
          e.shapleyShubikNumerators.map((x) => fractionString(x, e.nFactorial)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('equals the Shapley value of the game’s explicit characteristic function', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const phi = shapleyValue(weightedGameTable(game.weights, game.quota), game.weights.length);
        shapleyShubik(game).values.forEach((x, i) => expect(x).toBeCloseTo(phi[i]!, 12));
      }),
      { numRuns: 100 },
    );
  });

  it('is efficient (sums to exactly 1), symmetric in equal weights, and gives dummies 0', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const r = shapleyShubik(game);
        const e = powerByEnumeration(game);
        expect(e.shapleyShubikNumerators.reduce((a, b) => a + b, 0n)).toBe(e.nFactorial);
        expect(r.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        game.weights.forEach((w, i) => {
          game.weights.forEach((v, j) => {
            if (w === v) expect(r.exact[i]).toBe(r.exact[j]);
          });
          if (w === 0) expect(r.exact[i]).toBe('0');
        });
      }),
      { numRuns: 100 },
    );
  });

  it('counts exactly beyond 2^53: 101 equal voters under simple majority get exactly 1/101 each', () => {
    const r = shapleyShubik({ weights: new Array<number>(101).fill(1), quota: 51 });
    expect(new Set(r.exact)).toEqual(new Set(['1/101']));
  });

  it('handles 200 players with weights up to 100 and sums to 1 within rounding', () => {
    const weights = Array.from({ length: 200 }, (_, i) => 1 + ((i * 37) % 100));
    const total = weights.reduce((a, b) => a + b, 0);
    const r = shapleyShubik({ weights, quota: Math.floor(total / 2) + 1 });
    expect(r.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // heavier players never have less power (monotonicity of the index in the weight)
    const byWeight = weights.map((w, i) => [w, r.values[i]!] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byWeight.length; i++)
      expect(byWeight[i]![1]).toBeGreaterThanOrEqual(byWeight[i - 1]![1] - 1e-15);
  }, 60_000);

  it('a dictator (weight ≥ quota, rest cannot win without it) has index 1', () => {
    const r = shapleyShubik({ weights: [10, 1, 1, 1], quota: 10 });
    expect(r.exact).toEqual(['1', '0', '0', '0']);
  });

  it('rejects a quota above the total weight', () => {
    expect(() => shapleyShubik({ weights: [1, 2], quota: 4 })).toThrow(
      /quota 4 is out of range: expected an integer within 1\.\.3/,
    );
  });
});

describe('banzhaf(game): exact Banzhaf index by DP over integer weights', () => {
  it('reproduces the 1958 EEC Council: swings 10 ×3, 6 ×2, 0; normalised 5/21 ×3, 3/21 ×2, 0 (Felsenthal & Machover 1998)', () => {
    const r = banzhaf({ weights: [4, 4, 4, 2, 2, 1], quota: 12 });
    expect(r.swings).toEqual([10n, 10n, 10n, 6n, 6n, 0n]);
    expect(r.normalizedExact).toEqual(['5/21', '5/21', '5/21', '1/7', '1/7', '0']);
    expect(r.absolute).toEqual([10 / 32, 10 / 32, 10 / 32, 6 / 32, 6 / 32, 0]);
  });

  it('equals enumeration of swings for random small games', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        expect(banzhaf(game).swings).toEqual(powerByEnumeration(game).swings);
      }),
      { numRuns: 200 },
    );
  });

  it('counts exactly beyond 2^53: in a 101-voter majority each voter swings C(100, 50) times', () => {
    let c = 1n;
    for (let i = 0n; i < 50n; i++) c = (c * (100n - i)) / (i + 1n);
    const r = banzhaf({ weights: new Array<number>(101).fill(1), quota: 51 });
    expect(r.swings.every((s) => s === c)).toBe(true);
    expect(c > 2n ** 53n).toBe(true);
  });

  it('a weightless player swings nowhere and doubles nothing else’s index', () => {
    const with0 = banzhaf({ weights: [3, 2, 2, 0], quota: 4 });
    const without = banzhaf({ weights: [3, 2, 2], quota: 4 });
    expect(with0.swings.slice(0, 3)).toEqual(without.swings.map((s) => 2n * s));
    expect(with0.swings[3]).toBe(0n);
    expect(with0.normalized.slice(0, 3)).toEqual(without.normalized);
  });
});
