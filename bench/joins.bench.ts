/**
 * The join backtest (`entente backtest joins`): reading the warjoin training file, scoring it
 * with the shipped parameters (the path a held-out file takes), and the grouped CV of `--fit`
 * (10 folds by war, λ by 5-fold inner CV) plus the full-data fit with its bootstrap spread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleJoinBacktest } from '../src/analysis/joins/backtest.ts';
import { crossValidate, fitAll, predictAll } from '../src/analysis/joins/fit.ts';
import type { JoinParameters } from '../src/analysis/joins/parameters.ts';
import { parseWarJoin } from '../src/formats/warjoin.ts';
import type { BenchRow } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');

export function benchJoins(): BenchRow[] {
  const rows: BenchRow[] = [];
  const text = readFileSync(
    join(ROOT, 'src/analysis/joins/data/warjoin_candidates_train.csv'),
    'utf8',
  );
  const params = JSON.parse(
    readFileSync(join(ROOT, 'src/analysis/joins/fitted.json'), 'utf8'),
  ) as JoinParameters;
  let t = performance.now();
  const data = parseWarJoin(text, 'train.csv');
  rows.push({
    name: 'parse warjoin_candidates_train.csv (1,277 rows)',
    value: performance.now() - t,
    unit: 'ms',
  });

  t = performance.now();
  const reps = 5;
  for (let i = 0; i < reps; i++) {
    assembleJoinBacktest({
      rows: data.rows,
      file: 'train.csv',
      sha256: '',
      mode: 'shipped',
      seed: 1,
      forecasts: predictAll(params, data.rows),
      parameters: params,
    });
  }
  rows.push({
    name: 'score, shipped parameters (2,554 pairs; 2,000 bootstrap reps)',
    value: (performance.now() - t) / reps,
    unit: 'ms',
  });

  t = performance.now();
  crossValidate(data.rows, { folds: 10, seed: 1, innerFolds: 5 });
  rows.push({
    name: '--fit: 10-fold CV by war (λ by 5-fold inner CV)',
    value: (performance.now() - t) / 1000,
    unit: 's',
  });

  t = performance.now();
  fitAll(data.rows, { seed: 1, innerFolds: 5, spreadReplicates: 200 });
  rows.push({
    name: '--fit: full-data fit + 200-war-bootstrap spread of the weights',
    value: (performance.now() - t) / 1000,
    unit: 's',
  });
  return rows;
}
