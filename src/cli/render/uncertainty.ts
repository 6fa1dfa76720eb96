/**
 * Human output of `entente simulate` and `entente sensitivity`: summary tables, text histograms
 * (a one-line strip per model and a bar histogram for the first model), tornado bars and Sobol
 * index bars (levers: `levers.ts`). Pure: results in, text out. No colours, so output pipes.
 */
import type { MonteCarloResult } from '../../analysis/monte-carlo/summarize.ts';
import type { ResultHeader, ResultScenario } from '../../core/result.ts';
import type { SobolResult, SobolTable } from '../../analysis/sensitivity/sobol.ts';
import type { TornadoResult } from '../../analysis/sensitivity/tornado.ts';
import { type Cell, formatNumber, renderTable } from '../../report/text/table.ts';

const STRIP = ' ▁▂▃▄▅▆▇█';
export const grouped = (x: number) => Math.round(x).toLocaleString('en-US');
export const pct = (p: number, digits = 1) =>
  Number.isFinite(p) ? `${(100 * p).toFixed(digits)}%` : '–';
export const num = (x: number | null, digits = 1) => (x === null ? '–' : formatNumber(x, digits));
export const signed = (x: number, digits = 1) =>
  `${x >= 0 ? '+' : '−'}${formatNumber(Math.abs(x), digits)}`;
const shortHash = (s: ResultScenario) => s.hash.replace(/^sha256:/, 'sha256:').slice(0, 19);

export function header(kind: string, r: ResultHeader<string>): string {
  return `${kind} · ${r.scenario.title}\n  scenario ${r.scenario.id} (${shortHash(r.scenario)}…) · seed ${r.seed} · entente ${r.entente}`;
}

/** Sums adjacent counts into `columns` columns (counts.length a multiple of columns, else as near as fits). */
function regroup(counts: readonly number[], columns: number): number[] {
  const per = Math.max(1, Math.round(counts.length / columns));
  const out: number[] = [];
  for (let i = 0; i < counts.length; i += per)
    out.push(counts.slice(i, i + per).reduce((a, b) => a + b, 0));
  return out;
}

/** One line of block characters, one per column, height ∝ count (empty columns blank). */
export function strip(counts: readonly number[]): string {
  const max = Math.max(...counts);
  return counts
    .map((c) => (c === 0 || max === 0 ? STRIP[0] : STRIP[Math.max(1, Math.round((c / max) * 8))]))
    .join('');
}

/** A ruler under strips of `width` columns spanning [min, max], with ▲ under the threshold. */
function ruler(width: number, min: number, max: number, threshold: number | null): string[] {
  const axis = Array.from({ length: width }, () => '─');
  axis[0] = '└';
  axis[width - 1] = '┘';
  const lines = [axis.join('')];
  const lo = formatNumber(min, 0);
  const mid = formatNumber((min + max) / 2, 0);
  const hi = formatNumber(max, 0);
  const labels = Array.from({ length: width }, () => ' ');
  const put = (at: number, text: string) => {
    const start = Math.max(0, Math.min(width - text.length, at));
    for (let i = 0; i < text.length; i++) labels[start + i] = text[i]!;
  };
  put(0, lo);
  put(Math.round(width / 2 - mid.length / 2), mid);
  put(width - hi.length, hi);
  lines.push(labels.join('').trimEnd());
  if (threshold !== null && threshold >= min && threshold <= max) {
    const at = Math.min(width - 1, Math.floor(((threshold - min) / (max - min)) * width));
    lines.push(`${' '.repeat(at)}▲ threshold ${formatNumber(threshold, 0)}`);
  }
  return lines;
}

/**
 * A bar histogram: one row per bin, bar length ∝ share, with the share in percent. Empty bins
 * at either end are left out.
 */
