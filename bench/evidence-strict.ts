/**
 * An experiment on the annotated real articles (docs/evidence.md, "A stricter abstention"): would
 * proposing only from plain statements keep wrong directions away on articles never tuned on?
 * Each filter keeps an actor's statements that pass it, then proposes as `entente ingest` does.
 * Filters, each adding to the one before:
 * - `basic`: a cue of the actor's own (not a role such as proponent or target), not negated,
 *   conceded, conditional, mixed or about a past year;
 * - `plain`: also no hedge and no comparison;
 * - `named`: also a holder named in the sentence (no coreference);
 * - `direct`: also no relational object and no reporter in the attribution chain.
 * With `unanimous`, an actor with kept statements both for and against gets nothing.
 *
 * Prints totals per part only (never per article), so it may read the held-out part:
 * `npx tsx bench/evidence-strict.ts` (all parts) or `SPLITS=tune,aside2 npx tsx …`.
 */
import { analyseArticle, type Statement } from '../src/evidence/analyse.ts';
import { propose } from '../src/evidence/propose.ts';
import { loadReal, REAL_SPLITS, textOf } from './evidence-real.ts';

type Filter = (s: Statement) => boolean;
const basic: Filter = (s) =>
  s.kind === 'cue' && !s.negated && !s.concessive && !s.conditional && !s.mixed && !s.historical;
const plain: Filter = (s) => basic(s) && s.hedges.length === 0 && !s.comparison;
const named: Filter = (s) => plain(s) && s.holder.via !== 'coref' && s.holderCertainty >= 1;
const direct: Filter = (s) =>
  named(s) && s.object === undefined && !s.chain.some((l) => l.role === 'reporter');
const FILTERS: [string, Filter][] = [
  ['none', () => true],
  ['basic', basic],
  ['plain', plain],
  ['named', named],
  ['direct', direct],
];

const splits = (process.env.SPLITS ?? REAL_SPLITS.join(',')).split(',');
const all = loadReal();
for (const split of splits) {
  const golds = all.filter((g) => g.split === split);
  const analyses = golds.map((g) => analyseArticle(textOf(g)));
  const gold = golds.reduce((n, g) => n + Object.keys(g.stances).length, 0);
  console.log(`${split}: ${golds.length} articles, ${gold} gold stances`);
  for (const unanimous of [false, true])
    for (const [name, keep] of FILTERS) {
      let correct = 0;
      let opposite = 0;
      let other = 0;
      let extra = 0;
      golds.forEach((g, i) => {
        for (const actor of analyses[i]!.actors) {
          const kept = actor.statements.filter(keep);
          const dirs = new Set(kept.map((s) => s.direction));
          if (unanimous && dirs.has(1) && dirs.has(-1)) continue;
          const p = propose(kept);
          if (!p) continue;
          const want = g.stances[actor.key]?.direction;
          if (!want) extra++;
          else if (want === p.direction) correct++;
          else if (want !== 'neutral' && p.direction !== 'neutral') opposite++;
          else other++;
        }
      });
      const proposed = correct + opposite + other + extra;
      const pct = (x: number) => `${(100 * x).toFixed(1)} %`.padStart(7);
      console.log(
        `  ${(unanimous ? 'unanimous ' : '') + name}`.padEnd(20) +
          `recall ${pct(gold ? correct / gold : 0)}  precision ${pct(proposed ? correct / proposed : 1)}  opposite ${opposite}  neutral↔directional ${other}  no gold ${extra}`,
      );
    }
}
