/**
 * The analyses the API runs, by kind. Each plans a run from a request (checking it before a job
 * is created, so a bad request fails at once with precise problems) and then runs it with a
 * cancel signal and a progress callback. Thin adapters over `src/analysis/`: nothing here
 * computes anything itself.
 *
 * A new analysis is one entry in {@link ANALYSES}.
 */
import { type ForecastResult, runForecast } from '../analysis/forecast.ts';
import { prepareMonteCarlo } from '../analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../analysis/monte-carlo/run.ts';
import { type MonteCarloResult, summarizeMonteCarlo } from '../analysis/monte-carlo/summarize.ts';
import { runLevers } from '../analysis/levers/levers.ts';
import { runCommitmentLevers } from '../analysis/levers/commitment.ts';
import {
  COMMITMENT_TARGET_SYNTAX,
  isCommitmentTarget,
  parseTarget,
} from '../analysis/levers/target.ts';
import { prepareTornado, runTornadoOn, summarizeTornado } from '../analysis/sensitivity/tornado.ts';
import {
  assembleCommitment,
  prepareCommitment,
} from '../coalitions/commitment/commitment-result.ts';
import { runCommitmentJobs } from '../coalitions/commitment/run.ts';
import { InputError } from '../core/errors.ts';
import { DEFAULT_SEED } from '../core/rng.ts';
import { listModels } from '../models/registry.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Executor } from '../executors/executor.ts';
import { checkIssueIds, type ModelRequest, modelRunsFromRequest } from './model-runs.ts';

export interface AnalysisRequest {
  readonly models?: readonly ModelRequest[] | undefined;
  readonly seed?: number | undefined;
  readonly issues?: readonly string[] | undefined;
  readonly runs?: number | undefined;
  /** Levers: what to reach, e.g. `coalition>=75` (see `entente levers --help`). */
  readonly target?: string | undefined;
  /** Levers: search each input over its scale or only its low–high range. */
  readonly within?: 'scale' | 'range' | undefined;
  /** Levers: search beyond the evidence ranges. */
  readonly beyondRange?: boolean | undefined;
  /** Levers: inputs paired (0: no pairs). */
  readonly pairs?: number | undefined;
  /** Commitment: the capability measure. */
  readonly measure?: string | undefined;
  /** Commitment: who joins if this candidate joins. */
  readonly ifJoins?: string | undefined;
}

export interface RunContext {
  readonly signal: AbortSignal;
  /** 0..1. */
  progress(fraction: number): void;
  readonly executor: Executor;
}

export interface PlannedRun {
  /** What the run depends on besides the scenario, recorded with it. */
  readonly options: Record<string, unknown>;
  readonly seed: number;
  run(ctx: RunContext): Promise<unknown>;
}

export interface Analysis {
  readonly kind: string;
  /** True when the run is quick enough to finish inside the request. */
  readonly immediate: boolean;
  plan(scenario: Scenario, request: AnalysisRequest): PlannedRun;
}

export const DEFAULT_SIMULATION_RUNS = 2000;

export const forecastAnalysis: Analysis = {
  kind: 'forecast',
  immediate: true,
  plan(scenario, req) {
    const runs = modelRunsFromRequest(req.models);
    const issueIds = checkIssueIds(scenario, req.issues);
    const seed = req.seed ?? DEFAULT_SEED;
    return {
      seed,
      options: {
        models: runs.map((r) => ({ id: r.model.id, options: r.options })),
        ...(issueIds ? { issues: issueIds } : {}),
      },
      run: () =>
        Promise.resolve(
          runForecast(scenario, runs, { seed, ...(issueIds ? { issueIds } : {}), trace: true }),
        ),
    };
  },
};

export const simulateAnalysis: Analysis = {
  kind: 'simulate',
  immediate: false,
  plan(scenario, req) {
    const models = modelRunsFromRequest(req.models);
    const issueIds = checkIssueIds(scenario, req.issues);
    const seed = req.seed ?? DEFAULT_SEED;
    const runs = req.runs ?? DEFAULT_SIMULATION_RUNS;
    const prepared = prepareMonteCarlo(scenario, models, {
      runs,
      seed,
      ...(issueIds ? { issueIds } : {}),
    });
    return {
      seed,
      options: {
        models: models.map((r) => ({ id: r.model.id, options: r.options })),
        runs,
        ...(issueIds ? { issues: issueIds } : {}),
      },
      async run(ctx) {
        const outcome = await runMonteCarlo(ctx.executor, prepared, {
          signal: ctx.signal,
          onProgress: (done) => ctx.progress(done / runs),
        });
        return summarizeMonteCarlo(scenario, prepared, outcome);
      },
    };
  },
};

export const sensitivityAnalysis: Analysis = {
  kind: 'sensitivity',
  immediate: false,
  plan(scenario, req) {
    const models = modelRunsFromRequest(req.models);
    const issueIds = checkIssueIds(scenario, req.issues);
    const seed = req.seed ?? DEFAULT_SEED;
    return {
      seed,
      options: {
        method: 'tornado',
        models: models.map((r) => ({ id: r.model.id, options: r.options })),
        ...(issueIds ? { issues: issueIds } : {}),
      },
      // On the server's executor, like the Monte Carlo: a shared deployment with a Redis executor
      // queues the tornado's chunks instead of computing them on the request thread.
      async run(ctx) {
        const prepared = prepareTornado(scenario, models, {
          seed,
          ...(issueIds ? { issueIds } : {}),
        });
        const evaluations = 1 + 2 * prepared.inputs.length;
        const outcome = await runTornadoOn(ctx.executor, prepared, {
          signal: ctx.signal,
          onProgress: (done) => ctx.progress(done / evaluations),
        });
        return summarizeTornado(scenario, prepared, outcome);
      },
    };
  },
};

