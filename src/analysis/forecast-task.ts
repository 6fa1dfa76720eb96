/**
 * A forecast as one chunk of a task, so that a shell can run it off its event loop (the server's
 * worker pool: docs/hardening.md, "Nothing heavy on the event loop"). The job is plain data — the
 * parsed scenario, the models by id with their resolved options, the seed — so a worker thread
 * looks the models up again; the result is {@link runForecast}'s, whoever runs it.
 */
import type { Scenario } from '../core/scenario.ts';
import type { Task } from '../executors/task.ts';
import { getModel } from '../models/registry.ts';
import type { Analysis } from './analysis.ts';
import { type ForecastResult, type ModelRun, runForecast } from './forecast.ts';
import { type ScenarioText, scenarioOf } from './scenario-text.ts';

export interface ForecastJob {
  /** The parsed scenario, or its text for a thread to parse once (scenario-text.ts). */
  readonly scenario: Scenario | ScenarioText;
  readonly models: readonly { readonly id: string; readonly options: Record<string, unknown> }[];
  readonly seed: number;
  readonly issueIds?: readonly string[];
  readonly trace: boolean;
}

export const forecastTask: Task<ForecastJob, ForecastResult> = {
  name: 'forecast',
  run(job) {
    const runs: ModelRun[] = job.models.map((m) => ({ model: getModel(m.id), options: m.options }));
    return runForecast(scenarioOf(job.scenario), runs, {
      seed: job.seed,
      trace: job.trace,
      ...(job.issueIds ? { issueIds: job.issueIds } : {}),
    });
  },
};

/** A forecast as an analysis of one chunk (runs on any executor, through `runAnalysis`). */
export function forecastAnalysis(
  scenario: Scenario,
  runs: readonly ModelRun[],
  opts: {
    seed: number;
    issueIds?: readonly string[] | undefined;
    trace: boolean;
    /** The scenario's text and hash: sent instead of the object (for a worker thread). */
    text?: ScenarioText | undefined;
  },
): Analysis<ForecastResult> {
  const job: ForecastJob = {
    scenario: opts.text ?? scenario,
    models: runs.map((r) => ({ id: r.model.id, options: r.options })),
    seed: opts.seed,
    trace: opts.trace,
    ...(opts.issueIds ? { issueIds: opts.issueIds } : {}),
  };
  return {
    kind: 'forecast',
    work: { unit: 'forecasts', total: 1 },
    *steps() {
      let result: ForecastResult | undefined;
      const outcome = yield {
        task: forecastTask,
        job,
        chunks: 1,
        merge: (_chunk: number, r: ForecastResult) => {
          result = r;
          return 1;
        },
      };
      // A forecast is one chunk: stopped before it ran, there is nothing to summarize.
      if (outcome.aborted || result === undefined)
        throw new Error('the forecast was stopped before it ran');
      return result;
    },
  };
}