export function barHistogram(
  counts: readonly number[],
  min: number,
  max: number,
  width = 40,
  indent = '    ',
): string[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const top = Math.max(...counts);
  const w = (max - min) / counts.length;
  const edge = (i: number) => formatNumber(min + i * w, w < 1 ? 1 : 0);
  const labels = counts.map((_, i) => `${edge(i)}–${edge(i + 1)}`);
  const lw = Math.max(...labels.map((l) => l.length));
  const firstBin = Math.max(
    0,
    counts.findIndex((c) => c > 0),
  );
  const lastBin = Math.max(
    firstBin,
    counts.length - 1 - [...counts].reverse().findIndex((c) => c > 0),
  );
  return counts.slice(firstBin, lastBin + 1).map((c, at) => {
    const i = at + firstBin;
    const len = top > 0 ? Math.round((c / top) * width) : 0;
    const bar = c > 0 && len === 0 ? '▏' : '█'.repeat(len);
    return `${indent}${labels[i]!.padStart(lw)}  ${bar.padEnd(width)}  ${total > 0 ? pct(c / total).padStart(6) : ''}`.trimEnd();
  });
}

export function renderSimulation(r: MonteCarloResult): string {
  const out: string[] = [header('Monte Carlo', r)];
  const inputs = r.sampling.inputs.length;
  out.push(
    `  ${grouped(r.runs)} runs · ${r.sampling.distribution} draws of ${inputs} ranged inputs${r.sampling.correlation > 0 ? ` · correlation ${r.sampling.correlation} within each actor` : ''} · quantiles to ${r.resolution.outcomeBins} bins of the scale`,
  );
  if (r.partial) {
    out.push(
      `  INTERRUPTED after ${grouped(r.runs)} of ${grouped(r.runsRequested)} runs: the statistics cover the runs completed.`,
    );
  }
  for (const m of r.models) {
    if (m.failedRuns > 0)
      out.push(`  ${m.id}: ${grouped(m.failedRuns)} runs failed (first: ${m.firstError ?? ''})`);
    if (m.unconvergedRuns > 0)
      out.push(`  ${m.id}: ${grouped(m.unconvergedRuns)} runs ended without converging`);
  }
  const first = r.models[0];
  for (const issue of r.issues) {
    const { min, max } = issue.scale;
    out.push('', `Issue ${issue.id}: ${issue.name} (scale ${min}–${max})`);
    const t = issue.threshold;
    if (t) out.push(`  Threshold: ${t.value} = ${t.label}`);
    out.push('');
    const head = ['Model', 'Point', 'Mean', 'SD', '10%', 'Median', '90%'];
    if (t) head.push(`P(≥ ${t.value})`, '± s.e.');
    const rows: Cell[][] = r.models.map((m) => {
      const o = issue.outcomes[m.id]!;
      const row: Cell[] = [m.id, o.point ?? NaN, o.mean, o.sd, o.q10, o.median, o.q90];
      if (t && o.pAtOrAbove) row.push(pct(o.pAtOrAbove.p), pct(o.pAtOrAbove.se, 2));
      return row;
    });
    out.push(renderTable(head, rows));
    // One strip per model on a shared axis.
    const width = 50;
    const label = Math.max(...r.models.map((m) => m.id.length));
    out.push(
      '',
      `  Distribution of the outcome (${width} columns of ${formatNumber((max - min) / width, 1)}):`,
    );
    for (const m of r.models) {
      out.push(
        `  ${m.id.padEnd(label)}  ${strip(regroup(issue.outcomes[m.id]!.histogram.counts, width))}`,
      );
    }
    for (const line of ruler(width, min, max, t?.value ?? null))
      out.push(`  ${' '.repeat(label)}  ${line}`);
    if (first) {
      const o = issue.outcomes[first.id]!;
      out.push('', `  Histogram, ${first.id} (${grouped(o.runs)} runs):`);
      out.push(...barHistogram(regroup(o.histogram.counts, 20), min, max));
    }
    const mover = r.models.find((m) => m.actorsMove);
    if (mover) {
      out.push('', `  Final positions under ${mover.id} (start = point value):`);
      const actorRows: Cell[][] = issue.actors.map((a) => {
        const f = a.final[mover.id]!;
        return [a.name, a.position, f.mean, f.q10, f.median, f.q90];
      });
      out.push(renderTable(['Actor', 'Start', 'Mean', '10%', 'Median', '90%'], actorRows, '    '));
    }
  }
  if (!r.models.some((m) => m.actorsMove)) {
    out.push(
      '',
      'Actors do not move under these models (one-shot rules); their final positions are the drawn inputs (in --json).',
    );
  }
  if (r.diagnostics.length) {
    out.push('', 'Diagnostics:', ...r.diagnostics.map((d) => `  - [${d.kind}] ${d.text}`));
  }
  return out.join('\n');
}

