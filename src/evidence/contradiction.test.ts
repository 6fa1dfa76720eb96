/**
 * Precision by construction (issue 19, item 1): a proposal never contradicts the sentence it quotes.
 * Every sentence of the synthetic articles and of the real quotations of every part opened for
 * tuning (`tune`, `aside`, `aside2`, `aside3`) that makes an actor "for" is rewritten with a
 * contrary cue — a negation of the whole claim, a negation after the actor's auxiliary, a
 * reluctance, a refusal, a hedge, a condition — and the actor must then not be "for". (`aside4`,
 * the held-out part, is never read here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from './analyse.ts';
import { propose } from './propose.ts';
import { splitSentences } from './sentences.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'bench');
const HEAD = 'Allies weigh the US plan\n\n';

function corpus(): string[] {
  const out: string[] = [];
  const synthetic = join(ROOT, 'evidence');
  for (const f of readdirSync(synthetic).filter((f) => f.endsWith('.txt')))
    for (const p of readFileSync(join(synthetic, f), 'utf8').split(/\n\s*\n|\n/))
      for (const s of splitSentences(p.trim())) out.push(s.text);
  const real = join(ROOT, 'evidence-real');
  for (const f of readdirSync(real).filter((f) => f.endsWith('.json'))) {
    const g = JSON.parse(readFileSync(join(real, f), 'utf8')) as {
      split: string;
      quotes: { text: string }[];
    };
    // aside4 is held out (bench/evidence-real.ts `HELD_OUT`): never read here.
    if (g.split === 'aside4') continue;
    for (const q of g.quotes) for (const s of splitSentences(q.text)) out.push(s.text);
  }
  return out;
}

interface Read {
  directions: Map<string, string>;
  /** Where each actor is first named (character offset in the sentence). */
  at: Map<string, { start: number; end: number }>;
}

function read(sentence: string): Read {
  const a = analyseArticle(HEAD + sentence + '\n');
  const directions = new Map<string, string>();
  const at = new Map<string, { start: number; end: number }>();
  const s = a.sentences.find((x) => x.paragraph === 1);
  for (const actor of a.actors) {
    const p = propose(actor.statements);
    // Only proposals resting on a cue of the sentence (not on a role such as "US-led").
    if (p && p.basis.some((st) => st.kind === 'cue')) directions.set(actor.key, p.direction);
    const m = s?.mentions.find(
      (m) => m.entity.id === actor.key.replace(/-public$/, '') && m.certainty === 1,
    );
    if (m && s)
      at.set(actor.key, {
        start: s.tokens[m.tokenStart]!.start,
        end: s.tokens[m.tokenEnd - 1]!.end,
      });
  }
  return { directions, at };
}

const AUX =
  /\b(is|are|was|were|will|would|has|have|had|can|could|does|did|do|should|may|might|must)\b/u;

/**
 * The actor's name is the subject of the sentence: it opens it (after "The" or an opening phrase
 * and its comma) and a word in lower case (a verb) follows it.
 */
const subject = (s: string, at: { start: number; end: number }) =>
  /^(?:The |[A-Z][\p{L} ]*, )?$/u.test(s.slice(0, at.start)) &&
  /^ [a-z]/u.test(s.slice(at.end)) &&
  !/^ (officials|public|government|leaders|opinion|people|ministers|diplomats|forces|troops)\b/u.test(
    s.slice(at.end),
  );

/** Ways to put a contrary cue into a sentence that makes `actor` "for". */
const REWRITES: [string, (s: string, at: { start: number; end: number }) => string | null][] = [
  ['the whole claim denied', (s) => `It is not true that ${s}`],
  ['the claim doubted', (s) => `Officials doubt that ${s}`],
  [
    'a negation after the actor’s auxiliary',
    (s, at) => {
      // The actor's own first predicate: an auxiliary before any further clause or predicate.
      const rest = s.slice(at.end);
      const m = AUX.exec(rest);
      if (!m || !subject(s, at) || /^\s*not\b/.test(rest.slice(m.index + m[0].length))) return null;
      if (/,|;|\b(and|but|which|who|that|while)\b/u.test(rest.slice(0, m.index))) return null;
      const i = at.end + m.index + m[0].length;
      return `${s.slice(0, i)} not${s.slice(i)}`;
    },
  ],
  [
    'a reluctance put on the actor',
    (s, at) =>
      subject(s, at) ? `${s.slice(0, at.end)}, reluctant as ever,${s.slice(at.end)}` : null,
  ],
  [
    'a refusal after it',
    (s, at) =>
      subject(s, at)
        ? `${s.replace(/[.!?]$/u, '')}, yet ${s.slice(at.start, at.end)} refused to commit.`
        : null,
  ],
  ['a condition after it', (s) => `${s.replace(/[.!?]$/u, '')}, but only if Congress approves.`],
  ['a hedge before it', (s) => `It remains unclear whether ${s}`],
];

describe('property: a contrary cue in the quoted sentence makes a "for" proposal impossible', () => {
  const sentences = corpus();
  const cases: { sentence: string; actor: string; at: { start: number; end: number } }[] = [];
  for (const s of sentences) {
    const r = read(s);
    for (const [actor, d] of r.directions) {
      const at = r.at.get(actor);
      if (d === 'support' && at) cases.push({ sentence: s, actor, at });
    }
  }
  it('finds enough "for" sentences to test on', () => {
    expect(cases.length).toBeGreaterThan(20);
  });
  it('every rewrite of every "for" sentence leaves the actor not "for"', () => {
    const failures: string[] = [];
    for (const c of cases)
      for (const [name, rewrite] of REWRITES) {
        const t = rewrite(c.sentence, c.at);
        if (!t) continue;
        const d = read(t).directions.get(c.actor);
        if (d === 'support') failures.push(`${name}: ${c.actor} still for in «${t}»`);
      }
    expect(failures).toEqual([]);
  });
  it('holds for random rewrites of random "for" sentences (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom(...REWRITES), (c, [, rewrite]) => {
        const t = rewrite(c.sentence, c.at);
        if (t) expect(read(t).directions.get(c.actor)).not.toBe('support');
      }),
      { numRuns: 200, seed: 1919 },
    );
  });
});
