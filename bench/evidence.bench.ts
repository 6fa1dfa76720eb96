/**
 * Extraction quality on the annotated articles of `bench/evidence/` (gold written before the
 * rules; see its README): precision and recall of the actors found, and of the stance direction
 * (support / oppose / neutral) per actor, for all articles and for the held-out `test` split;
 * and throughput. Figures, not pass/fail: `npm run bench -- evidence`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseArticle, type TextSteps } from '../src/evidence/analyse.ts';
import { propose } from '../src/evidence/propose.ts';
import { loadReal, REAL_SPLITS, realTotals, scoreReal } from './evidence-real.ts';

export interface Gold {
  id: string;
  split: 'dev' | 'test';
  issue: string;
  actors: string[];
  stances: Record<string, 'support' | 'oppose' | 'neutral'>;
}

const DIR = join(import.meta.dirname, 'evidence');

export function loadGold(): { gold: Gold; text: string }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      gold: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Gold,
      text: readFileSync(join(DIR, f.replace(/\.json$/, '.txt')), 'utf8'),
    }));
}

export interface ArticleScore {
  id: string;
  split: string;
  actors: { tp: number; fp: string[]; fn: string[] };
  stances: {
    tp: number;
    predicted: number;
    gold: number;
    wrong: string[];
    extra: string[];
    missed: string[];
  };
}

/** Scores one article: actors at state level (a public counts as its state), stances per key. */
export function scoreArticle(gold: Gold, text: string, steps?: Partial<TextSteps>): ArticleScore {
  const a = analyseArticle(text, { issueName: gold.issue, ...(steps ? { steps } : {}) });
  const predictedActors = new Set(a.actors.map((x) => x.key.replace(/-public$/, '')));
  const goldActors = new Set(gold.actors);
  const predictedStances = new Map<string, string>();
  for (const actor of a.actors) {
    const p = propose(actor.statements);
    if (p) predictedStances.set(actor.key, p.direction);
  }
  const goldStances = new Map(Object.entries(gold.stances));
  let tp = 0;
  const wrong: string[] = [];
  const extra: string[] = [];
  for (const [k, d] of predictedStances) {
    const g = goldStances.get(k);
    if (g === undefined) extra.push(`${k}:${d}`);
    else if (g === d) tp++;
    else wrong.push(`${k}:${d}≠${g}`);
  }
  return {
    id: gold.id,
    split: gold.split,
    actors: {
      tp: [...predictedActors].filter((x) => goldActors.has(x)).length,
      fp: [...predictedActors].filter((x) => !goldActors.has(x)),
      fn: [...goldActors].filter((x) => !predictedActors.has(x)),
    },
    stances: {
      tp,
      predicted: predictedStances.size,
      gold: goldStances.size,
      wrong,
      extra,
      missed: [...goldStances.keys()].filter((k) => !predictedStances.has(k)),
    },
  };
}

export function totals(scores: readonly ArticleScore[]) {
  const atp = scores.reduce((s, x) => s + x.actors.tp, 0);
  const afp = scores.reduce((s, x) => s + x.actors.fp.length, 0);
  const afn = scores.reduce((s, x) => s + x.actors.fn.length, 0);
  const stp = scores.reduce((s, x) => s + x.stances.tp, 0);
  const spred = scores.reduce((s, x) => s + x.stances.predicted, 0);
  const sgold = scores.reduce((s, x) => s + x.stances.gold, 0);
  return {
    actorPrecision: atp / (atp + afp),
    actorRecall: atp / (atp + afn),
    stancePrecision: stp / spred,
    stanceRecall: stp / sgold,
  };
}

export function benchEvidence(): { name: string; value: number; unit: string }[] {
  const data = loadGold();
  const scores = data.map(({ gold, text }) => scoreArticle(gold, text));
  const rows: { name: string; value: number; unit: string }[] = [];
  for (const [label, subset] of [
    [`all ${scores.length} articles`, scores],
    [
      `held-out test (${scores.filter((s) => s.split === 'test').length})`,
      scores.filter((s) => s.split === 'test'),
    ],
  ] as const) {
    const t = totals(subset);
    rows.push({ name: `actors precision, ${label}`, value: t.actorPrecision * 100, unit: '%' });
    rows.push({ name: `actors recall, ${label}`, value: t.actorRecall * 100, unit: '%' });
    rows.push({
      name: `stance direction precision, ${label}`,
      value: t.stancePrecision * 100,
      unit: '%',
    });
    rows.push({
      name: `stance direction recall, ${label}`,
      value: t.stanceRecall * 100,
      unit: '%',
    });
  }
  // The real articles (bench/evidence-real/): `HELD_OUT` is never tuned on (see `RealSplit`).
  const real = loadReal().map((g) => scoreReal(g));
  for (const split of REAL_SPLITS) {
    const t = realTotals(real.filter((s) => s.split === split));
    const label = `real ${split} (${t.articles} articles, ${t.gold} gold stances)`;
    rows.push({ name: `stance precision, ${label}`, value: t.precision * 100, unit: '%' });
    rows.push({ name: `stance recall, ${label}`, value: t.recall * 100, unit: '%' });
    rows.push({
      name: `direction accuracy, ${label}`,
      value: t.directionAccuracy * 100,
      unit: '%',
    });
    rows.push({ name: `opposite direction (for↔against), ${label}`, value: t.opposite, unit: '' });
    rows.push({ name: `neutral↔directional mismatch, ${label}`, value: t.otherWrong, unit: '' });
    rows.push({ name: `stance for an actor without gold, ${label}`, value: t.extra, unit: '' });
  }
  const words = data.reduce((s, d) => s + d.text.split(/\s+/).length, 0);
  const t0 = performance.now();
  let rounds = 0;
  while (performance.now() - t0 < 1000) {
    for (const { gold, text } of data) analyseArticle(text, { issueName: gold.issue });
    rounds++;
  }
  const seconds = (performance.now() - t0) / 1000;
  rows.push({
    name: 'throughput (article analysis)',
    value: (rounds * data.length) / seconds,
    unit: 'articles/s',
  });
  rows.push({ name: 'throughput (words)', value: (rounds * words) / seconds, unit: 'words/s' });
  return rows;
}

// `npx tsx bench/evidence.bench.ts` prints the per-article errors.
if (process.argv[1]?.endsWith('evidence.bench.ts')) {
  for (const { gold, text } of loadGold()) {
    const s = scoreArticle(gold, text);
    console.log(
      `${s.split.padEnd(4)} ${s.id.padEnd(20)} actors fp [${s.actors.fp.join(' ')}] fn [${s.actors.fn.join(' ')}] · stances ${s.stances.tp}/${s.stances.gold} wrong [${s.stances.wrong.join(' ')}] extra [${s.stances.extra.join(' ')}] missed [${s.stances.missed.join(' ')}]`,
    );
  }
  for (const r of benchEvidence())
    console.log(`${r.name.padEnd(52)} ${r.value.toFixed(1)} ${r.unit}`);
}
