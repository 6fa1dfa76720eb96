/** `entente backtest`: every model scored against real outcomes (options: program/backtest.ts). */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BacktestResult,
  type BacktestRun,
  BASELINE_MODEL_IDS,
  assembleBacktest,
} from '../../analysis/backtest/backtest.ts';
import { localBaselineColumns } from '../../analysis/backtest/baselines.ts';
import { pairedBootstrap } from '../../analysis/backtest/bootstrap.ts';
import { fitEnsemble } from '../../analysis/backtest/fit.ts';
import { backtestChunks, prepareBacktest } from '../../analysis/backtest/run.ts';
import { predictiveSamples } from '../../analysis/backtest/stacking.ts';
import { type CapabilityRule, type DeuCases, deuCases } from '../../formats/deu-cases.ts';
import { type CouncilVoteRow, parseCouncilVotes } from '../../formats/deu-council-votes.ts';
import { type DeuData, parseDeu } from '../../formats/deu.ts';
import {
  type EnsembleSpec,
  createEnsembleModel,
  ensembleSpecProblems,
} from '../../models/ensemble.ts';
import { getModel } from '../../models/registry.ts';
import { InputError } from '../../core/errors.ts';
import { renderBacktestCsv } from '../../report/backtest-csv.ts';
import { renderBacktestHtml } from '../../report/backtest-html.ts';
import { renderBacktestText } from '../../report/backtest-text.ts';
import { io } from '../io.ts';
import { readCheckedJson, readTextFile, sha256Text } from '../load.ts';
import { INTERRUPTED_EXIT_CODE } from '../progress.ts';
import { executorFor, inlineByDefault, runAnalysisJob } from './jobs.ts';
import { resolveModelRuns } from './model-runs.ts';

/** The Council votes table shipped with Entente (see its README for the source). */
export const VOTES_FILE = fileURLToPath(
  new URL('../../analysis/backtest/data/council_vote_weights.csv', import.meta.url),
);
/** Where the shipped ensemble lives; `--fit` writes here unless `--out` says otherwise. */
export const ENSEMBLE_FILE = fileURLToPath(
  new URL('../../analysis/backtest/ensemble.json', import.meta.url),
);

export interface BacktestFlags {
  model: string[];
  option: string[];
  capability: CapabilityRule;
  votes?: string;
  ensemble?: string;
  fit?: boolean;
  out?: string;
  folds: number;
  innerFolds: number;
  repeats: number;
  seed: number;
  workers?: number;
  executor?: string;
  progress: boolean;
  json?: boolean;
  csv?: string;
  report?: string;
  [perModelOption: string]: unknown;
}

const sha256 = sha256Text;

function readSpec(file: string): EnsembleSpec {
  return readCheckedJson<EnsembleSpec>(file, ensembleSpecProblems);
}

export async function backtestCommand(file: string, flags: BacktestFlags): Promise<void> {
  const out = await backtest(file, flags);
  if (!out) return;
  if (flags.csv) io.write(flags.csv, renderBacktestCsv(out));
  if (flags.report) io.write(flags.report, renderBacktestHtml(out));
  if (flags.json) io.json(out);
  else io.out(renderBacktestText(out));
}

/** A backtest with no issue to score is an input error naming why each issue was left out. */
function nothingScoreable(file: string, cases: DeuCases): InputError {
  const c = cases.counts;
  const why = [
    c.missingOutcome ? `${c.missingOutcome} without an outcome` : '',
    c.tooFewActors ? `${c.tooFewActors} with fewer than 3 actors with position and salience` : '',
    c.zeroWeight ? `${c.zeroWeight} with zero total weight (capability × salience)` : '',
  ].filter(Boolean);
  return new InputError({
    file,
    path: '',
    message: `nothing to score: none of its ${c.issues} issue(s) has an outcome and at least 3 actors with position and salience${why.length ? ` (${why.join('; ')})` : ''}`,
  });
}

