/**
 * Why the spatial model of politics moved an actor far: every jump in a trajectory — a move of
 * more than {@link JUMP_SHARE} of the issue's scale in one turn — with the challenge and the
 * bargain behind it, read from the turn's detail (`src/models/smp/detail.ts`): the option the
 * actor took from its queue is a bargain proposed by the actor that challenged (docs/spec/smp.md,
 * "Formulas"); the election over the queue, in which every actor votes, chose it.
 */
import { smpDetail } from '../../models/detail.ts';
import {
  type ExplanationSentence,
  type IssueLike,
  type ModelLike,
  formatPosition,
  sentence,
} from './types.ts';

/** A move larger than this share of the scale in one turn is a jump. */
export const JUMP_SHARE = 0.1;

const STOP_WORDS: Record<string, string> = {
  converged: 'it converged',
  'turn-limit': 'it stopped at the turn limit',
  'limit-cycle': 'it stopped in a limit cycle',
};

export function explainSmp(
  issue: IssueLike,
  model: ModelLike,
  actors: readonly { id: string; name: string }[],
  /** The issue's index in the result (the detail's issue index). */
  k: number,
  forecast: number,
): ExplanationSentence[] {
  const detail = smpDetail(model.detail);
  if (!detail) return [];
  const width = issue.scale.max - issue.scale.min;
  const p = (x: number) => formatPosition(x, width);
  const present = new Set(issue.actors.map((a) => a.id));
  const name = (i: number) => actors[i]?.name ?? `actor ${i + 1}`;
  const id = (i: number) => actors[i]?.id ?? String(i);
  const out: ExplanationSentence[] = [];
  const stop = detail.stop;
  out.push(
    sentence(
      `The SMP forecast ${p(forecast)} is the capability × salience weighted mean of the actors’ positions after ${stop.turns} turn${stop.turns === 1 ? '' : 's'}; ${STOP_WORDS[stop.reason] ?? stop.reason}${stop.period ? ` (period ${stop.period})` : ''}.`,
      { forecast, turns: stop.turns },
      [],
      ['weighted-mean', 'capability-x-salience'],
    ),
  );
  let jumps = 0;
  for (let t = 1; t < detail.positions.length; t++) {
    const turn = detail.turns[t - 1];
    for (let i = 0; i < detail.positions[t]!.length; i++) {
      if (!present.has(id(i))) continue;
      const from = detail.positions[t - 1]![i]![k]!;
      const to = detail.positions[t]![i]![k]!;
      if (!(Math.abs(to - from) > JUMP_SHARE * width)) continue;
      jumps++;
      const head = `Turn ${t}: ${name(i)} moved from ${p(from)} to ${p(to)} on “${issue.name}”`;
      const queue = turn?.queues[i];
      const option = queue ? queue.options[queue.chosen] : undefined;
      const bargain = option === null || option === undefined ? undefined : turn!.bargains[option];
      if (!queue || !bargain) {
        out.push(
          sentence(
            `${head}; the turn's record names no bargain behind the move.`,
            { from, to },
            [id(i)],
            ['jump'],
            t,
          ),
        );
        continue;
      }
      const won = queue.probabilities[queue.chosen]!;
      const others = queue.options.length - 1;
      const election = `the bargain won the election over ${name(i)}’s queue (probability ${won.toFixed(2)} against its status quo${others > 1 ? ` and ${others - 1} other bargain${others - 1 === 1 ? '' : 's'}` : ''}; every actor votes, weighted by capability)`;
      const numbers = {
        from,
        to,
        challengeProbability: bargain.probability,
        electionProbability: won,
      };
      if (bargain.receiver === i) {
        const j = bargain.initiator;
        const ch = turn.challenges[j];
        out.push(
          sentence(
            `${head}: it took the bargain ${name(j)} proposed when ${name(j)} challenged it${ch ? ` (${name(j)}’s own estimate of prevailing: ${ch.probability.toFixed(2)}, expected gain ${ch.gain.toFixed(3)})` : ''}; ${election}.`,
            { ...numbers, ...(ch ? { challengerGain: ch.gain } : {}) },
            [id(i), id(j)],
            ['jump', 'challenge'],
            t,
          ),
        );
      } else {
        const j = bargain.receiver;
        const ch = turn.challenges[i];
        out.push(
          sentence(
            `${head}: it challenged ${name(j)}${ch ? ` (its estimate of prevailing: ${ch.probability.toFixed(2)}, expected gain ${ch.gain.toFixed(3)})` : ''} and took its own side of the bargain it proposed; ${election}.`,
            { ...numbers, ...(ch ? { challengerGain: ch.gain } : {}) },
            [id(i), id(j)],
            ['jump', 'challenge'],
            t,
          ),
        );
      }
    }
  }
  if (jumps === 0) {
    out.push(
      sentence(
        `No actor moved more than ${Math.round(100 * JUMP_SHARE)}% of the scale in one turn on “${issue.name}”.`,
        { threshold: JUMP_SHARE },
        [],
        ['jump'],
      ),
    );
  }
  return out;
}
