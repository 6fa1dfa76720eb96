/**
 * Chart rows from analysis results, shared by the reports (`report/scenario-report/
 * from-analyses.ts`) and the workbench so both label tornado bars and levers the same way.
 * Imports types only: the workbench's first bundle stays free of the scenario schema.
 */
import type { LeverChange, LeversResult } from '../analysis/levers/levers.ts';
import type { TornadoResult } from '../analysis/sensitivity/tornado.ts';
import { fmt } from './spec.ts';

export interface TornadoSection {
  readonly issueId: string;
  readonly model: string;
  /** The outcome at the point values (the tornado's axis). */
  readonly base: number;
  /** Each input, labelled with its low–high range: the outcome at its low and at its high. */
  readonly bars: readonly {
    readonly label: string;
    readonly atLow: number;
    readonly atHigh: number;
  }[];
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
                  atLow: b.atLow!,
                  atHigh: b.atHigh!,
                })),
            },
          ],
    ),
  );
}

export interface LeverRow {
  /** What is changed, e.g. "korea-gov.usfk-flexibility.salience: 60 → 66.7 (42% of its range)". */
  readonly label: string;
  readonly issueId: string;
  readonly model: string;
  /** Who would have to act (the scenario's `levers:` markings, else the input's own actor). */
  readonly who: string;
  /** Outcome change it brings, on the issue's scale (a probability for the commitment model). */
  readonly effect: number;
  /** The effect as shown, signed, to the precision of its scale. */
  readonly effectText?: string;
  readonly note?: string;
}

function signedText(x: number, f: (x: number) => string): string {
  return `${x >= 0 ? '+' : '−'}${f(Math.abs(x))}`;
}

/** " (40% of its range)", or " (outside its range)", from the evidence range. */
function ofRange(c: LeverChange): string {
  if (!c.withinRange) return ' (outside its evidence range)';
  return c.shareOfRange === null ? '' : ` (${Math.round(100 * c.shareOfRange)}% of its range)`;
}

/** The smallest single and paired levers, verified by the analysis; each names who would act. */
export function leverRows(l: LeversResult, top = 8): LeverRow[] {
  const goal = l.goal === 'reach' ? `reaches ${l.target.text}` : `undoes ${l.target.text}`;
  // The commitment model's terms and probabilities are 0–1: one decimal would hide the change.
  const commitment = l.model.id === 'commitment';
  const f = commitment ? (x: number) => String(Number(x.toFixed(3))) : fmt;
  return [
    ...l.singles.slice(0, top).map((s) => ({
      label: `${s.input}: ${f(s.from)} → ${f(s.to)}${ofRange(s)}`,
      issueId: l.target.issue,
      model: l.model.id,
      who: s.by.join(', '),
      effect: s.reached - l.base,
      ...(commitment ? { effectText: signedText(s.reached - l.base, f) } : {}),
      note: `${goal} (${f(s.reached)})${s.nonMonotone ? '; response not monotone' : ''}${s.actions.map((a) => `; ${a.by.join(', ')}: ${a.how}`).join('')}`,
    })),
    ...l.pairs.slice(0, Math.max(0, top - Math.min(top, l.singles.length))).map((p) => ({
      label: p.changes.map((c) => `${c.input}: ${f(c.from)} → ${f(c.to)}`).join(' and '),
      issueId: l.target.issue,
      model: l.model.id,
      who: [...new Set(p.changes.flatMap((c) => c.by))].join(', '),
      effect: p.reached - l.base,
      ...(commitment ? { effectText: signedText(p.reached - l.base, f) } : {}),
      note: `pair; ${goal} (${f(p.reached)})`,
    })),
  ];
}
