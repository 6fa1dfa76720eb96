/** Colour-blind-safe categorical colours (Okabe & Ito 2008), then greys. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#000000',
  '#F0E442',
  '#7F7F7F',
  '#B3B3B3',
] as const;

/** The colour of series i (cycling). */
export function colorOf(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}
