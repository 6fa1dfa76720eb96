import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoalitionGame } from './coalition-game.ts';
import {
  analyseStability,
  CORE,
  CORE_CHECKED,
  IR,
  NASH,
  predictedCoalition,
  withLead,
} from './stability.ts';

/** A game from an explicit payoff table u[i][mask] (0 for singletons, as the real game has). */
function tableGame(P: number, u: number[][]): CoalitionGame {
  const payoff = (i: number, m: number) => ((m & (m - 1)) === 0 ? 0 : u[i]![m]!);
  return {
    actors: Int32Array.from({ length: P }, (_, i) => i),
    players: P,
    payoff,
    value: (m) =>
      Array.from({ length: P }, (_, i) => (m & (1 << i) ? payoff(i, m) : 0)).reduce(
        (a, b) => a + b,
        0,
      ),
  };
}

const randomGame = fc.integer({ min: 2, max: 5 }).chain((P) =>
  fc
    .array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2 ** P, maxLength: 2 ** P }), {
      minLength: P,
      maxLength: P,
    })
    .map((u) => tableGame(P, u)),
);

/** The definitions, checked directly on the partition {lead ∪ T} ∪ singletons. */
function bruteForce(g: CoalitionGame, T: number) {
  const P = g.players;
  const M = withLead(T);
  const blocOf = (i: number) => (M & (1 << i) ? M : 1 << i);
  const cur = (i: number) => g.payoff(i, blocOf(i));
  const players = Array.from({ length: P }, (_, i) => i);
  const ir = players.every((i) => !(M & (1 << i)) || cur(i) >= 0);
  // Nash: no player prefers moving to another bloc of the partition (or to being alone)
  const blocs = [M, ...players.filter((i) => !(M & (1 << i))).map((i) => 1 << i)];
  const nash = players.every((i) => {
    const targets = blocs.filter((b) => b !== blocOf(i)).map((b) => b | (1 << i));
    if (blocOf(i) !== 1 << i) targets.push(1 << i);
    return targets.every((b) => !(g.payoff(i, b) > cur(i)));
  });
  let core = true;
  for (let C = 1; C < 2 ** P; C++) {
    if (players.every((i) => !(C & (1 << i)) || g.payoff(i, C) > cur(i))) core = false;
  }
  return { ir, nash, core };
}

describe('analyseStability(game): IR, Nash and core stability of the lead’s coalitions', () => {
  it('agrees with the definitions (Bogomolnaia & Jackson 2002) checked directly on random games', () => {
    fc.assert(
      fc.property(randomGame, (g) => {
        const t = analyseStability(g);
        for (let T = 0; T < 2 ** (g.players - 1); T++) {
          const b = bruteForce(g, T);
          expect({ T, ir: (t.flags[T]! & IR) !== 0 }).toEqual({ T, ir: b.ir });
          expect({ T, nash: (t.flags[T]! & NASH) !== 0 }).toEqual({ T, nash: b.nash });
          if (t.flags[T]! & CORE_CHECKED)
            expect({ T, core: (t.flags[T]! & CORE) !== 0 }).toEqual({ T, core: b.core });
          else expect(b.ir).toBe(false); // only IR coalitions need the core check
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the coalition everyone wants in a game where joining always pays', () => {
    const P = 4;
    const pop = (m: number) => m.toString(2).replace(/0/g, '').length;
    const g = tableGame(
      P,
      Array.from({ length: P }, () => Array.from({ length: 2 ** P }, (_, m) => pop(m))),
    );
    const t = analyseStability(g);
    const full = 2 ** (P - 1) - 1;
    expect(t.flags[full]! & (IR | NASH | CORE)).toBe(IR | NASH | CORE);
    expect(t.flags[0]! & NASH).toBe(0); // everyone outside would join
    expect(predictedCoalition(t)).toEqual({ T: full, rule: 'nash' });
    expect(t.welfare[full]).toBe(16);
  });

  it('marks coalitions beyond the core budget as unchecked, best welfare first', () => {
    const P = 4;
    const g = tableGame(
      P,
      Array.from({ length: P }, () => Array.from({ length: 2 ** P }, (_, m) => m % 5)),
    );
    const t = analyseStability(g, { coreBudget: 15 }); // one coalition's worth of groups
    expect(t.counts.coreUnchecked).toBe(t.counts.ir - 1);
  });
});