/** As `entente levers`: the EUM when registered, else the weighted mean. */
function defaultLeverModel(): string {
  return listModels().some((m) => m.id === 'eum') ? 'eum' : 'mean';
}

export const leversAnalysis: Analysis = {
  kind: 'levers',
  immediate: false,
  plan(scenario, req) {
    if (req.target === undefined)
      throw new InputError({
        path: 'target',
        message: 'missing: levers need a target, e.g. "coalition>=75"',
      });
    let target;
    try {
      target = parseTarget(req.target, scenario);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(err.problems.map((p) => ({ ...p, path: 'target' })));
    }
    const seed = req.seed ?? DEFAULT_SEED;
    if (req.beyondRange && req.within === 'range')
      throw new InputError({
        path: 'beyondRange',
        message: 'beyondRange searches beyond the evidence ranges; within "range" keeps to them',
      });
    const within = req.beyondRange ? 'scale' : req.within;
    const ids = (req.models ?? []).map((m) => m.id);
    if (isCommitmentTarget(target) || ids.includes('commitment')) {
      if (!isCommitmentTarget(target) || ids.some((id) => id !== 'commitment'))
        throw new InputError({
          path: isCommitmentTarget(target) ? 'models' : 'target',
          message: `the commitment model's targets are ${COMMITMENT_TARGET_SYNTAX}; got ${target.text} with models ${ids.join(', ') || 'default'}`,
        });
      const draws = req.runs ?? 200;
      const beyondRange = within === 'scale';
      return {
        seed,
        options: {
          models: [{ id: 'commitment', options: { draws } }],
          target: target.text,
          beyondRange,
          ...(req.measure !== undefined ? { measure: req.measure } : {}),
        },
        run: (ctx) =>
          runCommitmentLevers(scenario, target, {
            seed,
            draws,
            beyondRange,
            ...(req.measure !== undefined ? { measure: req.measure } : {}),
            signal: ctx.signal,
            onProgress: (done, total) => ctx.progress(total > 0 ? done / total : 0),
          }),
      };
    }
    const models = modelRunsFromRequest(
      req.models?.length ? req.models : [{ id: defaultLeverModel() }],
    );
    if (models.length !== 1) {
      throw new InputError({
        path: 'models',
        message: `levers run one model at a time; got ${models.map((r) => r.model.id).join(', ')}`,
      });
    }
    const pairCandidates = req.pairs ?? 8;
    return {
      seed,
      options: {
        models: models.map((r) => ({ id: r.model.id, options: r.options })),
        target: target.text,
        within: within ?? (scenario.levers?.length ? 'range' : 'scale'),
        pairs: pairCandidates,
      },
      run: (ctx) =>
        runLevers(ctx.executor, scenario, models[0]!, target, {
          seed,
          ...(within !== undefined ? { within } : {}),
          pairCandidates,
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress(total > 0 ? done / total : 0),
        }),
    };
  },
};

export const commitmentAnalysis: Analysis = {
  kind: 'commitment',
  immediate: false,
  plan(scenario, req) {
    const problem = commitmentRequestProblem(scenario, req);
    if (problem) throw new InputError(problem);
    const seed = req.seed ?? DEFAULT_SEED;
    const draws = req.runs ?? DEFAULT_SIMULATION_RUNS;
    const prepared = prepareCommitment(scenario, {
      draws,
      seed,
      ...(req.measure !== undefined ? { measure: req.measure } : {}),
      ...(req.ifJoins !== undefined ? { ifJoins: req.ifJoins } : {}),
    });
    return {
      seed,
      options: {
        runs: draws,
        ...(req.measure !== undefined ? { measure: req.measure } : {}),
        ...(req.ifJoins !== undefined ? { ifJoins: req.ifJoins } : {}),
      },
      async run(ctx) {
        const outcome = await runCommitmentJobs(ctx.executor, prepared, {
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress(total > 0 ? done / total : 1),
        });
        return assembleCommitment(scenario, prepared, outcome.totals);
      },
    };
  },
};

/** A request the commitment model cannot answer, as a problem naming the field. */
function commitmentRequestProblem(
  scenario: Scenario,
  req: AnalysisRequest,
): { path: string; message: string } | null {
  const block = scenario.coalition?.commitment;
  if (!block)
    return {
      path: 'scenario',
      message: 'the scenario has no coalition.commitment block (docs/scenario-format.md)',
    };
  if (req.measure !== undefined) {
    const parties = [block.lead, block.rival, ...Object.values(block.candidates)];
    if (!parties.every((p) => req.measure! in p.capability))
      return {
        path: 'measure',
        message: `unknown capability measure "${req.measure}"; every party has: ${Object.keys(
          block.lead.capability,
        )
          .filter((m) => parties.every((p) => m in p.capability))
          .join(', ')}`,
      };
  }
  if (req.ifJoins !== undefined && !scenario.coalition!.candidates.includes(req.ifJoins))
    return {
      path: 'ifJoins',
      message: `"${req.ifJoins}" is not a candidate; candidates: ${scenario.coalition!.candidates.join(', ')}`,
    };
  return null;
}

export const ANALYSES: Readonly<Record<string, Analysis>> = {
  forecast: forecastAnalysis,
  simulate: simulateAnalysis,
  sensitivity: sensitivityAnalysis,
  levers: leversAnalysis,
  commitment: commitmentAnalysis,
};

export type { ForecastResult, MonteCarloResult };
