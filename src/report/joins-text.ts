/**
 * The join backtest as plain text: what was read, the score table of the three forecasters, the
 * paired bootstrap intervals, the commitment weights with their spread, and one sentence saying
 * which forecaster wins and by how much. Pure: result in, string out.
 */
import type { Comparison, JoinBacktestResult } from '../analysis/joins/backtest.ts';
import { FORECASTER_IDS, type ForecasterId } from '../analysis/joins/forecasters.ts';

const fx = (x: number, d: number) => (Number.isNaN(x) ? '–' : x.toFixed(d));
const signed = (x: number, d: number) => (x > 0 ? `+${x.toFixed(d)}` : x.toFixed(d));

/** The difference a − b on `metric`, from either orientation of the stored comparisons. */
export function difference(
  r: JoinBacktestResult,
  a: ForecasterId,
  b: ForecasterId,
  metric: 'brier' | 'logLoss',
): { diff: number; lo: number; hi: number } | undefined {
  const c = r.comparisons.find((x) => x.metric === metric && x.a === a && x.b === b);
  if (c) return c;
  const d = r.comparisons.find((x) => x.metric === metric && x.a === b && x.b === a);
  return d && { diff: -d.diff, lo: -d.hi, hi: -d.lo };
}

/** What was scored and how (shared by the text and HTML renderers). */
export function describeJoinRun(r: JoinBacktestResult): string[] {
  const o = r.overall['base-rate'];
  const lines = [
    `Read ${r.data.file}: ${r.data.candidates} candidates in ${r.data.wars} wars → ${o.n} (candidate, side) pairs, ${o.joins} joins.`,
  ];
  const t = r.parameters.training;
  if (r.mode === 'cross-validated' && r.cv) {
    lines.push(
      `Out of sample: ${r.cv.folds}-fold cross-validation by war (seed ${r.seed}); λ of logistic and commitment chosen by ${r.cv.innerFolds}-fold inner CV by war inside each training set.`,
      `The three forecasters fitted on the whole file were saved to ${r.cv.savedTo}.`,
    );
  } else {
    lines.push(
      `Shipped parameters (fitted on ${t.file}, ${t.wars} wars, ${t.n} pairs); not refitted.`,
    );
    if (r.inSample) {
      lines.push(
        'Note: this is the training file, so these scores are IN-SAMPLE; `--fit` gives cross-validated ones.',
      );
    }
  }
  return lines;
}

/** One plain sentence: which forecaster has the lowest log loss, and by how much. */
export function verdict(r: JoinBacktestResult): string {
  const ids = [...FORECASTER_IDS].sort((a, b) => r.overall[a].logLoss - r.overall[b].logLoss);
  const win = ids[0]!;
  const parts = ids.slice(1).map((other) => {
    const d = difference(r, win, other, 'logLoss')!;
    const clear = d.hi < 0 ? 'interval excludes 0' : 'interval includes 0';
    return `${fx(r.overall[other].logLoss, 4)} for ${other} (difference ${signed(d.diff, 4)}, 95% interval ${signed(d.lo, 4)} to ${signed(d.hi, 4)}, ${clear})`;
  });
  const brierBest = [...FORECASTER_IDS].sort((a, b) => r.overall[a].brier - r.overall[b].brier)[0]!;
  const scope =
    r.mode === 'cross-validated' ? 'Out of sample' : r.inSample ? 'In sample' : 'On this file';
  return `${scope}, ${win} has the lowest log loss: ${fx(r.overall[win].logLoss, 4)} against ${parts.join(' and ')}; ${
    brierBest === win ? 'it also has' : `${brierBest} has`
  } the lowest Brier score (${fx(r.overall[brierBest].brier, 5)}).`;
}

function comparisonLine(c: Comparison): string {
  return `${signed(c.diff, 6)} [${signed(c.lo, 6)}, ${signed(c.hi, 6)}] ${Math.round(c.shareBetter * 100)}%`;
}

export function renderJoinsText(r: JoinBacktestResult): string {
  const out = describeJoinRun(r);
  out.push(
    '',
    `  ${'forecaster'.padEnd(12)} ${'Brier'.padStart(9)} ${'log loss'.padStart(9)} ${'AUC'.padStart(6)}`,
  );
  for (const id of FORECASTER_IDS) {
    const s = r.overall[id];
    out.push(
      `  ${id.padEnd(12)} ${fx(s.brier, 5).padStart(9)} ${fx(s.logLoss, 5).padStart(9)} ${fx(s.auc, 3).padStart(6)}`,
    );
  }
  out.push(
    '',
    `Differences a − b (negative: a better), paired bootstrap over wars, ${r.bootstrap.replicates} replicates, ${Math.round(r.bootstrap.level * 100)}% intervals, share of replicates where a is better:`,
  );
  const pairs = [...new Set(r.comparisons.map((c) => `${c.a}|${c.b}`))];
  for (const key of pairs) {
    const [a, b] = key.split('|');
    const br = r.comparisons.find((c) => `${c.a}|${c.b}` === key && c.metric === 'brier')!;
    const ll = r.comparisons.find((c) => `${c.a}|${c.b}` === key && c.metric === 'logLoss')!;
    out.push(`  ${`${a} − ${b}`.padEnd(24)} Brier ${comparisonLine(br)}`);
    out.push(`  ${''.padEnd(24)} log loss ${comparisonLine(ll)}`);
  }
  const c = r.parameters.commitment;
  out.push(
    '',
    `Commitment weights (log-odds of joining per unit of each term; λ = ${c.lambda}${c.spread ? `; spread over a bootstrap of wars, ${r.parameters.fit.spreadReplicates} replicates` : ''}):`,
  );
  for (const t of c.terms) {
    const s = c.spread?.[t];
    out.push(
      `  ${t.padEnd(18)} ${signed(c.weights[t]!, 3).padStart(8)}${s ? `  sd ${fx(s.sd, 3).padStart(6)}  95% [${signed(s.lo, 2)}, ${signed(s.hi, 2)}]` : ''}`,
    );
  }
  if (r.cv) {
    out.push(
      `  λ chosen per outer fold: logistic ${r.cv.outer.map((o) => o.lambda.logistic).join(', ')}; commitment ${r.cv.outer.map((o) => o.lambda.commitment).join(', ')}`,
    );
  }
  out.push('', verdict(r));
  return out.join('\n');
}
