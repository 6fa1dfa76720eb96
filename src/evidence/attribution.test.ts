import { describe, expect, it } from 'vitest';
import { describeChain, findFrame, ownChain } from './attribution.ts';
import { resolveParagraph, type SentenceMentions } from './coreference.ts';
import { defaultGazetteer } from './gazetteer/gazetteer.ts';
import { findMentions } from './mentions.ts';
import { tokenize } from './tokens.ts';

function chainOf(text: string, doc: string[] = []): string {
  const g = defaultGazetteer();
  const tokens = tokenize(text);
  const s: SentenceMentions = { tokens, text, mentions: findMentions(tokens, g, text) };
  const named = [...doc, text].flatMap((t) => findMentions(tokenize(t), g, t).map((m) => m.entity));
  resolveParagraph([s], [], {
    named,
    demonymOf: (w) =>
      [...g.entities.values()].find((e) => e.kind === 'state' && e.demonyms.includes(w)),
  });
  return describeChain(ownChain(findFrame(s.tokens, s.mentions)));
}

describe('findFrame and ownChain: who says what', () => {
  it('"According to Isna, the American think tank points out…": the think tank’s claim, reported by ISNA', () => {
    expect(
      chainOf(
        'According to Isna, the American think tank points out that allies are not interested.',
        ['The Quincy Institute wrote.'],
      ),
    ).toBe(
      "claim by Quincy Institute for Responsible Statecraft, reported by Iranian Students' News Agency",
    );
  });
  it('"X explains," in a parenthesis and "According to X," alone make X the speaker', () => {
    expect(chainOf('However, Quincy explains, the main problem is disunity.')).toBe(
      'claim by Quincy Institute for Responsible Statecraft',
    );
    expect(chainOf('According to Quincy, South Korea is more reluctant.')).toBe(
      'claim by Quincy Institute for Responsible Statecraft',
    );
  });
  it('an official speaking is the state, reported by the outlet that quotes it', () => {
    expect(
      chainOf('According to Reuters, a senior Egyptian official said Cairo was determined.'),
    ).toBe('claim by Egypt (Egyptian), reported by Reuters');
  });
});
