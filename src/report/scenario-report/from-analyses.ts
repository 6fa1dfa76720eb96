/** Turns tornado and levers results (src/analysis) into the report's sections. */
import type { LeversResult } from '../../analysis/levers/levers.ts';
import type { TornadoResult } from '../../analysis/sensitivity/tornado.ts';
import { fmt, type Lever, type SensitivitySection } from './report-data.ts';

/** The `top` longest bars of every issue and model. */
export function sensitivityFromTornado(t: TornadoResult, top = 10): SensitivitySection[] {
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

/** The smallest single and paired levers, verified by the analysis. */
export function leversFromResult(l: LeversResult, top = 8): Lever[] {
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
