/**
 * A large random scenario for the `scale` suite (issue 17): `n` actors with capability 1–100,
 * position 0–100 and salience 10–100 on `issues` issues on 0–100 with reference point 50, drawn
 * from the seeded generator. `node --import tsx bench/scale-scenario.ts 2000 [issues] [seed] > f.json`
 * writes one.
 */
import { createRng } from '../src/core/rng.ts';

export function scaleScenario(n: number, issues = 1, seed = 17): object {
  const rng = createRng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const issueIds = Array.from({ length: issues }, (_, k) => `issue${k + 1}`);
  return {
    id: `scale-${n}x${issues}`,
    title: `${n} random actors on ${issues} issue(s)`,
    question: 'Where does a large random negotiation settle?',
    asOf: '2025-01-01',
    issues: issueIds.map((id) => ({
      id,
      name: id,
      scale: { min: 0, max: 100 },
      referencePoint: 50,
    })),
    actors: Array.from({ length: n }, (_, i) => ({
      id: `a${i + 1}`,
      name: `Actor ${i + 1}`,
      kind: 'state',
      capability: int(1, 100),
      stances: Object.fromEntries(
        issueIds.map((id) => [id, { position: int(0, 100), salience: int(10, 100) }]),
      ),
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n = '2000', issues = '1', seed = '17'] = process.argv.slice(2);
  process.stdout.write(
    JSON.stringify(scaleScenario(Number(n), Number(issues), Number(seed))) + '\n',
  );
}
