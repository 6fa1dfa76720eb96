/**
 * The coalition question of a scenario, answered: who would join the lead (choosing sides), which
 * coalitions of the lead with the candidates are stable, the welfare-maximising structure, and —
 * with draws — how often each candidate joins. Pure: scenario in, plain JSON out.
 */
import { compileScenario } from '../core/compile.ts';
import type { Scenario } from '../core/scenario.ts';
import {
  ALLIANCE_VALUE,
  type CoalitionSpec,
  compileCoalition,
  PUBLIC_WEIGHT,
  TRADE_COST,
} from './coalition-input.ts';
import { forEachDraw } from './for-each-draw.ts';
import { chooseSides } from './sides/choose-sides.ts';
import { coalitionGame } from './stability/coalition-game.ts';
import {
  MAX_STRUCTURE_PLAYERS,
  optimalCoalitionStructure,
  valueTable,
} from './stability/coalition-structure.ts';
import {
  analyseStability,
  CORE,
  CORE_CHECKED,
  IR,
  NASH,
  predictedCoalition,
  withLead,
} from './stability/stability.ts';

export interface SideRow {
  readonly actor: string;
  /** 'lead' = joins the lead's side (A), 'rival' = joins the rival's (B), 'out' = stays out. */
  readonly choice: 'lead' | 'rival' | 'out';
  readonly margin: number;
  readonly stake: number;
  readonly joinLead: number;
  readonly joinRival: number;
  readonly costLead: number;
  readonly costRival: number;
}

export interface CoalitionRow {
  /** Candidates in the coalition (the lead is always in). */
  readonly members: string[];
  readonly individuallyRational: boolean;
  readonly nashStable: boolean;
  /** null when the core was not checked (outside the work budget). */
  readonly coreStable: boolean | null;
  readonly welfare: number;
  /** Payoff of each member, the lead included. */
  readonly payoffs: Record<string, number>;
}

export interface CoalitionReport {
  readonly issue: string;
  readonly lead: string;
  readonly rival: string;
  readonly candidates: string[];
  readonly coefficients: { tradeCost: number; publicWeight: number; allianceValue: number };
  /** P(lead prevails over rival), leaders alone. */
  readonly pLead: number;
  readonly sides: SideRow[];
  readonly stability: {
    readonly counts: {
      coalitions: number;
      ir: number;
      nash: number;
      core: number;
      coreUnchecked: number;
    };
    /** 'all' when every coalition is listed, else only the stable ones (up to the list limit). */
    readonly listed: 'all' | 'stable';
    readonly coalitions: CoalitionRow[];
    readonly predicted: { members: string[]; rule: 'nash' | 'ir' };
  };
  /** The welfare-maximising partition of lead + candidates into blocs; null beyond the DP's limit. */
  readonly structure: { blocs: string[][]; value: number } | null;
  readonly draws: {
    readonly draws: number;
    readonly seed: number;
    readonly ranged: number;
    /** Per candidate: share of draws in which it is in the predicted coalition / joins the lead's side. */
    readonly joins: Record<string, { inPredicted: number; joinsLeadSide: number }>;
  } | null;
  readonly warnings: string[];
}

export interface CoalitionReportOptions {
  /** Monte Carlo draws over the scenario's ranges (0: none). */
  readonly draws?: number;
  readonly seed?: number;
  /** List every coalition when there are at most this many candidates. Default 10. */
  readonly listAllUpTo?: number;
  /** At most this many coalitions in the list. Default 1000. */
  readonly listLimit?: number;
}