/** A tornado bar on a shared axis: ░ from the point-value outcome to the outcome at low, █ to the one at high. */
function tornadoBar(
  atLow: number | null,
  atHigh: number | null,
  base: number,
  lo: number,
  hi: number,
  width: number,
  threshold: number | null,
): string {
  const col = (x: number) =>
    Math.min(width - 1, Math.max(0, Math.round(((x - lo) / (hi - lo || 1)) * (width - 1))));
  const cells = Array.from({ length: width }, () => ' ');
  if (threshold !== null && threshold >= lo && threshold <= hi) cells[col(threshold)] = '┆';
  const paint = (x: number | null, ch: string) => {
    if (x === null) return;
    const [a, b] = [col(base), col(x)].sort((p, q) => p - q) as [number, number];
    for (let c = a; c <= b; c++) cells[c] = ch;
  };
  paint(atLow, '░');
  paint(atHigh, '█');
  cells[col(base)] = '│';
  return cells.join('');
}

export function renderTornado(r: TornadoResult, top = 12): string {
  const out: string[] = [header('Tornado (one input at a time)', r)];
  out.push(
    `  ${r.inputs.length} ranged inputs, each set to its low and its high with the others at their point values · ${r.runs} runs per model`,
  );
  out.push(
    '  Bars: ░ outcome with the input at its low, █ at its high, │ the point forecast, ┆ the threshold',
  );
  for (const m of r.models)
    if (m.firstError) out.push(`  ${m.id}: some runs failed (first: ${m.firstError})`);
  for (const issue of r.issues) {
    out.push(
      '',
      `Issue ${issue.id}: ${issue.name} (scale ${issue.scale.min}–${issue.scale.max})${issue.threshold ? ` · threshold ${issue.threshold.value}` : ''}`,
    );
    for (const m of r.models) {
      const t = issue.models[m.id]!;
      out.push('', `  ${m.id}: ${num(t.base)} at the point values`);
      if (t.base === null) continue;
      const shown = t.bars.slice(0, top).filter((b) => b.swing > 0);
      if (shown.length === 0) {
        out.push('    no input moves this outcome');
        continue;
      }
      const values = shown
        .flatMap((b) => [b.atLow, b.atHigh])
        .filter((x): x is number => x !== null);
      let lo = Math.min(t.base, ...values);
      let hi = Math.max(t.base, ...values);
      const thr = issue.threshold?.value ?? null;
      if (thr !== null && thr >= issue.scale.min && thr <= issue.scale.max && hi - lo > 0) {
        // Stretch the axis to the threshold when it is near, so the reader sees the gap.
        if (thr > hi && thr - hi < 2 * (hi - lo)) hi = thr;
        if (thr < lo && lo - thr < 2 * (hi - lo)) lo = thr;
      }
      const width = 36;
      const name = Math.max(...shown.map((b) => b.input.length));
      const range = shown.map(
        (b) =>
          `${formatNumber(b.low, b.low % 1 ? 2 : 0)}→${formatNumber(b.high, b.high % 1 ? 2 : 0)}`,
      );
      const rw = Math.max(...range.map((s) => s.length));
      shown.forEach((b, i) => {
        out.push(
          `    ${b.input.padEnd(name)}  ${range[i]!.padStart(rw)}  ${tornadoBar(b.atLow, b.atHigh, t.base!, lo, hi, width, thr)}  ${num(b.atLow)} · ${num(b.atHigh)}${b.crossesThreshold ? '  crosses' : ''}`,
        );
      });
      out.push(
        `    ${' '.repeat(name + rw + 2)}  ${formatNumber(lo, 1).padEnd(width - formatNumber(hi, 1).length)}${formatNumber(hi, 1)}`,
      );
      const rest = t.bars.length - shown.length;
      if (rest > 0) {
        const maxRest = Math.max(0, ...t.bars.slice(shown.length).map((b) => b.swing));
        out.push(
          `    … ${rest} more input${rest === 1 ? '' : 's'} with swings up to ${formatNumber(maxRest, 2)}`,
        );
      }
    }
  }
  return out.join('\n');
}

