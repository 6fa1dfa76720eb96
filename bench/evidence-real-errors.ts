/**
 * `npx tsx bench/evidence-real-errors.ts` prints the per-article errors of the real-article set
 * for the parts one may tune on. The held-out part (`HELD_OUT`) is never printed here: only its
 * totals, in `npm run bench -- evidence`.
 *
 * `npx tsx bench/evidence-real-errors.ts --why [PART]` also prints, per article of the part (or of
 * every tunable part), the issue found, the roles, and each actor's statements (cue, direction,
 * strength, locator) next to the gold stance: what a reading error is made of.
 */
import { analyseArticle } from '../src/evidence/analyse.ts';
import { propose } from '../src/evidence/propose.ts';
import { HELD_OUT, loadReal, scoreReal, textOf } from './evidence-real.ts';

const why = process.argv.includes('--why');
const part = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (part === HELD_OUT) {
  console.error(
    `${HELD_OUT} is the held-out part: only its totals are printed (npm run bench -- evidence)`,
  );
  process.exit(1);
}
const DIR = { '1': 'for', '-1': 'against', '0': 'hedging' } as const;

for (const g of loadReal()) {
  if (g.split === HELD_OUT) continue;
  if (part && g.split !== part) continue;
  const s = scoreReal(g);
  const bad = [...s.opposite, ...s.otherWrong];
  console.log(
    `${s.split.padEnd(5)} ${s.id.padEnd(36)} ${s.correct}/${s.gold} wrong [${bad.join(' ')}] extra [${s.extra.join(' ')}] missed [${s.missed.join(' ')}]`,
  );
  if (!why) continue;
  const a = analyseArticle(textOf(g));
  console.log(`    issue: ${a.issue.name}`);
  console.log(
    `    roles: proponents [${[...a.roles.proponents].join(' ')}] targets [${[...a.roles.targets].join(' ')}]`,
  );
  for (const actor of a.actors) {
    const p = propose(actor.statements);
    const gold = g.stances[actor.key]?.direction ?? '-';
    console.log(`    ${actor.key}: gold ${gold}, proposed ${p?.direction ?? '-'}`);
    for (const st of actor.statements)
      console.log(
        `      ${DIR[String(st.direction) as keyof typeof DIR]} ${st.strength.toFixed(2)} “${st.cue}” ${st.kind}${st.object ? ` obj=${st.object}` : ''}${st.mixed ? ' mixed' : ''}${st.conditional ? ' cond' : ''} @${st.at.kind === 'paragraph' ? `p${st.at.paragraph}s${st.at.sentence}` : st.at.kind}`,
      );
  }
}
