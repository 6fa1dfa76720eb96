/**
 * Runs models on a scenario and assembles the plain-JSON forecast result: per issue each model's
 * forecast, the threshold verdict and every actor's position, with the scenario's hash, the
 * models' options, the seed and Entente's version. Pure: no I/O, no printing.
 */
import { commitmentAnswer } from '../coalitions/commitment/answer.ts';
import type { CommitmentResult } from '../coalitions/commitment/commitment-result.ts';
import { assertBargained, compileScenario, isBargained } from '../core/compile.ts';
import { type Diagnostic, THRESHOLD_TOLERANCE, forecastDiagnostics } from './diagnostics.ts';
import { type EvidenceCoverage, evidenceCoverage } from '../core/coverage.ts';
import { createRng } from '../core/rng.ts';
import { type Scenario, valueOf } from '../core/scenario.ts';
import type { AnyModel } from '../models/model.ts';
import { type ResultHeader, resultHeader } from '../core/result.ts';

export interface ModelRun {
  readonly model: AnyModel;
  readonly options: Record<string, unknown>;
}

/** `seed`: of the random generator handed to every model (stochastic models draw from it). */
export interface ForecastResult extends ResultHeader<'forecast'> {
  readonly models: {
    id: string;
    name: string;
    citation: string;
    options: Record<string, unknown>;
    rounds: number;
    converged: boolean;
    warnings: string[];
    detail?: unknown;
  }[];
  readonly issues: IssueForecast[];
  readonly evidence: EvidenceCoverage;
  /** Who joins: the commitment model's answer, for scenarios with a commitment block; else null. */
  readonly coalition: CommitmentResult | null;
  /** What to know before reading the forecasts (docs/results.md, "Diagnostics"). */
  readonly diagnostics: Diagnostic[];
}

export interface IssueForecast {
  readonly id: string;
  readonly name: string;
  readonly question?: string;
  readonly scale: { min: number; max: number; anchors: { value: number; label: string }[] };
  readonly referencePoint: number | null;
  readonly threshold: { value: number; label: string } | null;
  /** Model id → forecast on the issue's scale. */
  readonly forecasts: Record<string, number>;
  /** Model id → whether the forecast reaches the threshold (absent when there is none). */
  readonly verdicts: Record<string, { meets: boolean; margin: number }>;
  /** Model id → the anchor nearest the forecast, for reading the number in words. */
  readonly nearestAnchor: Record<string, { value: number; label: string } | null>;
  readonly actors: {
    id: string;
    name: string;
    capability: number;
    position: number;
    salience: number;
    /** Model id → the actor's final position, for models whose actors move. */
    final: Record<string, number>;
  }[];
}

export function nearestAnchor(
  anchors: readonly { value: number; label: string }[],
  x: number,
): { value: number; label: string } | null {
  let best: { value: number; label: string } | null = null;
  for (const a of anchors) if (!best || Math.abs(a.value - x) < Math.abs(best.value - x)) best = a;
  return best;
}

