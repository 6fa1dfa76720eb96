/**
 * The plain-JSON result of `entente coalitions`: blocs round by round along the EUM's trajectory on
 * an issue, and — when the scenario declares a coalition question — its stability report. Pure.
 */
import { compileScenario } from '../core/compile.ts';
import { createRng } from '../core/rng.ts';
import type { Scenario } from '../core/scenario.ts';
import { eum } from '../models/eum/eum.ts';
import { blocsByRound } from './blocs/blocs-by-round.ts';
import type { PositionBlocOptions } from './blocs/position-blocs.ts';
import { scenarioCoalitionSpec } from './coalition-input.ts';
import { commitmentAnswer } from './commitment/answer.ts';
import { type CoalitionReport, coalitionReport } from './coalition-report.ts';
import { type ResultHeader, resultHeader } from '../core/result.ts';

export interface BlocsRow {
  readonly round: number;
  readonly positionBlocs: string[][];
  readonly k: number;
  readonly silhouette: number;
  readonly rule: 'fixed' | 'silhouette' | 'one-bloc';
  readonly communities: string[][] | null;
  readonly modularity: number | null;
}

export interface CoalitionsResult extends ResultHeader<'coalitions'> {
  readonly blocs: {
    readonly issue: string;
    readonly model: 'eum';
    readonly rounds: number;
    readonly rows: BlocsRow[];
  };
  readonly question: CoalitionReport | null;
  /**
   * With a commitment block: who joins, by the commitment model (its selected equilibrium). The
   * stability analysis in `question` then uses spatial payoffs only and does not decide who joins.
   */
  readonly commitment: {
    readonly members: string[];
    readonly levels: Record<string, string>;
    readonly joinLevel: string;
    readonly rule: string;
  } | null;
}

export interface CoalitionsOptions {
  readonly issue: string;
  readonly seed: number;
  /** EUM rounds (default: the EUM's default, 10). */
  readonly rounds?: number;
  readonly blocs?: PositionBlocOptions;
  /** Monte Carlo draws for the coalition question (0: none). */
  readonly draws?: number;
}

export function coalitionsResult(s: Scenario, opts: CoalitionsOptions): CoalitionsResult {
  const input = compileScenario(s, [opts.issue]);
  const options = {
    ...eum.defaults,
    ...(opts.rounds === undefined ? {} : { rounds: opts.rounds }),
  };
  const run = eum.run(input, options, { rng: createRng(opts.seed, 0), trace: true });
  const detail = run.detail!.issues[0]!;
  const ids = (g: number[]) => g.map((i) => input.actorIds[i]!);
  const rows = blocsByRound(detail, opts.blocs).map((r) => ({
    round: r.round,
    positionBlocs: r.positionBlocs.map(ids),
    k: r.k,
    silhouette: r.silhouette,
    rule: r.rule,
    communities: r.communities?.map(ids) ?? null,
    modularity: r.modularity,
  }));
  const spec = scenarioCoalitionSpec(s);
  return {
    ...resultHeader('coalitions', s, opts.seed),
    blocs: { issue: opts.issue, model: 'eum', rounds: detail.roundsRun, rows },
    question: spec ? coalitionReport(s, spec, { draws: opts.draws ?? 0, seed: opts.seed }) : null,
    commitment: whoJoins(s, opts.seed),
  };
}

function whoJoins(s: Scenario, seed: number): CoalitionsResult['commitment'] {
  const r = commitmentAnswer(s, { seed, draws: 0 });
  if (!r) return null;
  return {
    members: r.selected.members,
    levels: r.selected.levels,
    joinLevel: r.joinLevel,
    rule: r.selected.rule,
  };
}
