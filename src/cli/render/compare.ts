/** Text of `entente compare`: the base and each variant side by side, differences from the base. Pure. */
import type { CompareResult } from '../../analysis/compare.ts';
import type { OverlaySummary } from '../load.ts';
import { renderTable } from '../../report/text/table.ts';

/** The header line of a result computed on a variant or with overrides (`--variant`, `--set`…). */
export function renderOverlayLine(o: OverlaySummary): string {
  const parts: string[] = [];
  if (o.variant) parts.push(`Variant ${o.variant.id} (${o.variant.name})`);
  const sets = o.changes.filter((c) => c.startsWith('--set '));
  if (sets.length) parts.push(sets.join(' · '));
  parts.push(`${o.changes.length} change${o.changes.length === 1 ? '' : 's'} in all`);
  const warn = o.warnings.length
    ? ` · ${o.warnings.length} number${o.warnings.length === 1 ? '' : 's'} outside the evidence (see stderr)`
    : '';
  return `${parts.join(' · ')}${warn}`;
}

const signed = (x: number, digits: number) =>
  Number.isNaN(x) ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const num = (x: number | undefined, digits: number) =>
  x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);
/** A value, and for a variant its difference from the base in parentheses (none when it rounds to 0). */
const cell = (x: number | undefined, d: number | undefined | null, digits: number) =>
  d === undefined || d === null || Math.abs(d) < 0.5 * 10 ** -digits
    ? num(x, digits)
    : `${num(x, digits)} (${signed(d, digits)})`;

export function renderCompare(r: CompareResult): string {
  const out: string[] = [];
  out.push(`Compare: ${r.scenario.title}`);
  out.push(
    `Scenario ${r.scenario.id} · ${r.scenario.hash.slice(0, 19)}… · seed ${r.seed} · entente ${r.entente}`,
  );
  out.push(
    `Models: ${r.models.map((m) => m.id).join(', ') || 'none'} (point forecasts${r.draws > 0 ? `; P(≥ threshold) over ${r.draws} draws of the inputs’ ranges` : '; --draws N for P(≥ threshold)'})${r.commitmentDraws > 0 ? ` · P(commits) over ${r.commitmentDraws} draws of the commitment terms` : ''}`,
  );
  out.push('');
  out.push(
    'Variants (a difference from the base in parentheses; none shown: the same as the base):',
  );
  for (const c of r.columns) {
    const how = c.extends ? `, after ${c.extends}` : '';
    const n = c.changes.length;
    out.push(
      `  ${c.id}: ${c.name}${c.id === 'base' && n === 0 ? '' : ` (${n} change${n === 1 ? '' : 's'}${how})`}`,
    );
    if (c.description) out.push(`      ${c.description}`);
  }

  for (const issue of r.issues) {
    out.push('');
    out.push(
      `Issue ${issue.id}: ${issue.name} — forecast (threshold ${issue.threshold.value}: ${issue.threshold.label})`,
    );
    out.push(
      renderTable(
        ['Variant', ...r.models.map((m) => m.id)],
        r.columns.map((c) => [
          c.id,
          ...r.models.map((m) =>
            cell(c.issues[issue.id]?.forecasts[m.id], c.diff?.issues[issue.id]?.forecasts[m.id], 1),
          ),
        ]),
      ),
    );
    if (r.draws > 0) {
      out.push('');
      out.push(`  P(${issue.id} ≥ ${issue.threshold.value}) over ${r.draws} draws`);
      out.push(
        renderTable(
          ['Variant', ...r.models.map((m) => m.id)],
          r.columns.map((c) => [
            c.id,
            ...r.models.map((m) =>
              cell(
                c.issues[issue.id]?.pAtOrAbove?.[m.id],
                c.diff?.issues[issue.id]?.pAtOrAbove?.[m.id],
                2,
              ),
            ),
          ]),
        ),
      );
    }
  }

  if (r.candidates.length && r.columns.some((c) => c.commitment)) {
    out.push('');
    out.push(
      `Who commits (commitment model): level in the selected equilibrium${r.commitmentDraws > 0 ? ' · P(commits)' : ''}; * = level differs from the base`,
    );
    out.push(
      renderTable(
        ['Variant', ...r.candidates.map((c) => c.id)],
        r.columns.map((c) => [
          c.id,
          ...r.candidates.map((cand) => {
            const x = c.commitment?.candidates[cand.id];
            if (!x) return '–';
            const mark = c.diff?.levelChanges.includes(cand.id) ? '*' : '';
            const p =
              x.pCommits === null
                ? ''
                : ` ${cell(x.pCommits, c.diff?.commitment?.pCommits[cand.id], 2)}`;
            return `${x.level}${mark}${p}`;
          }),
        ]),
      ),
    );
    out.push('');
    out.push(
      '  Margin of each choice over its runner-up (utility; the smaller, the nearer a flip):',
    );
    out.push(
      renderTable(
        ['Variant', ...r.candidates.map((c) => c.id)],
        r.columns.map((c) => [
          c.id,
          ...r.candidates.map((cand) => {
            const x = c.commitment?.candidates[cand.id];
            if (!x) return '–';
            const over = x.runnerUp ? ` over ${x.runnerUp}` : '';
            return `${cell(x.margin, c.diff?.commitment?.margin[cand.id], 3)}${over}`;
          }),
        ]),
      ),
    );
    out.push('');
    out.push(
      renderTable(
        ['Variant', 'Members (at or above the join level)', 'Change', 'P(prevail)', 'Credibility'],
        r.columns.map((c) => {
          const m = c.commitment;
          const change = c.diff
            ? [...c.diff.joined.map((j) => `+${j}`), ...c.diff.left.map((l) => `−${l}`)].join(
                ' ',
              ) || 'same'
            : '';
          return [
            c.id,
            m ? m.members.join(', ') || 'nobody' : '–',
            change,
            m ? cell(m.prevail, c.diff?.commitment?.prevail, 2) : '–',
            m ? cell(m.credibility, c.diff?.commitment?.credibility, 2) : '–',
          ];
        }),
      ),
    );
  }

  const warned = r.columns.filter((c) => c.warnings.length);
  if (warned.length) {
    out.push('');
    out.push('Outside the evidence (kept: a what-if may go anywhere):');
    for (const c of warned) for (const w of c.warnings) out.push(`  ${c.id}: ${w}`);
  }
  return out.join('\n');
}
