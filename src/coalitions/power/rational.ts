/** Exact rationals as BigInt pairs: reduction, printing and rounding to the nearest double. */

export function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `num/den` in lowest terms, e.g. "7/30"; "0" and integers without a denominator. */
export function fractionString(num: bigint, den: bigint): string {
  if (num === 0n) return '0';
  const g = gcdBig(num, den);
  const [n, d] = [num / g, den / g];
  return d === 1n ? `${n}` : `${n}/${d}`;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * num/den (num ≥ 0, den > 0) as a double, to within one unit in the last place: the quotient is
 * taken with 64 significant bits in BigInt, then scaled by a power of two.
 */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = Math.max(0, 64 + bitLength(den) - bitLength(num));
  const scaled = num << BigInt(shift);
  let big = scaled / den;
  // The quotient has ≥ 64 bits, so Number() rounds it once at bit ~53; a non-zero remainder
  // must still count there (a "sticky" low bit), or a truncated tie rounds the wrong way.
  if (big * den !== scaled) big |= 1n;
  const q = Number(big);
  // Two factors so that 2^−shift never underflows on its own (shift can exceed 1074).
  const half = Math.floor(shift / 2);
  return q * 2 ** -half * 2 ** -(shift - half);
}

/** n! as a BigInt table 0!..n!. */
export function factorials(n: number): bigint[] {
  const f = [1n];
  for (let i = 1; i <= n; i++) f.push(f[i - 1]! * BigInt(i));
  return f;
}