export function runForecast(
  scenario: Scenario,
  runs: readonly ModelRun[],
  opts: {
    seed: number;
    issueIds?: readonly string[];
    trace?: boolean;
    /** With `trace`: every dyad of every round, whatever the size (`RunContext.fullDetail`). */
    fullDetail?: boolean;
    /** Draws behind the coalition answer (default 500; 0: the point analysis only). */
    coalitionDraws?: number;
  },
): ForecastResult {
  const issues = opts.issueIds
    ? opts.issueIds.map((id) => scenario.issues.find((i) => i.id === id)!)
    : scenario.issues.filter(isBargained);
  assertBargained(scenario, issues);
  const input = compileScenario(
    scenario,
    issues.map((i) => i.id),
  );
  const trace = opts.trace ?? true;
  const results = runs.map((r, idx) => ({
    run: r,
    // Each model gets its own stream of the seed, so adding a model never changes another's draws.
    result: r.model.run(input, r.options, {
      rng: createRng(opts.seed, idx),
      trace,
      ...(opts.fullDetail ? { fullDetail: true } : {}),
    }),
  }));
  const d = input.d;
  const notFinite = notFiniteWarnings(issues, results);
  const result: Omit<ForecastResult, 'diagnostics'> = {
    ...resultHeader('forecast', scenario, opts.seed),
    models: results.map(({ run, result }) => ({
      id: run.model.id,
      name: run.model.name,
      citation: run.model.citation,
      options: run.options,
      rounds: result.rounds,
      converged: result.converged,
      warnings: [...result.warnings, ...(notFinite.get(run.model.id) ?? [])],
      ...(result.detail === undefined ? {} : { detail: result.detail }),
    })),
    issues: issues.map((issue, k) => {
      const anchors = issue.scale.anchors ?? [];
      const forecasts: Record<string, number> = {};
      const verdicts: Record<string, { meets: boolean; margin: number }> = {};
      const near: Record<string, { value: number; label: string } | null> = {};
      for (const { run, result } of results) {
        const f = result.forecast[k]!;
        forecasts[run.model.id] = f;
        if (!Number.isFinite(f)) {
          // No verdict and no anchor for a forecast that is not a number (see notFiniteWarnings).
          near[run.model.id] = null;
          continue;
        }
        near[run.model.id] = nearestAnchor(anchors, f);
        if (issue.threshold) {
          verdicts[run.model.id] = {
            // Within a stated tolerance of the threshold counts as reaching it (docs/results.md).
            meets:
              f >=
              issue.threshold.value - THRESHOLD_TOLERANCE * (issue.scale.max - issue.scale.min),
            margin: f - issue.threshold.value,
          };
        }
      }
      return {
        id: issue.id,
        name: issue.name,
        ...(issue.question === undefined ? {} : { question: issue.question }),
        scale: { min: issue.scale.min, max: issue.scale.max, anchors },
        referencePoint: issue.referencePoint === undefined ? null : valueOf(issue.referencePoint),
        threshold: issue.threshold ?? null,
        forecasts,
        verdicts,
        nearestAnchor: near,
        actors: scenario.actors.flatMap((actor, i) => {
          const stance = actor.stances[issue.id];
          if (!stance) return [];
          const final: Record<string, number> = {};
          for (const { run, result } of results) {
            if (result.rounds > 0) final[run.model.id] = result.finalPositions[i * d + k]!;
          }
          return [
            {
              id: actor.id,
              name: actor.name,
              capability: valueOf(actor.capability),
              position: valueOf(stance.position),
              salience: valueOf(stance.salience),
              final,
            },
          ];
        }),
      };
    }),
    evidence: evidenceCoverage(scenario),
    coalition: coalitionAnswer(scenario, opts),
  };
  return { ...result, diagnostics: forecastDiagnostics(result) };
}

/**
 * Model id → a warning for each issue whose forecast is not a finite number (NaN or ±Infinity,
 * when inputs' magnitudes overflow the arithmetic): such a forecast gets no verdict, and says so
 * rather than reading as a silent "no".
 */
function notFiniteWarnings(
  issues: readonly { id: string; threshold?: { value: number } | undefined }[],
  results: readonly { run: ModelRun; result: { forecast: Float64Array } }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { run, result } of results) {
    issues.forEach((issue, k) => {
      const f = result.forecast[k]!;
      if (Number.isFinite(f)) return;
      const list = out.get(run.model.id) ?? [];
      list.push(
        `the forecast on issue "${issue.id}" is ${f}, not a finite number (the inputs overflow the arithmetic): no verdict${issue.threshold ? ` on the threshold ${issue.threshold.value}` : ''}; check the inputs' magnitudes`,
      );
      out.set(run.model.id, list);
    });
  }
  return out;
}

/** Draws of the commitment terms behind the forecast's "who joins" answer. */
export const COALITION_DRAWS = 500;

/**
 * The coalition answer for a scenario with a commitment block (docs/spec/commitment.md): the
 * selected equilibrium, each candidate's level and P(commits) over `COALITION_DRAWS` draws of the
 * terms' ranges (no knock-outs; `entente commitment` has them); null without a block.
 */
export function coalitionAnswer(
  scenario: Scenario,
  opts: { seed: number; coalitionDraws?: number },
): CommitmentResult | null {
  return commitmentAnswer(scenario, {
    seed: opts.seed,
    draws: opts.coalitionDraws ?? COALITION_DRAWS,
  });
}
