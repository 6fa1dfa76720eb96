/**
 * Inline SVG charts for the self-contained report: no scripts, no fonts to fetch, every label
 * escaped. Each function returns one `<svg>` element sized in CSS pixels (viewBox, so it scales
 * and prints crisply).
 */
import type { OutcomeSummary } from '../../analysis/monte-carlo/summarize.ts';
import { escapeXml as e } from '../svg/escape.ts';
import { PALETTE } from '../svg/palette.ts';
import { linearScale, niceTicks as ticks } from '../svg/scale.ts';
import type { Trajectory } from './model-detail.ts';
import { fmt, type IssueSection, type SensitivitySection } from './report-data.ts';

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="11"';

const scale = (d0: number, d1: number, r0: number, r1: number) => linearScale([d0, d1], [r0, r1]);

function xAxis(x: (v: number) => number, min: number, max: number, y: number): string {
  const t = ticks(min, max);
  return (
    `<line x1="${x(min)}" x2="${x(max)}" y1="${y}" y2="${y}" stroke="#888"/>` +
    t
      .map(
        (v) =>
          `<line x1="${x(v)}" x2="${x(v)}" y1="${y}" y2="${y + 4}" stroke="#888"/><text x="${x(v)}" y="${y + 15}" text-anchor="middle" fill="#444">${fmt(v)}</text>`,
      )
      .join('')
  );
}

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${e(label)}" ${FONT}><title>${e(label)}</title>${body}</svg>`;
}

function thresholdLine(x: number, top: number, bottom: number, label: string): string {
  return `<line x1="${x}" x2="${x}" y1="${top}" y2="${bottom}" stroke="#c00" stroke-dasharray="4 3"/><text x="${x + 3}" y="${top + 9}" fill="#c00">${e(label)}</text>`;
}

/** Each model's forecast on the issue's scale, with its 10–90% interval when a Monte Carlo ran. */
export function forecastChart(sec: IssueSection, modelNames: Map<string, string>): string {
  const { issue } = sec;
  const models = Object.keys(issue.forecasts);
  const W = 720;
  const left = 260;
  const right = 20;
  const rowH = 24;
  const top = 22;
  const H = top + models.length * rowH + 30;
  const x = scale(issue.scale.min, issue.scale.max, left, W - right);
  let body = '';
  if (issue.threshold)
    body += thresholdLine(
      x(issue.threshold.value),
      4,
      H - 26,
      `threshold ${fmt(issue.threshold.value)}`,
    );
  if (issue.referencePoint !== null) {
    const rx = x(issue.referencePoint);
    body += `<line x1="${rx}" x2="${rx}" y1="14" y2="${H - 26}" stroke="#777" stroke-dasharray="1 3"/><text x="${rx - 3}" y="${H - 30}" text-anchor="end" fill="#777">status quo ${fmt(issue.referencePoint)}</text>`;
  }
  models.forEach((m, r) => {
    const cy = top + r * rowH + rowH / 2;
    const f = issue.forecasts[m]!;
    const u = sec.uncertainty?.[m];
    body += `<text x="${left - 8}" y="${cy + 4}" text-anchor="end">${e(modelNames.get(m) ?? m)}</text>`;
    body += `<line x1="${left}" x2="${W - right}" y1="${cy}" y2="${cy}" stroke="#eee"/>`;
    if (u && u.runs > 0) {
      body += `<line x1="${x(u.q10)}" x2="${x(u.q90)}" y1="${cy}" y2="${cy}" stroke="${PALETTE[r % PALETTE.length]}" stroke-width="6" stroke-opacity="0.35" stroke-linecap="round"><title>${e(`${m}: 10–90% ${fmt(u.q10)}–${fmt(u.q90)}`)}</title></line>`;
    }
    if (Number.isFinite(f)) {
      body += `<circle cx="${x(f)}" cy="${cy}" r="5" fill="${PALETTE[r % PALETTE.length]}"><title>${e(`${m}: ${fmt(f)}`)}</title></circle><text x="${x(f) + 8}" y="${cy - 6}" fill="#222">${fmt(f)}</text>`;
    }
  });
  body += xAxis(x, issue.scale.min, issue.scale.max, H - 24);
  return svg(W, H, `Forecasts for ${issue.name}`, body);
}

