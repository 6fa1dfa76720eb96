/**
 * `npx tsx bench/evidence-real-errors.ts` prints the per-article errors of the real-article set
 * for the parts one may tune on. The held-out part (`HELD_OUT`) is never printed here: only its
 * totals, in `npm run bench -- evidence`.
 */
import { HELD_OUT, loadReal, scoreReal } from './evidence-real.ts';

for (const g of loadReal()) {
  if (g.split === HELD_OUT) continue;
  const s = scoreReal(g);
  const bad = [...s.opposite, ...s.otherWrong];
  console.log(
    `${s.split.padEnd(5)} ${s.id.padEnd(36)} ${s.correct}/${s.gold} wrong [${bad.join(' ')}] extra [${s.extra.join(' ')}] missed [${s.missed.join(' ')}]`,
  );
}
