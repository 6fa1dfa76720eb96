/**
 * Human output of the SMP's trace: each actor's trajectory on one issue over the turns (at most
 * eight columns: the start, evenly spaced turns, the last), and why the model stopped.
 */
import type { SmpDetail } from '../../models/smp/detail.ts';
import { type Cell, renderTable } from '../../report/text/table.ts';

const STOP_WORDS: Record<string, string> = {
  converged: 'converged',
  'turn-limit': 'stopped at the turn limit',
  'limit-cycle': 'stopped in a limit cycle',
};

/** Turn indexes shown: 0, evenly spaced ones and the last, at most `columns` of them. */
export function sampledTurns(last: number, columns = 8): number[] {
  if (last + 1 <= columns) return Array.from({ length: last + 1 }, (_, t) => t);
  const out = new Set<number>();
  for (let c = 0; c < columns; c++) out.add(Math.round((c * last) / (columns - 1)));
  return [...out].sort((a, b) => a - b);
}

export function renderSmpTrajectories(
  detail: SmpDetail,
  names: readonly string[],
  k: number,
  issueId: string,
  /** Which actors take part in the issue (others are listed out); default all. */
  present: readonly boolean[] = names.map(() => true),
): string {
  const last = detail.positions.length - 1;
  const turns = sampledTurns(last);
  const rows: Cell[][] = names.flatMap((name, i) =>
    present[i] ? [[name, ...turns.map((t) => detail.positions[t]![i]![k]!)]] : [],
  );
  rows.sort((a, b) => (a[a.length - 1] as number) - (b[b.length - 1] as number));
  const stop = detail.stop;
  const why = `${STOP_WORDS[stop.reason] ?? stop.reason}${stop.period ? ` (period ${stop.period})` : ''}`;
  return [
    `Spatial model of politics (SMP), trajectories on ${issueId} — ${stop.turns} turns, ${why}:`,
    renderTable(['Actor', ...turns.map((t) => (t === 0 ? 'start' : `t${t}`))], rows),
  ].join('\n');
}
