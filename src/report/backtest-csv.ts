/**
 * Every forecast of a backtest as CSV, one row per (issue, forecaster):
 * `issue_id,proposal_id,procedure,council_voting,period,outcome,reference_point,actors,forecaster,forecast,abs_error`.
 */
import type { BacktestResult } from '../analysis/backtest/backtest.ts';

function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function renderBacktestCsv(r: BacktestResult): string {
  const head = [
    'issue_id',
    'proposal_id',
    'procedure',
    'council_voting',
    'period',
    'outcome',
    'reference_point',
    'actors',
    'forecaster',
    'forecast',
    'abs_error',
  ];
  const lines = [head.join(',')];
  for (const row of r.issues) {
    for (const f of r.forecasters) {
      const x = row.forecasts[f.id]!;
      lines.push(
        [
          row.id,
          row.proposalId,
          row.procedure,
          row.councilVoting,
          row.period,
          row.outcome,
          row.reference,
          row.actors,
          f.id,
          x,
          Math.abs(x - row.outcome),
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
