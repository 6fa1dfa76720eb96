/**
 * End-to-end: `entente glossary` and the glossary pointers in `entente forecast`'s explanations.
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY, findTerm } from '../src/core/glossary.ts';
import { entente, expectNoStack, fixture } from './support/cli.ts';

describe('entente glossary', () => {
  it('lists every term, and explains one with its source', async () => {
    const all = await entente('glossary');
    expect(all.code).toBe(0);
    for (const t of GLOSSARY) expect(all.out).toContain(t.id);
    const one = await entente('glossary', 'Weighted median');
    expect(one.code).toBe(0);
    expect(one.out).toContain(findTerm('weighted-median')!.definition);
    expect(one.out).toContain('Source: docs/spec/models.md');
    const json = JSON.parse((await entente('glossary', 'capitulation', '--json')).out) as {
      id: string;
    };
    expect(json.id).toBe('capitulation');
  });

  it('rejects an unknown term with exit 1 and the nearest matches', async () => {
    const r = await entente('glossary', 'capitulaton');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^glossary: unknown term "capitulaton"; nearest: capitulation, /);
    expectNoStack(r.err);
  });
});

describe('entente forecast explanations', () => {
  it('says why under each issue and points to each glossary term once, every one defined', async () => {
    const r = await entente(
      'forecast',
      fixture('good.yaml'),
      '--model',
      'mean,median,nash,eum,smp',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Why (Weighted median):');
    expect(r.out).toContain('Why (Expected utility model (Bueno de Mesquita)):');
    const pointed = [...r.out.matchAll(/\(see: entente glossary ([^)]+)\)/g)].flatMap((m) =>
      m[1]!.split(', '),
    );
    expect(pointed.length).toBeGreaterThan(5);
    expect(new Set(pointed).size).toBe(pointed.length);
    for (const term of pointed) expect(findTerm(term)?.id, term).toBe(term);
  });

  it('carries the explanations in --json', async () => {
    const json = JSON.parse(
      (await entente('forecast', fixture('good.yaml'), '--model', 'median', '--json')).out,
    ) as { explanations: { model: string; issue: string; sentences: { text: string }[] }[] };
    expect(json.explanations.map((e) => `${e.model}/${e.issue}`)).toEqual([
      'median/budget',
      'median/deadline',
    ]);
    expect(json.explanations[0]!.sentences.at(-1)!.text).toContain('the weighted median is');
  });
});
