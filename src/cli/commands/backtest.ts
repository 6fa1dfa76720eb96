import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, InvalidArgumentError } from 'commander';
import {
  type BacktestResult,
  type BacktestRun,
  BASELINE_MODEL_IDS,
  assembleBacktest,
} from '../../analysis/backtest/backtest.ts';
import { localBaselineColumns } from '../../analysis/backtest/baselines.ts';
import { pairedBootstrap } from '../../analysis/backtest/bootstrap.ts';
import { fitEnsemble } from '../../analysis/backtest/fit.ts';
import { prepareBacktest, runBacktestModels } from '../../analysis/backtest/run.ts';
import { predictiveSamples } from '../../analysis/backtest/stacking.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import {
  CAPABILITY_RULES,
  type CapabilityRule,
  type CouncilVoteRow,
  type DeuCases,
  type DeuData,
  deuCases,
  parseCouncilVotes,
  parseDeu,
} from '../../formats/deu.ts';
import {
  type EnsembleSpec,
  createEnsembleModel,
  ensembleSpecProblems,
} from '../../models/ensemble.ts';
import { getModel } from '../../models/registry.ts';
import { renderBacktestCsv } from '../../report/backtest-csv.ts';
import { renderBacktestHtml } from '../../report/backtest-html.ts';
import { renderBacktestText } from '../../report/backtest-text.ts';
import { io } from '../io.ts';
import { readTextFile } from '../load.ts';
import {
  INTERRUPTED_EXIT_CODE,
  createProgress,
  onInterrupt,
  progressEnabled,
} from '../progress.ts';
import { addModelFlags, resolveModelRuns } from './forecast.ts';
import { parsePositiveInt, parseSeed } from './shared.ts';
import { executorFor, executorOption, inlineByDefault } from './simulate.ts';

/** The Council votes table shipped with Entente (see its README for the source). */
export const VOTES_FILE = fileURLToPath(
  new URL('../../analysis/backtest/data/council_vote_weights.csv', import.meta.url),
);
/** Where the shipped ensemble lives; `--fit` writes here unless `--out` says otherwise. */
export const ENSEMBLE_FILE = fileURLToPath(
  new URL('../../analysis/backtest/ensemble.json', import.meta.url),
);

interface BacktestFlags {
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

function parseCapability(value: string): CapabilityRule {
  if (!(CAPABILITY_RULES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${CAPABILITY_RULES.join(', ')}`);
  }
  return value as CapabilityRule;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected an integer ≥ 0');
  return n;
}

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function readSpec(file: string): EnsembleSpec {
  const text = readTextFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError({ file, path: '', message: `not JSON: ${(err as Error).message}` });
  }
  const problems = ensembleSpecProblems(value);
  if (problems.length) {
    throw new InputError(problems.map((message) => ({ file, path: '', message })));
  }
  return value as EnsembleSpec;
}

export function registerBacktest(program: Command): void {
  const cmd = program
    .command('backtest')
    .description(
      'Score every model against real outcomes in a DEU-format file (EU decisions), beside the baselines',
    )
    .argument(
      '<data>',
      'a CSV in the DEU long format (issue_id, actor, position, salience, outcome, …)',
    );
  addModelFlags(cmd)
    .option(
      '--capability <rule>',
      `actors' capabilities: ${CAPABILITY_RULES.join(' | ')} (docs/backtest.md)`,
      parseCapability,
      'equal',
    )
    .option('--votes <file>', 'Council votes table for council-votes (default: the shipped one)')
    .option('--ensemble <file>', 'evaluate this saved ensemble JSON instead of the shipped one')
    .option('--fit', 'fit the ensemble by nested CV on this file, save it, report out-of-fold MAE')
    .option('--out <file>', 'where --fit saves the ensemble (default: the shipped ensemble.json)')
    .option('--folds <n>', 'outer CV folds (by proposal) for --fit', parsePositiveInt, 10)
    .option('--inner-folds <n>', 'inner CV folds for --fit', parsePositiveInt, 5)
    .option(
      '--repeats <n>',
      'for --fit: repeat the outer CV with n more fold seeds and report the spread',
      parseCount,
      4,
    )
    .option('--seed <n>', 'seed for the folds and stochastic models', parseSeed, DEFAULT_SEED)
    .option(
      '-w, --workers <n>',
      `worker threads for the models (default 1: inline, the DEU training file takes seconds; with --executor pool one per core, here ${availableParallelism()}). Results do not depend on it`,
      parsePositiveInt,
    )
    .addOption(executorOption())
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'print the result as JSON')
    .option('--csv <file>', 'write every forecast as CSV (one row per issue and forecaster)')
    .option('--report <file>', 'write a self-contained HTML report with charts')
    .addHelpText(
      'after',
      `
Examples:
  $ entente backtest deu3_train.csv                          # every model beside the baselines
  $ entente backtest deu3_train.csv --capability council-votes --model mean,nash
  $ entente backtest deu3_train.csv --fit                     # nested CV; saves the ensemble
  $ entente backtest --model ensemble other.csv               # the saved ensemble on new data
  $ entente backtest deu3_train.csv --json --csv f.csv --report backtest.html
  $ entente backtest big.csv --workers 4                      # models on 4 threads, same result
  $ entente backtest big.csv --executor redis://10.0.0.5:6379 # on \`entente worker\`s (docs/distributed.md)

Ctrl-C stops after the chunks in progress and prints nothing (exit 130); with Redis, the same
command resumes.`,
    )
    .action(async (file: string, flags: BacktestFlags) => {
      const out = await backtest(file, flags);
      if (!out) return;
      if (flags.csv) io.write(flags.csv, renderBacktestCsv(out));
      if (flags.report) io.write(flags.report, renderBacktestHtml(out));
      if (flags.json) io.json(out);
      else io.out(renderBacktestText(out));
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
  const interrupt = onInterrupt();
  const progress = createProgress({
    label: 'backtest',
    unit: 'issues',
    total: prepared.job.issueIds.length,
    enabled: progressEnabled(flags.progress),
  });
  let models;
  try {
    models = await runBacktestModels(executor, prepared, {
      signal: interrupt.signal,
      onProgress: (done) => progress.update(done),
    });
  } finally {
    progress.stop();
    interrupt.dispose();
    await executor.close();
  }
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
