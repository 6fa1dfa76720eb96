import { describe, expect, it } from 'vitest';
import { blocsByRound } from './blocs-by-round.ts';
import { compromiseGraph } from './compromise-graph.ts';

describe('blocsByRound(detail): blocs along a trajectory', () => {
  const detail = {
    trajectory: [
      [0, 5, 90, 95, null],
      [2, 4, 60, 92, null],
    ],
    rounds: [
      {
        round: 1,
        dyads: [
          { i: 0, j: 1, octant: 'compromise-i-concedes' },
          { i: 1, j: 0, octant: 'compromise-j-concedes' },
          { i: 2, j: 3, octant: 'compromise-j-concedes' },
          { i: 0, j: 2, octant: 'conflict-i-prevails' },
          { i: 1, j: 3, octant: 'stalemate' },
        ],
      },
    ],
  };

  it('groups round 0 by position only and later rounds also by compromise communities', () => {
    const rows = blocsByRound(detail);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.positionBlocs).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(rows[0]!.communities).toBeNull();
    expect(rows[1]!.communities).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(rows[1]!.modularity).toBeGreaterThan(0);
  });

  it('leaves out absent actors (null positions)', () => {
    for (const r of blocsByRound(detail)) expect(r.positionBlocs.flat()).not.toContain(4);
  });
});

describe('compromiseGraph(dyads, n)', () => {
  it('weighs a pair by how many of its two readings are compromises', () => {
    const w = compromiseGraph(
      [
        { i: 0, j: 1, octant: 'compromise-i-concedes' },
        { i: 1, j: 0, octant: 'compromise-j-concedes' },
        { i: 0, j: 2, octant: 'i-compels-j' },
        { i: 2, j: 0, octant: 'compromise-i-concedes' },
      ],
      3,
    );
    expect(Array.from(w)).toEqual([0, 2, 1, 2, 0, 0, 1, 0, 0]);
  });
});
