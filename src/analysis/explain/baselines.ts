/**
 * Why the one-shot baselines say what they say, from the issue's inputs alone:
 * - weighted median: the weight shares and the pivotal actor (docs/spec/models.md, "Weighted
 *   median (`median`)");
 * - weighted mean: which actors pull it most from the status quo (each pulls by its share times
 *   its distance from it; the pulls sum to mean − status quo);
 * - Nash: solved, with the bargaining weights, or fell back to the weighted mean and why (actors
 *   on both sides of the status quo, or one at it: docs/spec/models.md, "Asymmetric Nash
 *   bargaining (`nash`)").
 */
import {
  type ExplanationSentence,
  type IssueLike,
  type ModelLike,
  formatPosition,
  formatShare,
  listWords,
  sentence,
} from './types.ts';
import { pivotOf, weightShares } from './weights.ts';

/** Actors named in the weight sentence: the largest shares, at most this many. */
const TOP = 3;

/** "China 59%, United States 20% and Japan 10%; the other 4 hold 11%". */
export function weightSentence(issue: IssueLike): ExplanationSentence {
  const shares = weightShares(issue.actors);
  const order = issue.actors.map((_, i) => i).sort((a, b) => shares[b]! - shares[a]! || a - b);
  const top = order.slice(0, TOP).filter((i) => shares[i]! > 0);
  const rest = order.slice(top.length);
  const restShare = rest.reduce((t, i) => t + shares[i]!, 0);
  const parts = top.map((i) => `${issue.actors[i]!.name} ${formatShare(shares[i]!)}`);
  const tail =
    rest.length > 0
      ? `; the other ${rest.length} hold${rest.length === 1 ? 's' : ''} ${formatShare(restShare)}`
      : '';
  const numbers: Record<string, number> = {};
  for (const i of top) numbers[`share.${issue.actors[i]!.id}`] = shares[i]!;
  return sentence(
    `Shares of capability × salience on “${issue.name}”: ${listWords(parts)}${tail}.`,
    numbers,
    top.map((i) => issue.actors[i]!.id),
    ['capability-x-salience'],
  );
}

/** The pivotal actor(s) of the issue's positions: why the weighted median is where it is. */
export function pivotSentence(
  issue: IssueLike,
  positions: readonly number[] = issue.actors.map((a) => a.position),
  what = 'the weighted median',
): ExplanationSentence | null {
  const shares = weightShares(issue.actors);
  const pivot = pivotOf(positions, shares);
  if (!pivot || pivot.actors.length === 0) return null;
  const width = issue.scale.max - issue.scale.min;
  const all = pivot.actors.map((i) => issue.actors[i]!.name);
  const names = all.length > TOP ? [...all.slice(0, TOP), `${all.length - TOP} others`] : all;
  const at = formatPosition(pivot.position, width);
  const whose =
    names.length === 1
      ? `${names[0]!}’s position (${at})`
      : `the position of ${listWords(names)} (${at})`;
  const holds = pivot.actors.length === 1 ? 'holds' : 'hold';
  const numbers = {
    share: pivot.share,
    below: pivot.below,
    above: pivot.above,
    position: pivot.position,
  };
  const ids = pivot.actors.map((i) => issue.actors[i]!.id);
  if (pivot.below === 0 && pivot.above === 0) {
    return sentence(
      `Every actor with weight is at ${formatPosition(pivot.position, width)}, so ${what} is ${formatPosition(pivot.position, width)}.`,
      numbers,
      ids,
      ['weighted-median'],
    );
  }
  if (pivot.share > 0.5 + 1e-12) {
    return sentence(
      `${listWords(names)} ${holds} ${formatShare(pivot.share)} of capability × salience, so ${what} is ${whose}.`,
      numbers,
      ids,
      ['capability-x-salience', 'weighted-median', 'dictator'],
    );
  }
  return sentence(
    `${listWords(names)} ${holds} ${formatShare(pivot.share)} of capability × salience and ${pivot.actors.length === 1 ? 'is' : 'are'} pivotal: the actors below ${pivot.actors.length === 1 ? 'it' : 'them'} hold ${formatShare(pivot.below)} and those above ${formatShare(pivot.above)}, neither side more than half, so ${what} is ${whose}.`,
    numbers,
    ids,
    ['capability-x-salience', 'weighted-median', 'pivotal-actor'],
  );
}

export function explainMedian(issue: IssueLike): ExplanationSentence[] {
  const pivot = pivotSentence(issue);
  return [weightSentence(issue), ...(pivot ? [pivot] : [])];
}

/** Where pulls are measured from: the status quo, else the scale's midpoint. */
function baseOf(issue: IssueLike): { value: number; words: string; terms: string[] } {
  const width = issue.scale.max - issue.scale.min;
  return issue.referencePoint !== null
    ? {
        value: issue.referencePoint,
        words: `the status quo ${formatPosition(issue.referencePoint, width)}`,
        terms: ['status-quo'],
      }
    : {
        value: (issue.scale.min + issue.scale.max) / 2,
        words: `the scale’s midpoint ${formatPosition((issue.scale.min + issue.scale.max) / 2, width)} (the issue has no status quo)`,
        terms: [],
      };
}

