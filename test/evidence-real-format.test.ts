/**
 * The annotated real-article set (`bench/evidence-real/`, see its README) checked for form only:
 * every file's fields and types, its split, its stances' evidence pointing at its own quotations,
 * its actor and stance ids being gazetteer parties. The extractor is never run here (nor imported:
 * the gazetteer's data tables are read directly, and the splits are read from the bench file's
 * text), so this test may run on the held-out part too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORGANISATIONS_TABLE } from '../src/evidence/gazetteer/organisations.ts';
import { STATES_TABLE } from '../src/evidence/gazetteer/states.ts';

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'bench', 'evidence-real');

/** Longest quotation allowed, in words: the set stores short quotations, never whole passages. */
const MAX_QUOTE_WORDS = 60;
const DIRECTIONS = ['support', 'oppose', 'neutral'];
const STRENGTHS = ['weak', 'moderate', 'strong'];
/** `YYYY-MM-DD`, `YYYY-MM`, `YYYY` (four tune/aside files give only the year) or `n.d.`. */
const DATE = /^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$/;

/** The splits, as `REAL_SPLITS` in bench/evidence-real.ts names them (read as text). */
function knownSplits(): string[] {
  const src = readFileSync(join(ROOT, 'bench', 'evidence-real.ts'), 'utf8');
  const m = /export const REAL_SPLITS[^=]*=\s*\[([^\]]*)\]/.exec(src);
  if (!m?.[1]) throw new Error('bench/evidence-real.ts: REAL_SPLITS not found');
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1] ?? '');
}

/** Party ids: the first column of the states and organisations tables (sources are not parties). */
function partyIds(): Set<string> {
  const ids = (table: string) =>
    table
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => (l.split('|')[0] ?? '').trim());
  return new Set([...ids(STATES_TABLE), ...ids(ORGANISATIONS_TABLE)]);
}

/**
 * The locators an `evidence` string names: parts separated by `;`, and a sentence range
 * ("paragraph 2, sentences 1-3") read as each sentence in it.
 */
function evidenceParts(evidence: string): string[] {
  return evidence
    .split(';')
    .map((p) => p.trim())
    .flatMap((p) => {
      const r = /^(.*), sentences (\d+)-(\d+)$/.exec(p);
      if (!r) return [p];
      const out: string[] = [];
      for (let i = Number(r[2]); i <= Number(r[3]); i++) out.push(`${r[1]}, sentence ${i}`);
      return out;
    });
}

const isText = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0;

/** What is wrong with one parsed file (empty when nothing is). */
function formatProblems(
  file: string,
  g: Record<string, unknown>,
  splits: readonly string[],
  parties: ReadonlySet<string>,
): string[] {
  const bad: string[] = [];
  const say = (msg: string) => bad.push(`${file}: ${msg}`);
  if (!isText(g.id)) say('id missing');
  else if (`${g.id}.json` !== file) say(`id "${g.id}" differs from the file name`);
  if (!isText(g.split) || !splits.includes(g.split))
    say(`unknown split ${JSON.stringify(g.split)}`);
  if (!isText(g.url) || !/^https?:\/\/\S+$/.test(g.url)) say('url missing or not http(s)');
  for (const k of ['outlet', 'genre', 'issue'] as const) if (!isText(g[k])) say(`${k} missing`);
  if (!isText(g.date) || !DATE.test(g.date))
    say(`date ${JSON.stringify(g.date)} not YYYY-MM-DD, YYYY-MM or n.d.`);
  if (g.headline !== null && !isText(g.headline)) say('headline neither text nor null');

  const ats = new Set<string>();
  if (!Array.isArray(g.quotes) || g.quotes.length === 0) say('no quotes');
  else
    for (const q of g.quotes as { at?: unknown; text?: unknown }[]) {
      if (!isText(q?.at) || !isText(q?.text)) {
        say('a quote lacks "at" or "text"');
        continue;
      }
      ats.add(q.at);
      const words = q.text.trim().split(/\s+/).length;
      if (words > MAX_QUOTE_WORDS)
        say(`quote at "${q.at}" has ${words} words (> ${MAX_QUOTE_WORDS})`);
    }

  const actors = Array.isArray(g.actors) ? (g.actors as unknown[]) : null;
  if (!actors || actors.length === 0) say('no actors');
  else {
    if (new Set(actors).size !== actors.length) say('an actor is listed twice');
    for (const a of actors)
      if (typeof a !== 'string' || !parties.has(a))
        say(`actor ${JSON.stringify(a)} is not a gazetteer party id`);
  }

  if (typeof g.stances !== 'object' || g.stances === null || Array.isArray(g.stances))
    say('stances not an object');
  else
    for (const [key, s] of Object.entries(g.stances as Record<string, Record<string, unknown>>)) {
      const state = key.replace(/-public$/, '');
      if (!parties.has(state)) say(`stance key "${key}" is not a gazetteer party id`);
      if (!actors?.includes(state)) say(`stance key "${key}" has no actor "${state}"`);
      if (!DIRECTIONS.includes(s?.direction as string))
        say(`${key}: direction ${JSON.stringify(s?.direction)}`);
      if (!STRENGTHS.includes(s?.strength as string))
        say(`${key}: strength ${JSON.stringify(s?.strength)}`);
      if (!isText(s?.evidence)) {
        say(`${key}: no evidence`);
        continue;
      }
      for (const part of evidenceParts(s.evidence)) {
        // A whole paragraph ("paragraph 6") may be named when its sentences are quoted one by one.
        const ok =
          part === 'headline'
            ? isText(g.headline)
            : ats.has(part) || [...ats].some((at) => at.startsWith(`${part}, sentence `));
        if (!ok) say(`${key}: evidence "${part}" is not the locator of one of its quotes`);
      }
    }
  return bad;
}

