import type { DeuCases } from '../../formats/deu-cases.ts';
import type { ForecastColumn } from './backtest.ts';

/**
 * Baselines computed here rather than by a registry model: the unweighted mean of the positions
 * (actors with position and salience, as in the data README) and the scale's midpoint.
 */
export function localBaselineColumns(cases: DeuCases): ForecastColumn[] {
  const n = cases.cases.length;
  const unweighted = new Float64Array(n).fill(NaN);
  const midpoint = new Float64Array(n).fill(NaN);
  cases.cases.forEach((c, i) => {
    if (!c.scoreable) return;
    const { position, n: m } = c.input;
    let s = 0;
    for (let j = 0; j < m; j++) s += position[j]!;
    unweighted[i] = s / m;
    midpoint[i] = (c.input.scaleMin[0]! + c.input.scaleMax[0]!) / 2;
  });
  const base = { role: 'baseline' as const, capability: 'n/a' as const, failures: [], warnings: 0 };
  return [
    { id: 'unweighted-mean', name: 'Unweighted mean of positions', forecasts: unweighted, ...base },
    { id: 'midpoint', name: 'Constant: the scale midpoint (50)', forecasts: midpoint, ...base },
  ];
}
