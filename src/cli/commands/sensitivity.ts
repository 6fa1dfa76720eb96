/**
 * `entente sensitivity`: which inputs drive the forecast. `--method tornado` (default) moves one
 * input at a time from its low to its high; `--method sobol` computes global first-order and
 * total Sobol indices for the outcome and for P(outcome ≥ threshold). Both run in chunks on an
 * executor (`--workers`, `--executor`); the tornado, being short, inline unless told otherwise.
 * Options and help: program/sensitivity.ts.
 */
import { prepareSobol, sobolAnalysis } from '../../analysis/sensitivity/sobol.ts';
import {
  prepareTornado,
  summarizeTornado,
  tornadoChunks,
} from '../../analysis/sensitivity/tornado.ts';
import type { DistributionName } from '../../analysis/uncertainty/distributions.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { INTERRUPTED_EXIT_CODE } from '../progress.ts';
import { renderSobol, renderTornado } from '../render/uncertainty.ts';
import { resolveIssues } from './issues.ts';
import { executorFor, inlineByDefault, runAnalysisJob } from './jobs.ts';
import { resolveModelRuns } from './model-runs.ts';

export interface SensitivityFlags {
  model: string[];
  option: string[];
  issue: string[];
  seed: number;
  method: 'tornado' | 'sobol';
  samples: number;
  distribution: DistributionName;
  top: number;
  workers?: number;
  executor?: string;
  json?: boolean;
  progress: boolean;
  [perModelOption: string]: unknown;
}

export async function sensitivityCommand(
  ref: string | undefined,
  flags: SensitivityFlags,
): Promise<void> {
  const { scenario } = loadScenario(ref);
  const issueIds = resolveIssues(scenario, flags.issue);
  const runs = resolveModelRuns(flags, scenario.actors.length);
  if (flags.method === 'tornado') {
    const prepared = prepareTornado(scenario, runs, {
      seed: flags.seed,
      ...(issueIds ? { issueIds } : {}),
    });
    const executor = executorFor(inlineByDefault(flags), prepared.chunks, flags);
    const { result: outcome } = await runAnalysisJob(executor, tornadoChunks(prepared), {
      label: 'tornado',
      progress: flags.progress,
    });
    if (outcome.partial) {
      io.err(
        `tornado interrupted: ${outcome.inputsDone} of ${prepared.inputs.length} inputs done; nothing printed`,
      );
      process.exitCode = INTERRUPTED_EXIT_CODE;
      return;
    }
    const result = summarizeTornado(scenario, prepared, outcome);
    if (flags.json) io.json(result);
    else io.out(renderTornado(result, flags.top));
    return;
  }
  const prepared = prepareSobol(scenario, runs, {
    samples: flags.samples,
    seed: flags.seed,
    distribution: flags.distribution,
    ...(issueIds ? { issueIds } : {}),
  });
  const executor = executorFor(flags.workers, prepared.chunks, flags);
  const { result, partial } = await runAnalysisJob(executor, sobolAnalysis(scenario, prepared), {
    label: 'sobol',
    progress: flags.progress,
  });
  if (flags.json) io.json(result);
  else io.out(renderSobol(result, flags.top));
  if (partial) process.exitCode = INTERRUPTED_EXIT_CODE;
}
