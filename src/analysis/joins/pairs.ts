/**
 * The unit scored: the (candidate, side) pair. Each candidate row gives two pairs, side 1 at index
 * 2r and side 2 at 2r + 1, with outcome 1 if the candidate joined that side.
 */
import type { WarJoinRow } from '../../formats/warjoin.ts';

/** 0/1 outcome of each pair. */
export function pairOutcomes(rows: readonly WarJoinRow[]): Float64Array {
  const y = new Float64Array(rows.length * 2);
  rows.forEach((row, r) => {
    if (row.outcome === 1) y[2 * r] = 1;
    if (row.outcome === 2) y[2 * r + 1] = 1;
  });
  return y;
}

/** The war (cluster) of each pair, as a string for grouping. */
export function pairWars(rows: readonly WarJoinRow[]): string[] {
  return rows.flatMap((row) => [String(row.warnum), String(row.warnum)]);
}

/** Rows whose war is in `wars`. */
export function rowsOfWars(rows: readonly WarJoinRow[], wars: ReadonlySet<number>): WarJoinRow[] {
  return rows.filter((row) => wars.has(row.warnum));
}
