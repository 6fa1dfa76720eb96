/**
 * The backtest as plain text for the terminal: what was read and left out, the scores of every
 * forecaster beside the baselines, the out-of-fold result of `--fit`, and the breakdowns by
 * period, procedure and voting rule. Pure: result in, string out.
 */
import type { BacktestResult, Breakdown } from '../analysis/backtest/backtest.ts';
import { renderTable } from './text/table.ts';

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x * 100)}%`);
const f1 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));
const f2 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));

/** Lines saying what was read and what was left out, with counts (nothing is dropped silently). */
export function describeCounts(r: BacktestResult): string[] {
  const c = r.counts;
  return [
    `Read ${c.rows} rows: ${c.issues} issues of ${c.proposals} proposals. Scored ${c.scored} issues.`,
    `Left out: ${c.missingSalience} actor rows without salience and ${c.missingPosition} without position (actor dropped from that issue); ` +
      `${c.missingOutcome} ${c.missingOutcome === 1 ? 'issue' : 'issues'} without outcome, ${c.tooFewActors} with fewer than 3 actors with position and salience, ${c.zeroWeight} with zero total weight` +
      (r.excluded.length > c.missingOutcome + c.tooFewActors + c.zeroWeight
        ? `, ${r.excluded.length - c.missingOutcome - c.tooFewActors - c.zeroWeight} without a forecast from some model`
        : '') +
      '.',
    `${c.withReference} scoreable issues have a reference point (Nash's disagreement point).` +
      (c.voteFallbacks
        ? ` ${c.voteFallbacks} actor rows took the next period's Council votes.`
        : '') +
      (c.capabilityDefaulted
        ? ` ${c.capabilityDefaulted} empty capability cells counted as 1.`
        : ''),
  ];
}

/** Right-aligns the text cells of the given columns (renderTable right-aligns only numbers). */
function alignRight(rows: string[][], columns: readonly number[]): string[][] {
  for (const j of columns) {
    const w = Math.max(...rows.map((r) => r[j]!.length));
    for (const r of rows) r[j] = r[j]!.padStart(w);
  }
  return rows;
}

function breakdownTable(title: string, b: Breakdown, ids: readonly string[]): string {
  const groups = Object.keys(b);
  const rows = groups.map((g) => [
    g,
    String(b[g]![ids[0]!]!.n),
    ...ids.map((id) => f2(b[g]![id]!.mae)),
  ]);
  const cols = ids.map((_, j) => j + 1).concat([ids.length + 1]);
  return `${title} (MAE):\n${renderTable(['group', 'n', ...ids], alignRight(rows, cols))}`;
}

export function renderBacktestText(r: BacktestResult): string {
  const ids = r.forecasters.map((f) => f.id);
  const out: string[] = [];
  out.push(`Backtest of ${r.file} (capability: ${r.capability}; MAE etc. on the 0–100 scale)`);
  out.push(...describeCounts(r), '');
  const rows = r.forecasters.map((f) => {
    const s = r.overall[f.id]!;
    return [
      `${f.id}${f.role === 'baseline' ? ' *' : ''}`,
      f2(s.mae),
      f1(s.rmse),
      f1(s.medianAe),
      pct(s.within10),
      f2(s.crps),
      f1(s.bias),
      f.capability,
      f.note ?? (f.failures.length ? `${f.failures.length} failures` : ''),
    ];
  });
  out.push(
    renderTable(
      ['forecaster', 'MAE', 'RMSE', 'MedAE', '≤10', 'CRPS', 'bias', 'capability', 'note'],
      alignRight(rows, [1, 2, 3, 4, 5, 6]),
    ),
  );
  out.push('  * baseline. CRPS equals MAE for point forecasts; ≤10: share within 10 points.');
  const probabilistic = r.forecasters.filter((f) => r.overall[f.id]!.coverage);
  if (probabilistic.length) {
    out.push('', 'Interval coverage (nominal → observed; mean width):');
    for (const f of probabilistic) {
      const cov = r.overall[f.id]!.coverage!;
      out.push(
        `  ${f.id}: ${cov.map((c) => `${pct(c.level)} → ${pct(c.coverage)} (${f1(c.meanWidth)})`).join(', ')}`,
      );
    }
  }
  if (r.cv) {
    const cv = r.cv;
    const mean = r.overall.mean;
    out.push(
      '',
      `Nested cross-validation (${cv.outerFolds} outer × ${cv.innerFolds} inner folds by proposal, seed ${cv.seed}; ` +
        `${cv.issues} issues, ${cv.proposals} proposals): ensemble out-of-fold MAE ${f2(cv.oofMae)}` +
        (mean ? ` vs weighted mean ${f2(mean.mae)}` : '') +
        '.',
    );
    if (cv.vsMean) {
      const d = cv.vsMean;
      out.push(
        `  difference ${f2(d.diff)} (${pct(d.level)} proposal-bootstrap interval ${f2(d.lo)} to ${f2(d.hi)}; ensemble better in ${pct(d.shareBetter)} of ${d.replicates} replicates).`,
      );
    }
    if (cv.repeats.length > 1) {
      out.push(
        `  Over ${cv.repeats.length} fold seeds: out-of-fold MAE ${f2(cv.repeatMean)} ± ${f2(cv.repeatSd)} (SD; ${cv.repeats.map((x) => f2(x.oofMae)).join(', ')}).`,
      );
    }
    out.push(`  Saved the ensemble fitted on all issues to ${cv.savedTo}.`);
  }
  out.push('', breakdownTable('By Council period', r.byPeriod, ids));
  out.push('', breakdownTable('By procedure', r.byProcedure, ids));
  out.push('', breakdownTable('By Council voting rule', r.byVoting, ids));
  const failing = r.forecasters.filter((f) => f.failures.length);
  for (const f of failing) {
    out.push('', `${f.id} failed on ${f.failures.length} issue(s):`);
    for (const x of f.failures.slice(0, 5)) out.push(`  ${x.issueId}: ${x.message}`);
    if (f.failures.length > 5) out.push(`  … and ${f.failures.length - 5} more (see --json)`);
  }
  return out.join('\n');
}