/** Actors' positions on the issue: one row each, the dot's area ∝ capability × salience. */
export function actorChart(sec: IssueSection): string {
  const { issue } = sec;
  const rows = [...sec.actors].sort((a, b) => a.position - b.position);
  const W = 720;
  const left = 230;
  const right = 20;
  const rowH = 18;
  const top = 10;
  const H = top + rows.length * rowH + 30;
  const x = scale(issue.scale.min, issue.scale.max, left, W - right);
  const weight = (a: (typeof rows)[number]) => a.capability * (a.salience / 100);
  const maxW = Math.max(...rows.map(weight), 1e-12);
  let body = '';
  if (issue.threshold) body += thresholdLine(x(issue.threshold.value), 0, H - 26, '');
  rows.forEach((a, r) => {
    const cy = top + r * rowH + rowH / 2;
    const rad = 2 + 7 * Math.sqrt(weight(a) / maxW);
    body += `<text x="${left - 8}" y="${cy + 4}" text-anchor="end">${e(a.name)}</text>`;
    if (a.positionRange[0] !== a.positionRange[1]) {
      body += `<line x1="${x(a.positionRange[0])}" x2="${x(a.positionRange[1])}" y1="${cy}" y2="${cy}" stroke="#999"/>`;
    }
    body += `<circle cx="${x(a.position)}" cy="${cy}" r="${rad.toFixed(1)}" fill="#0072B2" fill-opacity="0.6" stroke="#0072B2"><title>${e(`${a.name}: position ${fmt(a.position)}, salience ${fmt(a.salience)}, capability ${fmt(a.capability)}`)}</title></circle>`;
  });
  body += xAxis(x, issue.scale.min, issue.scale.max, H - 24);
  return svg(W, H, `Actor positions on ${issue.name}`, body);
}

/** Positions by round for every actor, and the model's forecast path when it has one. */
export function trajectoryChart(
  t: Trajectory,
  names: Map<string, string>,
  sc: { min: number; max: number },
  modelName: string,
): string {
  const W = 640;
  const H = 300;
  const left = 40;
  const right = 150;
  const top = 12;
  const bottom = 36;
  const x = scale(0, Math.max(1, t.rounds), left, W - right);
  const y = scale(sc.min, sc.max, H - bottom, top);
  let body = '';
  for (const v of ticks(sc.min, sc.max)) {
    body += `<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${left - 5}" y="${y(v) + 4}" text-anchor="end" fill="#444">${fmt(v)}</text>`;
  }
  for (const r of ticks(0, t.rounds, Math.min(10, Math.max(1, t.rounds)))) {
    if (Number.isInteger(r))
      body += `<text x="${x(r)}" y="${H - bottom + 14}" text-anchor="middle" fill="#444">${r}</text>`;
  }
  body += `<text x="${(left + W - right) / 2}" y="${H - 6}" text-anchor="middle" fill="#444">round</text>`;
  // Polyline points of a path by round, skipping rounds without a value.
  const points = (values: readonly (number | null)[]) =>
    values
      .map((v, r) => (v === null ? null : `${x(r).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null);
  const ends: { y: number; label: string; color: string }[] = [];
  t.series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    const pts = points(s.values);
    if (pts.length === 0) return;
    body += `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"${i >= PALETTE.length ? ' stroke-dasharray="4 2"' : ''}><title>${e(names.get(s.actorId) ?? s.actorId)}</title></polyline>`;
    const last = [...s.values].reverse().find((v) => v !== null);
    if (last !== undefined && last !== null)
      ends.push({ y: y(last), label: names.get(s.actorId) ?? s.actorId, color });
  });
  if (t.forecast) {
    const pts = points(t.forecast);
    body += `<polyline points="${pts.join(' ')}" fill="none" stroke="#000" stroke-width="3" stroke-opacity="0.5"><title>forecast (median)</title></polyline>`;
  }
  // End labels, nudged apart so they do not overlap.
  ends.sort((a, b) => a.y - b.y);
  let prev = -Infinity;
  for (const end of ends) {
    const ly = Math.max(end.y, prev + 11);
    prev = ly;
    body += `<text x="${W - right + 6}" y="${ly + 4}" fill="${end.color}">${e(end.label)}</text>`;
  }
  return svg(W, H, `${modelName}: positions by round`, body);
}

