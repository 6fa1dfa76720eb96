/**
 * A comparison (`entente compare`, `src/analysis/compare.ts`) as rows for a side-by-side table:
 * one row per number (the coalition's members, P(prevail) and credibility, each candidate's
 * level, P(commits) and margin, each model's forecast and P(≥ threshold) on each issue), one cell
 * per column (the base, then each variant) with its difference from the base. Numbers are shown
 * at the CLI's precision (forecasts 1 decimal, probabilities 2, margins 3) and a cell is marked
 * changed when its difference shows at that precision — so the workbench, the reports and
 * `entente compare` mark the same cells. Pure.
 */
import type { CompareColumn, CompareResult, InputValue } from '../analysis/compare.ts';

export interface CompareCell {
  /** The value as shown. */
  readonly text: string;
  /** The difference from the base as shown (`+0.12`, `was neutral`); '' when the same; null for the base. */
  readonly delta: string | null;
  /** True when the cell differs from the base at the precision shown. */
  readonly changed: boolean;
}

export interface CompareRow {
  /** The block the row belongs to: "Coalition" or an issue's name. */
  readonly group: string;
  readonly label: string;
  /** One cell per column of the comparison, the base first. */
  readonly cells: readonly CompareCell[];
}

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const num = (x: number | null | undefined, digits: number) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);

/** A number cell: its value and, for a variant, its difference when it shows at `digits`. */
function numberCell(
  value: number | null | undefined,
  diff: number | null | undefined,
  isBase: boolean,
  digits: number,
): CompareCell {
  const text = num(value, digits);
  if (isBase) return { text, delta: null, changed: false };
  if (diff === null || diff === undefined || Number.isNaN(diff))
    return { text, delta: '', changed: false };
  const changed = Math.abs(diff) >= 0.5 * 10 ** -digits;
  return { text, delta: changed ? signed(diff, digits) : '', changed };
}

/** The rows of the side-by-side table, in the CLI's order: the coalition first, then each issue. */
export function compareRows(r: CompareResult): CompareRow[] {
  const rows: CompareRow[] = [];
  const cols = r.columns;
  const modelName = new Map(r.models.map((m) => [m.id, m.name]));
  if (r.candidates.length && cols.some((c) => c.commitment)) {
    const group = 'Coalition (commitment model)';
    const base = cols[0]?.commitment;
    rows.push({
      group,
      label: 'Members (at or above the join level)',
      cells: cols.map((c, i) => {
        const m = c.commitment;
        const text = m ? m.members.join(', ') || 'nobody' : '–';
        if (i === 0) return { text, delta: null, changed: false };
        const d = c.diff;
        const delta = d
          ? [...d.joined.map((j) => `+${j}`), ...d.left.map((l) => `−${l}`)].join(' ')
          : '';
        return { text, delta, changed: delta !== '' };
      }),
    });
    rows.push({
      group,
      label: 'P(coalition prevails)',
      cells: cols.map((c, i) =>
        numberCell(c.commitment?.prevail, c.diff?.commitment?.prevail, i === 0, 2),
      ),
    });
    rows.push({
      group,
      label: 'Credibility of the lead',
      cells: cols.map((c, i) =>
        numberCell(c.commitment?.credibility, c.diff?.commitment?.credibility, i === 0, 2),
      ),
    });
    for (const cand of r.candidates) {
      rows.push({
        group,
        label: `${cand.name}: level`,
        cells: cols.map((c, i) => {
          const x = c.commitment?.candidates[cand.id];
          const text = x ? `${x.level}${x.commits ? ' (joins)' : ''}` : '–';
          if (i === 0) return { text, delta: null, changed: false };
          const was = base?.candidates[cand.id]?.level;
          const changed = !!c.diff?.levelChanges.includes(cand.id);
          return { text, delta: changed && was ? `was ${was}` : '', changed };
        }),
      });
      if (r.commitmentDraws > 0) {
        rows.push({
          group,
          label: `${cand.name}: P(commits)`,
          cells: cols.map((c, i) =>
            numberCell(
              c.commitment?.candidates[cand.id]?.pCommits,
              c.diff?.commitment?.pCommits[cand.id],
              i === 0,
              2,
            ),
          ),
        });
      }
      rows.push({
        group,
        label: `${cand.name}: margin over runner-up`,
        cells: cols.map((c, i) => {
          const x = c.commitment?.candidates[cand.id];
          const cell = numberCell(x?.margin, c.diff?.commitment?.margin[cand.id], i === 0, 3);
          return x?.runnerUp ? { ...cell, text: `${cell.text} over ${x.runnerUp}` } : cell;
        }),
      });
    }
  }
  for (const issue of r.issues) {
    const group = `${issue.name} (threshold ${issue.threshold.value}: ${issue.threshold.label})`;
    for (const m of r.models) {
      rows.push({
        group,
        label: `${modelName.get(m.id) ?? m.id}: forecast`,
        cells: cols.map((c, i) =>
          numberCell(
            c.issues[issue.id]?.forecasts[m.id],
            c.diff?.issues[issue.id]?.forecasts[m.id],
            i === 0,
            1,
          ),
        ),
      });
    }
    const reaching = (c: CompareColumn) => {
      const meets = c.issues[issue.id]?.meets ?? {};
      return r.models.filter((m) => meets[m.id] === true).length;
    };
    const baseReaching = cols[0] ? reaching(cols[0]) : 0;
    rows.push({
      group,
      label: `Models reaching ${issue.threshold.value}`,
      cells: cols.map((c, i) => {
        const n = reaching(c);
        const text = `${n} of ${r.models.length}`;
        if (i === 0) return { text, delta: null, changed: false };
        const d = n - baseReaching;
        return {
          text,
          delta: d === 0 ? '' : `${d > 0 ? '+' : '−'}${Math.abs(d)}`,
          changed: d !== 0,
        };
      }),
    });
    if (r.draws > 0) {
      for (const m of r.models) {
        rows.push({
          group,
          label: `${modelName.get(m.id) ?? m.id}: P(≥ ${issue.threshold.value})`,
          cells: cols.map((c, i) =>
            numberCell(
              c.issues[issue.id]?.pAtOrAbove?.[m.id],
              c.diff?.issues[issue.id]?.pAtOrAbove?.[m.id],
              i === 0,
              2,
            ),
          ),
        });
      }
    }
  }
  return rows;
}

