/**
 * The backtest's budget (issue 8): every registered model on the DEU III training file in under
 * 60 s on 2 cores; plus the nested cross-validation of the ensemble (`--fit`) on the same file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBacktest } from '../src/analysis/backtest/backtest.ts';
import { fitEnsemble } from '../src/analysis/backtest/fit.ts';
import { deuCases } from '../src/formats/deu-cases.ts';
import { parseCouncilVotes } from '../src/formats/deu-council-votes.ts';
import { parseDeu } from '../src/formats/deu.ts';
import { listModels } from '../src/models/registry.ts';
import type { BenchRow } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');

export async function benchBacktest(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const text = readFileSync(join(ROOT, 'test/fixtures/deu/deu3_train.csv'), 'utf8');
  const votesText = readFileSync(
    join(ROOT, 'src/analysis/backtest/data/council_vote_weights.csv'),
    'utf8',
  );
  let t = performance.now();
  const data = parseDeu(text, 'deu3_train.csv');
  const votes = parseCouncilVotes(votesText, 'council_vote_weights.csv');
  const equal = deuCases(data, { capability: 'equal' });
  const council = deuCases(data, { capability: 'council-votes', votes });
  rows.push({
    name: 'read deu3_train.csv + build 2×260 inputs',
    value: performance.now() - t,
    unit: 'ms',
  });

  const models = listModels();
  t = performance.now();
  const result = runBacktest({
    runs: models.map((model) => ({
      model,
      options: model.defaults as Record<string, unknown>,
      cases: model.id === 'ensemble' ? council : equal,
    })),
    seed: 1,
  });
  const all = (performance.now() - t) / 1000;
  rows.push({
    name: `full backtest, ${models.length} models (${models.map((m) => m.id).join(', ')}) × ${result.counts.scored} issues`,
    value: all,
    unit: 's (budget 60)',
  });
  for (const model of models) {
    t = performance.now();
    runBacktest({
      runs: [{ model, options: model.defaults as Record<string, unknown>, cases: equal }],
      seed: 1,
    });
    rows.push({
      name: `  ${model.id} on ${result.counts.scored} issues`,
      value: (performance.now() - t) / 1000,
      unit: 's',
    });
  }
  t = performance.now();
  const fit = fitEnsemble(council, {
    seed: 20251212,
    outerFolds: 10,
    innerFolds: 5,
    source: { file: 'deu3_train.csv', hash: '' },
  });
  rows.push({
    name: 'ensemble nested CV 10×5 folds + final fit (--fit, 1 seed)',
    value: (performance.now() - t) / 1000,
    unit: 's',
  });
  rows.push({
    name: 'ensemble out-of-fold MAE (seed 20251212)',
    value: fit.cv.oofMae,
    unit: 'MAE',
  });
  rows.push({
    name: 'weighted mean MAE (same issues)',
    value: result.overall.mean?.mae ?? NaN,
    unit: 'MAE',
  });
  return Promise.resolve(rows);
}