/** The result, or undefined when Ctrl-C stopped the models (exit code set, message printed). */
async function backtest(file: string, flags: BacktestFlags): Promise<BacktestResult | undefined> {
  const text = readTextFile(file);
  const data: DeuData = parseDeu(text, file);
  const hash = sha256(text);
  let votesTable: Map<string, CouncilVoteRow> | undefined;
  const votes = () => {
    const votesFile = flags.votes ?? VOTES_FILE;
    votesTable ??= parseCouncilVotes(readTextFile(votesFile), flags.votes ?? basename(VOTES_FILE));
    return votesTable;
  };
  const byRule = new Map<CapabilityRule, DeuCases>();
  const casesFor = (rule: CapabilityRule) => {
    if (!byRule.has(rule)) {
      byRule.set(
        rule,
        deuCases(data, {
          capability: rule,
          ...(rule === 'council-votes' ? { votes: votes() } : {}),
        }),
      );
    }
    return byRule.get(rule)!;
  };
  const cases = casesFor(flags.capability);
  if (cases.counts.scoreable === 0) throw nothingScoreable(file, cases);

  // Models: the ones asked for (default all), with the baselines always beside them.
  const asked = resolveModelRuns(flags);
  const runs = [
    ...BASELINE_MODEL_IDS.filter((id) => !asked.some((r) => r.model.id === id)).map((id) => ({
      model: getModel(id),
      options: {},
    })),
    ...asked,
  ];

  let fitted: ReturnType<typeof fitEnsemble> | undefined;
  let savedTo: string | undefined;
  if (flags.fit) {
    fitted = fitEnsemble(casesFor('council-votes'), {
      seed: flags.seed,
      outerFolds: flags.folds,
      innerFolds: flags.innerFolds,
      repeats: flags.repeats,
      source: { file: basename(file), hash },
    });
    savedTo = flags.out ?? ENSEMBLE_FILE;
    io.write(savedTo, `${JSON.stringify(fitted.spec, null, 2)}\n`);
  }
  const spec = fitted?.spec ?? (flags.ensemble ? readSpec(flags.ensemble) : undefined);

  const backtestRuns: BacktestRun[] = runs.map((r) => {
    if (r.model.id !== 'ensemble') return { ...r, cases };
    const model = spec
      ? createEnsembleModel(spec)
      : (r.model as ReturnType<typeof createEnsembleModel>);
    const s = model.spec;
    const inSample = s.fit.hash === hash;
    return {
      model,
      options: {},
      cases: casesFor(s.capability),
      predictive: (f: number) => predictiveSamples(f, s.residualQuantiles),
      note: inSample
        ? 'in-sample: fitted on this file (see the out-of-fold row of --fit)'
        : `fitted on ${typeof s.fit.data === 'string' ? s.fit.data : 'another file'}; not refitted`,
    };
  });
  // The models run in chunks of issues on the executor (inline unless --workers / --executor say
  // otherwise); the fit above and the scoring below are cheap and stay here.
  const prepared = prepareBacktest(backtestRuns, flags.seed);
  const executor = executorFor(inlineByDefault(flags), prepared.chunks, flags);
  const { result: models } = await runAnalysisJob(executor, backtestChunks(prepared), {
    label: 'backtest',
    progress: flags.progress,
  });
  if (models.partial) {
    io.err(
      `backtest interrupted: ${models.issuesDone} of ${prepared.job.issueIds.length} issues forecast; nothing printed`,
    );
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return undefined;
  }
  const columns = [
    ...models.columns,
    ...localBaselineColumns(cases),
    ...(fitted ? [fitted.column] : []),
  ];
  const result = assembleBacktest(cases, columns, backtestRuns, flags.seed);
  if (!fitted) return result;
  const meanCol = columns.find((c) => c.id === 'mean')!;
  const ok = result.issues.map((row) => row.id);
  const at = new Map(cases.cases.map((c, i) => [c.issue.id, i]));
  const idx = ok.map((id) => at.get(id)!);
  const errA = idx.map((i) =>
    Math.abs(fitted.column.forecasts[i]! - cases.cases[i]!.issue.outcome),
  );
  const errB = idx.map((i) => Math.abs(meanCol.forecasts[i]! - cases.cases[i]!.issue.outcome));
  const vsMean = pairedBootstrap(
    errA,
    errB,
    idx.map((i) => cases.cases[i]!.issue.proposalId),
    { seed: flags.seed },
  );
  return { ...result, cv: { ...fitted.cv, savedTo: savedTo!, vsMean } };
}
