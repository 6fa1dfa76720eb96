/**
 * The probability that each third party joins each side: {@link chooseSides} on seeded draws of
 * every ranged number of the scenario (triangular on [low, high], mode at the value).
 */
import type { Scenario } from '../../core/scenario.ts';
import type { CoalitionSpec } from '../coalition-input.ts';
import { forEachDraw } from '../for-each-draw.ts';
import { chooseSides } from './choose-sides.ts';

export interface SideProbabilities {
  /** Actor index. */
  readonly actor: number;
  readonly pA: number;
  readonly pB: number;
  readonly pOut: number;
}

export interface SidesDraws {
  readonly draws: number;
  readonly seed: number;
  /** Ranged inputs that were drawn. */
  readonly ranged: number;
  readonly actors: SideProbabilities[];
}

export function sidesProbabilities(
  s: Scenario,
  spec: CoalitionSpec,
  opts: { draws: number; seed: number },
): SidesDraws {
  const counts = new Map<number, [number, number, number]>();
  const ranged = forEachDraw(s, spec, opts, (input, coalition) => {
    for (const ch of chooseSides(input, coalition).choices) {
      const row = counts.get(ch.actor) ?? [0, 0, 0];
      row[ch.choice === 'A' ? 0 : ch.choice === 'B' ? 1 : 2]++;
      counts.set(ch.actor, row);
    }
  });
  const actors = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([actor, [a, b, out]]) => ({
      actor,
      pA: a / opts.draws,
      pB: b / opts.draws,
      pOut: out / opts.draws,
    }));
  return { draws: opts.draws, seed: opts.seed, ranged, actors };
}
