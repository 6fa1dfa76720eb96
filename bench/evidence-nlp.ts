/**
 * `npx tsx bench/evidence-nlp.ts`: measures two NLP packages, wink-nlp (with its English lite web
 * model) and compromise, against the hand-written steps of `src/evidence/` for sentence splitting,
 * tokenisation, entities and negation scope (issue 19, item 3). Only the synthetic set and the
 * `tune` and `aside` parts of the real set are read; the held-out part is never touched here.
 *
 * - Sentences, intrinsic: boundary precision / recall against (a) the hand-made cases of
 *   `src/evidence/sentences.test.ts` and (b) the real quotations of each article (each stored as one
 *   sentence) joined into one paragraph.
 * - Entities, intrinsic: the actors (state level) each package's entities yield, mapped onto the
 *   gazetteer, against the gold actors, next to the gazetteer's own matching.
 * - Every step, extrinsic: the whole pipeline with one step replaced, scored as the evidence bench
 *   scores it (actors and stance direction on the synthetic set; stances on real `tune`/`aside`).
 */
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyseArticle, type TextSteps } from '../src/evidence/analyse.ts';
import { defaultGazetteer, matchAt } from '../src/evidence/gazetteer/gazetteer.ts';
import { type Sentence, splitSentences } from '../src/evidence/sentences.ts';
import { tokenize, type Token } from '../src/evidence/tokens.ts';
import { loadGold, scoreArticle, totals } from './evidence.bench.ts';
import { HELD_OUT, loadReal, realTotals, scoreReal, textOf } from './evidence-real.ts';

const wink = winkNLP(model);

