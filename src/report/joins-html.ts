/**
 * The join backtest as one self-contained HTML page (no scripts, no external assets): what was
 * scored, the score table, the paired bootstrap intervals, a calibration chart, the commitment
 * weights and the per-war table. Pure: result in, string out.
 */
import type { JoinBacktestResult } from '../analysis/joins/backtest.ts';
import { FORECASTER_IDS } from '../analysis/joins/forecasters.ts';
import { termSpec } from '../analysis/joins/terms.ts';
import { describeJoinRun, verdict } from './joins-text.ts';
import { escapeXml as e } from './svg/escape.ts';
import { colorOf } from './svg/palette.ts';
import { scatterSvg } from './svg/scatter.ts';

const fx = (x: number, d: number) => (Number.isNaN(x) ? '–' : x.toFixed(d));
const signed = (x: number, d: number) => (x > 0 ? `+${x.toFixed(d)}` : x.toFixed(d));

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1100px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child,td.l,th.l{text-align:left}th{background:#f6f6f6;font-weight:600}
tr.best td{font-weight:600}.note{color:#555;font-size:13px}.small{font-size:12px;color:#666}`;

function scoreTable(r: JoinBacktestResult): string {
  const best = Math.min(...FORECASTER_IDS.map((id) => r.overall[id].logLoss));
  const rows = FORECASTER_IDS.map((id) => {
    const s = r.overall[id];
    return `<tr${s.logLoss === best ? ' class="best"' : ''}><td>${e(id)}</td><td>${s.n}</td><td>${s.joins}</td><td>${fx(s.brier, 5)}</td><td>${fx(s.logLoss, 5)}</td><td>${fx(s.auc, 3)}</td></tr>`;
  }).join('');
  return `<table><thead><tr><th>forecaster</th><th>pairs</th><th>joins</th><th>Brier</th><th>log loss</th><th>AUC</th></tr></thead><tbody>${rows}</tbody></table>
<p class="small">Bold: lowest log loss. Log loss in nats, probabilities clipped to [1e−15, 1 − 1e−15]; AUC by Mann–Whitney (ties ½).</p>`;
}

function comparisonTable(r: JoinBacktestResult): string {
  const rows = r.comparisons
    .map(
      (c) =>
        `<tr><td>${e(c.a)} − ${e(c.b)}</td><td class="l">${c.metric === 'brier' ? 'Brier' : 'log loss'}</td><td>${signed(c.diff, 6)}</td><td>${signed(c.lo, 6)}</td><td>${signed(c.hi, 6)}</td><td>${Math.round(c.shareBetter * 100)}%</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>a − b</th><th class="l">score</th><th>difference</th><th>${Math.round(r.bootstrap.level * 100)}% lo</th><th>hi</th><th>a better in</th></tr></thead><tbody>${rows}</tbody></table>
<p class="small">Paired cluster bootstrap: wars resampled with replacement (all pairs of a drawn war kept), ${r.bootstrap.replicates} replicates, seed ${r.seed}. Negative: a is better.</p>`;
}

function calibrationChart(r: JoinBacktestResult): string {
  const all = FORECASTER_IDS.flatMap((id) =>
    r.calibration[id].flatMap((b) => [b.meanForecast, b.observed]),
  );
  const max = Math.min(1, Math.ceil(Math.max(0.05, ...all) * 20) / 20);
  return scatterSvg({
    title: 'Calibration: observed join share by forecast bin',
    series: FORECASTER_IDS.map((id, i) => ({
      label: id,
      color: colorOf(i),
      line: true,
      points: r.calibration[id].map((b) => ({
        x: b.meanForecast,
        y: b.observed,
        r: 2 + Math.sqrt(b.n) / 3,
        title: `${id}: forecasts ${b.lo}–${b.hi} (n=${b.n}): mean forecast ${fx(b.meanForecast, 4)}, observed ${fx(b.observed, 4)}`,
      })),
    })),
    x: { min: 0, max, label: 'mean forecast in bin' },
    y: { min: 0, max, label: 'observed share joined' },
    diagonal: true,
    width: 620,
    height: 400,
  });
}

function weightTable(r: JoinBacktestResult): string {
  const c = r.parameters.commitment;
  const rows = c.terms
    .map((t) => {
      const s = c.spread?.[t];
      return `<tr><td>${e(t)}</td><td>${signed(c.weights[t]!, 3)}</td><td>${s ? fx(s.sd, 3) : '–'}</td><td>${s ? `${signed(s.lo, 2)} to ${signed(s.hi, 2)}` : '–'}</td><td class="l note">${e(termSpec(t)?.meaning ?? '')}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>term</th><th>weight</th><th>bootstrap sd</th><th>95% interval</th><th class="l">meaning</th></tr></thead><tbody>${rows}</tbody></table>
<p class="small">λ = ${c.lambda}. Weights are log-odds of joining per unit of the term; the spread refits the model on wars resampled with replacement at the same λ.</p>`;
}

function warTable(r: JoinBacktestResult): string {
  const rows = r.wars
    .map((w) => {
      const cells = FORECASTER_IDS.map((id) => {
        const v = w[id] as { brier: number; logLoss: number };
        return `<td>${fx(v.logLoss, 4)}</td>`;
      }).join('');
      return `<tr><td>${w.warnum}</td><td class="l">${e(w.warname)}</td><td>${w.n}</td><td>${w.joins}</td>${cells}</tr>`;
    })
    .join('');
  return `<table><thead><tr><th>war</th><th class="l">name</th><th>pairs</th><th>joins</th>${FORECASTER_IDS.map((id) => `<th>${e(id)} log loss</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderJoinsHtml(r: JoinBacktestResult): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Entente join backtest: ${e(r.data.file)}</title><style>${CSS}</style></head>
<body>
<h1>Who joins which side of a war: ${e(r.data.file)}</h1>
${describeJoinRun(r)
  .map((l) => `<p class="note">${e(l)}</p>`)
  .join('\n')}
<h2>Scores (${r.mode === 'cross-validated' ? 'out of fold' : r.inSample ? 'in sample' : 'shipped parameters'})</h2>
${scoreTable(r)}
<p><b>${e(verdict(r))}</b></p>
<h2>Differences</h2>
${comparisonTable(r)}
<h2>Calibration</h2>
${calibrationChart(r)}
<h2>Commitment weights</h2>
${weightTable(r)}
<h2>By war</h2>
${warTable(r)}
<p class="small">Entente ${e(r.entente)} · data ${e(r.data.sha256)}</p>
</body></html>
`;
}
