import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import { addSobolRow, emptySobolSums, mergeSobolSums, sobolIndices } from './sobol-sums.ts';

/** Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x ~ U(−π, π)³. */
function ishigami(x: Float64Array, a = 7, b = 0.1): number {
  return Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!);
}

function estimate(N: number, seed: number, chunks = 1) {
  const k = 3;
  const rng = createRng(seed);
  const total = emptySobolSums(1, k);
  const xA = new Float64Array(k);
  const xB = new Float64Array(k);
  const x = new Float64Array(k);
  const fA = new Float64Array(1);
  const fB = new Float64Array(1);
  const fAB = new Float64Array(k);
  const shift = Float64Array.of(3.5); // the mean of f, a/2
  const per = Math.ceil(N / chunks);
  for (let c = 0; c < chunks; c++) {
    const part = emptySobolSums(1, k);
    for (let r = 0; r < per; r++) {
      for (let i = 0; i < k; i++) xA[i] = Math.PI * (2 * rng.next() - 1);
      for (let i = 0; i < k; i++) xB[i] = Math.PI * (2 * rng.next() - 1);
      fA[0] = ishigami(xA);
      fB[0] = ishigami(xB);
      for (let i = 0; i < k; i++) {
        x.set(xA);
        x[i] = xB[i]!;
        fAB[i] = ishigami(x);
      }
      addSobolRow(part, fA, fB, fAB, shift);
    }
    mergeSobolSums(total, part);
  }
  return sobolIndices(total);
}

describe('Sobol indices (Saltelli 2010 first-order, Jansen total)', () => {
  it('recover the Ishigami function’s analytic indices (a = 7, b = 0.1) within 0.02', () => {
    const r = estimate(50_000, 1);
    // Analytic values: Ishigami & Homma (1990); Saltelli et al. (2008), Global Sensitivity Analysis, §4.
    const S = [0.3139, 0.4424, 0];
    const ST = [0.5576, 0.4424, 0.2437];
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i]! - S[i]!)).toBeLessThan(0.02);
      expect(Math.abs(r.total[i]! - ST[i]!)).toBeLessThan(0.02);
      // The reported standard errors are of the right size.
      expect(r.firstSe[i]!).toBeLessThan(0.02);
      expect(Math.abs(r.first[i]! - S[i]!)).toBeLessThan(4 * r.firstSe[i]! + 0.005);
      expect(Math.abs(r.total[i]! - ST[i]!)).toBeLessThan(4 * r.totalSe[i]! + 0.005);
    }
    // V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 ≈ 13.845.
    expect(r.variance[0]!).toBeCloseTo(13.845, 0);
  });

  it('merging chunk sums gives the same indices as one pass (to 1e-9)', () => {
    const a = estimate(6000, 5, 1);
    const b = estimate(6000, 5, 6);
    for (let i = 0; i < 3; i++) {
      expect(b.first[i]!).toBeCloseTo(a.first[i]!, 9);
      expect(b.total[i]!).toBeCloseTo(a.total[i]!, 9);
    }
  });

  it('gives NaN when the output never varies', () => {
    const s = emptySobolSums(1, 2);
    const one = Float64Array.of(1);
    for (let r = 0; r < 10; r++)
      addSobolRow(s, one, one, Float64Array.of(1, 1), Float64Array.of(0));
    expect(sobolIndices(s).first[0]).toBeNaN();
  });
});