export function coalitionReport(
  s: Scenario,
  spec: CoalitionSpec,
  options: CoalitionReportOptions = {},
): CoalitionReport {
  const input = compileScenario(s, [spec.issue]);
  const { coalition, warnings } = compileCoalition(s, input, spec);
  const id = (i: number) => input.actorIds[i]!;
  const candidates = Array.from(coalition.candidates, id);
  const sides = chooseSides(input, coalition);
  const game = coalitionGame(input, coalition);
  const table = analyseStability(game);
  const k = candidates.length;
  const membersOf = (T: number) => candidates.filter((_, j) => T & (1 << j));
  const listAll = k <= (options.listAllUpTo ?? 10);
  const limit = options.listLimit ?? 1000;
  const rows: CoalitionRow[] = [];
  for (let T = 0; T < table.flags.length && rows.length < limit; T++) {
    const f = table.flags[T]!;
    if (!listAll && !(f & (NASH | CORE))) continue;
    const M = withLead(T);
    const payoffs: Record<string, number> = {};
    for (let i = 0; i < game.players; i++)
      if (M & (1 << i)) payoffs[id(game.actors[i]!)] = game.payoff(i, M);
    rows.push({
      members: membersOf(T),
      individuallyRational: (f & IR) !== 0,
      nashStable: (f & NASH) !== 0,
      coreStable: f & CORE_CHECKED ? (f & CORE) !== 0 : null,
      welfare: table.welfare[T]!,
      payoffs,
    });
  }
  const predicted = predictedCoalition(table);
  let structure: CoalitionReport['structure'] = null;
  if (game.players <= MAX_STRUCTURE_PLAYERS) {
    const cs = optimalCoalitionStructure(valueTable(game.players, game.value), game.players);
    structure = {
      blocs: cs.blocs.map((mask) => Array.from(game.actors, id).filter((_, i) => mask & (1 << i))),
      value: cs.value,
    };
  } else {
    warnings.push(
      `the welfare-maximising structure is computed for at most ${MAX_STRUCTURE_PLAYERS} players (lead + candidates); this question has ${game.players}`,
    );
  }
  warnings.push(...sides.warnings);

  let draws: CoalitionReport['draws'] = null;
  if (options.draws && options.draws > 0) {
    const inPredicted = new Float64Array(k);
    const joinsLeadSide = new Float64Array(k);
    const seed = options.seed ?? 0;
    const ranged = forEachDraw(s, spec, { draws: options.draws, seed }, (di, dc) => {
      const t = analyseStability(coalitionGame(di, dc));
      const p = predictedCoalition(t).T;
      for (let j = 0; j < k; j++) if (p & (1 << j)) inPredicted[j]!++;
      const side = new Map(chooseSides(di, dc).choices.map((c) => [c.actor, c.choice]));
      dc.candidates.forEach((a, j) => {
        if (side.get(a) === 'A') joinsLeadSide[j]!++;
      });
    });
    const joins: Record<string, { inPredicted: number; joinsLeadSide: number }> = {};
    candidates.forEach((c, j) => {
      joins[c] = {
        inPredicted: inPredicted[j]! / options.draws!,
        joinsLeadSide: joinsLeadSide[j]! / options.draws!,
      };
    });
    draws = { draws: options.draws, seed, ranged, joins };
  }

  return {
    issue: spec.issue,
    lead: spec.lead,
    rival: spec.rival,
    candidates,
    coefficients: {
      tradeCost: coalition.coefficients[TRADE_COST]!,
      publicWeight: coalition.coefficients[PUBLIC_WEIGHT]!,
      allianceValue: coalition.coefficients[ALLIANCE_VALUE]!,
    },
    pLead: sides.pA,
    sides: sides.choices.map((c) => ({
      actor: id(c.actor),
      choice: c.choice === 'A' ? 'lead' : c.choice === 'B' ? 'rival' : 'out',
      margin: c.margin,
      stake: c.stake,
      joinLead: c.joinA,
      joinRival: c.joinB,
      costLead: c.costA,
      costRival: c.costB,
    })),
    stability: {
      counts: { coalitions: table.flags.length, ...table.counts },
      listed: listAll ? 'all' : 'stable',
      coalitions: rows,
      predicted: { members: membersOf(predicted.T), rule: predicted.rule },
    },
    structure,
    draws,
    warnings,
  };
}
