/**
 * `entente backtest joins DATA.csv`: three forecasters of who joins which side of a war, scored
 * on the (candidate, side) pairs (options: program/backtest.ts; docs/backtest-joins.md).
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JoinBacktestResult, assembleJoinBacktest } from '../../analysis/joins/backtest.ts';
import {
  COMMITMENT_LAMBDAS,
  LOGISTIC_LAMBDAS,
  crossValidate,
  fitAll,
  predictAll,
} from '../../analysis/joins/fit.ts';
import {
  type JoinParameters,
  parameterFile,
  parameterProblems,
} from '../../analysis/joins/parameters.ts';
import { pairOutcomes } from '../../analysis/joins/pairs.ts';
import { InputError } from '../../core/errors.ts';
import { parseWarJoin } from '../../formats/warjoin.ts';
import { renderJoinsHtml } from '../../report/joins-html.ts';
import { renderJoinsText } from '../../report/joins-text.ts';
import { io } from '../io.ts';
import { readCheckedJson, readTextFile, sha256Text } from '../load.ts';

/** The shipped parameters; `--fit` writes here unless `--out` says otherwise. */
export const JOIN_PARAMETERS_FILE = fileURLToPath(
  new URL('../../analysis/joins/fitted.json', import.meta.url),
);

/** Inner folds (by war) that choose λ. */
const INNER_FOLDS = 5;
/** Bootstrap replicates (over wars) for the spread of the structural weights. */
const SPREAD_REPLICATES = 200;

export interface BacktestJoinsFlags {
  json?: boolean;
  report?: string;
  fit?: boolean;
  out?: string;
  folds: number;
  seed: number;
  params?: string;
}

const sha256 = sha256Text;

function readParameters(file: string): JoinParameters {
  return readCheckedJson<JoinParameters>(file, parameterProblems);
}

export function backtestJoins(file: string, flags: BacktestJoinsFlags): JoinBacktestResult {
  if (flags.fit && flags.params) {
    throw new InputError('--fit refits the parameters; --params scores saved ones: use one');
  }
  const text = readTextFile(file);
  const { rows } = parseWarJoin(text, file);
  const hash = sha256(text);
  const shown = basename(file);
  if (!flags.fit) {
    const parameters = readParameters(flags.params ?? JOIN_PARAMETERS_FILE);
    return assembleJoinBacktest({
      rows,
      file: shown,
      sha256: hash,
      mode: 'shipped',
      seed: flags.seed,
      forecasts: predictAll(parameters, rows),
      parameters,
    });
  }
  const opts = { seed: flags.seed, innerFolds: INNER_FOLDS };
  const cv = crossValidate(rows, { ...opts, folds: flags.folds });
  const fitted = fitAll(rows, { ...opts, spreadReplicates: SPREAD_REPLICATES });
  const y = pairOutcomes(rows);
  const parameters = parameterFile(
    fitted,
    {
      file: shown,
      sha256: hash,
      wars: new Set(rows.map((r) => r.warnum)).size,
      candidates: rows.length,
      n: y.length,
      joins: y.reduce((a, b) => a + b, 0),
    },
    {
      seed: flags.seed,
      innerFolds: INNER_FOLDS,
      lambdaGrid: { logistic: [...LOGISTIC_LAMBDAS], commitment: [...COMMITMENT_LAMBDAS] },
      spreadReplicates: SPREAD_REPLICATES,
    },
  );
  const savedTo = flags.out ?? JOIN_PARAMETERS_FILE;
  io.write(savedTo, `${JSON.stringify(parameters, null, 2)}\n`);
  const { oof, ...rest } = cv;
  return assembleJoinBacktest({
    rows,
    file: shown,
    sha256: hash,
    mode: 'cross-validated',
    seed: flags.seed,
    forecasts: oof,
    parameters,
    cv: { ...rest, savedTo },
  });
}

export function backtestJoinsCommand(file: string, flags: BacktestJoinsFlags): void {
  const result = backtestJoins(file, flags);
  if (flags.report) io.write(flags.report, renderJoinsHtml(result));
  if (flags.json) io.json(result);
  else io.out(renderJoinsText(result));
}
