import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimalCoalitionStructure, valueTable } from './coalition-structure.ts';

/** Every partition of {0..n−1}, as lists of bitmasks (brute force, n ≤ 7). */
function partitions(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of partitions(n - 1)) {
    const bit = 1 << (n - 1);
    out.push([...p, bit]);
    p.forEach((_, i) => out.push(p.map((b, j) => (j === i ? b | bit : b))));
  }
  return out;
}

const game = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    v: fc
      .array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2 ** n, maxLength: 2 ** n })
      .map((a) => Float64Array.from(a)),
  }),
);

describe('optimalCoalitionStructure(v, n): welfare-maximising partition by DP over subsets', () => {
  it('finds the best value over all partitions (Bell(n) of them, brute force) for random games', () => {
    fc.assert(
      fc.property(game, ({ n, v }) => {
        const best = Math.max(...partitions(n).map((p) => p.reduce((s, m) => s + v[m]!, 0)));
        const cs = optimalCoalitionStructure(v, n);
        expect(cs.value).toBeCloseTo(best, 9);
        // the blocs it returns partition the players and add up to its value
        expect(cs.blocs.reduce((a, b) => a | b, 0)).toBe(2 ** n - 1);
        expect(cs.blocs.reduce((a, b) => a + b, 0)).toBe(2 ** n - 1);
        expect(cs.blocs.reduce((s, m) => s + v[m]!, 0)).toBeCloseTo(cs.value, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('forms the grand coalition in a strictly superadditive game and singletons in a subadditive one', () => {
    const n = 6;
    const pop = (m: number) => m.toString(2).replace(/0/g, '').length;
    expect(
      optimalCoalitionStructure(
        valueTable(n, (m) => pop(m) ** 2),
        n,
      ).blocs,
    ).toEqual([2 ** n - 1]);
    expect(
      optimalCoalitionStructure(
        valueTable(n, (m) => Math.sqrt(pop(m))),
        n,
      ).blocs,
    ).toHaveLength(n);
  });

  it('rejects more than 20 players', () => {
    expect(() => optimalCoalitionStructure(new Float64Array(2), 21)).toThrow(/within 1\.\.20/);
  });
});
