import { describe, expect, it } from 'vitest';
import { resolveParagraph, type SentenceMentions } from './coreference.ts';
import { defaultGazetteer } from './gazetteer/gazetteer.ts';
import { findMentions } from './mentions.ts';
import { tokenize } from './tokens.ts';

function resolve(paragraphs: string[][]) {
  const g = defaultGazetteer();
  const all = paragraphs.map((p) =>
    p.map((text): SentenceMentions => {
      const tokens = tokenize(text);
      return { tokens, text, mentions: findMentions(tokens, g, text) };
    }),
  );
  const named = all.flat().flatMap((s) => s.mentions.map((m) => m.entity));
  const demonymOf = (w: string) =>
    [...g.entities.values()].find((e) => e.kind === 'state' && e.demonyms.includes(w));
  const previous = [];
  for (const p of all) {
    resolveParagraph(p, previous, { named, demonymOf });
    previous.push(p.flatMap((s) => s.mentions));
  }
  return all
    .flat()
    .map((s) =>
      s.mentions
        .filter((m) => m.via === 'coref')
        .map((m) => `${m.text}→${m.entity.id}${m.isPublic ? ' (public)' : ''}`),
    );
}

describe('resolveParagraph: rule-based coreference', () => {
  it('"the country" is the subject of its sentence, not the nearer object ("Japan … Washington’s … the country’s")', () => {
    expect(
      resolve([
        [
          "Japan is somewhat close to Washington's point of view and even the country's new prime minister hinted.",
        ],
      ]),
    ).toEqual([['the country→japan']]);
  });
  it('"the country" skips mentions after prepositions ("pressure from Washington, Seoul accepted … this country")', () => {
    expect(
      resolve([
        [
          'Under pressure from Washington, Seoul accepted, against the will of the people of this country.',
        ],
      ]),
    ).toEqual([['this country→south-korea (public)']]);
  });
  it('"the American think tank" is the one American think tank of the document, even named later', () => {
    expect(
      resolve([
        ['The American think tank points out a problem.'],
        ['The Quincy Institute writes more.'],
      ]),
    ).toEqual([['The American think tank→quincy-institute'], []]);
  });
  it('"the three juntas" are the three states last named together', () => {
    expect(
      resolve([
        ['Mali, Burkina Faso and Niger will not return.'],
        ['Nigeria wants them back.'],
        ['But the three juntas reject it.'],
      ]),
    ).toEqual([
      [],
      [],
      ['the three juntas→mali', 'the three juntas→burkina-faso', 'the three juntas→niger'],
    ]);
  });
  it('a clause-initial "they" is the state of the sentence before', () => {
    expect(
      resolve([['Quincy met South Korean officials in Seoul.', 'They are very cautious.']]),
    ).toEqual([[], ['They→south-korea']]);
  });
  it('fails on an antecedent in object position: "talks with Japan … the country" picks the subject', () => {
    // Documented limitation (docs/evidence.md): the subject rule wins.
    expect(resolve([['Manila held talks with Japan, and the country agreed.']])).toEqual([
      ['the country→philippines'],
    ]);
  });
});
