/**
 * Exact counting in a residue number system. The power-index DPs only add and subtract counts, so
 * they can run modulo several pairwise-coprime moduli m_j < 2^52 in Float64Arrays (a sum of two
 * residues stays below 2^53, where doubles are exact) and be lifted to exact BigInt counts at the
 * end by the Chinese remainder theorem (Knuth, TAOCP vol. 2, §4.3.2). This is exact for any number
 * of players and several times faster than a table of BigInts.
 */

const TWO_52 = 2 ** 52;

/** Pairwise-coprime moduli just below 2^52, chosen greedily downwards from 2^52 − 1. */
const MODULI: number[] = [];

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The first `count` moduli (all > 2^51), extending the list as needed. */
export function moduli(count: number): readonly number[] {
  let candidate = (MODULI.at(-1) ?? TWO_52) - 1;
  while (MODULI.length < count) {
    const c = BigInt(candidate);
    if (MODULI.every((m) => gcd(BigInt(m), c) === 1n)) MODULI.push(candidate);
    candidate -= 1;
  }
  return MODULI.slice(0, count);
}

/**
 * How many moduli make counts below 2^bits exact: each modulus exceeds 2^51, so L moduli cover
 * every count below 2^(51·L).
 */
export function moduliFor(bits: number): number {
  return Math.floor(bits / 51) + 1;
}

/** Lifts residues r_j (mod m_j) to the unique integer in [0, Π m_j) by the CRT. */
export function fromResidues(residues: readonly number[], mods: readonly number[]): bigint {
  if (mods.length === 1) return BigInt(residues[0]!);
  const big = mods.map(BigInt);
  const product = big.reduce((a, b) => a * b, 1n);
  let x = 0n;
  big.forEach((m, j) => {
    const rest = product / m;
    x += BigInt(residues[j]!) * rest * modInverse(rest % m, m);
  });
  return x % product;
}

function modInverse(a: bigint, m: bigint): bigint {
  // Extended Euclid; a and m are coprime by construction.
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}
