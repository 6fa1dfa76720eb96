/**
 * Blocs round by round along a model's trajectory (e.g. the EUM's traced detail): row 0 groups the
 * initial positions; row r groups the positions after round r ({@link positionBlocs}) and the
 * communities of the compromise graph of round r ({@link compromiseGraph}, {@link louvain}), whose
 * dyads were read from round r's starting positions. Only actors taking part are grouped.
 */
import { type DyadLike, compromiseGraph } from './compromise-graph.ts';
import { louvain } from './louvain.ts';
import { type PositionBlocOptions, positionBlocs } from './position-blocs.ts';

export interface RoundsLike {
  /** trajectory[t][i]: actor i's position after round t (t = 0: initial), null when absent. */
  readonly trajectory: readonly (readonly (number | null)[])[];
  /** Per round (1-based `round`): the ordered dyads read at its start. */
  readonly rounds: readonly { readonly round: number; readonly dyads: readonly DyadLike[] }[];
}

export interface RoundBlocs {
  readonly round: number;
  /** Position blocs: groups of actor indexes, from the lowest positions up. */
  readonly positionBlocs: number[][];
  readonly k: number;
  readonly silhouette: number;
  readonly rule: 'fixed' | 'silhouette' | 'one-bloc';
  /** Compromise communities (null for round 0, which has no dyads); singletons included. */
  readonly communities: number[][] | null;
  readonly modularity: number | null;
}

export function blocsByRound(detail: RoundsLike, options: PositionBlocOptions = {}): RoundBlocs[] {
  const n = detail.trajectory[0]?.length ?? 0;
  return detail.trajectory.map((positions, t) => {
    const actors = positions.flatMap((x, i) => (x === null ? [] : [i]));
    const values = actors.map((i) => positions[i]!);
    const pb = positionBlocs(values, options);
    const positionGroups = groups(actors, pb.labels, pb.k);
    const round = detail.rounds.find((r) => r.round === t);
    let communities: number[][] | null = null;
    let q: number | null = null;
    if (round) {
      const w = compromiseGraph(round.dyads, n);
      // Restrict to the actors taking part, so absent actors do not show up as singletons.
      const m = actors.length;
      const sub = new Float64Array(m * m);
      actors.forEach((a, x) => actors.forEach((b, y) => (sub[x * m + y] = w[a * n + b]!)));
      const c = louvain(sub, m);
      communities = groups(actors, c.labels, c.count);
      q = c.modularity;
    }
    return {
      round: t,
      positionBlocs: positionGroups,
      k: pb.k,
      silhouette: pb.silhouette,
      rule: pb.rule,
      communities,
      modularity: q,
    };
  });
}

function groups(actors: readonly number[], labels: ArrayLike<number>, count: number): number[][] {
  const out = Array.from({ length: count }, () => [] as number[]);
  actors.forEach((a, x) => out[labels[x]!]!.push(a));
  return out.filter((g) => g.length > 0);
}