function sobolRows(t: SobolTable, top: number): string[] {
  const shown = t.indices.slice(0, top);
  const name = Math.max(5, ...shown.map((e) => e.input.length));
  const cell = (v: number | null, se: number | null) =>
    v === null ? '–' : `${v.toFixed(2)} ±${(se ?? 0).toFixed(2)}`;
  const bar = (v: number | null) => '█'.repeat(Math.max(0, Math.round(Math.min(1, v ?? 0) * 20)));
  const lines = [
    `    ${'input'.padEnd(name)}  ${'first-order'.padStart(11)}  ${'total'.padStart(11)}  total, 0–1`,
  ];
  for (const e of shown) {
    lines.push(
      `    ${e.input.padEnd(name)}  ${cell(e.first, e.firstSe).padStart(11)}  ${cell(e.total, e.totalSe).padStart(11)}  ${bar(e.total)}`,
    );
  }
  const sum = t.indices.reduce((s, e) => s + (e.first ?? 0), 0);
  lines.push(
    `    Σ first-order = ${sum.toFixed(2)} (1 − Σ is the share of variance due to interactions)`,
  );
  return lines;
}

export function renderSobol(r: SobolResult, top = 12): string {
  const out: string[] = [header('Sobol indices', r)];
  out.push(
    `  N = ${grouped(r.samples)} samples · ${grouped(r.runs)} runs per model · ${r.sampling.distribution} draws of ${r.sampling.inputs.length} ranged inputs, independent`,
  );
  out.push(
    '  first-order: share of the outcome variance due to the input alone; total: including its interactions (± standard errors)',
  );
  if (r.partial)
    out.push(
      `  INTERRUPTED after ${grouped(r.samples)} of ${grouped(r.samplesRequested)} samples: indices from the samples completed.`,
    );
  for (const m of r.models)
    if (m.firstError) out.push(`  ${m.id}: some runs failed (first: ${m.firstError})`);
  for (const issue of r.issues) {
    out.push('', `Issue ${issue.id}: ${issue.name} (scale ${issue.scale.min}–${issue.scale.max})`);
    for (const m of r.models) {
      const { outcome, atOrAbove } = issue.models[m.id]!;
      out.push(
        '',
        `  ${m.id} — the outcome (mean ${num(outcome.mean)}, variance ${formatNumber(outcome.variance, 2)})`,
      );
      if (outcome.variance > 0) out.push(...sobolRows(outcome, top));
      else out.push('    the outcome never varies: no indices');
      if (atOrAbove && issue.threshold) {
        const what = `P(${issue.id} ≥ ${issue.threshold.value})`;
        if (atOrAbove.variance > 0) {
          out.push('', `  ${m.id} — ${what} = ${pct(atOrAbove.mean ?? NaN)}`);
          out.push(...sobolRows(atOrAbove, top));
        } else {
          out.push(
            '',
            `  ${m.id} — ${what} = ${pct(atOrAbove.mean ?? NaN)} in every sample: no indices`,
          );
        }
      }
    }
  }
  return out.join('\n');
}
