/**
 * The annotated real-article set (`bench/evidence-real/`, see its README): short quotations with
 * their locators from real news, agency, think-tank, op-ed and official-statement pieces about
 * allies and partners facing a US coalition or alignment choice, with gold actors, issue and
 * stance directions. The extractor reads the headline and the quotations as paragraphs, with no
 * issue name given (as `entente ingest` runs by default). Split by event cluster (see `RealSplit`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseArticle, type TextSteps } from '../src/evidence/analyse.ts';
import { ISSUE_PLACEHOLDER } from '../src/evidence/issue.ts';
import { propose } from '../src/evidence/propose.ts';

type Direction = 'support' | 'oppose' | 'neutral';

/**
 * `tune`: read while writing rules. `aside`: measured only by the first round, then opened for
 * tuning by the second (its errors were read). `aside2`: annotated before the extractor ever ran
 * on it, measured once by the second and once by the third round, then opened for tuning by the
 * fourth. `aside3`: annotated blind, measured once after the fourth round, then opened for tuning
 * by the fifth. `aside4`: annotated and committed before the extractor ever ran on it; the
 * held-out part (`HELD_OUT`): only its totals are printed, never its per-article errors, and no
 * rule or test reads it.
 */
export type RealSplit = 'tune' | 'aside' | 'aside2' | 'aside3' | 'aside4';
export const REAL_SPLITS: readonly RealSplit[] = ['tune', 'aside', 'aside2', 'aside3', 'aside4'];
/** The part never tuned on. */
export const HELD_OUT: RealSplit = 'aside4';

export interface RealGold {
  id: string;
  split: RealSplit;
  url: string;
  outlet: string;
  genre: string;
  date: string;
  headline: string | null;
  quotes: { at: string; text: string }[];
  issue: string;
  actors: string[];
  stances: Record<string, { direction: Direction; strength: string; evidence: string }>;
}

const DIR = join(import.meta.dirname, 'evidence-real');

export function loadReal(): RealGold[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RealGold;
      if (!REAL_SPLITS.includes(g.split)) throw new Error(`${f}: unknown split "${g.split}"`);
      return g;
    });
}

/** The text the extractor reads: the headline, then one paragraph per quotation. */
export function textOf(g: RealGold): string {
  return [...(g.headline ? [g.headline] : []), ...g.quotes.map((q) => q.text)].join('\n\n') + '\n';
}

export interface RealScore {
  id: string;
  split: RealSplit;
  /** Gold stances. */
  gold: number;
  /** Stances proposed for actors that have a gold stance. */
  proposedOnGold: number;
  correct: number;
  /** Proposed support where gold says oppose, or the reverse. */
  opposite: string[];
  /** Proposed neutral for a directional gold stance, or a direction for a neutral one. */
  otherWrong: string[];
  /** Stances proposed for actors without a gold stance. */
  extra: string[];
  missed: string[];
  /** The draft's issue name, and whether it is the placeholder. */
  issueName: string;
  issuePlaceholder: boolean;
}

export function scoreReal(g: RealGold, steps?: Partial<TextSteps>): RealScore {
  const a = analyseArticle(textOf(g), steps ? { steps } : {});
  const predicted = new Map<string, Direction>();
  for (const actor of a.actors) {
    const p = propose(actor.statements);
    if (p) predicted.set(actor.key, p.direction);
  }
  let correct = 0;
  let proposedOnGold = 0;
  const opposite: string[] = [];
  const otherWrong: string[] = [];
  const extra: string[] = [];
  for (const [k, d] of predicted) {
    const gold = g.stances[k]?.direction;
    if (!gold) {
      extra.push(`${k}:${d}`);
      continue;
    }
    proposedOnGold++;
    if (gold === d) correct++;
    else if (gold !== 'neutral' && d !== 'neutral') opposite.push(`${k}:${d}≠${gold}`);
    else otherWrong.push(`${k}:${d}≠${gold}`);
  }
  return {
    id: g.id,
    split: g.split,
    gold: Object.keys(g.stances).length,
    proposedOnGold,
    correct,
    opposite,
    otherWrong,
    extra,
    missed: Object.keys(g.stances).filter((k) => !predicted.has(k)),
    issueName: a.issue.name,
    issuePlaceholder: a.issue.name === ISSUE_PLACEHOLDER,
  };
}

export interface RealTotals {
  articles: number;
  gold: number;
  proposed: number;
  correct: number;
  opposite: number;
  otherWrong: number;
  extra: number;
  /** correct / all stances proposed (extras count against). */
  precision: number;
  /** correct / gold stances. */
  recall: number;
  /** correct / stances proposed for actors with a gold stance. */
  directionAccuracy: number;
}

export function realTotals(scores: readonly RealScore[]): RealTotals {
  const sum = (f: (s: RealScore) => number) => scores.reduce((t, s) => t + f(s), 0);
  const gold = sum((s) => s.gold);
  const onGold = sum((s) => s.proposedOnGold);
  const extra = sum((s) => s.extra.length);
  const correct = sum((s) => s.correct);
  const proposed = onGold + extra;
  return {
    articles: scores.length,
    gold,
    proposed,
    correct,
    opposite: sum((s) => s.opposite.length),
    otherWrong: sum((s) => s.otherWrong.length),
    extra,
    precision: proposed ? correct / proposed : 1,
    recall: gold ? correct / gold : 0,
    directionAccuracy: onGold ? correct / onGold : 1,
  };
}
