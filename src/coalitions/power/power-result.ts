/**
 * The plain-JSON results of `entente power`: an explicit weighted game, or the game an issue of a
 * scenario induces. Pure.
 */
import { compileScenario } from '../../core/compile.ts';
import type { Scenario } from '../../core/scenario.ts';
import { banzhaf } from './banzhaf.ts';
import { issuePower, type PowerOptions } from './issue-power.ts';
import { shapleyShubik } from './shapley-shubik.ts';
import type { WeightedGame } from './weighted-game.ts';
import {
  type ResultScenario,
  type ResultStamp,
  resultScenario,
  resultStamp,
} from '../../core/result.ts';

export interface PowerRow {
  readonly player: string;
  /** c·s for a scenario's actor; absent for an explicit game. */
  readonly realWeight?: number;
  readonly weight: number;
  readonly shapleyShubik: number;
  readonly shapleyShubikExact: string;
  readonly banzhaf: number;
  readonly banzhafExact: string;
  readonly absoluteBanzhaf: number;
  /** η_i, exact, as a decimal string (it can exceed 2^53). */
  readonly swings: string;
}

/** Power indices draw nothing: no seed. */
export interface PowerResult extends ResultStamp<'power'> {
  /** The scenario and issue, for a game induced by a scenario; null for a game given by weights. */
  readonly scenario: ResultScenario | null;
  readonly issue: string | null;
  readonly game: {
    readonly quota: number;
    readonly totalWeight: number;
    /** For a scenario: integer weights sum to about this. */
    readonly resolution: number | null;
    readonly quotaFraction: number | null;
    /** Largest change of a player's share of the total through rounding to integers. */
    readonly maxShareError: number | null;
    readonly proper: boolean;
  };
  readonly players: PowerRow[];
}

export function explicitPowerResult(game: WeightedGame, names?: readonly string[]): PowerResult {
  const ss = shapleyShubik(game);
  const bz = banzhaf(game);
  const total = game.weights.reduce((a, b) => a + b, 0);
  return {
    ...resultStamp('power'),
    scenario: null,
    issue: null,
    game: {
      quota: game.quota,
      totalWeight: total,
      resolution: null,
      quotaFraction: null,
      maxShareError: null,
      proper: 2 * game.quota > total,
    },
    players: game.weights.map((w, i) => ({
      player: names?.[i] ?? `${i + 1}`,
      weight: w,
      shapleyShubik: ss.values[i]!,
      shapleyShubikExact: ss.exact[i]!,
      banzhaf: bz.normalized[i]!,
      banzhafExact: bz.normalizedExact[i]!,
      absoluteBanzhaf: bz.absolute[i]!,
      swings: bz.swings[i]!.toString(),
    })),
  };
}

export function scenarioPowerResult(
  s: Scenario,
  issueId: string,
  options: PowerOptions = {},
): PowerResult {
  const input = compileScenario(s, [issueId]);
  const p = issuePower(input, 0, options);
  return {
    ...resultStamp('power'),
    scenario: resultScenario(s),
    issue: issueId,
    game: {
      quota: p.quota,
      totalWeight: p.totalWeight,
      resolution: p.resolution,
      quotaFraction: p.quotaFraction,
      maxShareError: p.maxShareError,
      proper: 2 * p.quota > p.totalWeight,
    },
    players: p.players.map((row) => ({
      player: input.actorIds[row.actor]!,
      realWeight: row.realWeight,
      weight: row.weight,
      shapleyShubik: row.shapleyShubik,
      shapleyShubikExact: row.shapleyShubikExact,
      banzhaf: row.banzhaf,
      banzhafExact: row.banzhafExact,
      absoluteBanzhaf: row.absoluteBanzhaf,
      swings: row.swings,
    })),
  };
}