const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const SPLITS = knownSplits();
const readJson = (f: string) =>
  JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>;
const PARTIES = partyIds();

describe('bench/evidence-real: format of the annotated real articles', () => {
  it('finds the files, the splits and the gazetteer ids it checks against', () => {
    expect(FILES.length).toBeGreaterThan(40);
    expect(SPLITS).toEqual(['tune', 'aside', 'aside2', 'aside3', 'aside4']);
    for (const id of ['usa', 'germany', 'eu', 'nato', 'icc']) expect(PARTIES.has(id)).toBe(true);
    // Sources are not parties.
    expect(PARTIES.has('reuters')).toBe(false);
  });

  it('every file has its fields, a known split, gazetteer actors and evidence among its quotes', () => {
    const problems = FILES.flatMap((f) => formatProblems(f, readJson(f), SPLITS, PARTIES));
    expect(problems).toEqual([]);
  });

  it('no two files share an id', () => {
    const ids = FILES.map((f) => readJson(f).id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('every split has articles', () => {
    const splits = FILES.map((f) => readJson(f).split);
    for (const s of SPLITS) expect(splits.filter((x) => x === s).length, s).toBeGreaterThan(0);
  });
});

describe('formatProblems catches what it is meant to', () => {
  const good = {
    id: 'x',
    split: 'tune',
    url: 'https://example.org/a',
    outlet: 'O',
    genre: 'news',
    date: '2020-01',
    headline: 'H',
    quotes: [
      { at: 'paragraph 1', text: 'Germany will not join.' },
      { at: 'paragraph 2, sentence 1', text: 'Germans agree.' },
      { at: 'paragraph 2, sentence 2', text: 'So do the French.' },
    ],
    issue: 'Joining the mission',
    actors: ['germany', 'france'],
    stances: {
      germany: { direction: 'oppose', strength: 'strong', evidence: 'headline; paragraph 1' },
      'germany-public': {
        direction: 'oppose',
        strength: 'weak',
        evidence: 'paragraph 2, sentences 1-2',
      },
    },
  };
  const check = (g: Record<string, unknown>) => formatProblems('x.json', g, SPLITS, PARTIES);

  it('accepts a well-formed file', () => {
    expect(check(good)).toEqual([]);
    // A paragraph named whole, when its sentences are quoted; a year-only date.
    const para = { ...good.stances.germany, evidence: 'paragraph 2' };
    expect(check({ ...good, date: '2024', stances: { germany: para } })).toEqual([]);
  });

  it('rejects each kind of fault', () => {
    const variants: [string, Record<string, unknown>][] = [
      ['unknown split', { ...good, split: 'test' }],
      ['not YYYY-MM-DD', { ...good, date: 'March 2020' }],
      ['differs from the file name', { ...good, id: 'y' }],
      ['not a gazetteer party id', { ...good, actors: ['germany', 'france', 'reuters'] }],
      [
        'has no actor "france"',
        { ...good, actors: ['germany'], stances: { france: good.stances.germany } },
      ],
      ['listed twice', { ...good, actors: ['germany', 'germany'] }],
      [
        'is not the locator',
        { ...good, stances: { germany: { ...good.stances.germany, evidence: 'paragraph 3' } } },
      ],
      ['is not the locator', { ...good, headline: null }],
      [
        'is not the locator',
        { ...good, stances: { germany: { ...good.stances.germany, evidence: 'paragraph' } } },
      ],
      [
        'direction',
        { ...good, stances: { germany: { ...good.stances.germany, direction: 'against' } } },
      ],
      [
        'words',
        { ...good, quotes: [...good.quotes, { at: 'paragraph 9', text: 'word '.repeat(61) }] },
      ],
    ];
    for (const [msg, g] of variants) expect(check(g).join('\n'), msg).toContain(msg);
  });
});
