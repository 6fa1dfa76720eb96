/**
 * Human output of `entente levers`: what was searched (and what was left out, as notes), the
 * smallest single changes with who would have to act and how, and pairs. Pure: result in, text
 * out.
 */
import type { LeverChange, LeversResult } from '../../analysis/levers/levers.ts';
import { type Cell, formatNumber, renderTable } from '../../report/text/table.ts';
import { grouped, header, num, pct, signed } from './uncertainty.ts';

const isCommitment = (r: LeversResult) => r.model.id === 'commitment';

function digits(r: LeversResult, c: LeverChange): number {
  return isCommitment(r) || c.field === 'capability' ? 3 : 1;
}

function describeChange(r: LeversResult, c: LeverChange): string {
  const d = (x: number) => formatNumber(x, digits(r, c));
  return `${c.input} ${d(c.from)} → ${d(c.to)}${c.by.length ? ` (${c.by.join(', ')})` : ''}`;
}

function describeTarget(r: LeversResult): string {
  const t = r.target;
  switch (t.metric) {
    case 'commits':
      return `P(${t.actor} commits) under the commitment model`;
    case 'members':
      return `P(at least ${t.members} candidate${t.members === 1 ? '' : 's'} commit) under the commitment model`;
    case 'position':
      return `${t.actor}'s final position on ${t.issue} under ${r.model.id}`;
    default:
      return `the ${r.model.id} outcome on ${t.issue}`;
  }
}

function rangeWords(r: LeversResult): string {
  if (r.within === 'range') return 'evidence ranges (low–high)';
  return isCommitment(r) ? 'natural bounds' : 'scales';
}

export function renderLevers(r: LeversResult): string {
  const out: string[] = [header('Levers', r)];
  const t = r.target;
  const p = isCommitment(r) ? 3 : 1;
  const goalText =
    t.metric === 'outcome' || t.metric === 'position'
      ? `${t.actor === null ? t.issue : `${t.actor}:${t.issue}`} ${r.searchedFor.op} ${r.searchedFor.value}`
      : `${t.text.replace(/(>=|<=|>|<).*$/, '')} ${r.searchedFor.op} ${r.searchedFor.value}`;
  out.push(`  target ${t.text}: ${describeTarget(r)}`);
  out.push(
    r.goal === 'reach'
      ? `  At the point values it is ${num(r.base, p)}: not met. What would it take?`
      : `  At the point values it is ${num(r.base, p)}: already met. What would undo it (${goalText})?`,
  );
  out.push(
    `  Searched ${r.inputsSearched} ${r.actionable ? 'actionable ' : ''}inputs over their ${rangeWords(r)} (grid of ${pct(1 / r.resolution.grid, 0)} of each range, refined to ${pct(r.resolution.tolerance, 2)}); ${grouped(r.runs)} model runs.`,
  );
  for (const note of r.notes) out.push(`  note: ${note}`);
  if (r.partial)
    out.push(
      '  INTERRUPTED: the search is incomplete; levers below are verified but others may be missing.',
    );
  out.push('');
  if (r.singles.length > 0) {
    out.push(
      `Smallest single changes that do it (each verified by re-running the model; who would have to act):`,
    );
    const shown = r.singles.slice(0, 15);
    // Beyond the evidence ranges, the change's share of the evidence range says how far out it is.
    const evidenceColumn = r.within === 'scale';
    const rows: Cell[][] = shown.map((l, i) => [
      String(i + 1),
      l.input,
      l.by.join(', ') || '–',
      formatNumber(l.from, digits(r, l)),
      formatNumber(l.to, digits(r, l)),
      signed(l.change, digits(r, l)),
      pct(l.size, 0),
      ...(evidenceColumn
        ? [
            l.shareOfRange === null
              ? 'no range'
              : `${pct(l.shareOfRange, 0)}${l.withinRange ? '' : ' outside'}`,
          ]
        : []),
      `${formatNumber(l.reached, p)}${l.nonMonotone ? ' *' : ''}`,
    ]);
    out.push(
      renderTable(
        [
          '#',
          'Input',
          'Who acts',
          'From',
          'To',
          'Change',
          'Of range',
          ...(evidenceColumn ? ['Of evidence'] : []),
          'Reached',
        ],
        rows,
      ),
    );
    if (r.singles.length > 15) out.push(`  … ${r.singles.length - 15} more in --json`);
    if (evidenceColumn)
      out.push(
        `  Of range: share of the ${isCommitment(r) ? 'natural bounds' : 'scale'} searched; of evidence: share of the input's evidence range ("outside": beyond it).`,
      );
    if (r.singles.some((l) => l.nonMonotone))
      out.push(
        '  * the response to this input is not monotone: the target holds in separate stretches of its range',
      );
    const how = shown.flatMap((l, i) =>
      l.actions.map((a) => `  ${i + 1}. ${a.by.join(', ')}: ${a.how}`),
    );
    if (how.length > 0) out.push('How (from the scenario’s levers):', ...how);
  } else {
    out.push(
      `No single input, moved anywhere within its ${r.within === 'scale' ? (isCommitment(r) ? 'natural bounds' : 'scale') : 'stated range'}, ${r.goal === 'reach' ? 'reaches' : 'undoes'} ${t.text} under ${r.model.id}.`,
    );
    if (r.closest.length > 0) {
      out.push(
        `Closest: ${r.closest.map((c) => `${c.input} at ${formatNumber(c.to, 2)} gives ${num(c.reached, p)}`).join('; ')}.`,
      );
    }
    if (r.within === 'range') out.push('(--beyond-range searches beyond the evidence ranges.)');
  }
  out.push('');
  if (r.pairs.length > 0) {
    out.push(
      `Pairs that do it with less than either input alone (both moved by the same share of their range):`,
    );
    const rows: Cell[][] = r.pairs
      .slice(0, 10)
      .map((pair, i) => [
        String(i + 1),
        describeChange(r, pair.changes[0]),
        describeChange(r, pair.changes[1]),
        pct(pair.size, 0),
        pair.reached,
      ]);
    out.push(renderTable(['#', 'First input', 'Second input', 'Each', 'Reached'], rows));
  } else if (r.pairsSearched > 0) {
    out.push(`No pair of the ${r.pairsSearched} searched does it with less than its inputs alone.`);
  }
  return out.join('\n');
}
