/** The plain-JSON result of `entente sides`: each third party's choice, with draws if asked. Pure. */
import { compileScenario } from '../../core/compile.ts';
import type { Scenario } from '../../core/scenario.ts';
import { type CoalitionSpec, compileCoalition } from '../coalition-input.ts';
import { commitmentAnswer } from '../commitment/answer.ts';
import { chooseSides } from './choose-sides.ts';
import { sidesProbabilities } from './sides-monte-carlo.ts';
import { type ResultHeader, resultHeader } from '../../core/result.ts';

export interface SidesRow {
  readonly actor: string;
  readonly name: string;
  readonly position: number;
  readonly salience: number;
  readonly capability: number;
  readonly stake: number;
  readonly gainA: number;
  readonly gainB: number;
  readonly costA: number;
  readonly costB: number;
  readonly joinA: number;
  readonly joinB: number;
  /** The first of `between` ('A'), the second ('B'), or staying out. */
  readonly choice: 'A' | 'B' | 'out';
  readonly margin: number;
  /** With draws: the share of draws with each choice. */
  readonly probabilities?: { A: number; B: number; out: number };
  /**
   * `commitment` when the scenario's commitment model decides this candidate (it is one of the
   * block's candidates and the sides are the block's lead and rival): the choice is then "joins A"
   * when it commits at or above the join level, else "stays out", so the two never disagree.
   */
  readonly decidedBy?: 'commitment';
}

export interface SidesCommandResult extends ResultHeader<'sides'> {
  readonly issue: string;
  readonly between: [string, string];
  readonly coefficients: { tradeCost: number; publicWeight: number; allianceValue: number };
  /** P(A prevails over B), the two leaders alone. */
  readonly pA: number;
  readonly actors: SidesRow[];
  readonly draws: { draws: number; seed: number; ranged: number } | null;
  readonly warnings: string[];
}

export function sidesResult(
  s: Scenario,
  spec: CoalitionSpec,
  opts: { draws?: number; seed: number },
): SidesCommandResult {
  const input = compileScenario(s, [spec.issue]);
  const { coalition, warnings } = compileCoalition(s, input, spec);
  const r = chooseSides(input, coalition);
  const mc = opts.draws
    ? sidesProbabilities(s, spec, { draws: opts.draws, seed: opts.seed })
    : null;
  const prob = new Map(mc?.actors.map((a) => [a.actor, a]));
  const decided = commitmentChoices(s, spec, opts);
  return {
    ...resultHeader('sides', s, opts.seed),
    issue: spec.issue,
    between: [spec.lead, spec.rival],
    coefficients: {
      tradeCost: coalition.coefficients[0]!,
      publicWeight: coalition.coefficients[1]!,
      allianceValue: coalition.coefficients[2]!,
    },
    pA: r.pA,
    actors: r.choices
      .map((c) => {
        const p = prob.get(c.actor);
        return {
          actor: input.actorIds[c.actor]!,
          name: s.actors[c.actor]!.name,
          position: input.position[c.actor]!,
          salience: input.salience[c.actor]! * 100,
          capability: input.capability[c.actor]!,
          stake: c.stake,
          gainA: c.gainA,
          gainB: c.gainB,
          costA: c.costA,
          costB: c.costB,
          joinA: c.joinA,
          joinB: c.joinB,
          choice: c.choice,
          margin: c.margin,
          ...(p ? { probabilities: { A: p.pA, B: p.pB, out: p.pOut } } : {}),
        };
      })
      .map((row) => {
        const d = decided?.get(row.actor);
        if (!d) return row;
        return {
          ...row,
          choice: d.commits ? ('A' as const) : ('out' as const),
          margin: d.margin,
          ...(d.p !== null ? { probabilities: { A: d.p, B: 0, out: 1 - d.p } } : {}),
          decidedBy: 'commitment' as const,
        };
      }),
    draws: mc ? { draws: mc.draws, seed: mc.seed, ranged: mc.ranged } : null,
    warnings: [
      ...warnings,
      ...r.warnings,
      ...(decided
        ? [
            `the coalition's candidates (${[...decided.keys()].join(', ')}) are decided by the commitment model (entente commitment): joins ${spec.lead} = commits at or above the join level`,
          ]
        : []),
    ],
  };
}

/** The commitment model's decision for the block's candidates, when it applies to this pair. */
function commitmentChoices(
  s: Scenario,
  spec: CoalitionSpec,
  opts: { draws?: number; seed: number },
): Map<string, { commits: boolean; margin: number; p: number | null }> | null {
  const c = s.coalition;
  if (!c?.commitment || c.lead !== spec.lead || c.rival !== spec.rival) return null;
  const r = commitmentAnswer(s, { seed: opts.seed, draws: opts.draws ?? 0 })!;
  return new Map(
    r.candidates.map((x) => [
      x.id,
      { commits: x.commits, margin: x.margin, p: x.probabilities?.commits ?? null },
    ]),
  );
}
