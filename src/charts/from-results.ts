/**
 * Chart rows from analysis results, shared by the reports (`report/scenario-report/
 * from-analyses.ts`) and the workbench so both label tornado bars and levers the same way.
 * Imports types only: the workbench's first bundle stays free of the scenario schema.
 */
import type { LeversResult } from '../analysis/levers/levers.ts';
import type { TornadoResult } from '../analysis/sensitivity/tornado.ts';
import { fmt } from './spec.ts';

export interface TornadoSection {
  readonly issueId: string;
  readonly model: string;
  /** The outcome at the point values (the tornado's axis). */
  readonly base: number;
  /** Each input, labelled with its low–high range: the outcome at its low and at its high. */
  readonly bars: readonly { readonly label: string; readonly low: number; readonly high: number }[];
}

/** The `top` longest bars of every issue and model. */
export function tornadoSections(t: TornadoResult, top = 10): TornadoSection[] {
  return t.issues.flatMap((issue) =>
    Object.entries(issue.models).flatMap(([model, r]) =>
      r.base === null
        ? []
        : [
            {
              issueId: issue.id,
              model,
              base: r.base,
              bars: r.bars
                .filter((b) => b.atLow !== null && b.atHigh !== null && b.swing > 0)
                .slice(0, top)
                .map((b) => ({
                  label: `${b.input} (${fmt(b.low)}–${fmt(b.high)})`,
                  low: b.atLow!,
                  high: b.atHigh!,
                })),
            },
          ],
    ),
  );
}

export interface LeverRow {
  /** What is changed, e.g. "china.coalition.salience: 40 → 56". */
  readonly label: string;
  readonly issueId: string;
  readonly model: string;
  /** Outcome change it brings, on the issue's scale. */
  readonly effect: number;
  readonly note?: string;
}

/** The smallest single and paired levers, verified by the analysis. */
export function leverRows(l: LeversResult, top = 8): LeverRow[] {
  const goal = l.goal === 'reach' ? `reaches ${l.target.text}` : `undoes ${l.target.text}`;
  return [
    ...l.singles.slice(0, top).map((s) => ({
      label: `${s.input}: ${fmt(s.from)} → ${fmt(s.to)}`,
      issueId: l.target.issue,
      model: l.model.id,
      effect: s.reached - l.base,
      note: `${goal} (${fmt(s.reached)})${s.nonMonotone ? '; response not monotone' : ''}`,
    })),
    ...l.pairs.slice(0, Math.max(0, top - Math.min(top, l.singles.length))).map((p) => ({
      label: p.changes.map((c) => `${c.input}: ${fmt(c.from)} → ${fmt(c.to)}`).join(' and '),
      issueId: l.target.issue,
      model: l.model.id,
      effect: p.reached - l.base,
      note: `pair; ${goal} (${fmt(p.reached)})`,
    })),
  ];
}
