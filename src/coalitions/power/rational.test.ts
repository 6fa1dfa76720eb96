import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorials, fractionString, gcdBig, ratioToNumber } from './rational.ts';

describe('exact rationals', () => {
  it('fractionString(num, den) prints the fraction in lowest terms', () => {
    expect(fractionString(168n, 720n)).toBe('7/30');
    expect(fractionString(0n, 5n)).toBe('0');
    expect(fractionString(6n, 3n)).toBe('2');
    expect(gcdBig(-12n, 18n)).toBe(6n);
  });

  it('ratioToNumber(num, den) is the nearest double for small fractions', () => {
    // Found by fast-check: the truncated quotient sat on a rounding tie (fixed by a sticky bit).
    expect(ratioToNumber(227450047n, 726286472n)).toBe(227450047 / 726286472);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (a, b) => {
          expect(ratioToNumber(BigInt(a), BigInt(b))).toBe(a / b);
        },
      ),
    );
  });

  it('ratioToNumber keeps full precision for 1000-digit numerators and denominators', () => {
    const f = factorials(500);
    // 499!/500! = 1/500 exactly
    expect(ratioToNumber(f[499]!, f[500]!)).toBe(1 / 500);
    // tiny values do not underflow to 0 while representable: 1/300! ≈ 3.3e-615 underflows, 1/170! does not
    expect(ratioToNumber(1n, f[170]!)).toBeCloseTo(1 / 7.257415615307994e306, 320);
    expect(ratioToNumber(1n, f[300]!)).toBe(0);
  });
});
