import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromResidues, moduli, moduliFor } from './residues.ts';

describe('residue number system', () => {
  it('moduli(L) are pairwise coprime, between 2^51 and 2^52, and stable across calls', () => {
    const m = moduli(6);
    expect(m).toHaveLength(6);
    for (const x of m) {
      expect(x).toBeGreaterThan(2 ** 51);
      expect(x).toBeLessThan(2 ** 52);
    }
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++) expect(gcd(BigInt(m[i]!), BigInt(m[j]!))).toBe(1n);
    expect(moduli(3)).toEqual(m.slice(0, 3));
  });

  it('moduliFor(bits) gives enough moduli that their product exceeds 2^bits', () => {
    for (const bits of [1, 50, 51, 52, 200, 1000]) {
      const product = moduli(moduliFor(bits)).reduce((a, b) => a * BigInt(b), 1n);
      expect(product > 1n << BigInt(bits)).toBe(true);
    }
  });

  it('fromResidues(x mod m_j) recovers any x below the product of the moduli (CRT)', () => {
    const mods = moduli(4);
    const product = mods.reduce((a, b) => a * BigInt(b), 1n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: product - 1n }), (x) => {
        const residues = mods.map((m) => Number(x % BigInt(m)));
        expect(fromResidues(residues, mods)).toBe(x);
      }),
    );
  });
});