/** The distribution of outcomes, with the threshold and P(outcome ≥ threshold). */
export function histogramChart(
  o: OutcomeSummary,
  threshold: { value: number; label: string } | null,
  label: string,
): string {
  const W = 640;
  const H = 180;
  const left = 40;
  const right = 20;
  const top = 22;
  const bottom = 30;
  const { min, max, counts } = o.histogram;
  const x = scale(min, max, left, W - right);
  const peak = Math.max(...counts, 1);
  const y = scale(0, peak, H - bottom, top);
  const bw = (W - right - left) / Math.max(1, counts.length);
  let body = '';
  counts.forEach((c, i) => {
    const x0 = left + i * bw;
    const lo = min + ((max - min) * i) / counts.length;
    const above = threshold !== null && lo >= threshold.value;
    body += `<rect x="${x0.toFixed(1)}" y="${y(c).toFixed(1)}" width="${Math.max(0.5, bw - 0.5).toFixed(1)}" height="${(H - bottom - y(c)).toFixed(1)}" fill="${above ? '#D55E00' : '#0072B2'}" fill-opacity="0.75"/>`;
  });
  if (threshold) {
    const p = o.pAtOrAbove;
    body += thresholdLine(
      x(threshold.value),
      4,
      H - bottom,
      p
        ? `P(≥ ${fmt(threshold.value)}) = ${(100 * p.p).toFixed(1)}% ± ${(100 * p.se).toFixed(1)}`
        : '',
    );
  }
  body += xAxis(x, min, max, H - bottom + 2);
  return svg(W, H, `${label}: distribution of outcomes`, body);
}

/** Tornado: how far the outcome moves when each input goes to its low and its high value. */
export function tornadoChart(t: SensitivitySection, label: string): string {
  const bars = [...t.bars].sort(
    (a, b) => Math.abs(b.atHigh - b.atLow) - Math.abs(a.atHigh - a.atLow),
  );
  const W = 640;
  const left = 220;
  const right = 30;
  const rowH = 20;
  const top = 10;
  const H = top + bars.length * rowH + 30;
  const lo = Math.min(t.base, ...bars.map((b) => Math.min(b.atLow, b.atHigh)));
  const hi = Math.max(t.base, ...bars.map((b) => Math.max(b.atLow, b.atHigh)));
  const pad = (hi - lo) * 0.05 || 1;
  const x = scale(lo - pad, hi + pad, left, W - right);
  let body = '';
  bars.forEach((b, r) => {
    const cy = top + r * rowH;
    body += `<text x="${left - 8}" y="${cy + 13}" text-anchor="end">${e(b.label)}</text>`;
    for (const [v, color] of [
      [b.atLow, '#56B4E9'],
      [b.atHigh, '#E69F00'],
    ] as const) {
      const x0 = Math.min(x(t.base), x(v));
      body += `<rect x="${x0.toFixed(1)}" y="${cy + 3}" width="${Math.abs(x(v) - x(t.base)).toFixed(1)}" height="${rowH - 6}" fill="${color}"/>`;
    }
  });
  body += `<line x1="${x(t.base)}" x2="${x(t.base)}" y1="0" y2="${H - 26}" stroke="#000"/>`;
  body += xAxis(x, lo - pad, hi + pad, H - 24);
  return svg(W, H, `${label}: sensitivity (tornado)`, body);
}
