import { InvalidArgumentError } from 'commander';

/** Commander helper: repeatable option values collected into an array. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Splits `a,b , c` into ['a', 'b', 'c']. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || Math.abs(n) >= 2 ** 32) {
    throw new InvalidArgumentError('expected an integer seed with |seed| < 2^32');
  }
  return n;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}
