/**
 * The runs the API makes, by kind: each turns a request into a planned analysis
 * (`src/analysis/analysis.ts`), checking it before a job is created, so a bad request fails at
 * once with precise problems. The jobs (`jobs.ts`) run every kind through the one runner,
 * `runAnalysis`, with a cancel signal and progress. Thin adapters over `src/analysis/`: nothing
 * here computes or orchestrates anything itself.
 *
 * A new kind of run is one entry in {@link ANALYSES}.
 */
import type { Analysis } from '../analysis/analysis.ts';
import { forecastAnalysis } from '../analysis/forecast-task.ts';
import type { ScenarioText } from '../analysis/scenario-text.ts';
import { commitmentAnalysis } from '../analysis/commitment.ts';
import type { ForecastResult } from '../analysis/forecast.ts';
import { prepareMonteCarlo } from '../analysis/monte-carlo/job.ts';
import { monteCarloAnalysis } from '../analysis/monte-carlo/run.ts';
import type { MonteCarloResult } from '../analysis/monte-carlo/summarize.ts';
import { commitmentLeversAnalysis } from '../analysis/levers/commitment.ts';
import { leversAnalysis } from '../analysis/levers/levers.ts';
import {
  COMMITMENT_TARGET_SYNTAX,
  isCommitmentTarget,
  parseTarget,
} from '../analysis/levers/target.ts';
import { prepareTornado, tornadoAnalysis } from '../analysis/sensitivity/tornado.ts';
import { prepareCommitment } from '../coalitions/commitment/commitment-result.ts';
import { InputError } from '../core/errors.ts';
import { DEFAULT_SEED } from '../core/rng.ts';
import { listModels } from '../models/registry.ts';
import type { Scenario } from '../core/scenario.ts';
import { reportAnalysis } from '../report/scenario-report/assemble.ts';
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
  /** Report: add a tornado. */
  readonly tornado?: boolean | undefined;
  /** Report: the variants side by side (undefined: every variant; []: none). */
  readonly variants?: readonly string[] | undefined;
}

export interface PlannedRun {
  /** What the run depends on besides the scenario, recorded with it. */
  readonly options: Record<string, unknown>;
  readonly seed: number;
  /** What the job runs (through `runAnalysis`); its result is stored with the run. */
  readonly analysis: Analysis<unknown>;
}

/** A kind of run: how a request becomes a planned analysis. */
export interface RunKind {
  readonly kind: string;
  /** True when the run is quick enough to finish inside the request. */
  readonly immediate: boolean;
  /**
   * What the kind itself was made with (a report's `generatedAt`): stored with a job so that
   * {@link runKindOf} makes the same kind again when the job resumes after a restart.
   */
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * `text`: the scenario's text and hash, when the run goes to a worker thread that can parse it
   * once (cheaper to send than the object; `analysis/scenario-text.ts`). Kinds may ignore it.
   */
  plan(scenario: Scenario, request: AnalysisRequest, text?: ScenarioText): PlannedRun;
}

export const DEFAULT_SIMULATION_RUNS = 2000;

export const forecastRun: RunKind = {
  kind: 'forecast',
  immediate: true,
  plan(scenario, req, text) {
    const runs = modelRunsFromRequest(req.models, scenario);
    const issueIds = checkIssueIds(scenario, req.issues);
    const seed = req.seed ?? DEFAULT_SEED;
    return {
      seed,
      options: {
        models: runs.map((r) => ({ id: r.model.id, options: r.options })),
        ...(issueIds ? { issues: issueIds } : {}),
      },
      // One chunk on the server's quick executor (a worker thread under `entente serve`).
      analysis: forecastAnalysis(scenario, runs, { seed, issueIds, trace: true, text }),
    };
  },
};

export const simulateRun: RunKind = {
  kind: 'simulate',
  immediate: false,
  plan(scenario, req) {
    const models = modelRunsFromRequest(req.models, scenario);
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
      analysis: monteCarloAnalysis(scenario, prepared),
    };
  },
};

export const sensitivityRun: RunKind = {
  kind: 'sensitivity',
  immediate: false,
  plan(scenario, req) {
    const models = modelRunsFromRequest(req.models, scenario);
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
      analysis: tornadoAnalysis(
        scenario,
        prepareTornado(scenario, models, { seed, ...(issueIds ? { issueIds } : {}) }),
      ),
    };
  },
};

/** As `entente levers`: the EUM when registered, else the weighted mean. */
function defaultLeverModel(): string {
  return listModels().some((m) => m.id === 'eum') ? 'eum' : 'mean';
}

export const leversRun: RunKind = {
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
        analysis: commitmentLeversAnalysis(scenario, target, {
          seed,
          draws,
          beyondRange,
          ...(req.measure !== undefined ? { measure: req.measure } : {}),
        }),
      };
    }
    const models = modelRunsFromRequest(
      req.models?.length ? req.models : [{ id: defaultLeverModel() }],
      scenario,
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
      analysis: leversAnalysis(scenario, models[0]!, target, {
        seed,
        ...(within !== undefined ? { within } : {}),
        pairCandidates,
      }),
    };
  },
};

export const commitmentRun: RunKind = {
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
      analysis: commitmentAnalysis(scenario, prepared),
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

/**
 * A report (HTML, Markdown or PDF of the stored result): the forecast and, as asked, the
 * commitment draws, a Monte Carlo, a tornado and levers, as one job. The run's result is the
 * report's data; `GET /api/runs/{id}/report?format=` renders it. `generatedAt` is the time the
 * request came in (the shell's clock).
 */
export function reportRun(generatedAt: string): RunKind {
  return {
    kind: 'report',
    immediate: false,
    params: { generatedAt },
    plan(scenario, req) {
      const models = modelRunsFromRequest(req.models, scenario);
      const seed = req.seed ?? DEFAULT_SEED;
      const runs = req.runs ?? 0;
      const analysis = reportAnalysis(scenario, {
        models,
        seed,
        monteCarloRuns: runs,
        ...(req.tornado ? { tornado: true } : {}),
        ...(req.target !== undefined ? { leversTarget: req.target } : {}),
        ...(req.variants !== undefined ? { variants: req.variants } : {}),
        generatedAt,
      });
      return {
        seed,
        options: {
          models: models.map((r) => ({ id: r.model.id, options: r.options })),
          runs,
          ...(req.tornado ? { tornado: true } : {}),
          ...(req.target !== undefined ? { target: req.target } : {}),
          ...(req.variants !== undefined ? { variants: req.variants } : {}),
        },
        analysis,
      };
    },
  };
}

export const ANALYSES: Readonly<Record<string, RunKind>> = {
  forecast: forecastRun,
  simulate: simulateRun,
  sensitivity: sensitivityRun,
  levers: leversRun,
  commitment: commitmentRun,
};

export type { ForecastResult, MonteCarloResult };

/** The kind of run a stored job names, made with its stored `params`; undefined if unknown. */
export function runKindOf(
  kind: string,
  params: Readonly<Record<string, unknown>> | undefined,
): RunKind | undefined {
  if (kind === 'report')
    return typeof params?.generatedAt === 'string' ? reportRun(params.generatedAt) : undefined;
  return Object.hasOwn(ANALYSES, kind) ? ANALYSES[kind] : undefined;
}