export function explainMean(issue: IssueLike, forecast: number): ExplanationSentence[] {
  const width = issue.scale.max - issue.scale.min;
  const shares = weightShares(issue.actors);
  const base = baseOf(issue);
  const pulls = issue.actors.map((a, i) => shares[i]! * (a.position - base.value));
  const gap = forecast - base.value;
  const out = [weightSentence(issue)];
  const side = Math.abs(gap) < 1e-12 * (width || 1) ? 'at' : gap > 0 ? 'above' : 'below';
  out.push(
    sentence(
      `The weighted mean ${formatPosition(forecast, width)} sits ${side === 'at' ? 'at' : `${formatPosition(Math.abs(gap), width)} ${side}`} ${base.words}: each actor pulls it by its share of capability × salience times its distance from there.`,
      { forecast, base: base.value, gap },
      [],
      ['weighted-mean', 'capability-x-salience', ...base.terms],
    ),
  );
  const order = pulls
    .map((p, i) => i)
    .filter((i) => Math.abs(pulls[i]!) > 0)
    .sort((a, b) => Math.abs(pulls[b]!) - Math.abs(pulls[a]!) || a - b)
    .slice(0, TOP);
  for (const i of order) {
    const a = issue.actors[i]!;
    const p = pulls[i]!;
    const d = a.position - base.value;
    out.push(
      sentence(
        `${a.name} pulls it ${formatPosition(Math.abs(p), width)} ${p > 0 ? 'up' : 'down'}: ${formatShare(shares[i]!)} of the weight at ${formatPosition(a.position, width)}, ${formatPosition(Math.abs(d), width)} ${d > 0 ? 'above' : 'below'} ${issue.referencePoint !== null ? 'the status quo' : 'the midpoint'}.`,
        { pull: p, share: shares[i]!, position: a.position, distance: d },
        [a.id],
        ['weighted-mean'],
      ),
    );
  }
  return out;
}

export function explainNash(
  issue: IssueLike,
  model: ModelLike,
  forecast: number,
  fellBack: boolean,
): ExplanationSentence[] {
  const width = issue.scale.max - issue.scale.min;
  const useReference = model.options.useReference !== false;
  const q = useReference ? issue.referencePoint : null;
  const active = issue.actors.filter((a) => a.salience > 0 && a.capability > 0);
  if (fellBack) {
    const out: ExplanationSentence[] = [];
    if (q !== null) {
      const below = active.filter((a) => a.position < q);
      const above = active.filter((a) => a.position > q);
      const at = active.filter((a) => a.position === q);
      const reasons: string[] = [];
      if (below.length && above.length) {
        reasons.push(
          `${listWords(below.map((a) => a.name))} ${below.length === 1 ? 'sits' : 'sit'} below it and ${listWords(above.map((a) => a.name))} above it, so any move from it hurts one side`,
        );
      }
      if (at.length) {
        reasons.push(
          `${listWords(at.map((a) => a.name))} ${at.length === 1 ? 'sits' : 'sit'} at it, so nothing improves on it for ${at.length === 1 ? 'that actor' : 'them'}`,
        );
      }
      out.push(
        sentence(
          `Nash bargaining found no outcome that gives every actor a gain over the status quo ${formatPosition(q, width)}${reasons.length ? `: ${reasons.join('; ')}` : ''}. The row shows the fallback, the weighted mean ${formatPosition(forecast, width)}, not a bargaining solution.`,
          { statusQuo: q, forecast, below: below.length, above: above.length, at: at.length },
          [...below, ...above, ...at].map((a) => a.id),
          ['nash-bargaining', 'status-quo', 'fallback', 'weighted-mean'],
        ),
      );
    } else {
      out.push(
        sentence(
          `Nash bargaining found no outcome that gives every actor a gain over its worst point on the scale; the row shows the fallback, the weighted mean ${formatPosition(forecast, width)}.`,
          { forecast },
          [],
          ['nash-bargaining', 'fallback', 'weighted-mean'],
        ),
      );
    }
    return out;
  }
  const bySalience = model.options.weight === 'capability-salience';
  const w = active.map((a) => a.capability * (bySalience ? a.salience / 100 : 1));
  const total = w.reduce((t, x) => t + x, 0);
  const order = active
    .map((_, i) => i)
    .sort((a, b) => w[b]! - w[a]! || a - b)
    .slice(0, TOP);
  const parts = order.map((i) => `${active[i]!.name} ${formatShare(w[i]! / total)}`);
  const numbers: Record<string, number> = { forecast };
  if (q !== null) numbers.statusQuo = q;
  for (const i of order) numbers[`weight.${active[i]!.id}`] = w[i]! / total;
  return [
    sentence(
      `Nash bargaining settles at ${formatPosition(forecast, width)}, the outcome that maximises the weighted product of every actor’s gain over ${q !== null ? `the status quo ${formatPosition(q, width)}` : 'its worst point on the scale (no status quo is used)'}; every actor gains there. Bargaining weights (${bySalience ? 'capability × salience' : 'capability'}): ${listWords(parts)}.`,
      numbers,
      order.map((i) => active[i]!.id),
      ['nash-bargaining', ...(q !== null ? ['status-quo'] : []), 'capability'],
    ),
  ];
}
