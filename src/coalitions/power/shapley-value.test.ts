import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapleyValue } from './shapley-value.ts';

/** A random characteristic function on n players (v(∅) = 0). */
const game = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    v: fc
      .array(fc.double({ min: -10, max: 10, noNaN: true }), {
        minLength: 2 ** n,
        maxLength: 2 ** n,
      })
      .map((v) => Float64Array.from(v, (x, i) => (i === 0 ? 0 : x))),
  }),
);

describe('shapleyValue(v, n): the Shapley value of an explicit game', () => {
  it('solves the glove game (one left glove, two right): 2/3, 1/6, 1/6', () => {
    // v(S) = 1 when S holds player 0 (left) and a right glove (1 or 2)
    const v = Float64Array.from({ length: 8 }, (_, m) => (m & 1 && m & 6 ? 1 : 0));
    const phi = shapleyValue(v, 3);
    expect(phi[0]).toBeCloseTo(2 / 3, 14);
    expect(phi[1]).toBeCloseTo(1 / 6, 14);
    expect(phi[2]).toBeCloseTo(1 / 6, 14);
  });

  it('is efficient: Σ φ_i = v(N) − v(∅)', () => {
    fc.assert(
      fc.property(game, ({ n, v }) => {
        const sum = shapleyValue(v, n).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(v[2 ** n - 1]!, 9);
      }),
    );
  });

  it('gives a null player (v(S ∪ i) = v(S) for all S) exactly 0', () => {
    fc.assert(
      fc.property(game, ({ n, v }) => {
        // make player n−1 null by copying v(S) to v(S ∪ {n−1})
        const bit = 1 << (n - 1);
        for (let m = 0; m < v.length; m++) if (m & bit) v[m] = v[m ^ bit]!;
        expect(shapleyValue(v, n)[n - 1]).toBeCloseTo(0, 12);
      }),
    );
  });

  it('is symmetric: players whose swap leaves v unchanged get equal values', () => {
    fc.assert(
      fc.property(
        game.filter(({ n }) => n >= 2),
        ({ n, v }) => {
          // symmetrise players 0 and 1: v(S) := v(S with 0 and 1 swapped) averaged
          const swap = (m: number) => (m & ~3) | ((m & 1) << 1) | ((m & 2) >> 1);
          const s = Float64Array.from(v, (x, m) => (x + v[swap(m)]!) / 2);
          const phi = shapleyValue(s, n);
          expect(phi[0]).toBeCloseTo(phi[1]!, 10);
        },
      ),
    );
  });

  it('is additive: φ(v + w) = φ(v) + φ(w)', () => {
    fc.assert(
      fc.property(game, ({ n, v }) => {
        const w = Float64Array.from(v, (x, m) => (m === 0 ? 0 : Math.sin(m) * 3));
        const sum = Float64Array.from(v, (x, m) => x + w[m]!);
        const a = shapleyValue(v, n);
        const b = shapleyValue(w, n);
        shapleyValue(sum, n).forEach((x, i) => expect(x).toBeCloseTo(a[i]! + b[i]!, 9));
      }),
    );
  });

  it('rejects a table of the wrong length', () => {
    expect(() => shapleyValue(new Float64Array(7), 3)).toThrow(/needs 2\^3 = 8 values/);
  });
});
