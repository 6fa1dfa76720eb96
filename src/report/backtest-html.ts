/**
 * The backtest as one self-contained HTML page (no scripts, no external assets): what was read
 * and left out, the score table beside the baselines, the out-of-fold result of `--fit`, the
 * breakdowns, an error distribution per forecaster and a calibration plot. Pure: result in,
 * string out.
 */
import type { BacktestResult, Breakdown } from '../analysis/backtest/backtest.ts';
import { calibrationBins } from '../analysis/backtest/scoring.ts';
import { describeCounts } from './backtest-text.ts';
import { escapeXml as e } from './svg/escape.ts';
import { histogramSvg } from './svg/histogram.ts';
import { colorOf } from './svg/palette.ts';
import { scatterSvg } from './svg/scatter.ts';

const f2 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));
const f1 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));
const pct = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x * 100)}%`);

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1100px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child,td.l,th.l{text-align:left}th{background:#f6f6f6;font-weight:600}
tr.baseline td{color:#555}tr.best td{font-weight:600}
.note{color:#555;font-size:13px}.grid{display:flex;flex-wrap:wrap;gap:8px}
.small{font-size:12px;color:#666}`;

function scoreTable(r: BacktestResult): string {
  const best = Math.min(...r.forecasters.map((f) => r.overall[f.id]!.mae));
  const rows = r.forecasters
    .map((f) => {
      const s = r.overall[f.id]!;
      const cls = [f.role === 'baseline' ? 'baseline' : '', s.mae === best ? 'best' : '']
        .filter(Boolean)
        .join(' ');
      return `<tr class="${cls}"><td>${e(f.id)}${f.role === 'baseline' ? ' *' : ''}</td><td class="l">${e(f.name)}</td><td>${f2(s.mae)}</td><td>${f1(s.rmse)}</td><td>${f1(s.medianAe)}</td><td>${pct(s.within10)}</td><td>${f2(s.crps)}</td><td>${f1(s.bias)}</td><td>${e(f.capability)}</td><td class="note l">${e(f.note ?? (f.failures.length ? `${f.failures.length} failures` : ''))}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>id</th><th class="l">forecaster</th><th>MAE</th><th>RMSE</th><th>median AE</th><th>within 10</th><th>CRPS</th><th>bias</th><th>capability</th><th class="l">note</th></tr></thead><tbody>${rows}</tbody></table>
<p class="small">* baseline (always reported). n = ${r.counts.scored} issues, every forecaster on the same issues. CRPS equals MAE for point forecasts. Bias = mean(forecast − outcome). Bold: lowest MAE.</p>`;
}

function breakdownTable(title: string, b: Breakdown, ids: readonly string[]): string {
  const head = `<tr><th>${e(title)}</th><th>n</th>${ids.map((id) => `<th>${e(id)}</th>`).join('')}</tr>`;
  const rows = Object.keys(b)
    .map((g) => {
      const best = Math.min(...ids.map((id) => b[g]![id]!.mae));
      return `<tr><td>${e(g)}</td><td>${b[g]![ids[0]!]!.n}</td>${ids
        .map((id) => {
          const v = b[g]![id]!.mae;
          return `<td${v === best ? ' style="font-weight:600"' : ''}>${f2(v)}</td>`;
        })
        .join('')}</tr>`;
    })
    .join('');
  return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function cvSection(r: BacktestResult): string {
  if (!r.cv) return '';
  const cv = r.cv;
  const d = cv.vsMean;
  const rows = cv.outer
    .map(
      (o) =>
        `<tr><td>${o.fold + 1}</td><td>${o.issues}</td><td>${o.hyper.capabilityExponent}</td><td>${o.hyper.salienceExponent}</td><td>${e(
          Object.entries(o.weights)
            .map(([k, w]) => `${k} ${(w * 100).toFixed(0)}%`)
            .join(', '),
        )}</td></tr>`,
    )
    .join('');
  return `<h2>Out of sample: nested cross-validation of the ensemble</h2>
<p>${cv.outerFolds} outer × ${cv.innerFolds} inner folds by proposal (issues of one proposal never split), seed ${cv.seed}, ${cv.issues} issues of ${cv.proposals} proposals. Out-of-fold MAE of the ensemble: <b>${f2(cv.oofMae)}</b>${r.overall.mean ? `; weighted mean on the same issues: <b>${f2(r.overall.mean.mae)}</b>` : ''}.</p>
${cv.repeats.length > 1 ? `<p>Repeated with ${cv.repeats.length} fold seeds: out-of-fold MAE ${f2(cv.repeatMean)} ± ${f2(cv.repeatSd)} (SD; ${cv.repeats.map((x) => f2(x.oofMae)).join(', ')}).</p>` : ''}
${d ? `<p>Difference ${f2(d.diff)} MAE points (${pct(d.level)} proposal-bootstrap interval ${f2(d.lo)} to ${f2(d.hi)}; the ensemble is better in ${pct(d.shareBetter)} of ${d.replicates} replicates).</p>` : ''}
<table><thead><tr><th>outer fold</th><th>issues</th><th>α</th><th>β</th><th>weights chosen on the other folds</th></tr></thead><tbody>${rows}</tbody></table>
<p class="small">The ensemble fitted on all issues was saved to ${e(cv.savedTo)}.</p>`;
}

function errorHistograms(r: BacktestResult): string {
  const ids = r.forecasters.map((f) => f.id);
  const errors = ids.map((id) => r.issues.map((row) => row.forecasts[id]! - row.outcome));
  const max = Math.max(
    1,
    ...errors.map((es) => {
      const counts = new Array<number>(20).fill(0);
      for (const x of es) counts[Math.min(19, Math.max(0, Math.floor((x + 100) / 10)))]!++;
      return Math.max(...counts);
    }),
  );
  return `<div class="grid">${ids
    .map((id, i) =>
      histogramSvg({
        values: errors[i]!,
        min: -100,
        max: 100,
        bins: 20,
        title: `${id} (MAE ${f2(r.overall[id]!.mae)})`,
        color: colorOf(i),
        yMax: max,
        width: 260,
        height: 170,
        marks: [{ x: 0 }],
        x: { ticks: 4 },
      }),
    )
    .join('')}</div>`;
}

function calibrationPlot(r: BacktestResult): string {
  const series = r.forecasters.map((f, i) => {
    const bins = calibrationBins(
      r.issues.map((row) => row.forecasts[f.id]!),
      r.issues.map((row) => row.outcome),
      10,
    );
    return {
      label: f.id,
      color: colorOf(i),
      line: true,
      points: bins.map((b) => ({
        x: b.meanForecast,
        y: b.meanOutcome,
        r: 2 + Math.sqrt(b.n),
        title: `${f.id}: forecasts ${b.lo}–${b.hi} (n=${b.n}): mean forecast ${f1(b.meanForecast)}, mean outcome ${f1(b.meanOutcome)}`,
      })),
    };
  });
  return scatterSvg({
    title: 'Calibration: mean outcome by forecast decile bin',
    series,
    x: { min: 0, max: 100, label: 'mean forecast in bin' },
    y: { min: 0, max: 100, label: 'mean outcome' },
    diagonal: true,
    width: 620,
    height: 380,
  });
}

function coveragePlot(r: BacktestResult): string {
  const prob = r.forecasters.map((f, i) => ({ f, i })).filter(({ f }) => r.overall[f.id]!.coverage);
  if (!prob.length) return '';
  return `<h2>Interval coverage</h2>
<p>Central intervals of the predictive distribution (forecast plus out-of-fold residual quantiles) against the share of outcomes inside them; on the diagonal is perfect calibration.</p>
${scatterSvg({
  title: 'Coverage: nominal vs observed',
  series: prob.map(({ f, i }) => ({
    label: f.id,
    color: colorOf(i),
    line: true,
    points: r.overall[f.id]!.coverage!.map((c) => ({
      x: c.level * 100,
      y: c.coverage * 100,
      title: `${f.id}: ${pct(c.level)} interval covers ${pct(c.coverage)} (mean width ${f1(c.meanWidth)})`,
    })),
  })),
  x: { min: 40, max: 100, label: 'nominal coverage (%)' },
  y: { min: 40, max: 100, label: 'observed coverage (%)' },
  diagonal: true,
  width: 520,
  height: 320,
})}`;
}

export function renderBacktestHtml(r: BacktestResult): string {
  const ids = r.forecasters.map((f) => f.id);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Entente backtest: ${e(r.file)}</title><style>${CSS}</style></head><body>
<h1>Backtest: ${e(r.file)}</h1>
<p class="note">Entente ${e(r.entente)} · capability rule ${e(r.capability)} · seed ${r.seed} · errors on the 0–100 scale.</p>
${describeCounts(r)
  .map((l) => `<p>${e(l)}</p>`)
  .join('\n')}
<h2>Scores</h2>
${scoreTable(r)}
${cvSection(r)}
${coveragePlot(r)}
<h2>Error distribution</h2>
<p>Forecast minus outcome per issue, in bins of 10 points (same count axis for every forecaster).</p>
${errorHistograms(r)}
<h2>Calibration</h2>
<p>Issues binned by forecast (0–10, 10–20, …); each point is a bin's mean forecast and mean outcome, sized by its number of issues. Points above the diagonal: outcomes higher than forecast.</p>
${calibrationPlot(r)}
<h2>By Council period</h2>
${breakdownTable('period', r.byPeriod, ids)}
<h2>By procedure</h2>
${breakdownTable('procedure', r.byProcedure, ids)}
<p class="small">COD: co-decision (ordinary legislative procedure); CNS: consultation.</p>
<h2>By Council voting rule</h2>
${breakdownTable('voting rule', r.byVoting, ids)}
<p class="small">Data: DEU III, Arregui &amp; Perarnaud (2021), doi:10.1080/13501763.2021.1991983 (CC BY 4.0), containing DEU I/II (Thomson et al. 2006, 2012). Method: docs/backtest.md.</p>
</body></html>
`;
}
