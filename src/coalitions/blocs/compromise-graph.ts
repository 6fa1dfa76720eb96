/**
 * The graph of compromise between actors in one EUM round: an edge between i and j weighs how many
 * of the two readings of the pair — i's view (i, j) and j's view (j, i) — fall in a compromise
 * octant, where one side expects the other to concede part of the way and both gain from settling
 * (Bueno de Mesquita 1994, pp. 80–86; docs/spec/eum.md, "Dyad octants"). Conflict, compulsion and
 * stalemate add nothing: blocs are groups whose members would settle with each other.
 */

/** The octants counted as positive (compromise) relations. */
export const COMPROMISE_OCTANTS: ReadonlySet<string> = new Set([
  'compromise-i-concedes',
  'compromise-j-concedes',
]);

export interface DyadLike {
  readonly i: number;
  readonly j: number;
  readonly octant: string;
}

/** n·n symmetric weights (0, 1 or 2 per pair) over original actor indexes. */
export function compromiseGraph(dyads: readonly DyadLike[], n: number): Float64Array {
  const w = new Float64Array(n * n);
  for (const d of dyads) {
    if (!COMPROMISE_OCTANTS.has(d.octant) || d.i === d.j) continue;
    w[d.i * n + d.j]! += 1;
    w[d.j * n + d.i]! += 1;
  }
  return w;
}
