/**
 * Why each actor moved in the expected utility model: for every move recorded in the rounds'
 * detail, the dyad behind it — who it took an offer from, in which round, from where to where,
 * and the two expected utilities as the mover reads them (docs/spec/eum.md step 7) — in a
 * sentence written from the mover's view only. Also the forecast's pivotal actor after the last
 * round, and actors a compelling dyad did not move because capitulation is off.
 */
import { eumDetail } from '../../models/detail.ts';
import type { EumDyad, EumMove } from '../../models/eum/detail.ts';
import { pivotSentence } from './baselines.ts';
import {
  type ExplanationSentence,
  type IssueLike,
  type ModelLike,
  formatPosition,
  sentence,
} from './types.ts';

const u = (x: number) => x.toFixed(3).replace('-', '−');

/** The sentence for one move, from the mover's (the receiver's) view of its dyad with `from`. */
export function moveSentence(
  move: EumMove,
  dyad: EumDyad | undefined,
  round: number,
  otherStart: number,
  names: { mover: string; other: string; moverId: string; otherId: string },
  width: number,
): ExplanationSentence {
  const p = (x: number) => formatPosition(x, width);
  const { mover: I, other: J } = names;
  const a = dyad?.a ?? NaN;
  const b = dyad?.b ?? NaN;
  const head = `Round ${round}: ${I} moved from ${p(move.fromPosition)} to ${p(move.toPosition)}`;
  let text: string;
  let terms: string[];
  if (move.type === 'confrontation') {
    text = `${head}, ${J}’s position: ${I} expects to gain from challenging ${J} (E(U) = ${u(a)}) but expects ${J} to gain more from challenging it (${u(b)}), so it gives way in the confrontation.`;
    terms = ['confrontation', 'expected-utility'];
  } else if (move.type === 'compromise') {
    const share = b !== 0 ? Math.abs(a / b) : NaN;
    text = `${head}, toward ${J} (at ${p(otherStart)}): ${I} expects to lose from challenging ${J} (E(U) = ${u(a)}) and expects ${J} to gain more from challenging it (${u(b)}), so it compromises, moving ${Math.round(100 * share)}% of the way (|a/b|).`;
    terms = ['compromise', 'expected-utility'];
  } else {
    text = `${head}, ${J}’s position: ${I} expects to lose from challenging ${J} (E(U) = ${u(a)}) at least as much as it expects ${J} to gain from challenging it (${u(b)}); ${J} compels it and it capitulates.`;
    terms = ['capitulation', 'compel', 'expected-utility'];
  }
  return sentence(
    text,
    { from: move.fromPosition, to: move.toPosition, a, b, otherPosition: otherStart },
    [names.moverId, names.otherId],
    terms,
    round,
  );
}

export function explainEum(
  issue: IssueLike,
  model: ModelLike,
  actors: readonly { id: string; name: string }[],
): ExplanationSentence[] {
  const detail = eumDetail(model.detail);
  const d = detail?.issues.find((x) => x.issueId === issue.id);
  if (!detail || !d) return [];
  const width = issue.scale.max - issue.scale.min;
  const out: ExplanationSentence[] = [];
  const finals = issue.actors.map((a) => a.final[model.id] ?? a.position);
  const pivot = pivotSentence(
    issue,
    finals,
    `the forecast (the weighted median after ${d.roundsRun} round${d.roundsRun === 1 ? '' : 's'})`,
  );
  if (pivot && Math.abs(pivot.numbers.position! - d.finalMedian) <= 1e-9 * (width || 1)) {
    out.push(pivot);
  }
  if (d.rounds.length === 0) {
    out.push(
      sentence(
        `Nobody moves on “${issue.name}”: every actor taking part starts at one position.`,
        {},
        [],
        [],
      ),
    );
    return out;
  }
  // Each round's dyads by receiver (they are receiver-major): one pass, no key per pair, so a
  // round of m² dyads costs O(m²) once rather than a string per pair or a scan per actor.
  const byReceiver = d.rounds.map((r) => receiverIndex(r.dyads));
  /** Per round, the actors that moved. */
  const moved = d.rounds.map((r) => new Set(r.moves.map((mv) => mv.actor)));
  d.rounds.forEach((r, t) => {
    const start = d.trajectory[r.round - 1]!;
    const view = byReceiver[t]!;
    for (const mv of r.moves) {
      out.push(
        moveSentence(
          mv,
          view.get(mv.actor)?.find((x) => x.j === mv.from),
          r.round,
          start[mv.from] ?? NaN,
          {
            mover: actors[mv.actor]?.name ?? `actor ${mv.actor + 1}`,
            other: actors[mv.from]?.name ?? `actor ${mv.from + 1}`,
            moverId: actors[mv.actor]?.id ?? String(mv.actor),
            otherId: actors[mv.from]?.id ?? String(mv.from),
          },
          width,
        ),
      );
    }
  });
  // Compelled but not moved (the first such round per actor): the dyad table says "capitulation
  // is off"; say what that means for the actor.
  if (!detail.options.capitulation) {
    for (const i of d.participants) {
      for (const [t, r] of d.rounds.entries()) {
        if (moved[t]!.has(i)) continue;
        const compelled = byReceiver[t]!.get(i)?.find((x) => x.octant === 'j-compels-i');
        if (!compelled) continue;
        const I = actors[i]?.name ?? `actor ${i + 1}`;
        const J = actors[compelled.j]?.name ?? `actor ${compelled.j + 1}`;
        out.push(
          sentence(
            `Round ${r.round}: ${I} holds out at ${formatPosition(d.trajectory[r.round - 1]![i] ?? NaN, width)} although ${J} compels it (its E(U) of challenging ${J} is ${u(compelled.a)}, a loss at least as large as the gain ${u(compelled.b)} it expects ${J} to make by challenging it): capitulation is off, so it does not move.`,
            { a: compelled.a, b: compelled.b },
            [actors[i]?.id ?? String(i), actors[compelled.j]?.id ?? String(compelled.j)],
            ['compel', 'capitulation', 'expected-utility'],
            r.round,
          ),
        );
        break;
      }
    }
  }
  return out;
}

/** Receiver → its dyads, in their order. */
function receiverIndex(dyads: readonly EumDyad[]): Map<number, EumDyad[]> {
  const out = new Map<number, EumDyad[]>();
  for (const x of dyads) {
    const list = out.get(x.i);
    if (list) list.push(x);
    else out.set(x.i, [x]);
  }
  return out;
}