/** Each column's headline lines, each marked changed when the base does not say it. */
export function headlineDiff(
  r: CompareResult,
): { id: string; name: string; lines: { text: string; changed: boolean }[] }[] {
  const base = new Set(r.columns[0]?.headline ?? []);
  return r.columns.map((c, i) => ({
    id: c.id,
    name: c.name,
    lines: c.headline.map((text) => ({ text, changed: i > 0 && !base.has(text) })),
  }));
}

const short = (x: number) => String(Number(x.toPrecision(4)));

/** An input's value as text: `0.53 (0.14–0.53)`, a text value, or "absent". */
export function inputValueText(v: InputValue | null): string {
  if (v === null) return 'absent';
  if ('text' in v) return v.text;
  const range =
    v.low !== null || v.high !== null
      ? ` (${v.low === null ? '–' : short(v.low)}–${v.high === null ? '–' : short(v.high)})`
      : '';
  return `${short(v.value)}${range}`;
}

/** One input a variant changes, for a table: path, base → variant, the rationale and evidence. */
export interface InputChangeRow {
  /** The variant the change comes from (another, for a variant that extends it). */
  readonly from: string | null;
  readonly change: string;
  readonly path: string;
  readonly base: string;
  readonly variant: string;
  readonly note: string | null;
  readonly evidence: readonly string[];
}

/** The inputs a column changes, one row per field (a `*` change gives one row per match). */
export function inputChangeRows(c: CompareColumn): InputChangeRow[] {
  const rows: InputChangeRow[] = [];
  for (const ch of c.changes) {
    const change = `${ch.kind} ${ch.target}`;
    const fields = ch.fields?.length ? ch.fields : [{ path: ch.target, base: null, variant: null }];
    for (const f of fields) {
      rows.push({
        from: ch.variant ?? null,
        change,
        path: f.path,
        base: ch.fields?.length ? inputValueText(f.base) : '–',
        variant: ch.fields?.length ? inputValueText(f.variant) : '–',
        note: ch.note,
        evidence: ch.evidence ?? [],
      });
    }
  }
  return rows;
}