/** Places the pieces `parts` (in order) in `text`, giving their offsets. */
function place(text: string, parts: readonly string[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let at = 0;
  for (const p of parts) {
    const i = text.indexOf(p, at);
    if (i < 0) continue;
    out.push({ text: p, start: i });
    at = i + p.length;
  }
  return out;
}

const asSentences = (text: string, parts: readonly string[]): Sentence[] =>
  place(text, parts).map((p) => ({ text: p.text, start: p.start, end: p.start + p.text.length }));

const asTokens = (text: string, parts: readonly string[]): Token[] =>
  place(text, parts).map((p) => ({
    text: p.text,
    norm: p.text.toLowerCase().replace(/’/g, "'"),
    start: p.start,
    end: p.start + p.text.length,
  }));

const winkSentences = (text: string) => asSentences(text, wink.readDoc(text).sentences().out());
const compromiseSentences = (text: string) =>
  asSentences(text, nlp(text).sentences().out('array') as string[]);

const winkTokens = (text: string) => asTokens(text, wink.readDoc(text).tokens().out());
/** compromise terms with their punctuation as tokens of their own; contractions stay whole. */
function compromiseTokens(text: string): Token[] {
  const parts: string[] = [];
  const json = nlp(text).json({ offset: true }) as {
    terms: { text: string; pre: string; post: string }[];
  }[];
  for (const s of json)
    for (const t of s.terms) {
      for (const c of t.pre.trim()) parts.push(c);
      if (t.text) parts.push(t.text);
      for (const c of t.post.trim()) parts.push(c);
    }
  return asTokens(text, parts);
}

/** Our tokens flagged where they overlap a character range in `ranges`. */
const flag = (tokens: readonly Token[], ranges: readonly [number, number][]) =>
  tokens.map((t) => ranges.some(([a, b]) => t.start < b && t.end > a));

/** wink-nlp's negation flag: the tokens after a negation up to the end of its clause. */
function winkNegation(text: string, tokens: readonly Token[]): boolean[] {
  const doc = wink.readDoc(text);
  const words = doc.tokens().out();
  // wink dispatches on the function itself: pass it unbound.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const flags = doc.tokens().out(wink.its.negationFlag) as boolean[];
  const placed = place(text, words);
  const ranges: [number, number][] = [];
  placed.forEach((p, i) => {
    if (flags[i]) ranges.push([p.start, p.start + p.text.length]);
  });
  return flag(tokens, ranges);
}

/** compromise: the verb phrases it reads as negative ("will not join", "don't share"). */
function compromiseNegation(text: string, tokens: readonly Token[]): boolean[] {
  const json = nlp(text).verbs().isNegative().json({ offset: true }) as {
    offset: { start: number; length: number };
  }[];
  // The scope of a negated verb runs to the end of its clause: the verb phrase and what follows
  // it up to the next comma, semicolon or sentence end.
  const ranges: [number, number][] = json.map((v) => {
    const start = v.offset.start;
    const rest = text.slice(start + v.offset.length);
    const stop = /[,;:.!?—]/.exec(rest);
    return [start, start + v.offset.length + (stop ? stop.index : rest.length)];
  });
  return flag(tokens, ranges);
}

// ---------------------------------------------------------------------------------------------
// Sentences, intrinsic.

/** Hand-made cases (those of `sentences.test.ts`). */
const SENTENCE_CASES: string[][] = [
  ['Seoul hedges.', 'Tokyo does not!', 'Is Manila next?', 'Yes.'],
  [
    'Gen. Tiani met Mr. Lee on Jan. 5.',
    'Donald J. Trump spoke.',
    'Growth was 3.5 per cent.',
    'It fell.',
  ],
  ['Allies asked the U.S. Navy to stay.', 'Japan trusts the U.S.', 'The rest do not.'],
  ['He said: “We will not sign. Not now.”', 'Then he left.', '“Is it over?” he asked.'],
];

const real = loadReal().filter((g) => g.split !== HELD_OUT);
const realCases = real.map((g) => g.quotes.map((q) => q.text));

function boundaryScore(split: (t: string) => readonly Sentence[], cases: readonly string[][]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  for (const gold of cases) {
    const text = gold.join(' ');
    const ends = new Set<number>();
    let at = 0;
    for (const s of gold.slice(0, -1)) {
      at += s.length;
      ends.add(at);
      at += 1;
    }
    const got = new Set(
      split(text)
        .slice(0, -1)
        .map((s) => s.end),
    );
    for (const e of got)
      if (ends.has(e)) tp++;
      else fp++;
    for (const e of ends) if (!got.has(e)) fn++;
    const same = split(text).map((s) => s.text);
    if (same.length === gold.length && same.every((s, i) => s === gold[i])) exact++;
  }
  return { tp, fp, fn, exact, cases: cases.length };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const splitters: [string, (t: string) => readonly Sentence[]][] = [
  ['hand-written', splitSentences],
  ['wink-nlp', winkSentences],
  ['compromise', compromiseSentences],
];
console.log('## Sentence boundaries (precision / recall / whole cases exactly right)');
for (const [label, cases] of [
  ['hand-made cases', SENTENCE_CASES],
  [`real quotations joined (${realCases.length} tune+aside articles)`, realCases],
] as const) {
  console.log(`  ${label}`);
  for (const [name, f] of splitters) {
    const s = boundaryScore(f, cases);
    console.log(
      `    ${name.padEnd(14)} P ${pct(s.tp / (s.tp + s.fp || 1)).padStart(8)}  R ${pct(s.tp / (s.tp + s.fn || 1)).padStart(8)}  exact ${s.exact}/${s.cases}  (fp ${s.fp}, fn ${s.fn})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Entities, intrinsic: actors at state level.

const g = defaultGazetteer();
function mapToGazetteer(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    const toks = tokenize(n.replace(/['’]s$/u, ''));
    for (let i = 0; i < toks.length; i++) {
      const hit = matchAt(g, toks, i)[0];
      if (hit && hit.entity.role === 'party') {
        out.add(hit.entity.id.replace(/-public$/, ''));
        i += hit.length - 1;
      }
    }
  }
  return out;
}
const entitySources: [string, (text: string) => Set<string>][] = [
  [
    'gazetteer (pipeline)',
    (text) => new Set(analyseArticle(text).actors.map((a) => a.key.replace(/-public$/, ''))),
  ],
  ['wink-nlp entities', (text) => mapToGazetteer(wink.readDoc(text).entities().out())],
  [
    'compromise places/orgs/people',
    (text) => {
      const d = nlp(text);
      return mapToGazetteer([
        ...(d.places().out('array') as string[]),
        ...(d.organizations().out('array') as string[]),
        ...(d.people().out('array') as string[]),
        ...(d.match('#Country').out('array') as string[]),
      ]);
    },
  ],
];
const synthetic = loadGold();
console.log('\n## Actors from entities (state level: precision / recall)');
for (const [label, set] of [
  ['synthetic set (14)', synthetic.map((d) => ({ text: d.text, actors: d.gold.actors }))],
  [
    `real tune+aside (${real.length})`,
    real.map((r) => ({ text: textOf(r), actors: r.actors.map((a) => a.replace(/-public$/, '')) })),
  ],
] as const) {
  console.log(`  ${label}`);
  for (const [name, f] of entitySources) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const d of set) {
      const got = f(d.text);
      const gold = new Set(d.actors);
      for (const x of got)
        if (gold.has(x)) tp++;
        else fp++;
      for (const x of gold) if (!got.has(x)) fn++;
    }
    console.log(
      `    ${name.padEnd(30)} P ${pct(tp / (tp + fp || 1)).padStart(8)}  R ${pct(tp / (tp + fn || 1)).padStart(8)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Every step, extrinsic.

const variants: [string, Partial<TextSteps> | undefined][] = [
  ['hand-written (today)', undefined],
  ['sentences: wink-nlp', { splitSentences: winkSentences }],
  ['sentences: compromise', { splitSentences: compromiseSentences }],
  ['tokens: wink-nlp', { tokenize: winkTokens }],
  ['tokens: compromise', { tokenize: compromiseTokens }],
  ['negation: wink-nlp', { negationScope: winkNegation }],
  ['negation: compromise', { negationScope: compromiseNegation }],
  [
    'all three: wink-nlp',
    { splitSentences: winkSentences, tokenize: winkTokens, negationScope: winkNegation },
  ],
];
console.log(
  '\n## Whole pipeline with one step replaced\n' +
    '  variant                   synthetic: actors P/R, stance P/R  | real tune: P/R/opposite | real aside: P/R/opposite | ms',
);
for (const [name, steps] of variants) {
  const t0 = performance.now();
  const syn = totals(synthetic.map((d) => scoreArticle(d.gold, d.text, steps)));
  const scores = real.map((r) => scoreReal(r, steps));
  const tune = realTotals(scores.filter((s) => s.split === 'tune'));
  const aside = realTotals(scores.filter((s) => s.split === 'aside'));
  const ms = performance.now() - t0;
  const f = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(
    `  ${name.padEnd(24)}  ${f(syn.actorPrecision)} ${f(syn.actorRecall)}  ${f(syn.stancePrecision)} ${f(syn.stanceRecall)}  | ${f(tune.precision)} ${f(tune.recall)} ${String(tune.opposite).padStart(2)}  | ${f(aside.precision)} ${f(aside.recall)} ${String(aside.opposite).padStart(2)}  | ${ms.toFixed(0)}`,
  );
}
